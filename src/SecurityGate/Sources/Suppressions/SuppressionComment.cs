using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using SecurityGate.Findings;

namespace SecurityGate.Sources.Suppressions;

/// <summary>
/// One inline suppression: <c># security-gate: ignore[DJ001,DJ004] reason text until=2026-12-31</c>
/// (<c>//</c> comments work too). It applies to findings on its own line or the line below.
/// </summary>
public sealed record SuppressionComment(
    SourceLocation Location,
    ImmutableArray<string> RuleIds,
    string Reason,
    DateOnly? Until,
    string? Problem)
{
    public bool IsValid => Problem is null;
}

public static partial class SuppressionCommentParser
{
    public const string Marker = "security-gate:";

    [GeneratedRegex(@"(?:#|//)\s*security-gate:\s*ignore\[(?<ids>[^\]]*)\](?<rest>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex SuppressionPattern();

    [GeneratedRegex(@"(?:^|\s)until=(?<date>\S+)", RegexOptions.CultureInvariant)]
    private static partial Regex UntilPattern();

    [GeneratedRegex(@"^[A-Z]{2,4}\d{3}$", RegexOptions.CultureInvariant)]
    private static partial Regex RuleIdPattern();

    /// <summary>Finds every suppression comment in a file. Cheap when the marker is absent.</summary>
    public static ImmutableArray<SuppressionComment> Parse(string text, string path)
    {
        if (!text.Contains(Marker, StringComparison.Ordinal))
            return [];
        var result = ImmutableArray.CreateBuilder<SuppressionComment>();
        var lineNumber = 0;
        foreach (var line in text.Split('\n'))
        {
            lineNumber++;
            if (!line.Contains(Marker, StringComparison.Ordinal))
                continue;
            var match = SuppressionPattern().Match(line.TrimEnd('\r'));
            if (!match.Success)
                continue;
            var location = new SourceLocation(path, lineNumber, match.Index + 1, lineNumber, match.Index + match.Length + 1);
            var ids = match.Groups["ids"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(id => id.ToUpperInvariant()).ToImmutableArray();
            var rest = match.Groups["rest"].Value;
            DateOnly? until = null;
            string? problem = null;

            var untilMatch = UntilPattern().Match(rest);
            if (untilMatch.Success)
            {
                if (DateOnly.TryParseExact(untilMatch.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture,
                        DateTimeStyles.None, out var date))
                    until = date;
                else
                    problem = $"until= must be a date YYYY-MM-DD, got '{untilMatch.Groups["date"].Value}'";
                rest = rest.Remove(untilMatch.Index, untilMatch.Length);
            }

            var reason = rest.Trim();
            if (ids.IsEmpty)
                problem ??= "no rule id between the brackets";
            else if (ids.FirstOrDefault(id => !RuleIdPattern().IsMatch(id)) is { } badId)
                problem ??= $"'{badId}' is not a rule id";
            if (reason.Length == 0)
                problem ??= "a reason is required";
            result.Add(new SuppressionComment(location, ids, reason, until, problem));
        }
        return result.ToImmutable();
    }
}
