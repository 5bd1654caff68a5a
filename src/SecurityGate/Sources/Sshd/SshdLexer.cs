using System.Collections.Immutable;
using System.Text;

namespace SecurityGate.Sources.Sshd;

/// <summary>A word of a config line; <see cref="Column"/> is 1-based and points at its first character (or quote).</summary>
public readonly record struct SshdToken(string Text, int Column);

/// <summary>One lexed line: a comment/blank line, a keyword with its arguments, or a syntax error.</summary>
internal sealed record SshdLexedLine
{
    public SshdToken? Keyword { get; init; }
    public ImmutableArray<SshdToken> Args { get; init; } = [];

    /// <summary>The raw text after the keyword (and its separator), as sshd hands it to Match.</summary>
    public string Rest { get; init; } = "";
    public int RestIndex { get; init; }

    public string? Error { get; init; }
    public int ErrorColumn { get; init; } = 1;

    public static readonly SshdLexedLine Blank = new();
}

/// <summary>
/// Splits one line the way OpenSSH 9.2's servconf.c does: the keyword ends at whitespace, a quote or one
/// <c>=</c> (so <c>Key value</c>, <c>Key=value</c> and <c>Key = value</c> are the same); arguments are split on
/// blanks with "double" and 'single' quotes and backslash escapes; a word starting with <c>#</c> ends the line.
/// </summary>
internal static class SshdLexer
{
    private const string Whitespace = " \t\r\n";
    private const string TrailingWhitespace = " \t\r\n\f";
    private const string KeywordDelimiters = " \t\r\n\"=";

    public static SshdLexedLine Lex(string line)
    {
        var end = line.Length;
        while (end > 0 && TrailingWhitespace.Contains(line[end - 1]))
            end--;
        line = line[..end];
        if (line.Length == 0)
            return SshdLexedLine.Blank;

        int? position = 0;
        var keyword = NextWord(line, ref position);
        if (keyword is { Text.Length: 0 })
            keyword = NextWord(line, ref position); // leading whitespace gives an empty first word
        if (keyword is null || keyword.Value.Text.Length == 0 || keyword.Value.Text[0] == '#')
            return SshdLexedLine.Blank; // comment, or a keyword with an unterminated quote that sshd silently skips
        if (position is null || position.Value >= line.Length)
            return new SshdLexedLine
            {
                Keyword = keyword,
                Error = $"no argument after keyword \"{keyword.Value.Text}\"",
                ErrorColumn = keyword.Value.Column,
            };

        var restIndex = position.Value;
        var args = SplitArguments(line, restIndex, out var quoteError);
        return new SshdLexedLine
        {
            Keyword = keyword,
            Rest = line[restIndex..],
            RestIndex = restIndex,
            Args = args,
            Error = quoteError is null ? null : "invalid quotes (unterminated quote)",
            ErrorColumn = (quoteError ?? 0) + 1,
        };
    }

    /// <summary>
    /// OpenSSH's strdelim: the next word up to whitespace, a quote or one '='; a leading quote makes a quoted word.
    /// Sets <paramref name="position"/> to null at the end of the line; returns null for an unterminated quote.
    /// </summary>
    public static SshdToken? NextWord(string line, ref int? position)
    {
        if (position is not { } start)
            return null;
        var delimiter = line.IndexOfAny(KeywordDelimiters.ToCharArray(), start);
        if (delimiter < 0)
        {
            position = null;
            return new SshdToken(line[start..], start + 1);
        }
        if (line[delimiter] == '"')
        {
            var close = line.IndexOf('"', delimiter + 1);
            if (close < 0)
            {
                position = null;
                return null;
            }
            var text = line[start..delimiter] + line[(delimiter + 1)..close];
            position = SkipWhitespace(line, close + 1);
            return new SshdToken(text, start + 1);
        }
        var sawEquals = line[delimiter] == '=';
        var word = new SshdToken(line[start..delimiter], start + 1);
        var next = SkipWhitespace(line, delimiter + 1);
        if (!sawEquals && next < line.Length && line[next] == '=')
            next = SkipWhitespace(line, next + 1); // "Key = value": allow one '=' surrounded by blanks
        position = next;
        return word;
    }

    /// <summary>OpenSSH's argv_split with terminate_on_comment; returns the index of an unterminated quote.</summary>
    private static ImmutableArray<SshdToken> SplitArguments(string line, int start, out int? unterminatedQuote)
    {
        unterminatedQuote = null;
        var tokens = ImmutableArray.CreateBuilder<SshdToken>();
        var i = start;
        while (i < line.Length)
        {
            if (line[i] == ' ' || line[i] == '\t')
            {
                i++;
                continue;
            }
            if (line[i] == '#')
                break;
            var tokenStart = i;
            var text = new StringBuilder();
            var quote = '\0';
            var quoteStart = 0;
            for (; i < line.Length; i++)
            {
                var c = line[i];
                if (c == '\\' && i + 1 < line.Length
                    && (line[i + 1] is '\'' or '"' or '\\' || (quote == '\0' && line[i + 1] == ' ')))
                {
                    text.Append(line[++i]);
                }
                else if (quote == '\0' && (c == ' ' || c == '\t'))
                {
                    break;
                }
                else if (quote == '\0' && (c == '"' || c == '\''))
                {
                    quote = c;
                    quoteStart = i;
                }
                else if (quote != '\0' && c == quote)
                {
                    quote = '\0';
                }
                else
                {
                    text.Append(c);
                }
            }
            if (quote != '\0')
            {
                unterminatedQuote = quoteStart;
                return tokens.ToImmutable();
            }
            tokens.Add(new SshdToken(text.ToString(), tokenStart + 1));
        }
        return tokens.ToImmutable();
    }

    private static int SkipWhitespace(string line, int index)
    {
        while (index < line.Length && Whitespace.Contains(line[index]))
            index++;
        return index;
    }
}
