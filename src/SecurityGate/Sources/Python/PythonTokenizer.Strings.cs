using System.Globalization;
using System.Text;

namespace SecurityGate.Sources.Python;

public static partial class PythonTokenizer
{
    private sealed partial class Scanner
    {
        /// <summary>Scans a string literal whose prefix starts at <paramref name="tokenStart"/> and quote at <paramref name="quotePos"/>.</summary>
        private void ScanStringToken(int tokenStart, int quotePos)
        {
            int startLine = _line;
            int startColumn = Column(tokenStart);
            string prefix = _src[tokenStart..quotePos];
            _pos = quotePos;
            var literal = ScanLiteral(prefix, depth: 0, out string? error);
            string text = _src[tokenStart.._pos];
            var token = error is null
                ? new PythonToken(PythonTokenKind.String, text, startLine, startColumn, _line, Column(_pos)) { String = literal }
                : new PythonToken(PythonTokenKind.Error, text, startLine, startColumn, _line, Column(_pos)) { Error = error };
            _tokens.Add(token);
            _lineHasContent = true;
        }

        /// <summary>Scans a literal from its opening quote (at <c>_pos</c>) to just after its closing quote.</summary>
        private PythonStringLiteral ScanLiteral(string prefix, int depth, out string? error)
        {
            error = null;
            bool raw = false, bytes = false, template = false, formatted = false;
            foreach (char p in prefix)
            {
                switch (char.ToLowerInvariant(p))
                {
                    case 'r': raw = true; break;
                    case 'b': bytes = true; break;
                    case 't': template = formatted = true; break;
                    case 'f': formatted = true; break;
                }
            }

            char quote = _src[_pos];
            bool triple = Peek(1) == quote && Peek(2) == quote;
            _pos += triple ? 3 : 1;

            if (!triple && !formatted)
            {
                // Fast path: most literals hold no escape, so the value is a plain slice of the source.
                int end = _pos;
                while (end < _src.Length && _src[end] != quote && _src[end] != '\\' && !IsLineBreak(_src[end])) end++;
                if (end < _src.Length && _src[end] == quote)
                {
                    string plain = _src[_pos..end];
                    _pos = end + 1;
                    return new PythonStringLiteral(prefix, OneCharTexts[quote], plain, bytes, raw, false, false, []);
                }
            }

            var value = new StringBuilder();
            List<FStringPart>? parts = formatted ? new List<FStringPart>() : null;
            int chunkStart = 0;

            if (depth > MaxStringNesting)
            {
                // Pathological nesting: give up on this literal rather than recurse further.
                _pos = _src.Length;
                error = "f-string nesting too deep";
                return new PythonStringLiteral(prefix, quote.ToString(), "", bytes, raw, formatted, template, []);
            }

            while (true)
            {
                if (AtEnd)
                {
                    error = triple ? "unterminated triple-quoted string literal" : "unterminated string literal";
                    break;
                }

                char c = _src[_pos];
                if (c == quote)
                {
                    if (!triple)
                    {
                        _pos++;
                        break;
                    }

                    if (Peek(1) == quote && Peek(2) == quote)
                    {
                        _pos += 3;
                        break;
                    }

                    value.Append(c);
                    _pos++;
                    continue;
                }

                if (IsLineBreak(c))
                {
                    if (!triple)
                    {
                        error = "unterminated string literal";
                        break;
                    }

                    value.Append('\n');
                    ConsumeLineBreak();
                    continue;
                }

                if (c == '\\')
                {
                    ScanEscape(value, raw, bytes);
                    continue;
                }

                if (formatted && c == '{')
                {
                    if (Peek(1) == '{')
                    {
                        value.Append('{');
                        _pos += 2;
                        continue;
                    }

                    if (value.Length > chunkStart)
                        parts!.Add(new FStringText(value.ToString(chunkStart, value.Length - chunkStart)));
                    parts!.Add(ScanField(quote, triple, depth, ref error));
                    chunkStart = value.Length;
                    continue;
                }

                if (formatted && c == '}')
                {
                    if (Peek(1) == '}')
                    {
                        value.Append('}');
                        _pos += 2;
                        continue;
                    }

                    error ??= "f-string: single '}' is not allowed";
                    _pos++;
                    continue;
                }

                value.Append(c);
                _pos++;
            }

            if (parts is not null && value.Length > chunkStart)
                parts.Add(new FStringText(value.ToString(chunkStart, value.Length - chunkStart)));

            return new PythonStringLiteral(prefix, triple ? new string(quote, 3) : quote.ToString(), value.ToString(),
                bytes, raw, formatted, template, (IReadOnlyList<FStringPart>?)parts ?? []);
        }

        /// <summary>Decodes one backslash escape (the backslash is at <c>_pos</c>).</summary>
        private void ScanEscape(StringBuilder value, bool raw, bool bytes)
        {
            _pos++;
            if (AtEnd)
            {
                value.Append('\\');
                return;
            }

            char e = _src[_pos];
            if (raw)
            {
                // Raw strings keep the backslash; it only stops the next character from closing the string.
                value.Append('\\');
                if (IsLineBreak(e))
                {
                    value.Append('\n');
                    ConsumeLineBreak();
                }
                else
                {
                    value.Append(e);
                    _pos++;
                }

                return;
            }

            if (IsLineBreak(e))
            {
                ConsumeLineBreak(); // backslash-newline joins the lines inside the literal
                return;
            }

            switch (e)
            {
                case '\\': value.Append('\\'); _pos++; return;
                case '\'': value.Append('\''); _pos++; return;
                case '"': value.Append('"'); _pos++; return;
                case 'a': value.Append('\a'); _pos++; return;
                case 'b': value.Append('\b'); _pos++; return;
                case 'f': value.Append('\f'); _pos++; return;
                case 'n': value.Append('\n'); _pos++; return;
                case 'r': value.Append('\r'); _pos++; return;
                case 't': value.Append('\t'); _pos++; return;
                case 'v': value.Append('\v'); _pos++; return;
            }

            if (e >= '0' && e <= '7')
            {
                int code = 0;
                int digits = 0;
                while (digits < 3 && !AtEnd && _src[_pos] >= '0' && _src[_pos] <= '7')
                {
                    code = code * 8 + (_src[_pos] - '0');
                    _pos++;
                    digits++;
                }

                value.Append((char)code);
                return;
            }

            int hexLength = e switch { 'x' => 2, 'u' when !bytes => 4, 'U' when !bytes => 8, _ => 0 };
            if (hexLength > 0)
            {
                if (_pos + hexLength < _src.Length &&
                    int.TryParse(_src.AsSpan(_pos + 1, hexLength), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code) &&
                    code >= 0 && code <= 0x10FFFF && (code < 0xD800 || code > 0xDFFF || hexLength < 8))
                {
                    if (code <= 0xFFFF) value.Append((char)code);
                    else value.Append(char.ConvertFromUtf32(code));
                    _pos += 1 + hexLength;
                    return;
                }

                value.Append('\\'); // invalid escape: keep it as written
                return;
            }

            if (e == 'N' && !bytes && Peek(1) == '{')
            {
                // Named characters need the Unicode name table; keep the escape as written.
                int close = _src.IndexOf('}', _pos);
                int lineEnd = _src.IndexOfAny(['\n', '\r'], _pos);
                if (close > 0 && (lineEnd < 0 || close < lineEnd))
                {
                    value.Append('\\').Append(_src, _pos, close + 1 - _pos);
                    _pos = close + 1;
                    return;
                }
            }

            // Unknown escapes keep their backslash; the next character is read normally.
            value.Append('\\');
        }

        /// <summary>Scans a replacement field; <c>_pos</c> is at its opening brace. Stops after the closing brace.</summary>
        private FStringField ScanField(char quote, bool triple, int depth, ref string? error)
        {
            _pos++;
            int exprStart = _pos;
            int exprLine = _line;
            int exprColumn = Column(_pos);
            int nesting = 0;
            int exprEnd = -1;
            bool selfDocumenting = false;

            while (exprEnd < 0)
            {
                if (AtEnd)
                {
                    error ??= "f-string: expecting '}'";
                    return new FStringField(_src[exprStart.._pos], exprLine, exprColumn, null, null, false);
                }

                char c = _src[_pos];
                if (c == '"' || c == '\'')
                {
                    // PEP 701: any string, even one using the enclosing quote, may appear inside a field.
                    if (!triple && c == quote && nesting == 0 && LooksLikeEndOfEnclosingString())
                    {
                        error ??= "f-string: expecting '}'";
                        return new FStringField(_src[exprStart.._pos], exprLine, exprColumn, null, null, false);
                    }

                    ScanLiteral("", depth + 1, out string? nestedError);
                    error ??= nestedError;
                    continue;
                }

                if (IsIdentifierStart(c))
                {
                    int nameStart = _pos;
                    while (!AtEnd && IsIdentifierPart(_src[_pos])) _pos++;
                    if (!AtEnd && (_src[_pos] == '"' || _src[_pos] == '\'') && IsStringPrefix(_src.AsSpan(nameStart, _pos - nameStart)))
                    {
                        ScanLiteral(_src[nameStart.._pos], depth + 1, out string? nestedError);
                        error ??= nestedError;
                    }

                    continue;
                }

                if (IsLineBreak(c))
                {
                    ConsumeLineBreak();
                    continue;
                }

                if (c == '#')
                {
                    while (!AtEnd && !IsLineBreak(_src[_pos])) _pos++;
                    continue;
                }

                switch (c)
                {
                    case '(' or '[' or '{':
                        nesting++;
                        break;
                    case ')' or ']':
                        if (nesting > 0) nesting--;
                        break;
                    case '}':
                        if (nesting > 0) nesting--;
                        else exprEnd = _pos;
                        break;
                    case '!' when nesting == 0 && Peek(1) != '=':
                    case ':' when nesting == 0:
                        exprEnd = _pos;
                        break;
                    case '=' when nesting == 0:
                        if (Peek(1) == '=') { _pos += 2; continue; }
                        char before = _pos > exprStart ? _src[_pos - 1] : ' ';
                        if (before is '=' or '!' or '<' or '>') break;
                        exprEnd = _pos;
                        selfDocumenting = true;
                        break;
                }

                if (exprEnd < 0) _pos++;
            }

            string expression = _src[exprStart..exprEnd];
            if (selfDocumenting)
            {
                _pos++;
                while (Peek() == ' ') _pos++;
            }

            char? conversion = null;
            if (Peek() == '!')
            {
                _pos++;
                int convStart = _pos;
                while (!AtEnd && IsIdentifierPart(_src[_pos])) _pos++;
                if (_pos - convStart == 1 && "sra".Contains(_src[convStart])) conversion = _src[convStart];
                else error ??= "f-string: invalid conversion character";
            }

            List<FStringPart>? spec = null;
            if (Peek() == ':')
            {
                _pos++;
                spec = ScanFormatSpec(quote, triple, depth, ref error);
            }

            if (Peek() == '}') _pos++;
            else error ??= "f-string: expecting '}'";

            return new FStringField(expression, exprLine, exprColumn, conversion, spec, selfDocumenting);
        }

        /// <summary>
        /// Inside a single-line f-string a quote equal to the enclosing one either opens a nested string (3.12) or
        /// ends the f-string early; it ends it when no matching quote follows on the same line.
        /// </summary>
        private bool LooksLikeEndOfEnclosingString()
        {
            char quote = _src[_pos];
            for (int i = _pos + 1; i < _src.Length && !IsLineBreak(_src[i]); i++)
            {
                if (_src[i] == quote) return false;
            }

            return true;
        }

        private List<FStringPart> ScanFormatSpec(char quote, bool triple, int depth, ref string? error)
        {
            var parts = new List<FStringPart>();
            var text = new StringBuilder();
            while (!AtEnd)
            {
                char c = _src[_pos];
                if (c == '}') break;
                if (c == quote && !triple) break;
                if (IsLineBreak(c) && !triple) break;
                if (c == '{')
                {
                    if (text.Length > 0) parts.Add(new FStringText(text.ToString()));
                    text.Clear();
                    parts.Add(ScanField(quote, triple, depth, ref error));
                    continue;
                }

                if (IsLineBreak(c))
                {
                    text.Append('\n');
                    ConsumeLineBreak();
                    continue;
                }

                text.Append(c);
                _pos++;
            }

            if (text.Length > 0) parts.Add(new FStringText(text.ToString()));
            return parts;
        }
    }
}
