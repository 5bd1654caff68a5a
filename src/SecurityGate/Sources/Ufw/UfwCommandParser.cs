using System.Collections.Immutable;
using System.Text;
using SecurityGate.Findings;

namespace SecurityGate.Sources.Ufw;

/// <summary>
/// Finds ufw invocations in shell text (a script, a cloud-init runcmd entry): lines joined at <c>\</c>, comments
/// dropped, split at <c>&amp;&amp; || ; |</c>, leading <c>sudo</c>/<c>env</c>/<c>VAR=value</c> skipped; then reads ufw's
/// own grammar (simple <c>allow 22/tcp</c> and full <c>allow proto tcp from X to any port 22</c> forms).
/// Words with <c>$</c> (unknown at rest) never count as "anywhere" or as a port.
/// </summary>
public static class UfwCommandParser
{
    private static readonly HashSet<string> RuleActions = ["allow", "deny", "reject", "limit"];

    public static IEnumerable<UfwCommand> ParseScript(string path, string text, UfwOrigin origin, int lineOffset = 0)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var start = i;
            var line = lines[i];
            while (line.TrimEnd().EndsWith('\\') && i + 1 < lines.Length)
                line = line.TrimEnd()[..^1] + " " + lines[++i];
            if (!line.Contains("ufw", StringComparison.Ordinal))
                continue;
            var location = SourceLocation.At(path, lineOffset + start + 1, line.Length - line.TrimStart().Length + 1);
            foreach (var command in ParseLine(line, origin, location))
                yield return command;
        }
    }

    public static IEnumerable<UfwCommand> ParseLine(string line, UfwOrigin origin, SourceLocation location)
    {
        foreach (var simple in SplitCommands(line))
        {
            var words = Words(simple);
            var at = 0;
            while (at < words.Count && (words[at] is "sudo" or "env" or "command" or "exec" || words[at].StartsWith('-') || IsAssignment(words[at])))
                at++;
            if (at >= words.Count || !(words[at] == "ufw" || words[at].EndsWith("/ufw", StringComparison.Ordinal)))
                continue;
            var args = words.Skip(at + 1).Where(w => !w.StartsWith("--", StringComparison.Ordinal)).ToList();
            if (Parse(args, simple.Trim(), origin, location) is { } command)
                yield return command;
        }
    }

    /// <summary>ufw's arguments after the program name (options removed).</summary>
    public static UfwCommand? Parse(IReadOnlyList<string> args, string text, UfwOrigin origin, SourceLocation location)
    {
        if (args.Count == 0)
            return null;
        var verb = args[0].ToLowerInvariant();
        switch (verb)
        {
            case "enable": return new UfwCommand(UfwCommandKind.Enable, null, [], null, "", text, origin, location);
            case "disable": return new UfwCommand(UfwCommandKind.Disable, null, [], null, "", text, origin, location);
            case "reset": return new UfwCommand(UfwCommandKind.Reset, null, [], null, "", text, origin, location);
            case "default" when args.Count >= 2:
                var direction = args.Count >= 3 ? args[2].ToLowerInvariant() : UfwCommand.Incoming;
                return new UfwCommand(UfwCommandKind.Default, args[1].ToLowerInvariant(), [], null, direction is "in" ? UfwCommand.Incoming : direction,
                    text, origin, location);
        }
        var rest = args.ToList();
        if (verb is "insert" or "prepend")
            rest = rest.Skip(verb == "insert" ? 2 : 1).ToList(); // "insert 1 allow …"
        if (rest.Count == 0 || !RuleActions.Contains(rest[0].ToLowerInvariant()))
            return null; // delete, route, status, app, logging…: not a new rule
        var action = rest[0].ToLowerInvariant();
        rest = rest.Skip(1).ToList();
        var inbound = true;
        while (rest.Count > 0 && rest[0] is "in" or "out" or "log" or "log-all" or "on")
        {
            if (rest[0] == "out")
                inbound = false;
            rest = rest.Skip(rest[0] == "on" ? 2 : 1).ToList();
        }
        if (!inbound || rest.Count == 0)
            return null;
        if (rest.Count == 1)
            return Rule(action, rest[0].Split(','), null, text, origin, location); // simple syntax: "22/tcp", "80,443/tcp", "OpenSSH"

        // Full syntax: [proto P] [from ADDR [port P|app A]] [to ADDR [port P|app A]]; the ports after "from" are the
        // client's, so only those outside the from-section are the opened ones.
        string? from = null;
        var section = "";
        var ports = new List<string>();
        for (var k = 0; k + 1 < rest.Count; k++)
        {
            switch (rest[k])
            {
                case "from": section = "from"; from = rest[++k]; break;
                case "to": section = "to"; k++; break;
                case "proto": k++; break;
                case "port" or "app":
                    var value = rest[++k];
                    if (section != "from")
                        ports.AddRange(value.Split(','));
                    break;
            }
        }
        return Rule(action, ports, from, text, origin, location);
    }

    private static UfwCommand Rule(string action, IEnumerable<string> ports, string? from, string text, UfwOrigin origin, SourceLocation location) =>
        new(UfwCommandKind.Rule, action, [.. ports.Where(p => p.Length > 0 && !p.Contains('$') && !p.Contains('{'))], from, UfwCommand.Incoming, text, origin, location);

    private static bool IsAssignment(string word) => word.IndexOf('=') is var eq and > 0 && word[..eq].All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    /// <summary>Splits at unquoted <c>&amp;&amp;</c>, <c>||</c>, <c>;</c>, <c>|</c>, <c>&amp;</c>, and drops a comment.</summary>
    private static IEnumerable<string> SplitCommands(string line)
    {
        var current = new StringBuilder();
        char? quote = null;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote is not null)
            {
                if (c == quote)
                    quote = null;
                current.Append(c);
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                current.Append(c);
            }
            else if (c == '#' && (i == 0 || char.IsWhiteSpace(line[i - 1])))
                break;
            else if (c is ';' or '|' or '&' or '(' or ')' or '`')
            {
                yield return current.ToString();
                current.Clear();
            }
            else
                current.Append(c);
        }
        yield return current.ToString();
    }

    /// <summary>Shell words with quotes removed (no expansion: <c>$VAR</c> stays as written).</summary>
    private static List<string> Words(string command)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        char? quote = null;
        foreach (var c in command)
        {
            if (quote is not null)
            {
                if (c == quote) quote = null;
                else word.Append(c);
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                    words.Add(word.ToString());
                word.Clear();
                inWord = false;
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }
        if (inWord)
            words.Add(word.ToString());
        return words;
    }
}
