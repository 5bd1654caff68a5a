using System.Collections.Immutable;
using System.Text.RegularExpressions;
using SecurityGate.Findings;

namespace SecurityGate.Sources.Docker;

/// <summary>
/// A committed .env file read leniently, line by line, keeping each variable's line: <c>KEY=value</c>, optional
/// <c>export</c>, quotes, <c># comments</c>. Lines that are not assignments are skipped (never an exception);
/// multi-line quoted values keep only their first line (enough for the rules).
/// </summary>
public static partial class DotEnvAssignments
{
    public const string Origin = ".env file";

    [GeneratedRegex(@"^(?<indent>\s*)(?:export\s+)?(?<key>[A-Za-z_][A-Za-z0-9_.]*)\s*=\s*(?<value>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex AssignmentPattern();

    public static EnvironmentModel Parse(string path, string text)
    {
        var assignments = ImmutableArray.CreateBuilder<EnvironmentAssignment>();
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var match = AssignmentPattern().Match(lines[i]);
            if (!match.Success || lines[i].TrimStart().StartsWith('#'))
                continue;
            var value = Unquote(match.Groups["value"].Value.Trim());
            var location = SourceLocation.At(path, i + 1, match.Groups["key"].Index + 1);
            assignments.Add(EnvironmentModel.Assign(match.Groups["key"].Value, value, Origin, location));
        }
        return new EnvironmentModel(path, EnvironmentFileKind.DotEnv, assignments.ToImmutable());
    }

    private static string Unquote(string raw)
    {
        if (raw.Length > 0 && raw[0] is '"' or '\'')
        {
            var close = raw.IndexOf(raw[0], 1);
            return close > 0 ? raw[1..close] : raw[1..];
        }
        var comment = raw.IndexOf(" #", StringComparison.Ordinal);
        return (comment >= 0 ? raw[..comment] : raw).Trim();
    }
}
