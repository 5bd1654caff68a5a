using System.Collections.Immutable;
using System.Globalization;
using SecurityGate.Findings;

namespace SecurityGate.Sources.Terraform;

/// <summary>
/// A recursive-descent parser for the part of HCL native syntax Terraform files use: bodies of attributes and
/// labelled blocks, and expressions (literals, templates, tuples, objects, references, function calls, operators,
/// conditionals, for expressions). Never throws: a syntax error becomes an <see cref="HclProblem"/> and parsing
/// resumes at the next line (or the closing bracket) so the rest of the file is still read.
/// </summary>
internal sealed class HclParser
{
    /// <summary>Deeper nesting is skipped, not parsed: keeps hostile input from exhausting the stack.</summary>
    public const int MaxNestingDepth = 100;

    /// <summary>After this many problems the file is hopeless; more messages would only be noise.</summary>
    public const int MaxProblems = 100;

    private readonly string _path;
    private readonly string _text;
    private readonly IReadOnlyList<HclToken> _tokens;
    private readonly HclTextMap _map;
    private readonly List<HclProblem> _problems = [];
    private int _pos;
    private int _depth;
    private int _lastEnd;

    /// <summary>True inside ( ) and [ ], where HCL ignores newlines; false in bodies and objects, where they end items.</summary>
    private bool _ignoreNewlines;

    private HclParser(string path, string text)
    {
        _path = path;
        _text = text;
        _map = new HclTextMap(text);
        var (tokens, problems) = HclLexer.Lex(text);
        _tokens = tokens;
        foreach (var (offset, message) in problems)
            Problem(message, offset);
    }

    public static HclFile Parse(string path, string text)
    {
        var parser = new HclParser(path, text);
        var body = parser.ParseBody(inBlock: false);
        return new HclFile(path, body, [.. parser._problems]);
    }

    // ---- tokens ----

    private HclToken Peek()
    {
        if (_ignoreNewlines)
            while (_tokens[_pos].Kind == HclTokenKind.Newline)
                _pos++;
        return _tokens[_pos];
    }

    private HclToken Advance()
    {
        var token = Peek();
        if (token.Kind != HclTokenKind.EndOfFile)
        {
            _pos++;
            _lastEnd = token.End;
        }
        return token;
    }

    private bool At(HclTokenKind kind) => Peek().Kind == kind;

    private void Problem(string message, int offset)
    {
        if (_problems.Count >= MaxProblems)
            return;
        var (line, column) = _map.Position(Math.Min(offset, _text.Length));
        if (_problems.Count > 0 && _problems[^1].Location is { } last && last.Line == line && last.Column == column)
            return; // one error often trips the enclosing construct too; the first message is the useful one
        _problems.Add(new HclProblem(message, SourceLocation.At(_path, line, column)));
    }

    private SourceLocation Span(int start, int end)
    {
        var (line, column) = _map.Position(start);
        var (endLine, endColumn) = _map.Position(Math.Max(start, end));
        return new SourceLocation(_path, line, column, endLine, endColumn);
    }

    private static string Describe(HclToken token) => token.Kind switch
    {
        HclTokenKind.EndOfFile => "the end of the file",
        HclTokenKind.Newline => "the end of the line",
        HclTokenKind.QuotedString => "a string",
        HclTokenKind.Heredoc => "a heredoc",
        _ => $"'{(token.Text.Length > 20 ? token.Text[..20] + "…" : token.Text)}'",
    };

    private T WithNewlineMode<T>(bool ignore, Func<T> parse)
    {
        var saved = _ignoreNewlines;
        _ignoreNewlines = ignore;
        try
        {
            return parse();
        }
        finally
        {
            _ignoreNewlines = saved;
        }
    }

    // ---- bodies ----

    private HclBody ParseBody(bool inBlock)
    {
        var attributes = ImmutableArray.CreateBuilder<HclAttribute>();
        var blocks = ImmutableArray.CreateBuilder<HclBlock>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var token = Peek();
            if (token.Kind == HclTokenKind.Newline)
            {
                Advance();
                continue;
            }
            if (token.Kind == HclTokenKind.EndOfFile)
                break;
            if (token.Kind == HclTokenKind.CloseBrace)
            {
                if (inBlock)
                    break;
                Problem("unexpected '}' with no block open", token.Start);
                Advance();
                continue;
            }
            if (token.Kind != HclTokenKind.Identifier)
            {
                Problem($"expected an attribute name or a block type, found {Describe(token)}", token.Start);
                RecoverToLineEnd();
                continue;
            }

            Advance();
            var next = Peek();
            if (next.Kind == HclTokenKind.Equals)
            {
                Advance();
                var value = ParseExpression();
                if (!names.Add(token.Text))
                    Problem($"attribute '{token.Text}' is set twice in the same body; the first value is used", token.Start);
                else
                    attributes.Add(new HclAttribute(token.Text, value, Span(token.Start, _lastEnd)));
                ExpectItemEnd(token.Text);
            }
            else if (next.Kind is HclTokenKind.QuotedString or HclTokenKind.Identifier or HclTokenKind.OpenBrace)
            {
                if (ParseBlock(token) is { } block)
                    blocks.Add(block);
            }
            else
            {
                Problem($"expected '=' or a block after '{token.Text}', found {Describe(next)}", next.Start);
                RecoverToLineEnd();
            }
        }
        return new HclBody(attributes.ToImmutable(), blocks.ToImmutable());
    }

    private HclBlock? ParseBlock(HclToken type)
    {
        var labels = ImmutableArray.CreateBuilder<string>();
        while (Peek() is { Kind: HclTokenKind.QuotedString or HclTokenKind.Identifier } label)
        {
            Advance();
            labels.Add(label.Value ?? label.Text);
        }
        var open = Peek();
        if (open.Kind != HclTokenKind.OpenBrace)
        {
            Problem($"expected '{{' to open the {type.Text} block, found {Describe(open)}", open.Start);
            RecoverToLineEnd();
            return null;
        }
        Advance();
        if (_depth >= MaxNestingDepth)
        {
            Problem($"blocks nested deeper than {MaxNestingDepth} levels are not read", open.Start);
            SkipBalanced(HclTokenKind.CloseBrace);
            return null;
        }
        _depth++;
        var body = WithNewlineMode(false, () => ParseBody(inBlock: true));
        _depth--;
        if (At(HclTokenKind.CloseBrace))
            Advance();
        else
            Problem($"the {type.Text} block opened on line {_map.Position(open.Start).Line} is never closed with '}}'", _text.Length);
        return new HclBlock(type.Text, labels.ToImmutable(), body, Span(type.Start, _lastEnd));
    }

    private void ExpectItemEnd(string name)
    {
        var token = Peek();
        if (token.Kind is HclTokenKind.Newline)
            Advance();
        else if (token.Kind is not (HclTokenKind.EndOfFile or HclTokenKind.CloseBrace))
        {
            Problem($"unexpected {Describe(token)} after the value of '{name}' (missing newline or operator?)", token.Start);
            RecoverToLineEnd();
        }
    }

    /// <summary>Skips to the end of the line, over whole bracketed groups; stops before a '}' that closes the enclosing block.</summary>
    private void RecoverToLineEnd()
    {
        while (true)
        {
            var token = _tokens[_pos];
            switch (token.Kind)
            {
                case HclTokenKind.EndOfFile or HclTokenKind.CloseBrace:
                    return;
                case HclTokenKind.Newline:
                    _pos++;
                    return;
                case HclTokenKind.OpenBrace:
                    _pos++;
                    SkipBalanced(HclTokenKind.CloseBrace);
                    break;
                case HclTokenKind.OpenBracket:
                    _pos++;
                    SkipBalanced(HclTokenKind.CloseBracket);
                    break;
                case HclTokenKind.OpenParen:
                    _pos++;
                    SkipBalanced(HclTokenKind.CloseParen);
                    break;
                default:
                    _pos++;
                    break;
            }
        }
    }

    /// <summary>
    /// Skips (without recursion) to the <paramref name="close"/> matching an opener already consumed, and consumes
    /// it. Stops before a closer of another kind that has no opener here (it belongs to an enclosing group).
    /// </summary>
    private void SkipBalanced(HclTokenKind close)
    {
        var open = new Stack<HclTokenKind>();
        open.Push(close);
        while (true)
        {
            var token = _tokens[_pos];
            if (token.Kind == HclTokenKind.EndOfFile)
                return;
            var closer = token.Kind switch
            {
                HclTokenKind.OpenBrace => HclTokenKind.CloseBrace,
                HclTokenKind.OpenBracket => HclTokenKind.CloseBracket,
                HclTokenKind.OpenParen => HclTokenKind.CloseParen,
                _ => (HclTokenKind?)null,
            };
            if (closer is { } c)
                open.Push(c);
            else if (token.Kind is HclTokenKind.CloseBrace or HclTokenKind.CloseBracket or HclTokenKind.CloseParen)
            {
                if (token.Kind != open.Peek())
                    return;
                open.Pop();
                if (open.Count == 0)
                {
                    _pos++;
                    _lastEnd = token.End;
                    return;
                }
            }
            _pos++;
            _lastEnd = token.End;
        }
    }

    // ---- expressions ----

    private HclExpression ParseExpression()
    {
        if (_depth >= MaxNestingDepth)
            return TooDeep();
        _depth++;
        try
        {
            var start = Peek().Start;
            var condition = ParseBinary(0);
            if (!At(HclTokenKind.Question))
                return condition;
            Advance();
            var whenTrue = ParseExpression();
            if (At(HclTokenKind.Colon))
                Advance();
            else
                Problem($"expected ':' in a conditional expression, found {Describe(Peek())}", Peek().Start);
            var whenFalse = ParseExpression();
            return Operation(HclOperation.Conditional, start, [condition, whenTrue, whenFalse]);
        }
        finally
        {
            _depth--;
        }
    }

    private HclExpression TooDeep()
    {
        var token = Peek();
        Problem($"expressions nested deeper than {MaxNestingDepth} levels are not read", token.Start);
        Advance();
        switch (token.Kind)
        {
            case HclTokenKind.OpenBrace: SkipBalanced(HclTokenKind.CloseBrace); break;
            case HclTokenKind.OpenBracket: SkipBalanced(HclTokenKind.CloseBracket); break;
            case HclTokenKind.OpenParen: SkipBalanced(HclTokenKind.CloseParen); break;
        }
        return Operation(HclOperation.Invalid, token.Start, []);
    }

    private static int Precedence(HclToken token) => token.Kind != HclTokenKind.Operator ? -1 : token.Text switch
    {
        "||" => 1,
        "&&" => 2,
        "==" or "!=" => 3,
        "<" or ">" or "<=" or ">=" => 4,
        "+" or "-" => 5,
        "*" or "/" or "%" => 6,
        _ => -1,
    };

    private HclExpression ParseBinary(int minPrecedence)
    {
        var start = Peek().Start;
        var left = ParseUnary();
        while (Precedence(Peek()) is var precedence && precedence >= minPrecedence && precedence > 0)
        {
            Advance();
            var right = ParseBinary(precedence + 1);
            left = Operation(HclOperation.Binary, start, [left, right]);
        }
        return left;
    }

    private HclExpression ParseUnary()
    {
        var token = Peek();
        if (token.Kind != HclTokenKind.Operator || token.Text is not ("!" or "-"))
            return ParsePostfix(ParsePrimary(), token.Start);
        if (_depth >= MaxNestingDepth)
            return TooDeep();
        Advance();
        _depth++;
        var operand = ParseUnary();
        _depth--;
        // A negative number literal (from_port = -1) stays a literal.
        if (token.Text == "-" && operand is HclLiteral { Value: decimal number })
            return new HclLiteral(Span(token.Start, _lastEnd), _text[token.Start.._lastEnd], -number);
        return Operation(HclOperation.Unary, token.Start, [operand]);
    }

    /// <summary>Attribute access, indexes and splats after <paramref name="expression"/>, which started at <paramref name="startOffset"/>.</summary>
    private HclExpression ParsePostfix(HclExpression expression, int startOffset)
    {
        var parts = expression is HclReference reference ? reference.Parts.ToBuilder() : null;
        var opaque = parts is null; // only a reference followed by names and literal keys stays a reference
        var steps = 0;
        while (Peek().Kind is HclTokenKind.Dot or HclTokenKind.OpenBracket)
        {
            steps++;
            if (Advance().Kind == HclTokenKind.Dot)
            {
                var name = Peek();
                if (name.Kind is HclTokenKind.Identifier or HclTokenKind.Number)
                    parts?.Add(Advance().Text);
                else if (name is { Kind: HclTokenKind.Operator, Text: "*" })
                {
                    Advance();
                    opaque = true; // splat: a list of every element's attribute
                }
                else
                {
                    Problem($"expected an attribute name after '.', found {Describe(name)}", name.Start);
                    opaque = true;
                    break;
                }
                continue;
            }
            var key = WithNewlineMode(true, () =>
            {
                if (Peek() is not { Kind: HclTokenKind.Operator, Text: "*" })
                    return ParseExpression();
                Advance();
                return null; // [*] splat
            });
            if (key is HclLiteral { Value: { } literal })
                parts?.Add(Convert.ToString(literal, CultureInfo.InvariantCulture)!);
            else
                opaque = true;
            if (WithNewlineMode(true, () => At(HclTokenKind.CloseBracket)))
                WithNewlineMode(true, Advance);
            else
            {
                Problem($"expected ']' after an index, found {Describe(Peek())}", Peek().Start);
                opaque = true;
                break;
            }
        }
        if (steps == 0)
            return expression;
        if (!opaque)
            return new HclReference(Span(startOffset, _lastEnd), _text[startOffset.._lastEnd], parts!.ToImmutable());
        return Operation(HclOperation.Traversal, startOffset, [expression]);
    }

    private HclExpression Operation(string kind, int start, ImmutableArray<HclExpression> operands)
    {
        var end = Math.Max(start, _lastEnd);
        return new HclOperation(Span(start, end), _text[start..end], kind, operands);
    }

    private HclExpression ParsePrimary()
    {
        var token = Peek();
        switch (token.Kind)
        {
            case HclTokenKind.Number:
                Advance();
                return decimal.TryParse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                    ? Literal(token, number)
                    : Operation(HclOperation.Invalid, token.Start, []);
            case HclTokenKind.QuotedString or HclTokenKind.Heredoc:
                Advance();
                return token.HasInterpolation
                    ? new HclTemplate(Span(token.Start, token.End), token.Text, token.Value ?? "", token.Kind == HclTokenKind.Heredoc)
                    : Literal(token, token.Value ?? "");
            case HclTokenKind.Identifier:
                Advance();
                switch (token.Text)
                {
                    case "true": return Literal(token, true);
                    case "false": return Literal(token, false);
                    case "null": return Literal(token, null);
                }
                if (Peek().Kind == HclTokenKind.OpenParen)
                    return ParseCall(token, token.Text);
                if (Peek().Kind == HclTokenKind.Colon && _tokens[_pos + 1].Kind == HclTokenKind.Colon)
                    return ParseProviderFunction(token);
                return new HclReference(Span(token.Start, token.End), token.Text, [token.Text]);
            case HclTokenKind.OpenParen:
                Advance();
                var inner = WithNewlineMode(true, ParseExpression);
                ExpectClose(HclTokenKind.CloseParen, "')'");
                return inner;
            case HclTokenKind.OpenBracket:
                Advance();
                return WithNewlineMode(true, () => ParseTuple(token));
            case HclTokenKind.OpenBrace:
                Advance();
                return WithNewlineMode(false, () => ParseObject(token));
            default:
                Problem($"expected an expression, found {Describe(token)}", token.Start);
                // Leave closers and line ends for the caller, which knows how to recover at them.
                if (token.Kind is not (HclTokenKind.Newline or HclTokenKind.EndOfFile or HclTokenKind.CloseBrace
                    or HclTokenKind.CloseBracket or HclTokenKind.CloseParen or HclTokenKind.Comma))
                    Advance();
                return new HclOperation(Span(token.Start, token.Start), "", HclOperation.Invalid, []);
        }
    }

    private HclLiteral Literal(HclToken token, object? value) => new(Span(token.Start, token.End), token.Text, value);

    private void ExpectClose(HclTokenKind close, string what)
    {
        if (At(close))
        {
            Advance();
            return;
        }
        Problem($"expected {what}, found {Describe(Peek())}", Peek().Start);
        SkipBalanced(close);
    }

    /// <summary><c>provider::aws::arn_parse(…)</c> (Terraform 1.8): kept as a call named in full.</summary>
    private HclExpression ParseProviderFunction(HclToken first)
    {
        var name = first.Text;
        while (Peek().Kind == HclTokenKind.Colon && _tokens[_pos + 1].Kind == HclTokenKind.Colon
            && _tokens[_pos + 2].Kind == HclTokenKind.Identifier)
        {
            Advance();
            Advance();
            name += "::" + Advance().Text;
        }
        if (Peek().Kind == HclTokenKind.OpenParen)
            return ParseCall(first, name);
        Problem($"expected '(' after {name}", Peek().Start);
        return Operation(HclOperation.Invalid, first.Start, []);
    }

    private HclExpression ParseCall(HclToken start, string name)
    {
        Advance(); // (
        var arguments = WithNewlineMode(true, () =>
        {
            var items = ImmutableArray.CreateBuilder<HclExpression>();
            while (!At(HclTokenKind.CloseParen) && !At(HclTokenKind.EndOfFile))
            {
                items.Add(ParseExpression());
                if (At(HclTokenKind.Ellipsis))
                    Advance();
                if (At(HclTokenKind.Comma))
                    Advance();
                else if (!At(HclTokenKind.CloseParen))
                {
                    Problem($"expected ',' or ')' in the arguments of {name}, found {Describe(Peek())}", Peek().Start);
                    SkipBalanced(HclTokenKind.CloseParen);
                    return items.ToImmutable();
                }
            }
            ExpectClose(HclTokenKind.CloseParen, $"')' to close the call to {name}");
            return items.ToImmutable();
        });
        return new HclFunctionCall(Span(start.Start, _lastEnd), _text[start.Start.._lastEnd], name, arguments);
    }

    private HclExpression ParseTuple(HclToken open)
    {
        if (Peek() is { Kind: HclTokenKind.Identifier, Text: "for" })
        {
            SkipBalanced(HclTokenKind.CloseBracket);
            return Operation(HclOperation.For, open.Start, []);
        }
        var items = ImmutableArray.CreateBuilder<HclExpression>();
        while (!At(HclTokenKind.CloseBracket))
        {
            if (At(HclTokenKind.EndOfFile))
            {
                Problem($"the list opened on line {_map.Position(open.Start).Line} is never closed with ']'", _text.Length);
                return new HclTuple(Span(open.Start, _lastEnd), _text[open.Start.._lastEnd], items.ToImmutable());
            }
            items.Add(ParseExpression());
            if (At(HclTokenKind.Comma))
                Advance();
            else if (!At(HclTokenKind.CloseBracket))
            {
                Problem($"expected ',' or ']' in a list, found {Describe(Peek())}", Peek().Start);
                SkipBalanced(HclTokenKind.CloseBracket);
                return new HclTuple(Span(open.Start, _lastEnd), _text[open.Start.._lastEnd], items.ToImmutable());
            }
        }
        Advance();
        return new HclTuple(Span(open.Start, _lastEnd), _text[open.Start.._lastEnd], items.ToImmutable());
    }

    private HclExpression ParseObject(HclToken open)
    {
        SkipNewlinesAndCommas();
        if (Peek() is { Kind: HclTokenKind.Identifier, Text: "for" })
        {
            SkipBalanced(HclTokenKind.CloseBrace);
            return Operation(HclOperation.For, open.Start, []);
        }
        var items = ImmutableArray.CreateBuilder<HclObjectItem>();
        while (true)
        {
            SkipNewlinesAndCommas();
            var token = Peek();
            if (token.Kind == HclTokenKind.CloseBrace)
            {
                Advance();
                break;
            }
            if (token.Kind == HclTokenKind.EndOfFile)
            {
                Problem($"the object opened on line {_map.Position(open.Start).Line} is never closed with '}}'", _text.Length);
                break;
            }
            var key = ParseExpression();
            var name = key switch
            {
                HclReference { Parts.Length: 1 } bare => bare.Root, // { port = 22 }: a bare word is the key itself
                HclLiteral { Value: string text } => text,
                HclLiteral { Value: var other and not null } => Convert.ToString(other, CultureInfo.InvariantCulture),
                _ => null,
            };
            if (!At(HclTokenKind.Equals) && !At(HclTokenKind.Colon))
            {
                Problem($"expected '=' or ':' after an object key, found {Describe(Peek())}", Peek().Start);
                RecoverInObject();
                continue;
            }
            Advance();
            var value = ParseExpression();
            items.Add(new HclObjectItem(name, key, value));
            if (Peek().Kind is not (HclTokenKind.Comma or HclTokenKind.Newline or HclTokenKind.CloseBrace or HclTokenKind.EndOfFile))
            {
                Problem($"expected ',' or a new line after an object item, found {Describe(Peek())}", Peek().Start);
                RecoverInObject();
            }
        }
        return new HclObject(Span(open.Start, _lastEnd), _text[open.Start.._lastEnd], items.ToImmutable());
    }

    private void SkipNewlinesAndCommas()
    {
        while (_tokens[_pos].Kind is HclTokenKind.Newline or HclTokenKind.Comma)
            _pos++;
    }

    private void RecoverInObject()
    {
        var before = _pos;
        RecoverToLineEnd();
        if (_pos == before && _tokens[_pos].Kind != HclTokenKind.CloseBrace && _tokens[_pos].Kind != HclTokenKind.EndOfFile)
            _pos++;
    }
}
