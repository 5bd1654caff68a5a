using System.Globalization;
using System.Text;

namespace SecurityGate.Sources.Terraform;

internal enum HclTokenKind
{
    Identifier,
    Number,
    /// <summary>A "quoted" template; <see cref="HclToken.Value"/> holds its text with escapes decoded.</summary>
    QuotedString,
    /// <summary>A &lt;&lt;EOF or &lt;&lt;-EOF heredoc; <see cref="HclToken.Value"/> holds its lines.</summary>
    Heredoc,
    OpenBrace,
    CloseBrace,
    OpenBracket,
    CloseBracket,
    OpenParen,
    CloseParen,
    Equals,
    Comma,
    Dot,
    Colon,
    Question,
    FatArrow,
    Ellipsis,
    /// <summary>Arithmetic, comparison and logic operators: the gate keeps such expressions as text.</summary>
    Operator,
    Newline,
    Invalid,
    EndOfFile,
}

/// <summary>
/// One token. <see cref="Start"/>/<see cref="End"/> are offsets into the text (end exclusive);
/// <see cref="HasInterpolation"/> marks a string or heredoc holding <c>${…}</c> or <c>%{…}</c>.
/// </summary>
internal readonly record struct HclToken(HclTokenKind Kind, string Text, int Start, int End, string? Value = null,
    bool HasInterpolation = false);

/// <summary>Maps text offsets to 1-based lines and columns.</summary>
internal sealed class HclTextMap
{
    private readonly List<int> _lineStarts = [0];

    public HclTextMap(string text)
    {
        for (var i = 0; i < text.Length; i++)
            if (text[i] == '\n')
                _lineStarts.Add(i + 1);
    }

    public (int Line, int Column) Position(int offset)
    {
        var index = _lineStarts.BinarySearch(offset);
        if (index < 0)
            index = ~index - 1;
        return (index + 1, offset - _lineStarts[index] + 1);
    }
}

/// <summary>
/// Splits HCL native syntax into tokens. Comments (<c>#</c>, <c>//</c>, <c>/* */</c>) are dropped; newlines are
/// tokens because they end attributes. Never throws: a bad character, an unterminated string or comment becomes a
/// problem (offset, message) and lexing goes on.
/// </summary>
internal sealed class HclLexer
{
    private readonly string _text;
    private readonly List<HclToken> _tokens = [];
    private readonly List<(int Offset, string Message)> _problems = [];
    private int _pos;

    private HclLexer(string text) => _text = text;

    public static (IReadOnlyList<HclToken> Tokens, IReadOnlyList<(int Offset, string Message)> Problems) Lex(string text)
    {
        var lexer = new HclLexer(text);
        lexer.Run();
        return (lexer._tokens, lexer._problems);
    }

    private char At(int index) => index < _text.Length ? _text[index] : '\0';

    private void Run()
    {
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            var start = _pos;
            if (c == '\n')
            {
                _pos++;
                Add(HclTokenKind.Newline, start);
            }
            else if (c is ' ' or '\t' or '\r' or '\f' or '\uFEFF')
                _pos++;
            else if (c == '#' || (c == '/' && At(_pos + 1) == '/'))
                SkipToLineEnd();
            else if (c == '/' && At(_pos + 1) == '*')
                SkipBlockComment();
            else if (c == '"')
                LexQuoted();
            else if (c == '<' && At(_pos + 1) == '<' && TryLexHeredoc())
            {
            }
            else if (char.IsAsciiDigit(c))
                LexNumber();
            else if (char.IsLetter(c) || c == '_')
            {
                while (_pos < _text.Length && (char.IsLetterOrDigit(_text[_pos]) || _text[_pos] is '_' or '-'))
                    _pos++;
                Add(HclTokenKind.Identifier, start);
            }
            else
                LexPunctuation(c, start);
        }
        _tokens.Add(new HclToken(HclTokenKind.EndOfFile, "", _text.Length, _text.Length));
    }

    private void Add(HclTokenKind kind, int start, string? value = null, bool interpolated = false) =>
        _tokens.Add(new HclToken(kind, _text[start.._pos], start, _pos, value, interpolated));

    private void SkipToLineEnd()
    {
        while (_pos < _text.Length && _text[_pos] != '\n')
            _pos++;
    }

    private void SkipBlockComment()
    {
        var end = _text.IndexOf("*/", _pos + 2, StringComparison.Ordinal);
        if (end < 0)
        {
            _problems.Add((_pos, "unterminated /* comment"));
            _pos = _text.Length;
            return;
        }
        _pos = end + 2;
    }

    private void LexNumber()
    {
        var start = _pos;
        while (char.IsAsciiDigit(At(_pos)))
            _pos++;
        if (At(_pos) == '.' && char.IsAsciiDigit(At(_pos + 1)))
        {
            _pos++;
            while (char.IsAsciiDigit(At(_pos)))
                _pos++;
        }
        if (At(_pos) is 'e' or 'E' && (char.IsAsciiDigit(At(_pos + 1)) || (At(_pos + 1) is '+' or '-' && char.IsAsciiDigit(At(_pos + 2)))))
        {
            _pos += 2;
            while (char.IsAsciiDigit(At(_pos)))
                _pos++;
        }
        Add(HclTokenKind.Number, start);
    }

    private void LexPunctuation(char c, int start)
    {
        var two = _pos + 1 < _text.Length ? _text.Substring(_pos, 2) : "";
        if (two is "==" or "!=" or "<=" or ">=" or "&&" or "||")
        {
            _pos += 2;
            Add(HclTokenKind.Operator, start);
            return;
        }
        if (two == "=>")
        {
            _pos += 2;
            Add(HclTokenKind.FatArrow, start);
            return;
        }
        if (c == '.' && At(_pos + 1) == '.' && At(_pos + 2) == '.')
        {
            _pos += 3;
            Add(HclTokenKind.Ellipsis, start);
            return;
        }
        _pos++;
        var kind = c switch
        {
            '{' => HclTokenKind.OpenBrace,
            '}' => HclTokenKind.CloseBrace,
            '[' => HclTokenKind.OpenBracket,
            ']' => HclTokenKind.CloseBracket,
            '(' => HclTokenKind.OpenParen,
            ')' => HclTokenKind.CloseParen,
            '=' => HclTokenKind.Equals,
            ',' => HclTokenKind.Comma,
            '.' => HclTokenKind.Dot,
            ':' => HclTokenKind.Colon,
            '?' => HclTokenKind.Question,
            '!' or '+' or '-' or '*' or '/' or '%' or '<' or '>' => HclTokenKind.Operator,
            _ => HclTokenKind.Invalid,
        };
        if (kind == HclTokenKind.Invalid)
            _problems.Add((start, $"unexpected character '{Printable(c)}'"));
        Add(kind, start);
    }

    private static string Printable(char c) =>
        char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString();

    /// <summary>
    /// A quoted template: escapes are decoded, <c>$${</c>/<c>%%{</c> are literal, and each <c>${…}</c>/<c>%{…}</c>
    /// is kept as written (unevaluated). A newline before the closing quote ends it with a problem, as in HCL.
    /// </summary>
    private void LexQuoted()
    {
        var start = _pos;
        var value = new StringBuilder();
        var interpolated = false;
        _pos++;
        while (true)
        {
            if (_pos >= _text.Length || _text[_pos] == '\n')
            {
                _problems.Add((start, "unterminated string: a quoted string must end on the line it starts"));
                break;
            }
            var c = _text[_pos];
            if (c == '"')
            {
                _pos++;
                break;
            }
            if (c == '\\')
            {
                DecodeEscape(value);
                continue;
            }
            if (c is '$' or '%' && At(_pos + 1) == c && At(_pos + 2) == '{')
            {
                value.Append(c).Append('{');
                _pos += 3;
                continue;
            }
            if (c is '$' or '%' && At(_pos + 1) == '{')
            {
                interpolated = true;
                var end = SkipInterpolation(_pos + 2);
                if (end < 0)
                {
                    _problems.Add((_pos, $"unterminated {c}{{ in a string"));
                    value.Append(_text, _pos, LineEnd(_pos) - _pos);
                    _pos = LineEnd(_pos);
                    break;
                }
                value.Append(_text, _pos, end - _pos);
                _pos = end;
                continue;
            }
            value.Append(c);
            _pos++;
        }
        Add(HclTokenKind.QuotedString, start, value.ToString(), interpolated);
    }

    private int LineEnd(int from)
    {
        var end = _text.IndexOf('\n', from);
        return end < 0 ? _text.Length : end;
    }

    private void DecodeEscape(StringBuilder value)
    {
        var next = At(_pos + 1);
        switch (next)
        {
            case 'n': value.Append('\n'); _pos += 2; return;
            case 't': value.Append('\t'); _pos += 2; return;
            case 'r': value.Append('\r'); _pos += 2; return;
            case '"': value.Append('"'); _pos += 2; return;
            case '\\': value.Append('\\'); _pos += 2; return;
            case 'u' or 'U':
                var digits = next == 'u' ? 4 : 8;
                if (_pos + 2 + digits <= _text.Length
                    && int.TryParse(_text.AsSpan(_pos + 2, digits), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code)
                    && code is >= 0 and <= 0x10FFFF && code is < 0xD800 or > 0xDFFF)
                {
                    value.Append(char.ConvertFromUtf32(code));
                    _pos += 2 + digits;
                    return;
                }
                break;
        }
        _problems.Add((_pos, "invalid escape sequence in a string"));
        value.Append('\\');
        _pos++;
    }

    /// <summary>The offset just after the <c>}</c> closing an interpolation whose body starts at <paramref name="from"/>; -1 if it does not close on this line.</summary>
    private int SkipInterpolation(int from)
    {
        var depth = 1;
        var i = from;
        while (i < _text.Length && _text[i] != '\n')
        {
            var c = _text[i];
            if (c == '"')
            {
                i = SkipNestedString(i + 1);
                if (i < 0)
                    return -1;
                continue;
            }
            if (c == '{')
                depth++;
            else if (c == '}' && --depth == 0)
                return i + 1;
            i++;
        }
        return -1;
    }

    /// <summary>Skips a string inside an interpolation (which may hold interpolations itself); -1 if unterminated.</summary>
    private int SkipNestedString(int i)
    {
        while (i < _text.Length && _text[i] != '\n')
        {
            var c = _text[i];
            if (c == '\\')
                i += 2;
            else if (c == '"')
                return i + 1;
            else if (c is '$' or '%' && At(i + 1) == '{')
            {
                i = SkipInterpolation(i + 2);
                if (i < 0)
                    return -1;
            }
            else
                i++;
        }
        return -1;
    }

    /// <summary>
    /// <c>&lt;&lt;MARKER</c> or <c>&lt;&lt;-MARKER</c> then a newline, the lines up to one holding only the marker.
    /// The indented form strips the smallest common indentation. The token ends at the closing marker's line end.
    /// </summary>
    private bool TryLexHeredoc()
    {
        var start = _pos;
        var i = _pos + 2;
        var indented = At(i) == '-';
        if (indented)
            i++;
        var markerStart = i;
        while (i < _text.Length && (char.IsLetterOrDigit(_text[i]) || _text[i] == '_'))
            i++;
        if (i == markerStart || !(char.IsLetter(_text[markerStart]) || _text[markerStart] == '_'))
            return false;
        var marker = _text[markerStart..i];
        var afterMarker = i;
        while (At(afterMarker) is ' ' or '\t' or '\r')
            afterMarker++;
        if (At(afterMarker) != '\n')
            return false;

        var lines = new List<string>();
        var lineStart = afterMarker + 1;
        var closed = false;
        while (lineStart <= _text.Length)
        {
            var lineEnd = LineEnd(lineStart);
            var line = _text[lineStart..lineEnd].TrimEnd('\r');
            if (line.Trim() == marker)
            {
                _pos = lineEnd;
                closed = true;
                break;
            }
            lines.Add(line);
            if (lineEnd >= _text.Length)
                break;
            lineStart = lineEnd + 1;
        }
        if (!closed)
        {
            _problems.Add((start, $"heredoc <<{(indented ? "-" : "")}{marker} is never closed by a line holding only {marker}"));
            _pos = _text.Length;
        }
        if (indented)
        {
            var indent = lines.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart(' ', '\t').Length)
                .DefaultIfEmpty(0).Min();
            lines = lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart(' ', '\t')).ToList();
        }
        var content = lines.Count == 0 ? "" : string.Join('\n', lines) + "\n";
        Add(HclTokenKind.Heredoc, start, content, HasInterpolation(content));
        return true;
    }

    private static bool HasInterpolation(string content)
    {
        for (var i = 0; i + 1 < content.Length; i++)
        {
            if (content[i] is '$' or '%' && content[i + 1] == '{')
                return true;
            if (content[i] is '$' or '%' && content[i + 1] == content[i])
                i++; // "$${" is a literal "${"
        }
        return false;
    }
}
