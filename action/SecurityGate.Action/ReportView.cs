using SecurityGate.Findings;
using SecurityGate.Gate;

namespace SecurityGate.Action;

/// <summary>What every GitHub channel needs to show one result: the run's context and where the scanned tree sits.</summary>
public sealed record ReportView(GitHubContext Context, string CheckName, string PathPrefix = "")
{
    /// <summary><paramref name="repositoryPath"/> may be a sub-folder of the workspace (input path): paths become workspace-relative.</summary>
    public static ReportView For(GitHubContext context, string checkName, string repositoryPath)
    {
        var relative = Path.GetRelativePath(context.Workspace, repositoryPath).Replace('\\', '/');
        var prefix = relative == "." || relative.StartsWith("..", StringComparison.Ordinal) ? "" : relative.TrimEnd('/') + "/";
        return new ReportView(context, checkName, prefix);
    }

    public string RepoPath(SourceLocation location) => PathPrefix + location.Path;

    /// <summary>A permalink at the judged commit, so the link still shows the flagged line after later pushes.</summary>
    public string BlobLink(SourceLocation location) =>
        $"{Context.ServerUrl}/{Context.Repository}/blob/{Context.HeadSha}/{EncodePath(RepoPath(location))}#L{location.Line}";

    /// <summary>Every path segment percent-encoded: repository paths may hold '@', backticks, brackets or spaces.</summary>
    private static string EncodePath(string path) => string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    public static string Title(Finding finding) => $"{finding.RuleId}: {finding.Title}";

    /// <summary>Headline counts for titles and log lines.</summary>
    public static string CountsLine(GateResult result)
    {
        static string Plural(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
        return $"{result.BlockingCount} blocking · {Plural(result.CountActive(Severity.Error), "error")} · " +
               $"{Plural(result.CountActive(Severity.Warning), "warning")} · {Plural(result.CountActive(Severity.Note), "note")}";
    }
}
