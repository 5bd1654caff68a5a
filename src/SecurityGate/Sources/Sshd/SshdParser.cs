using System.Collections.Immutable;
using System.Globalization;
using SecurityGate.Findings;

namespace SecurityGate.Sources.Sshd;

/// <summary>The items and problems of one file, before its Includes are resolved.</summary>
public sealed record SshdParsedFile(string Path, ImmutableArray<SshdItem> Items, ImmutableArray<SshdProblem> Problems);

/// <summary>
/// Parses the text of one sshd config file. Never throws: whatever sshd would reject becomes an
/// <see cref="SshdProblemKind.Invalid"/> problem on its line and the line is left out of the model.
/// </summary>
public static class SshdParser
{
    private const int MaxPort = 65535;
    private const string MissingArgument = "missing argument";

    private static readonly ImmutableHashSet<string> AuthenticationMethodNames = ImmutableHashSet.Create(
        StringComparer.Ordinal, "publickey", "password", "keyboard-interactive", "hostbased", "gssapi-with-mic");

    /// <summary>
    /// Parses <paramref name="text"/> as the file <paramref name="path"/>. <paramref name="lineOffset"/> is added to every
    /// line number, for config text embedded in another file (e.g. cloud-init's write_files).
    /// </summary>
    public static SshdParsedFile Parse(string path, string text, int lineOffset = 0, bool isTemplate = false)
    {
        if (isTemplate)
            text = SshdTemplate.Mask(text);
        var items = ImmutableArray.CreateBuilder<SshdItem>();
        var problems = ImmutableArray.CreateBuilder<SshdProblem>();
        var lines = text.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var context = new LineContext(path, index + 1 + lineOffset, lines[index], problems);
            var item = ParseLine(context);
            if (item is not null)
                items.Add(item);
        }
        return new SshdParsedFile(path, items.ToImmutable(), problems.ToImmutable());
    }

    private sealed record LineContext(string Path, int Line, string Text, ImmutableArray<SshdProblem>.Builder Problems)
    {
        public int EndColumn => Text.TrimEnd().Length + 1;

        public SourceLocation At(int column) => new(Path, Line, column, Line, Math.Max(column, EndColumn));

        public void Report(SshdProblemKind kind, Severity severity, string message, int column) =>
            Problems.Add(new SshdProblem(kind, severity, message, At(column)));

        public void Invalid(string message, int column) => Report(SshdProblemKind.Invalid, Severity.Error, message, column);
    }

    private static SshdItem? ParseLine(LineContext context)
    {
        var lexed = SshdLexer.Lex(context.Text);
        if (lexed.Keyword is not { } keyword)
            return null;
        if (SshdTemplate.IsTemplated(keyword.Text))
        {
            context.Report(SshdProblemKind.NotJudged, Severity.Note,
                "The keyword of this line is templated; the line is not judged.", keyword.Column);
            return null;
        }
        var definition = SshdKeywords.Find(keyword.Text);
        if (definition is null)
        {
            context.Invalid($"Bad configuration option: {keyword.Text} (sshd refuses to start).", keyword.Column);
            return null;
        }
        if (lexed.Error is not null)
        {
            context.Invalid($"{keyword.Text}: {lexed.Error}.", lexed.ErrorColumn);
            return null;
        }
        var location = context.At(keyword.Column);
        var args = lexed.Args.Select(a => a.Text).ToImmutableArray();
        var templated = args.Any(SshdTemplate.IsTemplated);
        return definition.Type switch
        {
            SshdValueType.Match => ParseMatch(context, lexed, location),
            SshdValueType.Include => ParseInclude(context, keyword, lexed.Args, location),
            _ when templated => Templated(context, keyword, args, location, definition),
            _ when CheckValue(context, keyword, lexed.Args, definition) =>
                new SshdDirective(definition.Canonical, keyword.Text, args, location, definition, IsTemplated: false),
            _ => null,
        };
    }

    private static SshdDirective Templated(LineContext context, SshdToken keyword, ImmutableArray<string> args,
        SourceLocation location, SshdKeyword definition)
    {
        context.Report(SshdProblemKind.NotJudged, Severity.Note,
            $"The value of {definition.Canonical} is templated; it is not judged (the rendered file may differ).",
            keyword.Column);
        return new SshdDirective(definition.Canonical, keyword.Text, args, location, definition, IsTemplated: true);
    }

    /// <summary>Checks the arguments as sshd 9.2 would; reports and returns false for a line sshd rejects.</summary>
    private static bool CheckValue(LineContext context, SshdToken keyword, ImmutableArray<SshdToken> args, SshdKeyword definition)
    {
        var name = definition.Canonical;
        if (definition.Type == SshdValueType.Ignored)
        {
            var what = definition.Status switch
            {
                SshdKeywordStatus.Deprecated => "is deprecated; sshd ignores it",
                SshdKeywordStatus.Unsupported => "is not supported by this sshd; it ignores it",
                _ => "has been ignored by OpenSSH since 7.4 (only protocol 2 exists)",
            };
            context.Report(SshdProblemKind.NotJudged, Severity.Note, $"{keyword.Text} {what}.", keyword.Column);
            return true;
        }
        if (args.Length == 0 || (args[0].Text.Length == 0 && definition.Type != SshdValueType.Text))
        {
            context.Invalid($"{name}: {MissingArgument}.", keyword.Column);
            return false;
        }
        var first = args[0];
        var singleArgument = definition.Type is not (SshdValueType.Text or SshdValueType.AuthenticationMethods);
        if (singleArgument && args.Length > 1)
        {
            context.Invalid($"{name}: extra arguments at end of line.", args[1].Column);
            return false;
        }
        var error = definition.Type switch
        {
            SshdValueType.Flag when !IsOneOf(first.Text, "yes", "no") =>
                $"{name}: unsupported option \"{first.Text}\" (expected yes or no).",
            SshdValueType.PermitRootLogin when !IsOneOf(first.Text, SshdValues.PermitRootLoginValues) =>
                $"{name}: unsupported option \"{first.Text}\" (expected yes, prohibit-password, forced-commands-only or no).",
            SshdValueType.Integer when ParseInteger(first.Text) is null => $"{name}: integer value invalid: \"{first.Text}\".",
            SshdValueType.AuthenticationMethods => CheckAuthenticationMethods(args),
            SshdValueType.Ciphers or SshdValueType.Macs or SshdValueType.KexAlgorithms =>
                CheckAlgorithms(context, definition, first),
            _ => null,
        };
        if (error is null)
            return true;
        context.Invalid(error, first.Column);
        return false;
    }

    private static string? CheckAlgorithms(LineContext context, SshdKeyword definition, SshdToken argument)
    {
        var kind = SshdValues.AlgorithmKind(definition.Type);
        var list = argument.Text is ['+' or '^' or '-', .. var rest] ? rest : argument.Text;
        if (list.Split(',').Any(n => n.Length == 0))
            return $"Bad SSH2 {definition.Canonical} spec '{argument.Text}' (empty name).";
        var unknown = SshdAlgorithms.UnknownNames(kind, argument.Text).ToList();
        if (unknown.Count > 0)
        {
            context.Report(SshdProblemKind.NotJudged, Severity.Warning,
                $"{definition.Canonical}: {string.Join(", ", unknown)} not supported by OpenSSH 9.2 (it would refuse to start; " +
                "other versions may accept it).", argument.Column);
        }
        return null;
    }

    private static string? CheckAuthenticationMethods(ImmutableArray<SshdToken> args)
    {
        if (args.Length == 1 && args[0].Text == SshdValues.AnyAuthenticationMethod)
            return null;
        foreach (var list in args)
        {
            foreach (var method in list.Text.Split(','))
            {
                var name = method.Split(':')[0];
                if (!AuthenticationMethodNames.Contains(name))
                    return $"AuthenticationMethods: unknown authentication method \"{method}\".";
            }
        }
        return null;
    }

    private static SshdItem? ParseInclude(LineContext context, SshdToken keyword, ImmutableArray<SshdToken> args, SourceLocation location)
    {
        if (args.Length == 0 || args.Any(a => a.Text.Length == 0))
        {
            context.Invalid("Include: missing filename argument.", keyword.Column);
            return null;
        }
        return new SshdInclude(args.Select(a => a.Text).ToImmutableArray(), location, []);
    }

    private static SshdItem? ParseMatch(LineContext context, SshdLexedLine lexed, SourceLocation location)
    {
        var rest = lexed.Rest;
        var condition = rest.Split('#')[0].Trim();
        if (SshdTemplate.IsTemplated(rest))
        {
            context.Report(SshdProblemKind.NotJudged, Severity.Note,
                "This Match condition is templated; the block is treated as matching no connection.", location.Column);
            return new SshdMatch([], condition, location, IsTemplated: true);
        }
        var criteria = ImmutableArray.CreateBuilder<SshdMatchCriterion>();
        int? position = 0;
        while (SshdLexer.NextWord(rest, ref position) is { Text.Length: > 0 } attribute && attribute.Text[0] != '#')
        {
            var column = lexed.RestIndex + attribute.Column;
            var name = attribute.Text.ToLowerInvariant();
            var argument = SshdLexer.NextWord(rest, ref position);
            var hasArgument = argument is { Text.Length: > 0 } && argument.Value.Text[0] != '#';
            if (name == SshdMatchAttributes.All)
            {
                if (criteria.Count > 0 || hasArgument)
                    return MatchError(context, "'all' cannot be combined with other Match attributes.", column);
                criteria.Add(new SshdMatchCriterion(SshdMatchAttributes.All, ""));
                break;
            }
            if (!SshdMatchAttributes.WithArgument.Contains(name))
                return MatchError(context, $"Unsupported Match attribute {attribute.Text}.", column);
            if (!hasArgument)
                return MatchError(context, $"Missing Match criteria for {attribute.Text}.", column);
            var pattern = argument!.Value.Text;
            var invalid = name switch
            {
                SshdMatchAttributes.Address or SshdMatchAttributes.LocalAddress
                    when SshdPatterns.MatchAddressList(null, pattern) == SshdPatterns.AddressMatch.Invalid =>
                    $"Invalid Match {attribute.Text} argument '{pattern}'.",
                SshdMatchAttributes.LocalPort when ParsePort(pattern) is null => $"Invalid LocalPort '{pattern}' on Match line.",
                _ => null,
            };
            if (invalid is not null)
                return MatchError(context, invalid, lexed.RestIndex + argument.Value.Column);
            criteria.Add(new SshdMatchCriterion(name, pattern));
        }
        if (criteria.Count == 0)
            return MatchError(context, "One or more attributes required for Match.", location.Column);
        return new SshdMatch(criteria.ToImmutable(), condition, location, IsTemplated: false);
    }

    private static SshdItem? MatchError(LineContext context, string message, int column)
    {
        context.Invalid($"Bad Match condition: {message}", column);
        return null;
    }

    private static bool IsOneOf(string value, params IEnumerable<string> allowed) =>
        allowed.Contains(value, StringComparer.OrdinalIgnoreCase);

    /// <summary>A non-negative decimal integer as OpenSSH's strtonum reads it ("+5" and "05" are 5).</summary>
    public static int? ParseInteger(string text) =>
        text.Length > 0 && (char.IsAsciiDigit(text[0]) || (text[0] == '+' && text.Length > 1))
        && text.Skip(1).All(char.IsAsciiDigit)
        && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    /// <summary>A port number 1–65535, or null.</summary>
    public static int? ParsePort(string text) =>
        ParseInteger(text) is { } port && port is > 0 and <= MaxPort ? port : null;
}
