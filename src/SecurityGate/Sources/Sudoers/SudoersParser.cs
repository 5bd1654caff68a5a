using System.Collections.Immutable;
using System.Text.RegularExpressions;
using SecurityGate.Findings;

namespace SecurityGate.Sources.Sudoers;

/// <summary>
/// The user specifications of a sudoers file (<c>sudoers</c>, <c>sudoers.d/*</c>) as sudoers(5) writes them:
/// comments (but <c>#include</c> and <c>#1000</c> uids), <c>\</c> continuations, Defaults and aliases (skipped),
/// <c>user_list host_list = (runas) TAG: commands</c> with several <c>:</c>-separated host sections. Never throws.
/// </summary>
public static partial class SudoersParser
{
    [GeneratedRegex(@"^(Defaults|User_Alias|Runas_Alias|Host_Alias|Cmnd_Alias|Cmd_Alias)\b", RegexOptions.CultureInvariant)]
    private static partial Regex SkippedLine();

    [GeneratedRegex(@"^[#@]include(dir)?\b", RegexOptions.CultureInvariant)]
    private static partial Regex IncludeLine();

    [GeneratedRegex(@"^(?<tag>[A-Z_]+):\s*", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s*,\s*", RegexOptions.CultureInvariant)]
    private static partial Regex CommaSpacing();

    private const string NoPasswordTag = "NOPASSWD";
    private const string PasswordTag = "PASSWD";

    public static SudoersFile Parse(string path, string text)
    {
        var rules = ImmutableArray.CreateBuilder<SudoersRule>();
        var problems = ImmutableArray.CreateBuilder<(string, SourceLocation)>();
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var start = i;
            var line = lines[i];
            while (line.TrimEnd().EndsWith('\\') && i + 1 < lines.Length)
                line = line.TrimEnd()[..^1] + " " + lines[++i];
            var content = StripComment(line).Trim();
            if (content.Length == 0 || SkippedLine().IsMatch(content) || IncludeLine().IsMatch(line.Trim()))
                continue;
            var location = SourceLocation.At(path, start + 1, line.Length - line.TrimStart().Length + 1);
            var equals = content.IndexOf('=');
            if (equals <= 0)
            {
                problems.Add(($"cannot read '{content}' as a user specification (user host = commands)", location));
                continue;
            }
            var who = CommaSpacing().Replace(content[..equals].Trim(), ",").Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (who.Length < 2)
            {
                problems.Add(($"'{content}' names no host list before '='", location));
                continue;
            }
            var users = string.Join(",", who[..^1]).Split(',', StringSplitOptions.RemoveEmptyEntries);
            rules.Add(ParseSpec([.. users], who[^1], content[(equals + 1)..], content, location));
        }
        return new SudoersFile(path, rules.ToImmutable(), problems.ToImmutable());
    }

    /// <summary>The part after <c>host=</c>: <c>(ALL:ALL) NOPASSWD: /bin/a, PASSWD: /bin/b</c>; also cloud-init's <c>sudo:</c> strings.</summary>
    public static SudoersRule ParseSpec(ImmutableArray<string> users, string hosts, string rest, string text, SourceLocation location)
    {
        // Further "host = commands" sections after ':' are read as more commands of the same rule.
        var body = rest.Trim();
        string? runAs = null;
        var commands = ImmutableArray.CreateBuilder<SudoCommand>();
        var noPassword = false;
        foreach (var raw in SplitCommands(body))
        {
            var item = raw.Trim();
            if (item.Contains('=') && !item.StartsWith('/'))
                item = item[(item.IndexOf('=') + 1)..].Trim(); // "host2 = (root) cmd" of a further section
            if (item.StartsWith('(') && item.IndexOf(')') is var close and > 0)
            {
                runAs ??= item[1..close];
                item = item[(close + 1)..].Trim();
            }
            while (Tag().Match(item) is { Success: true } tag)
            {
                if (tag.Groups["tag"].Value == NoPasswordTag)
                    noPassword = true;
                else if (tag.Groups["tag"].Value == PasswordTag)
                    noPassword = false;
                item = item[tag.Length..];
            }
            if (item.Length > 0)
                commands.Add(new SudoCommand(item.Trim(), noPassword));
        }
        return new SudoersRule(users, [.. hosts.Split(',', StringSplitOptions.RemoveEmptyEntries)], runAs, commands.ToImmutable(), text.Trim(), location);
    }

    /// <summary>Commands are separated by ',' and sections by ':' (but not the ':' of a tag or inside (runas:group)).</summary>
    private static IEnumerable<string> SplitCommands(string body)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c == '(') depth++;
            else if (c == ')') depth = Math.Max(0, depth - 1);
            else if (c == '\\') i++;
            else if (depth == 0 && (c == ',' || (c == ':' && !IsTagColon(body, i))))
            {
                yield return body[start..i];
                start = i + 1;
            }
        }
        yield return body[start..];
    }

    private static bool IsTagColon(string body, int colon)
    {
        var word = colon;
        while (word > 0 && (char.IsAsciiLetterUpper(body[word - 1]) || body[word - 1] == '_'))
            word--;
        return colon - word >= 4 && (word == 0 || !char.IsAsciiLetterOrDigit(body[word - 1]));
    }

    /// <summary>'#' starts a comment unless it begins a #include or a #uid in a user list.</summary>
    private static string StripComment(string line)
    {
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '#' && (i == 0 || char.IsWhiteSpace(line[i - 1]) || line[i - 1] == ',')
                && !(i + 1 < line.Length && char.IsAsciiDigit(line[i + 1])))
                return line[..i];
        }
        return line;
    }
}
