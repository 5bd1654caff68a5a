using System.Collections.Immutable;
using System.Text.RegularExpressions;
using SecurityGate.Configuration;

namespace SecurityGate.Sources.DotEnv;

/// <summary>
/// A dotenv file (<c>KEY=value</c>, optional <c>export</c>, single/double quotes, <c># comments</c>): the production
/// environment against which settings' environment lookups are evaluated. Variables not in it are unset.
/// </summary>
public static partial class DotEnvFile
{
    [GeneratedRegex(@"^\s*(?:export\s+)?(?<key>[A-Za-z_][A-Za-z0-9_.]*)\s*=\s*(?<value>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex AssignmentPattern();

    /// <summary>Parses the file; throws <see cref="ConfigurationException"/> naming <c>file:line</c> on a bad line.</summary>
    public static ImmutableDictionary<string, string> Parse(string text, string displayPath)
    {
        var result = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
                continue;
            var match = AssignmentPattern().Match(line);
            if (!match.Success)
                throw new ConfigurationException($"{displayPath}:{i + 1}: expected KEY=value.");
            var raw = match.Groups["value"].Value.Trim();
            string value;
            if (raw.StartsWith('"') || raw.StartsWith('\''))
            {
                var quote = raw[0];
                var builder = new System.Text.StringBuilder();
                var rest = raw[1..];
                var startLine = i;
                // Double-quoted values may span lines and use escapes; single-quoted ones are literal.
                while (true)
                {
                    var close = FindClosingQuote(rest, quote);
                    if (close >= 0)
                    {
                        builder.Append(rest[..close]);
                        var trailing = rest[(close + 1)..].Trim();
                        if (trailing.Length > 0 && !trailing.StartsWith('#'))
                            throw new ConfigurationException($"{displayPath}:{i + 1}: unexpected text after the closing quote.");
                        break;
                    }
                    builder.Append(rest).Append('\n');
                    if (++i >= lines.Length)
                        throw new ConfigurationException($"{displayPath}:{startLine + 1}: unterminated quoted value.");
                    rest = lines[i];
                }
                value = quote == '"' ? Unescape(builder.ToString()) : builder.ToString();
            }
            else
            {
                var comment = raw.IndexOf(" #", StringComparison.Ordinal);
                value = (comment >= 0 ? raw[..comment] : raw).Trim();
            }
            result[match.Groups["key"].Value] = value;
        }
        return result.ToImmutable();
    }

    public static ImmutableDictionary<string, string> Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException($"--env-file {path}: cannot read the file: {e.Message}");
        }
        return Parse(text, path);
    }

    private static int FindClosingQuote(string text, char quote)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (quote == '"' && text[i] == '\\')
                i++;
            else if (text[i] == quote)
                return i;
        }
        return -1;
    }

    private static string Unescape(string value) =>
        value.Replace("\\n", "\n").Replace("\\t", "\t").Replace("\\\"", "\"").Replace("\\\\", "\\");
}
