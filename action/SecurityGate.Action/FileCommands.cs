using System.Security.Cryptography;
using System.Text;
using SecurityGate.Gate;
using SecurityGate.Reports;

namespace SecurityGate.Action;

/// <summary>$GITHUB_STEP_SUMMARY: the markdown report, cut to fit the runner's 1 MiB limit.</summary>
public static class StepSummary
{
    public static string Render(GateResult result, ReportView view, IReadOnlyList<string> notes, int maxBytes = GitHubLimits.StepSummaryMaxBytes)
    {
        var tail = new StringBuilder();
        foreach (var note in notes)
            tail.Append("\n> ").Append(note).Append('\n');
        if (view.Context.RunUrl is { } runUrl)
            tail.Append($"\n[Workflow run]({runUrl}) · commit `{view.Context.HeadSha}`\n");
        var budget = maxBytes;
        while (true)
        {
            var markdown = MarkdownReport.Render(result, new MarkdownOptions { Link = view.BlobLink, MaxLength = budget }) + tail;
            var bytes = Encoding.UTF8.GetByteCount(markdown);
            if (bytes <= maxBytes || budget < 1000)
                return markdown;
            budget -= Math.Max(bytes - maxBytes, budget / 8) + 256;
        }
    }

    public static void Append(string path, string markdown) =>
        File.AppendAllText(path, markdown + "\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
}

/// <summary>$GITHUB_OUTPUT in the multi-line form with a random delimiter, which no value can contain as a line.</summary>
public static class OutputsFile
{
    public static string Render(IEnumerable<(string Name, string Value)> outputs)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in outputs)
        {
            string delimiter;
            do
                delimiter = "ghadelimiter_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            while (value.Contains(delimiter, StringComparison.Ordinal));
            text.Append(name).Append("<<").Append(delimiter).Append('\n')
                .Append(value.Replace("\r\n", "\n")).Append('\n')
                .Append(delimiter).Append('\n');
        }
        return text.ToString();
    }

    public static void Append(string path, string text) =>
        File.AppendAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
}
