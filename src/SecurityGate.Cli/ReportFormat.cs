using SecurityGate.Configuration;

namespace SecurityGate.Cli;

public enum ReportFormat
{
    Text,
    Json,
    Sarif,
    Markdown,
}

/// <summary>One requested report: a format and where it goes (null = stdout).</summary>
public sealed record ReportRequest(ReportFormat Format, string? OutputPath);

/// <summary>
/// Pairs <c>--format</c> and <c>--output</c> by position: each <c>--output</c> belongs to the nearest <c>--format</c>
/// before it; a <c>--format</c> without one goes to stdout (at most one may). No <c>--format</c> at all means text to stdout.
/// </summary>
public static class ReportRequests
{
    public static IReadOnlyList<string> FormatNames { get; } = ["text", "json", "sarif", "markdown"];

    /// <param name="tokens">The option tokens in command-line order: ("--format", "json"), ("--output", "r.json") …</param>
    public static IReadOnlyList<ReportRequest> Pair(IEnumerable<(string Option, string Value)> tokens, Func<string, string> resolvePath)
    {
        var requests = new List<(ReportFormat Format, string? Output)>();
        foreach (var (option, value) in tokens)
        {
            if (option == "--format")
            {
                if (!TryParse(value, out var format))
                    throw new ConfigurationException(
                        $"option --format: invalid value '{value}'; valid values: {string.Join(", ", FormatNames)}.");
                requests.Add((format, null));
            }
            else if (option == "--output")
            {
                if (requests.Count == 0)
                    throw new ConfigurationException(
                        $"option --output {value}: put a --format before it, e.g. '--format json --output {value}'.");
                if (requests[^1].Output is not null)
                    throw new ConfigurationException(
                        $"option --output {value}: the preceding --format {FormatNames[(int)requests[^1].Format]} already has --output {requests[^1].Output}.");
                requests[^1] = (requests[^1].Format, resolvePath(value));
            }
        }

        if (requests.Count == 0)
            return [new ReportRequest(ReportFormat.Text, null)];
        if (requests.Count(r => r.Output is null) > 1)
            throw new ConfigurationException(
                "option --format: only one report can go to stdout; give the others an --output FILE.");
        var duplicate = requests.Where(r => r.Output is not null).GroupBy(r => r.Output, StringComparer.Ordinal)
            .FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ConfigurationException($"option --output: {duplicate.Key} is named more than once.");
        return requests.Select(r => new ReportRequest(r.Format, r.Output)).ToList();
    }

    private static bool TryParse(string value, out ReportFormat format)
    {
        var index = FormatNames.ToList().IndexOf(value.Trim().ToLowerInvariant());
        format = (ReportFormat)Math.Max(index, 0);
        return index >= 0;
    }
}
