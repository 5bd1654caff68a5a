using System.Text;
using SecurityGate.Configuration;
using SecurityGate.Findings;
using SecurityGate.Gate;

namespace SecurityGate.Reports;

/// <summary>How the markdown summary links to files: relative <c>path#Lline</c> by default; the GitHub side passes permalinks.</summary>
public sealed record MarkdownOptions
{
    public Func<SourceLocation, string> Link { get; init; } = location => $"{location.Path}#L{location.Line}";

    /// <summary>Stop adding rows when the text reaches this length (GitHub comments and summaries have limits).</summary>
    public int MaxLength { get; init; } = int.MaxValue;
}

/// <summary>
/// The markdown summary shared by <c>--format markdown</c>, the PR comment and the job summary: verdict line,
/// counts by severity, sites and grades, a table of blocking findings, the rest collapsed.
/// All repository- and site-controlled text goes through <see cref="MarkdownText"/>.
/// </summary>
public static class MarkdownReport
{
    public const string TableHeader = "| Severity | Rule | Location | Message |\n|---|---|---|---|\n";

    public static string Render(GateResult result, MarkdownOptions? options = null)
    {
        options ??= new MarkdownOptions();
        var text = new StringBuilder();
        var blocking = result.Findings.Where(f => f.Blocking).ToList();
        var rest = result.Findings.Where(f => !f.Blocking).ToList();

        text.Append(result.Verdict == Verdict.Fail
            ? $"### ❌ SecurityGate: {Plural(blocking.Count, "blocking finding")}\n\n"
            : "### ✅ SecurityGate: no blocking findings\n\n");
        text.Append(Counts(result)).Append("\n\n");

        if (result.Sites.Length > 0)
        {
            text.Append("| Site | Reachable | Observatory |\n|---|---|---|\n");
            foreach (var site in result.Sites)
                text.Append($"| {MarkdownText.Code(site.Url)} | {(site.Reachable ? "yes" : "**no**")} | " +
                            $"{(site.Observatory is { } o ? $"{MarkdownText.Escape(o.Grade)} ({o.Score})" : "–")} |\n");
            text.Append('\n');
        }

        foreach (var project in result.DjangoProjects)
            text.Append($"Django settings {MarkdownText.Code(project.SettingsModule)} judged as Django {MarkdownText.Escape(project.DjangoVersion)} " +
                        $"({MarkdownText.Escape(project.VersionSource)})" +
                        (project.ConfigurationClass is null ? "" : $", configuration class {MarkdownText.Code(project.ConfigurationClass)} " +
                            $"({MarkdownText.Escape(project.ConfigurationChosenBecause ?? "")})") + ".\n\n");

        var omitted = 0;
        if (blocking.Count > 0)
        {
            text.Append("#### Blocking\n\n").Append(TableHeader);
            omitted += AppendRows(text, blocking, options);
            text.Append('\n');
        }
        if (rest.Count > 0)
        {
            text.Append($"<details><summary>{Plural(rest.Count, "other finding")}</summary>\n\n").Append(TableHeader);
            omitted += AppendRows(text, rest, options);
            text.Append("\n</details>\n");
        }
        if (omitted > 0)
            text.Append($"\n…and {omitted} more (see the JSON or SARIF report for all findings).\n");
        return text.ToString();
    }

    public static string Counts(GateResult result)
    {
        var suppressed = result.Suppressed.Count();
        return $"**{result.BlockingCount} blocking** · {Plural(result.CountActive(Severity.Error), "error")} · " +
               $"{Plural(result.CountActive(Severity.Warning), "warning")} · {Plural(result.CountActive(Severity.Note), "note")}" +
               (suppressed > 0 ? $" · {suppressed} suppressed" : "") +
               $" · fail-on: `{result.FailOn.ToName()}`";
    }

    private static int AppendRows(StringBuilder text, IReadOnlyList<Finding> findings, MarkdownOptions options)
    {
        for (var i = 0; i < findings.Count; i++)
        {
            var row = Row(findings[i], options);
            // Leave room for the closing lines and the "…and N more" note.
            if (text.Length + row.Length + 200 > options.MaxLength)
                return findings.Count - i;
            text.Append(row);
        }
        return 0;
    }

    private static string Row(Finding finding, MarkdownOptions options)
    {
        var location = finding.Location is { } l
            ? $"[{MarkdownText.Escape($"{l.Path}:{l.Line}")}]({EscapeLink(options.Link(l))})"
            : MarkdownText.Code(finding.Target);
        var message = MarkdownText.Escape(finding.Message);
        if (finding.Suppression is { } s)
            message += $" *(suppressed: {MarkdownText.Escape(s.Reason)})*";
        return $"| {finding.Severity.ToName()} | {finding.RuleId} | {location} | {message} |\n";
    }

    /// <summary>Link targets are built from repo paths: percent-encode what could end or break the link.</summary>
    private static string EscapeLink(string link) => link
        .Replace(" ", "%20").Replace("(", "%28").Replace(")", "%29").Replace("|", "%7C")
        .Replace("<", "%3C").Replace(">", "%3E").Replace("\"", "%22").Replace("\n", "").Replace("\r", "");

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
