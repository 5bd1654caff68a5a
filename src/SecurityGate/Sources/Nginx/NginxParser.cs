using System.Collections.Immutable;
using System.Text;
using SecurityGate.Findings;

namespace SecurityGate.Sources.Nginx;

/// <summary>A file as the parser read it: its directives (includes not yet expanded) and syntax problems.</summary>
public sealed record NginxParsedFile(string Path, ImmutableArray<NginxDirective> Directives, ImmutableArray<NginxProblem> Problems);

/// <summary>
/// nginx's configuration syntax as <c>ngx_conf_read_token</c> reads it: words separated by blanks, <c>"…"</c> and
/// <c>'…'</c> strings with backslash escapes, <c>#</c> comments at the start of a word, <c>;</c> ending a directive,
/// <c>{ }</c> blocks, and <c>${var}</c> inside a word. Jinja tags are masked first. Never throws: what nginx would
/// reject becomes a <see cref="NginxProblemKind.Syntax"/> problem and parsing goes on.
/// </summary>
public static class NginxParser
{
    private enum TokenKind { Word, Semicolon, Open, Close, End }

    private readonly record struct Token(TokenKind Kind, string Text, bool Quoted, int Line, int Column, int EndColumn);

    public static NginxParsedFile Parse(string path, string text)
    {
        var state = new State(path, NginxTemplate.Mask(text));
        var directives = ParseBlock(state, opener: null);
        return new NginxParsedFile(path, directives, [.. state.Problems]);
    }

    private static ImmutableArray<NginxDirective> ParseBlock(State state, NginxDirective? opener)
    {
        var result = ImmutableArray.CreateBuilder<NginxDirective>();
        while (true)
        {
            var token = state.Next();
            switch (token.Kind)
            {
                case TokenKind.End:
                    if (opener is not null)
                        state.Problem(opener.Location, $"unexpected end of file: the '{opener.Name}' block opened here is never closed with '}}'");
                    return result.ToImmutable();
                case TokenKind.Close:
                    if (opener is not null)
                        return result.ToImmutable();
                    state.Problem(state.At(token), "unexpected '}' with no block open");
                    continue;
                case TokenKind.Semicolon or TokenKind.Open:
                    state.Problem(state.At(token), $"unexpected '{token.Text}' where a directive name was expected");
                    if (token.Kind == TokenKind.Open)
                        ParseBlock(state, new NginxDirective("{", [], state.At(token), null));
                    continue;
            }

            var nameLocation = state.At(token);
            var arguments = ImmutableArray.CreateBuilder<NginxArgument>();
            while (true)
            {
                var next = state.Next();
                if (next.Kind == TokenKind.Word)
                {
                    arguments.Add(new NginxArgument(next.Text, next.Quoted, state.At(next)));
                    continue;
                }
                if (next.Kind == TokenKind.Semicolon)
                {
                    result.Add(new NginxDirective(token.Text, arguments.ToImmutable(), nameLocation, null));
                    break;
                }
                if (next.Kind == TokenKind.Open)
                {
                    var header = new NginxDirective(token.Text, arguments.ToImmutable(), nameLocation, null);
                    result.Add(header with { Block = ParseBlock(state, header) });
                    break;
                }
                // '}' or end of file before the ';': nginx rejects it; keep the directive and let the caller close.
                state.Problem(nameLocation, $"directive '{token.Text}' is not terminated by ';'");
                result.Add(new NginxDirective(token.Text, arguments.ToImmutable(), nameLocation, null));
                if (next.Kind == TokenKind.Close && opener is not null)
                    return result.ToImmutable();
                if (next.Kind == TokenKind.End)
                {
                    if (opener is not null)
                        state.Problem(opener.Location, $"unexpected end of file: the '{opener.Name}' block opened here is never closed with '}}'");
                    return result.ToImmutable();
                }
                break;
            }
        }
    }

    private sealed class State(string path, string text)
    {
        private int _position;
        private int _line = 1;
        private int _column = 1;

        public List<NginxProblem> Problems { get; } = [];

        public SourceLocation At(Token token) => new(path, token.Line, token.Column, token.Line, token.EndColumn);

        public void Problem(SourceLocation location, string message) =>
            Problems.Add(new NginxProblem(NginxProblemKind.Syntax, message, location));

        public Token Next()
        {
            SkipBlanksAndComments();
            if (_position >= text.Length)
                return new Token(TokenKind.End, "", false, _line, _column, _column);
            var (line, column) = (_line, _column);
            var c = text[_position];
            switch (c)
            {
                case ';': Advance(); return new Token(TokenKind.Semicolon, ";", false, line, column, column + 1);
                case '{': Advance(); return new Token(TokenKind.Open, "{", false, line, column, column + 1);
                case '}': Advance(); return new Token(TokenKind.Close, "}", false, line, column, column + 1);
                case '"' or '\'': return Quoted(c, line, column);
                default: return Word(line, column);
            }
        }

        private void SkipBlanksAndComments()
        {
            while (_position < text.Length)
            {
                var c = text[_position];
                if (c is ' ' or '\t' or '\r' or '\n')
                    Advance();
                else if (c == '#')
                {
                    while (_position < text.Length && text[_position] != '\n')
                        Advance();
                }
                else
                    return;
            }
        }

        private Token Quoted(char quote, int line, int column)
        {
            Advance();
            var value = new StringBuilder();
            while (_position < text.Length && text[_position] != quote)
            {
                if (text[_position] == '\\' && _position + 1 < text.Length)
                {
                    Advance();
                    var escaped = text[_position];
                    switch (escaped)
                    {
                        case 't': value.Append('\t'); break;
                        case 'r': value.Append('\r'); break;
                        case 'n': value.Append('\n'); break;
                        case '"' or '\'' or '\\': value.Append(escaped); break;
                        default: value.Append('\\').Append(escaped); break; // nginx keeps other backslashes
                    }
                }
                else
                    value.Append(text[_position]);
                Advance();
            }
            if (_position >= text.Length)
            {
                Problem(new SourceLocation(path, line, column, line, column + 1), $"unterminated {quote}-quoted string");
                return new Token(TokenKind.Word, value.ToString(), true, line, column, column + 1);
            }
            Advance();
            return new Token(TokenKind.Word, value.ToString(), true, line, column, line == _line ? _column : column + 1);
        }

        private Token Word(int line, int column)
        {
            var start = _position;
            var inVariable = false;
            while (_position < text.Length)
            {
                var c = text[_position];
                if (c == '\\' && _position + 1 < text.Length)
                {
                    Advance();
                    Advance();
                    continue;
                }
                if (c == '{' && _position > start && text[_position - 1] == '$')
                    inVariable = true;
                else if (c == '}' && inVariable)
                    inVariable = false;
                else if (c is ' ' or '\t' or '\r' or '\n' or ';' or '{' or '}')
                    break; // quotes inside a word are literal, as in nginx
                Advance();
            }
            return new Token(TokenKind.Word, text[start.._position], false, line, column, _column);
        }

        private void Advance()
        {
            if (text[_position] == '\n')
            {
                _line++;
                _column = 1;
            }
            else
                _column++;
            _position++;
        }
    }
}
