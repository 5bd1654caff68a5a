using System.Globalization;
using System.Numerics;
using System.Text;

namespace SecurityGate.Sources.Python;

public static partial class PythonParser
{
    private sealed partial class Parser
    {
        private static readonly HashSet<string> ComparisonOperators = new(StringComparer.Ordinal) { "<", ">", "==", ">=", "<=", "!=" };

        /// <summary>Can the current token begin an expression? Used for optional operands (return, raise, trailing commas).</summary>
        private bool CanStartExpression()
        {
            var token = Current;
            return token.Kind switch
            {
                PythonTokenKind.Name => !Keywords.Contains(token.Text) || token.Text is "None" or "True" or "False" or "not" or "lambda" or "await" or "yield",
                PythonTokenKind.Number or PythonTokenKind.String => true,
                PythonTokenKind.Operator => token.Text is "(" or "[" or "{" or "-" or "+" or "~" or "*" or "**" or "...",
                _ => false,
            };
        }

        /// <summary>Expressions separated by commas; more than one (or a trailing comma) makes an unparenthesised tuple.</summary>
        private PyExpr ParseTestListStarExpr()
        {
            var first = ParseTestOrStar();
            if (!IsOp(",")) return first;
            var elements = new List<PyExpr> { first };
            while (TryOp(","))
            {
                if (!CanStartExpression()) break;
                elements.Add(ParseTestOrStar());
            }

            return new PyTuple(PySpan.Between(first.Span, SpanOf(_previous)), elements);
        }

        private PyExpr ParseTestOrStar()
        {
            if (!IsOp("*")) return ParseNamedExpressionTest();
            var star = Advance();
            var value = ParseBitOr();
            return new PyStarred(PySpan.Between(SpanOf(star), value.Span), value);
        }

        /// <summary>Assignment targets (for a <c>for</c> loop or <c>del</c>): bitwise-or level expressions, so "in" is not swallowed.</summary>
        private List<PyExpr> ParseTargetList(bool stopAtIn)
        {
            var targets = new List<PyExpr> { ParseTargetExpression() };
            while (TryOp(","))
            {
                if (!CanStartExpression() || (stopAtIn && IsKeyword("in"))) break;
                targets.Add(ParseTargetExpression());
            }

            return targets;
        }

        private PyExpr ParseTargetExpression()
        {
            if (!IsOp("*")) return ParseBitOr();
            var star = Advance();
            var value = ParseBitOr();
            return new PyStarred(PySpan.Between(SpanOf(star), value.Span), value);
        }

        private PyExpr AsTarget(List<PyExpr> targets) =>
            targets.Count == 1 && !IsTrailingCommaTuple(targets)
                ? targets[0]
                : new PyTuple(PySpan.Between(targets[0].Span, targets[^1].Span), targets);

        private bool IsTrailingCommaTuple(List<PyExpr> targets) => targets.Count == 1 && _previous.IsOperator(",");

        private PyExpr ParseNamedExpressionTest()
        {
            if (Current.Kind == PythonTokenKind.Name && PeekToken().IsOperator(":=") && !Keywords.Contains(Current.Text))
            {
                var name = Advance();
                Advance();
                var value = ParseTest();
                return new PyNamedExpr(PySpan.Between(SpanOf(name), value.Span), name.Text, value);
            }

            return ParseTest();
        }

        private PyExpr ParseTest()
        {
            Enter();
            try
            {
                if (IsKeyword("lambda")) return ParseLambda();
                var body = ParseOr();
                if (!IsKeyword("if")) return body;
                Advance();
                var test = ParseOr();
                ExpectKeyword("else");
                var orElse = ParseTest();
                return new PyConditional(PySpan.Between(body.Span, orElse.Span), test, body, orElse);
            }
            finally
            {
                Leave();
            }
        }

        /// <summary>A comprehension condition: no unparenthesised conditional expression.</summary>
        private PyExpr ParseTestNoConditional() => IsKeyword("lambda") ? ParseLambda() : ParseOr();

        private PyExpr ParseLambda()
        {
            var start = Advance();
            var parameters = ParseParameters(closing: ":", allowAnnotations: false);
            ExpectOp(":");
            var body = ParseTest();
            return new PyLambda(PySpan.Between(SpanOf(start), body.Span), parameters, body);
        }

        private PyExpr ParseOr()
        {
            var first = ParseAnd();
            if (!IsKeyword("or")) return first;
            var values = new List<PyExpr> { first };
            while (TryKeyword("or")) values.Add(ParseAnd());
            return new PyBoolOp(PySpan.Between(first.Span, values[^1].Span), "or", values);
        }

        private PyExpr ParseAnd()
        {
            var first = ParseNot();
            if (!IsKeyword("and")) return first;
            var values = new List<PyExpr> { first };
            while (TryKeyword("and")) values.Add(ParseNot());
            return new PyBoolOp(PySpan.Between(first.Span, values[^1].Span), "and", values);
        }

        private PyExpr ParseNot()
        {
            if (!IsKeyword("not")) return ParseComparison();
            var start = Advance();
            Enter();
            try
            {
                var operand = ParseNot();
                return new PyUnary(PySpan.Between(SpanOf(start), operand.Span), "not", operand);
            }
            finally
            {
                Leave();
            }
        }

        private PyExpr ParseComparison()
        {
            var left = ParseBitOr();
            List<string>? operators = null;
            List<PyExpr>? comparators = null;
            while (true)
            {
                string? op = null;
                if (Current.Kind == PythonTokenKind.Operator && ComparisonOperators.Contains(Current.Text)) op = Advance().Text;
                else if (IsKeyword("in")) { Advance(); op = "in"; }
                else if (IsKeyword("not") && PeekToken().IsName("in")) { Advance(); Advance(); op = "not in"; }
                else if (IsKeyword("is"))
                {
                    Advance();
                    op = TryKeyword("not") ? "is not" : "is";
                }

                if (op is null) break;
                (operators ??= new()).Add(op);
                (comparators ??= new()).Add(ParseBitOr());
            }

            return operators is null ? left : new PyCompare(PySpan.Between(left.Span, comparators![^1].Span), left, operators, comparators);
        }

        private PyExpr ParseBitOr() => ParseBinary(0);

        /// <summary>Binary operator precedence from loosest (0, "|") to tightest (5, "*"); -1 for anything else.</summary>
        private static int BinaryLevelOf(PythonToken token) => token.Kind != PythonTokenKind.Operator ? -1 : token.Text switch
        {
            "|" => 0,
            "^" => 1,
            "&" => 2,
            "<<" or ">>" => 3,
            "+" or "-" => 4,
            "*" or "/" or "//" or "%" or "@" => 5,
            _ => -1,
        };

        /// <summary>
        /// Left-associative binary operators of at least <paramref name="minLevel"/> by precedence climbing: one call
        /// per operand instead of one per precedence level.
        /// </summary>
        private PyExpr ParseBinary(int minLevel)
        {
            var left = ParseFactor();
            int level;
            while ((level = BinaryLevelOf(Current)) >= minLevel)
            {
                string op = Advance().Text;
                var right = ParseBinary(level + 1);
                left = new PyBinary(PySpan.Between(left.Span, right.Span), op, left, right);
            }

            return left;
        }

        private PyExpr ParseFactor()
        {
            if (Current.Kind == PythonTokenKind.Operator && Current.Text is "-" or "+" or "~")
            {
                var op = Advance();
                Enter();
                try
                {
                    var operand = ParseFactor();
                    return new PyUnary(PySpan.Between(SpanOf(op), operand.Span), op.Text, operand);
                }
                finally
                {
                    Leave();
                }
            }

            return ParsePower();
        }

        private PyExpr ParsePower()
        {
            PyExpr value;
            if (IsKeyword("await"))
            {
                var start = Advance();
                var operand = ParsePrimary();
                value = new PyAwait(PySpan.Between(SpanOf(start), operand.Span), operand);
            }
            else
            {
                value = ParsePrimary();
            }

            if (!IsOp("**")) return value;
            Advance();
            var exponent = ParseFactor(); // right-associative, binds tighter than unary minus on its left
            return new PyBinary(PySpan.Between(value.Span, exponent.Span), "**", value, exponent);
        }

        private PyExpr ParsePrimary()
        {
            var value = ParseAtom();
            while (Current.Kind == PythonTokenKind.Operator)
            {
                if (IsOp("."))
                {
                    Advance();
                    var name = Current;
                    if (name.Kind != PythonTokenKind.Name) throw Error("expected an attribute name");
                    Advance();
                    value = new PyAttribute(PySpan.Between(value.Span, SpanOf(name)), value, name.Text);
                }
                else if (IsOp("("))
                {
                    Advance();
                    var arguments = ParseCallArguments();
                    var close = ExpectOp(")");
                    value = new PyCall(PySpan.Between(value.Span, SpanOf(close)), value, arguments);
                }
                else if (IsOp("["))
                {
                    Advance();
                    var index = ParseSubscriptList();
                    var close = ExpectOp("]");
                    value = new PySubscript(PySpan.Between(value.Span, SpanOf(close)), value, index);
                }
                else
                {
                    break;
                }
            }

            return value;
        }

        private List<PyArgument> ParseCallArguments()
        {
            var arguments = new List<PyArgument>();
            while (!IsOp(")"))
            {
                if (TryOp("**"))
                {
                    arguments.Add(new PyArgument(PyArgumentKind.DoubleStar, null, ParseTest()));
                }
                else if (TryOp("*"))
                {
                    arguments.Add(new PyArgument(PyArgumentKind.Star, null, ParseTest()));
                }
                else if (Current.Kind == PythonTokenKind.Name && PeekToken().IsOperator("=") && !Keywords.Contains(Current.Text))
                {
                    string name = Advance().Text;
                    Advance();
                    arguments.Add(new PyArgument(PyArgumentKind.Keyword, name, ParseTest()));
                }
                else
                {
                    var value = ParseNamedExpressionTest();
                    if (IsKeyword("for") || IsKeyword("async"))
                        value = ParseComprehensionTail(value.Span, PyComprehensionKind.Generator, value, null, closing: null);
                    arguments.Add(new PyArgument(PyArgumentKind.Positional, null, value));
                }

                if (!TryOp(",")) break;
            }

            return arguments;
        }

        private PyExpr ParseSubscriptList()
        {
            var first = ParseSliceItem();
            if (!IsOp(",")) return first;
            var items = new List<PyExpr> { first };
            while (TryOp(","))
            {
                if (IsOp("]")) break;
                items.Add(ParseSliceItem());
            }

            return new PyTuple(PySpan.Between(first.Span, items[^1].Span), items);
        }

        private PyExpr ParseSliceItem()
        {
            var start = Current;
            PyExpr? lower = null;
            if (!IsOp(":"))
            {
                lower = ParseTestOrStar();
                if (!IsOp(":")) return lower;
            }

            Advance();
            PyExpr? upper = IsOp(":") || IsOp("]") || IsOp(",") ? null : ParseTest();
            PyExpr? step = null;
            if (TryOp(":") && !IsOp("]") && !IsOp(",")) step = ParseTest();
            return new PySlice(SpanFrom(start), lower, upper, step);
        }

        private PyExpr ParseAtom()
        {
            var token = Current;
            switch (token.Kind)
            {
                case PythonTokenKind.Name:
                    Advance();
                    switch (token.Text)
                    {
                        case "None": return new PyNone(SpanOf(token));
                        case "True": return new PyBoolLiteral(SpanOf(token), true);
                        case "False": return new PyBoolLiteral(SpanOf(token), false);
                    }

                    if (Keywords.Contains(token.Text))
                    {
                        MoveTo(_pos - 1); // report the keyword itself
                        throw Error("unexpected keyword");
                    }

                    return new PyName(SpanOf(token), token.Text);
                case PythonTokenKind.Number:
                    Advance();
                    return ParseNumber(token);
                case PythonTokenKind.String:
                    return ParseStrings();
                case PythonTokenKind.Operator:
                    switch (token.Text)
                    {
                        case "(": return ParseParenthesised();
                        case "[": return ParseListDisplay();
                        case "{": return ParseBraceDisplay();
                        case "...":
                            Advance();
                            return new PyEllipsis(SpanOf(token));
                    }

                    break;
            }

            throw Error("expected an expression");
        }

        private PyExpr ParseParenthesised()
        {
            var open = Advance();
            Enter();
            try
            {
                if (TryOp(")"))
                    return new PyTuple(SpanFrom(open), []);
                if (IsKeyword("yield"))
                {
                    var yield = ParseYield();
                    ExpectOp(")");
                    return yield;
                }

                var first = ParseTestOrStar();
                if (IsKeyword("for") || IsKeyword("async"))
                {
                    var generator = ParseComprehensionTail(SpanOf(open), PyComprehensionKind.Generator, first, null, closing: ")");
                    return generator;
                }

                if (!IsOp(","))
                {
                    ExpectOp(")");
                    return first;
                }

                var elements = new List<PyExpr> { first };
                while (TryOp(","))
                {
                    if (IsOp(")")) break;
                    elements.Add(ParseTestOrStar());
                }

                ExpectOp(")");
                return new PyTuple(SpanFrom(open), elements);
            }
            finally
            {
                Leave();
            }
        }

        private PyExpr ParseYield()
        {
            var start = Advance();
            if (TryKeyword("from"))
            {
                var source = ParseTest();
                return new PyYield(PySpan.Between(SpanOf(start), source.Span), source, IsFrom: true);
            }

            var value = CanStartExpression() ? ParseTestListStarExpr() : null;
            return new PyYield(SpanFrom(start), value, IsFrom: false);
        }

        private PyExpr ParseListDisplay()
        {
            var open = Advance();
            Enter();
            try
            {
                var elements = new List<PyExpr>();
                if (!IsOp("]"))
                {
                    var first = ParseTestOrStar();
                    if (IsKeyword("for") || IsKeyword("async"))
                        return ParseComprehensionTail(SpanOf(open), PyComprehensionKind.List, first, null, closing: "]");
                    elements.Add(first);
                    while (TryOp(","))
                    {
                        if (IsOp("]")) break;
                        elements.Add(ParseTestOrStar());
                    }
                }

                ExpectOp("]");
                return new PyList(SpanFrom(open), elements);
            }
            finally
            {
                Leave();
            }
        }

        private PyExpr ParseBraceDisplay()
        {
            var open = Advance();
            Enter();
            try
            {
                if (TryOp("}")) return new PyDict(SpanFrom(open), []);

                // The first item decides between a dict and a set.
                if (TryOp("**"))
                    return ParseDictRest(open, new PyDictEntry(null, ParseBitOr()));

                var first = ParseTestOrStar();
                if (TryOp(":"))
                {
                    var value = ParseTest();
                    if (IsKeyword("for") || IsKeyword("async"))
                        return ParseComprehensionTail(SpanOf(open), PyComprehensionKind.Dict, first, value, closing: "}");
                    return ParseDictRest(open, new PyDictEntry(first, value));
                }

                if (IsKeyword("for") || IsKeyword("async"))
                    return ParseComprehensionTail(SpanOf(open), PyComprehensionKind.Set, first, null, closing: "}");

                var elements = new List<PyExpr> { first };
                while (TryOp(","))
                {
                    if (IsOp("}")) break;
                    elements.Add(ParseTestOrStar());
                }

                ExpectOp("}");
                return new PySet(SpanFrom(open), elements);
            }
            finally
            {
                Leave();
            }
        }

        private PyExpr ParseDictRest(PythonToken open, PyDictEntry first)
        {
            var entries = new List<PyDictEntry> { first };
            while (TryOp(","))
            {
                if (IsOp("}")) break;
                if (TryOp("**"))
                {
                    entries.Add(new PyDictEntry(null, ParseBitOr()));
                    continue;
                }

                var key = ParseTest();
                ExpectOp(":");
                entries.Add(new PyDictEntry(key, ParseTest()));
            }

            ExpectOp("}");
            return new PyDict(SpanFrom(open), entries);
        }

        /// <summary>Parses the <c>for ... in ... if ...</c> clauses and the closing bracket of a comprehension.</summary>
        /// <remarks>A generator passed as a call's only argument leaves the call's ')' alone (<paramref name="closing"/> null).</remarks>
        private PyExpr ParseComprehensionTail(PySpan start, PyComprehensionKind kind, PyExpr element, PyExpr? value, string? closing)
        {
            var clauses = new List<PyComprehensionClause>();
            while (IsKeyword("for") || IsKeyword("async"))
            {
                bool isAsync = TryKeyword("async");
                ExpectKeyword("for");
                var target = AsTarget(ParseTargetList(stopAtIn: true));
                ExpectKeyword("in");
                var iterable = ParseOr();
                var conditions = new List<PyExpr>();
                while (TryKeyword("if")) conditions.Add(ParseTestNoConditional());
                clauses.Add(new PyComprehensionClause(target, iterable, conditions, isAsync));
            }

            var end = closing is null ? _previous : ExpectOp(closing);
            return new PyComprehension(PySpan.Between(start, SpanOf(end)), kind, element, value, clauses);
        }

        // ------------------------------------------------------------ literals

        private static PyExpr ParseNumber(PythonToken token)
        {
            var span = SpanOf(token);
            string text = token.Text.Replace("_", "");
            try
            {
                if (text.Length > 1 && text[0] == '0' && char.IsLetter(text[1]))
                {
                    int radix = char.ToLowerInvariant(text[1]) switch { 'x' => 16, 'o' => 8, _ => 2 };
                    return new PyIntLiteral(span, ParseRadix(text.AsSpan(2), radix));
                }

                char last = char.ToLowerInvariant(text[^1]);
                if (last == 'j')
                    return new PyImaginaryLiteral(span, double.Parse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture));
                if (text.Contains('.') || text.Contains('e') || text.Contains('E'))
                    return new PyFloatLiteral(span, double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
                return new PyIntLiteral(span, BigInteger.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture));
            }
            catch (FormatException)
            {
                throw new ParseError($"invalid number literal '{token.Text}'", token);
            }
        }

        private static BigInteger ParseRadix(ReadOnlySpan<char> digits, int radix)
        {
            if (digits.IsEmpty) throw new FormatException();
            BigInteger value = BigInteger.Zero;
            foreach (char c in digits)
            {
                int digit = c switch
                {
                    >= '0' and <= '9' => c - '0',
                    >= 'a' and <= 'f' => c - 'a' + 10,
                    >= 'A' and <= 'F' => c - 'A' + 10,
                    _ => 99,
                };
                if (digit >= radix) throw new FormatException();
                value = value * radix + digit;
            }

            return value;
        }

        /// <summary>Adjacent string literals (across lines inside brackets) concatenate into one expression.</summary>
        private PyExpr ParseStrings()
        {
            var first = Current;
            var pieces = new List<PyFStringPiece>();
            var plain = new StringBuilder();
            bool formatted = false;
            bool template = false;
            bool isBytes = first.String!.IsBytes;
            while (Current.Kind == PythonTokenKind.String)
            {
                var literal = Advance().String!;
                if (!literal.IsFormatted)
                {
                    plain.Append(literal.Value);
                    AppendText(pieces, literal.Value);
                    continue;
                }

                formatted = true;
                template |= literal.IsTemplate;
                foreach (var part in literal.Parts)
                    pieces.Add(ConvertPart(part));
            }

            var span = SpanFrom(first);
            return formatted ? new PyFormattedString(span, pieces, template) : new PyStringLiteral(span, plain.ToString(), isBytes);
        }

        private static void AppendText(List<PyFStringPiece> pieces, string text)
        {
            if (text.Length == 0) return;
            if (pieces.Count > 0 && pieces[^1] is PyFStringText previous) pieces[^1] = new PyFStringText(previous.Text + text);
            else pieces.Add(new PyFStringText(text));
        }

        private PyFStringPiece ConvertPart(FStringPart part)
        {
            if (part is FStringText text) return new PyFStringText(text.Text);
            var field = (FStringField)part;
            var expression = ParseFragment(field.Expression, field.Line, field.Column);
            IReadOnlyList<PyFStringPiece>? spec = field.FormatSpec?.Select(ConvertPart).ToList();
            string? selfDocumenting = field.SelfDocumenting ? field.Expression + "=" : null;
            return new PyFStringValue(expression, field.Conversion, spec, selfDocumenting);
        }

        /// <summary>Parses the expression of an f-string field with its real position in the file.</summary>
        private PyExpr ParseFragment(string text, int line, int column)
        {
            var tokens = new ChunkedList<PythonToken>();
            foreach (var token in PythonTokenizer.TokenizeFragment(text, line, column))
            {
                if (token.Kind is not (PythonTokenKind.Comment or PythonTokenKind.NonLogicalNewline)) tokens.Add(token);
            }

            var parser = new Parser(tokens, _source, _path, _depth + 1);
            if (parser.AtEnd) throw Error("f-string: empty expression not allowed");
            var expression = parser.ParseTestListStarExpr();
            if (!parser.AtEnd) throw parser.Error("f-string: unexpected text in field");
            return expression;
        }
    }
}
