using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;

namespace SecurityGate.Docker.DjangoCheck;

/// <summary>
/// Reads the report of Django's <c>check</c> command (django/core/management/base.py): an optional
/// "SystemCheckError: " prefix, "System check identified some issues:", then per level a "WARNINGS:" line followed by
/// sorted messages <c>obj: (id) text</c> (continued lines; "\tHINT: …"), and the footer
/// "System check identified N issues (M silenced)." A clean project prints only "… no issues (0 silenced).".
/// </summary>
public static partial class DjangoCheckOutputParser
{
    private const string HintPrefix = "\tHINT: ";
    private const string NoObjectPrefix = "?: ";

    private static readonly IReadOnlyDictionary<string, DjangoCheckLevel> LevelHeaders = new Dictionary<string, DjangoCheckLevel>(StringComparer.Ordinal)
    {
        ["CRITICALS:"] = DjangoCheckLevel.Critical,
        ["ERRORS:"] = DjangoCheckLevel.Error,
        ["WARNINGS:"] = DjangoCheckLevel.Warning,
        ["INFOS:"] = DjangoCheckLevel.Info,
        ["DEBUGS:"] = DjangoCheckLevel.Debug,
    };

    // "?: (security.W004) You have not set …". Ids are dotted ("app.W001", Django's convention), which keeps an object
    // name such as "field: (x) y" from being mistaken for an id.
    [GeneratedRegex(@"^(?<object>.+?): \((?<id>[\w-]+(?:\.[\w-]+)+)\) (?<text>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex MessageWithId();

    [GeneratedRegex(@"^System check identified (no issues|1 issue|\d+ issues) \(\d+ silenced\)\.$", RegexOptions.CultureInvariant)]
    private static partial Regex Footer();

    /// <summary>The messages, or null when the text holds no check report (the command failed before checking).</summary>
    public static ImmutableArray<DjangoCheckMessage>? Parse(string output)
    {
        var lines = output.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var messages = ImmutableArray.CreateBuilder<DjangoCheckMessage>();
        DjangoCheckLevel? level = null;
        Pending? current = null;
        var sawReport = false;

        void Flush()
        {
            if (current is not null)
                messages.Add(current.ToMessage());
            current = null;
        }

        foreach (var raw in lines)
        {
            var line = raw.TrimEnd();
            if (Footer().IsMatch(line))
            {
                Flush();
                sawReport = true;
                level = null;
                continue;
            }
            if (line.EndsWith("System check identified some issues:", StringComparison.Ordinal))
            {
                sawReport = true;
                continue;
            }
            if (LevelHeaders.TryGetValue(line, out var header))
            {
                Flush();
                level = header;
                continue;
            }
            if (level is not { } messageLevel)
                continue;
            if (line.Length == 0)
            {
                // Groups end with a blank line; a blank line inside a message is kept with it.
                current?.Text.Append('\n');
                continue;
            }
            if (raw.StartsWith(HintPrefix, StringComparison.Ordinal) && current is not null)
            {
                current.Hint = raw[HintPrefix.Length..].TrimEnd();
                continue;
            }
            if (MessageWithId().Match(line) is { Success: true } match)
            {
                Flush();
                current = new Pending(messageLevel, match.Groups["id"].Value, match.Groups["object"].Value, match.Groups["text"].Value);
                continue;
            }
            if (current is null || line.StartsWith(NoObjectPrefix, StringComparison.Ordinal))
            {
                // A custom check without an id: "obj: text". After another message only the "?: " form (no object)
                // can be told apart from a continued line; "obj: text" there stays part of the message before it.
                Flush();
                var colon = line.IndexOf(": ", StringComparison.Ordinal);
                current = colon > 0
                    ? new Pending(messageLevel, "", line[..colon], line[(colon + 2)..])
                    : new Pending(messageLevel, "", "?", line);
                continue;
            }
            current.Text.Append('\n').Append(line);
        }
        Flush();
        return sawReport ? messages.ToImmutable() : null;
    }

    private sealed class Pending(DjangoCheckLevel level, string id, string obj, string text)
    {
        public StringBuilder Text { get; } = new(text);
        public string Hint { get; set; } = "";

        public DjangoCheckMessage ToMessage() => new(level, id, obj, Text.ToString().TrimEnd(), Hint);
    }
}
