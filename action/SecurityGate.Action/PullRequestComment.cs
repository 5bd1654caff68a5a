using System.Text;
using System.Text.RegularExpressions;
using SecurityGate.Gate;
using SecurityGate.Reports;

namespace SecurityGate.Action;

/// <summary>What the previous run left in its comment's hidden block: its verdict and the fingerprints it saw.</summary>
public sealed record CommentState(Verdict Verdict, IReadOnlySet<string> Fingerprints, bool Complete);

/// <summary>
/// The sticky PR comment's body: a hidden marker per check name, the markdown report with permalinks at the judged
/// commit, new/fixed against the previous run, and a hidden state block. Always under GitHub's 65,536 characters.
/// </summary>
public static partial class PullRequestComment
{
    /// <summary>Fingerprints are stored shortened (48 bits) so that many fit into the comment.</summary>
    public const int StoredFingerprintLength = 12;

    /// <summary>At most this many fingerprints are kept (about 20 KB); beyond it new/fixed counts are approximate.</summary>
    public const int MaxStoredFingerprints = 1500;

    private const string StateOpen = "<!-- security-gate-state";

    public static string Marker(string checkName) => $"<!-- security-gate:{checkName} -->";

    [GeneratedRegex(@"<!-- security-gate-state\nverdict: (pass|fail)\ncomplete: (yes|no)\nfingerprints: ([0-9a-f,]*)\n-->", RegexOptions.CultureInvariant)]
    private static partial Regex StatePattern();

    public static CommentState? ParseState(string body)
    {
        var match = StatePattern().Match(body.Replace("\r\n", "\n"));
        if (!match.Success)
            return null;
        var fingerprints = match.Groups[3].Value.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        return new CommentState(match.Groups[1].Value == "fail" ? Verdict.Fail : Verdict.Pass, fingerprints, match.Groups[2].Value == "yes");
    }

    public static string Short(string fingerprint) =>
        fingerprint.Length <= StoredFingerprintLength ? fingerprint : fingerprint[..StoredFingerprintLength];

    public static string Render(GateResult result, ReportView view, CommentState? previous, int maxChars = GitHubLimits.CommentBodyMaxChars - 1)
    {
        var current = result.Active.Select(f => Short(f.Fingerprint)).Where(f => f.Length > 0).Distinct().ToList();
        var complete = current.Count <= MaxStoredFingerprints;
        var state = $"{StateOpen}\nverdict: {(result.Verdict == Verdict.Fail ? "fail" : "pass")}\n" +
                    $"complete: {(complete ? "yes" : "no")}\nfingerprints: {string.Join(',', current.Take(MaxStoredFingerprints))}\n-->\n";

        var head = new StringBuilder(Marker(view.CheckName)).Append('\n');
        if (previous is not null)
        {
            if (previous.Verdict == Verdict.Fail && result.Verdict == Verdict.Pass)
                head.Append("**Now passing.** The previous run had blocking findings; this commit has none.\n\n");
            var currentSet = current.ToHashSet(StringComparer.Ordinal);
            var added = current.Count(f => !previous.Fingerprints.Contains(f));
            var fixedCount = previous.Fingerprints.Count(f => !currentSet.Contains(f));
            var approximate = !previous.Complete || !complete ? " (approximate: too many findings to track all)" : "";
            head.Append($"Since the previous run: **{added} new**, **{fixedCount} fixed**{approximate}.\n\n");
        }

        var foot = new StringBuilder("\n");
        if (view.Context.RunUrl is { } runUrl)
            foot.Append($"[Workflow run]({runUrl}) · ");
        foot.Append($"commit `{view.Context.HeadSha}` · check `{MarkdownText.Escape(view.CheckName)}`\n");

        var reportBudget = maxChars - head.Length - foot.Length - state.Length;
        var report = MarkdownReport.Render(result, new MarkdownOptions { Link = view.BlobLink, MaxLength = reportBudget });
        var body = head + report + foot + state;
        return body.Length <= maxChars ? body : head + report[..Math.Max(0, reportBudget - 2)] + "…\n" + foot + state;
    }
}
