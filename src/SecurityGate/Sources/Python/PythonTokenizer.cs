using System.Globalization;

namespace SecurityGate.Sources.Python;

/// <summary>
/// Turns Python 3 source text into tokens, following CPython's lexical rules (3.12 f-strings included).
/// It never throws: text it cannot understand becomes an <see cref="PythonTokenKind.Error"/> token and
/// tokenizing goes on with the next character.
/// </summary>
public static partial class PythonTokenizer
{
    public static IReadOnlyList<PythonToken> Tokenize(string source) =>
        new Scanner(source ?? "", firstLine: 1, firstColumn: 1, fragment: false).Run();

    /// <summary>
    /// Tokenizes an expression found inside an f-string field that starts at <paramref name="line"/>/<paramref name="column"/>.
    /// Line breaks never end a logical line here, as inside brackets, and no NEWLINE or INDENT is produced.
    /// </summary>
    internal static IReadOnlyList<PythonToken> TokenizeFragment(string text, int line, int column) =>
        new Scanner(text, line, column, fragment: true).Run();

    private sealed partial class Scanner
    {
        private const int TabSize = 8;
        private const int MaxStringNesting = 32;

        private readonly string _src;
        private readonly bool _fragment;
        private readonly int _firstLine;
        private readonly int _firstColumnOffset;
        private readonly ChunkedList<PythonToken> _tokens = new();
        private readonly List<int> _indents = new() { 0 };
        private readonly Stack<char> _brackets = new();

        private int _pos;
        private int _line;
        private int _lineStart;
        private bool _atLineStart = true;
        private bool _lineHasContent;

        public Scanner(string source, int firstLine, int firstColumn, bool fragment)
        {
            _src = source;
            _fragment = fragment;
            _firstLine = firstLine;
            _firstColumnOffset = firstColumn - 1;
            _line = firstLine;
            // A byte-order mark is not part of the text; columns count from after it.
            if (_src.Length > 0 && _src[0] == '\uFEFF')
            {
                _pos = 1;
                _lineStart = 1;
            }
        }

        private int Column(int pos) => pos - _lineStart + 1 + (_line == _firstLine ? _firstColumnOffset : 0);

        private char Peek(int offset = 0) => _pos + offset < _src.Length ? _src[_pos + offset] : '\0';

        private bool AtEnd => _pos >= _src.Length;

        private static bool IsLineBreak(char c) => c == '\n' || c == '\r';

        public IReadOnlyList<PythonToken> Run()
        {
            while (!AtEnd)
            {
                if (_atLineStart && !_fragment && _brackets.Count == 0)
                {
                    if (ReadIndentation())
                        continue;
                }

                ScanOne();
            }

            Finish();
            return _tokens;
        }

        /// <summary>Handles the indentation of a new logical line; returns true when the line was blank.</summary>
        private bool ReadIndentation()
        {
            int width = 0;
            int start = _pos;
            while (!AtEnd)
            {
                char c = _src[_pos];
                if (c == ' ') width++;
                else if (c == '\t') width = (width / TabSize + 1) * TabSize;
                else if (c == '\f') width = 0;
                else break;
                _pos++;
            }

            if (AtEnd)
                return true;

            char next = _src[_pos];
            if (next == '#' || IsLineBreak(next))
            {
                // Blank or comment-only lines do not take part in indentation.
                if (next == '#') ScanComment();
                if (!AtEnd) ScanLineBreak(logical: false);
                return true;
            }

            if (next == '\\' && (_pos + 1 >= _src.Length || IsLineBreak(_src[_pos + 1])))
            {
                // A continuation right at the start of a line: treat like whitespace.
                _atLineStart = false;
                return false;
            }

            _atLineStart = false;
            int current = _indents[^1];
            if (width > current)
            {
                _indents.Add(width);
                Add(PythonTokenKind.Indent, start, _pos);
            }
            else if (width < current)
            {
                while (_indents.Count > 1 && width < _indents[^1])
                {
                    _indents.RemoveAt(_indents.Count - 1);
                    Add(PythonTokenKind.Dedent, _pos, _pos, "");
                }

                if (width != _indents[^1])
                {
                    AddError(start, _pos, "unindent does not match any outer indentation level");
                    _indents.Add(width);
                }
            }

            return false;
        }

        private void ScanOne()
        {
            char c = _src[_pos];
            switch (c)
            {
                case ' ':
                case '\t':
                case '\f':
                    _pos++;
                    return;
                case '\r':
                case '\n':
                    ScanLineBreak(logical: _brackets.Count == 0 && !_fragment && _lineHasContent);
                    return;
                case '#':
                    ScanComment();
                    return;
                case '\\':
                    ScanBackslash();
                    return;
                case '"':
                case '\'':
                    ScanStringToken(_pos, _pos);
                    return;
            }

            if (IsIdentifierStart(c))
            {
                ScanNameOrPrefixedString();
                return;
            }

            if (IsDigit(c) || (c == '.' && IsDigit(Peek(1))))
            {
                ScanNumber();
                return;
            }

            if (TryScanOperator())
                return;

            int start = _pos;
            // Keep surrogate pairs together so an error token never splits a character.
            _pos += char.IsHighSurrogate(c) && char.IsLowSurrogate(Peek(1)) ? 2 : 1;
            AddError(start, _pos, c == '\0' ? "NUL character in source" : $"unexpected character '{_src[start.._pos]}'");
        }

        private void ScanLineBreak(bool logical)
        {
            int start = _pos;
            ConsumeLineBreak();
            var kind = logical ? PythonTokenKind.Newline : PythonTokenKind.NonLogicalNewline;
            string text = (_pos - start) == 2 ? "\r\n" : _src[start] == '\n' ? "\n" : "\r";
            _tokens.Add(new PythonToken(kind, text, _line - 1, ColumnOnPreviousLine(start), _line - 1,
                ColumnOnPreviousLine(start) + (_pos - start)));
            if (logical || (_brackets.Count == 0 && !_fragment))
            {
                _atLineStart = true;
                _lineHasContent = false;
            }
        }

        private int _previousLineStart;
        private int _previousLineOffset;

        private int ColumnOnPreviousLine(int pos) => pos - _previousLineStart + 1 + _previousLineOffset;

        /// <summary>Consumes \n, \r\n or \r and moves to the next line.</summary>
        private void ConsumeLineBreak()
        {
            _previousLineStart = _lineStart;
            _previousLineOffset = _line == _firstLine ? _firstColumnOffset : 0;
            if (_src[_pos] == '\r' && Peek(1) == '\n') _pos += 2;
            else _pos++;
            _line++;
            _lineStart = _pos;
        }

        private void ScanComment()
        {
            int start = _pos;
            while (!AtEnd && !IsLineBreak(_src[_pos])) _pos++;
            Add(PythonTokenKind.Comment, start, _pos);
        }

        private void ScanBackslash()
        {
            int start = _pos;
            _pos++;
            if (!AtEnd && IsLineBreak(_src[_pos]))
            {
                // Explicit line joining: the logical line goes on.
                ConsumeLineBreak();
                return;
            }

            AddError(start, _pos, AtEnd ? "unexpected end of file after line continuation" : "unexpected character after line continuation character");
        }

        private void ScanNameOrPrefixedString()
        {
            int start = _pos;
            while (!AtEnd && IsIdentifierPart(_src[_pos])) _pos++;
            if (!AtEnd && (_src[_pos] == '"' || _src[_pos] == '\'') && IsStringPrefix(_src.AsSpan(start, _pos - start)))
            {
                ScanStringToken(start, _pos);
                return;
            }

            Add(PythonTokenKind.Name, start, _pos, Intern(start, _pos));
        }

        /// <summary>Settings files repeat the same few names; share one string per distinct name.</summary>
        private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);

        private string Intern(int start, int end)
        {
            var lookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();
            var span = _src.AsSpan(start, end - start);
            if (lookup.TryGetValue(span, out var known)) return known;
            string name = span.ToString();
            _names[name] = name;
            return name;
        }

        private static bool IsStringPrefix(ReadOnlySpan<char> text)
        {
            if (text.Length == 0 || text.Length > 2) return false;
            Span<char> lower = stackalloc char[2];
            int n = text.ToLowerInvariant(lower);
            return lower[..n] switch
            {
                "r" or "u" or "b" or "f" or "t" => true,
                "br" or "rb" or "fr" or "rf" or "tr" or "rt" => true,
                _ => false,
            };
        }

        private void ScanNumber()
        {
            int start = _pos;
            char c = _src[_pos];
            if (c == '0' && "xXoObB".Contains(Peek(1)) && Peek(1) != '\0')
            {
                _pos += 2;
                while (!AtEnd && (IsHexDigit(_src[_pos]) || _src[_pos] == '_')) _pos++;
            }
            else
            {
                ScanDigits();
                if (Peek() == '.')
                {
                    _pos++;
                    ScanDigits();
                }

                if ((Peek() == 'e' || Peek() == 'E') &&
                    (IsDigit(Peek(1)) || ((Peek(1) == '+' || Peek(1) == '-') && IsDigit(Peek(2)))))
                {
                    _pos += 2;
                    ScanDigits();
                }

                if (Peek() == 'j' || Peek() == 'J') _pos++;
            }

            Add(PythonTokenKind.Number, start, _pos, Intern(start, _pos));
        }

        private void ScanDigits()
        {
            while (!AtEnd && (IsDigit(_src[_pos]) || (_src[_pos] == '_' && IsDigit(Peek(1))))) _pos++;
        }

        /// <summary>The texts of one-character operators, so that they are not allocated per token.</summary>
        private static readonly string[] OneCharTexts = Enumerable.Range(0, 128).Select(c => ((char)c).ToString()).ToArray();

        /// <summary>Reads an operator, longest match first ("**=" before "**" before "*"); false when the character starts none.</summary>
        private bool TryScanOperator()
        {
            int start = _pos;
            char c = _src[_pos];
            char next = Peek(1);
            char after = Peek(2);
            int length;
            switch (c)
            {
                case '*' or '/' or '<' or '>':
                    // **, //, <<, >> may take "=" too; each may be followed by "=" alone (<=, *=, ...).
                    length = next == c ? (after == '=' ? 3 : 2) : next == '=' ? 2 : 1;
                    break;
                case '.':
                    length = next == '.' && after == '.' ? 3 : 1;
                    break;
                case '-':
                    length = next is '>' or '=' ? 2 : 1;
                    break;
                case ':' or '=' or '+' or '%' or '&' or '|' or '^' or '@':
                    length = next == '=' ? 2 : 1;
                    break;
                case '!':
                    if (next != '=') return false;
                    length = 2;
                    break;
                case '~' or ',' or ';':
                    length = 1;
                    break;
                case '(' or '[' or '{':
                    _brackets.Push(c);
                    length = 1;
                    break;
                case ')' or ']' or '}':
                    _pos++;
                    if (_brackets.Count == 0)
                    {
                        AddError(start, _pos, $"unmatched '{c}'");
                        return true;
                    }

                    char open = _brackets.Pop();
                    if (open != OpeningFor(c))
                    {
                        AddError(start, _pos, $"closing parenthesis '{c}' does not match opening parenthesis '{open}'");
                        return true;
                    }

                    Add(PythonTokenKind.Operator, start, _pos, OneCharTexts[c]);
                    return true;
                default:
                    return false;
            }

            _pos += length;
            Add(PythonTokenKind.Operator, start, _pos, length == 1 ? OneCharTexts[c] : null);
            return true;
        }

        private static char OpeningFor(char close) => close switch { ')' => '(', ']' => '[', _ => '{' };

        private void Finish()
        {
            if (!_fragment)
            {
                if (_lineHasContent)
                    _tokens.Add(new PythonToken(PythonTokenKind.Newline, "", _line, Column(_pos), _line, Column(_pos)));
                for (int i = 1; i < _indents.Count; i++)
                    _tokens.Add(new PythonToken(PythonTokenKind.Dedent, "", _line, Column(_pos), _line, Column(_pos)));
            }

            _tokens.Add(new PythonToken(PythonTokenKind.EndOfFile, "", _line, Column(_pos), _line, Column(_pos)));
        }

        /// <summary>Adds a token that lies on the current line.</summary>
        private void Add(PythonTokenKind kind, int start, int end, string? text = null)
        {
            _tokens.Add(new PythonToken(kind, text ?? _src[start..end], _line, Column(start), _line, Column(end)));
            if (kind != PythonTokenKind.Comment && kind != PythonTokenKind.Dedent && kind != PythonTokenKind.Indent)
                _lineHasContent = true;
        }

        private void AddError(int start, int end, string message)
        {
            _tokens.Add(new PythonToken(PythonTokenKind.Error, _src[start..end], _line, Column(start), _line, Column(end)) { Error = message });
            _lineHasContent = true;
        }

        private static bool IsDigit(char c) => c >= '0' && c <= '9';

        private static bool IsHexDigit(char c) => IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');

        internal static bool IsIdentifierStart(char c)
        {
            if (c < 128) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
            if (char.IsSurrogate(c)) return true;
            var category = char.GetUnicodeCategory(c);
            return char.IsLetter(c) || category == UnicodeCategory.LetterNumber;
        }

        internal static bool IsIdentifierPart(char c)
        {
            if (c < 128) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || IsDigit(c);
            if (char.IsSurrogate(c)) return true;
            return char.GetUnicodeCategory(c) switch
            {
                UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                    or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber
                    or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
                    or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation => true,
                _ => false,
            };
        }
    }
}
