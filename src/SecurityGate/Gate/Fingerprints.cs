using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using SecurityGate.Findings;

namespace SecurityGate.Gate;

/// <summary>
/// Stable finding identities: a hash of rule id, target and the offending line's normalised text (not its number),
/// so a finding keeps its fingerprint when unrelated lines move. Repeats of the same key get an ordinal.
/// </summary>
public static partial class Fingerprints
{
    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();

    /// <param name="lineText">Returns the text of a repository line, or null when unknown.</param>
    public static IReadOnlyList<Finding> Assign(IReadOnlyList<Finding> findings, Func<string, int, string?> lineText)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new List<Finding>(findings.Count);
        foreach (var finding in findings)
        {
            var context = finding.Location is { } location
                ? location.Path + "\n" + Whitespace().Replace(lineText(location.Path, location.Line) ?? "", " ").Trim()
                : "";
            var key = finding.RuleId + "\n" + finding.Target + "\n" + context;
            var occurrence = seen[key] = seen.GetValueOrDefault(key) + 1;
            if (occurrence > 1)
                key += "\n#" + occurrence;
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
            result.Add(finding with { Fingerprint = Convert.ToHexStringLower(hash.AsSpan(0, 16)) });
        }
        return result;
    }
}
