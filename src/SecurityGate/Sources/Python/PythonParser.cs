namespace SecurityGate.Sources.Python;

/// <summary>
/// Parses Python source into a <see cref="PyModule"/>. Never throws: a statement it cannot parse becomes a
/// <see cref="PyUnparsedStatement"/> and parsing resumes at the next logical line.
/// </summary>
public static partial class PythonParser
{
    public static PyModule Parse(string source, string path = "")
    {
        source ??= "";
        var tokens = PythonTokenizer.Tokenize(source);
        var significant = new ChunkedList<PythonToken>();
        var comments = new List<PythonToken>();
        foreach (var token in tokens)
        {
            if (token.Kind == PythonTokenKind.Comment) comments.Add(token);
            else if (token.Kind != PythonTokenKind.NonLogicalNewline) significant.Add(token);
        }

        var parser = new Parser(significant, source, path, depth: 0);
        return new PyModule(path, source, parser.ParseModule(), comments);
    }

    /// <summary>Thrown inside the parser only, to abandon the current statement; never escapes <see cref="Parse"/>.</summary>
    private sealed class ParseError(string message, PythonToken at) : Exception(message)
    {
        public PythonToken At { get; } = at;
    }

    private sealed partial class Parser
    {
        /// <summary>How deep brackets, unary operators and blocks may nest before the parser gives up on a statement.</summary>
        private const int MaxDepth = 100;

        private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
        {
            "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
            "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
            "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
        };

        private static readonly HashSet<string> AugmentedOperators = new(StringComparer.Ordinal)
        {
            "+=", "-=", "*=", "/=", "//=", "%=", "@=", "&=", "|=", "^=", ">>=", "<<=", "**=",
        };

        private readonly ChunkedList<PythonToken> _tokens;
        private readonly string _source;
        private readonly string _path;
        private int _pos;
        private int _depth;
        private PythonToken _previous;
        private PythonToken _lastContent;

        public Parser(ChunkedList<PythonToken> tokens, string source, string path, int depth)
        {
            _tokens = tokens;
            _source = source;
            _path = path;
            _depth = depth;
            if (_tokens.Count == 0 || _tokens[^1].Kind != PythonTokenKind.EndOfFile)
                _tokens.Add(new PythonToken(PythonTokenKind.EndOfFile, "", 1, 1, 1, 1));
            _previous = _tokens[0];
            _lastContent = _tokens[0];
            Current = _tokens[0];
        }

        // ------------------------------------------------------------ token helpers

        /// <summary>The token at <c>_pos</c>, cached because the parser reads it far more often than it moves.</summary>
        private PythonToken Current { get; set; }

        private void MoveTo(int position)
        {
            _pos = position;
            Current = _tokens[position];
        }

        private PythonToken PeekToken(int offset = 1) => _tokens[Math.Min(_pos + offset, _tokens.Count - 1)];

        private bool AtEnd => Current.Kind == PythonTokenKind.EndOfFile;

        private PythonToken Advance()
        {
            var token = Current;
            if (_pos < _tokens.Count - 1) MoveTo(_pos + 1);
            _previous = token;
            if (token.Kind is not (PythonTokenKind.Newline or PythonTokenKind.Indent or PythonTokenKind.Dedent or PythonTokenKind.EndOfFile))
                _lastContent = token;
            return token;
        }

        private bool IsOp(string text) => Current.Kind == PythonTokenKind.Operator && Current.Text == text;

        private bool IsKeyword(string text) => Current.Kind == PythonTokenKind.Name && Current.Text == text;

        private bool TryOp(string text)
        {
            if (!IsOp(text)) return false;
            Advance();
            return true;
        }

        private bool TryKeyword(string text)
        {
            if (!IsKeyword(text)) return false;
            Advance();
            return true;
        }

        private PythonToken ExpectOp(string text)
        {
            if (!IsOp(text)) throw Error($"expected '{text}'");
            return Advance();
        }

        private void ExpectKeyword(string text)
        {
            if (!IsKeyword(text)) throw Error($"expected '{text}'");
            Advance();
        }

        private string ExpectName()
        {
            if (Current.Kind != PythonTokenKind.Name || Keywords.Contains(Current.Text)) throw Error("expected a name");
            return Advance().Text;
        }

        private ParseError Error(string message)
        {
            var token = Current;
            string found = token.Kind switch
            {
                PythonTokenKind.Error => token.Error ?? "invalid token",
                PythonTokenKind.Newline => "end of line",
                PythonTokenKind.EndOfFile => "end of file",
                PythonTokenKind.Indent => "indent",
                PythonTokenKind.Dedent => "dedent",
                _ => $"'{token.Text}'",
            };
            return new ParseError(token.Kind == PythonTokenKind.Error ? found : $"{message}, found {found}", token);
        }

        private static PySpan SpanOf(PythonToken token) => new(token.Line, token.Column, token.EndLine, token.EndColumn);

        /// <summary>The span from <paramref name="start"/> to the last consumed token.</summary>
        private PySpan SpanFrom(PythonToken start) =>
            new(start.Line, start.Column, _lastContent.EndLine, _lastContent.EndColumn);

        private void Enter()
        {
            if (++_depth > MaxDepth) throw Error("too deeply nested");
        }

        private void Leave() => _depth--;

        // ------------------------------------------------------------ statements

        public List<PyStatement> ParseModule()
        {
            var body = new List<PyStatement>();
            while (!AtEnd)
            {
                if (Current.Kind is PythonTokenKind.Newline or PythonTokenKind.Dedent)
                {
                    Advance(); // left over after an error; nothing to parse
                    continue;
                }

                ParseStatementInto(body);
            }

            return body;
        }

        /// <summary>Parses one statement (several for <c>a; b</c>) and recovers from errors at the next logical line.</summary>
        private void ParseStatementInto(List<PyStatement> into)
        {
            var start = Current;
            int startPos = _pos;
            int depth = _depth;
            if (start.Kind == PythonTokenKind.Indent)
            {
                Advance();
                var block = ParseIndentedStatements();
                into.Add(new PyUnparsedStatement(SpanOf(start), "unexpected indent", "", block));
                return;
            }

            try
            {
                ParseStatement(into);
            }
            catch (ParseError error)
            {
                _depth = depth;
                // Resume after the logical line that failed; NEWLINE tokens only ever end logical lines.
                if (_pos == startPos) Advance();
                while (!AtEnd && Current.Kind != PythonTokenKind.Newline) Advance();
                if (Current.Kind == PythonTokenKind.Newline) Advance();

                bool endsAfterStart = _lastContent.Line > start.Line || (_lastContent.Line == start.Line && _lastContent.Column >= start.Column);
                var end = endsAfterStart ? _lastContent : start;
                var span = new PySpan(start.Line, start.Column, end.EndLine, end.EndColumn);
                string message = $"{error.Message} (line {error.At.Line}, column {error.At.Column})";
                IReadOnlyList<PyStatement> body = [];
                if (Current.Kind == PythonTokenKind.Indent)
                {
                    Advance();
                    body = ParseIndentedStatements();
                }

                into.Add(new PyUnparsedStatement(span, message, FirstLineOf(span), body));
            }
        }

        private string FirstLineOf(PySpan span)
        {
            int lineStart = 0;
            int line = 1;
            for (int i = 0; i < _source.Length && line < span.Line; i++)
            {
                if (_source[i] == '\n' || (_source[i] == '\r' && (i + 1 >= _source.Length || _source[i + 1] != '\n')))
                {
                    line++;
                    lineStart = i + 1;
                }
            }

            int end = lineStart;
            while (end < _source.Length && _source[end] != '\n' && _source[end] != '\r') end++;
            return _source[lineStart..end].Trim().TrimStart('\uFEFF');
        }

        /// <summary>Statements up to the DEDENT closing a block (whose INDENT was consumed).</summary>
        private List<PyStatement> ParseIndentedStatements()
        {
            var body = new List<PyStatement>();
            Enter();
            try
            {
                while (!AtEnd && Current.Kind != PythonTokenKind.Dedent)
                {
                    if (Current.Kind == PythonTokenKind.Newline)
                    {
                        Advance();
                        continue;
                    }

                    ParseStatementInto(body);
                }

                if (Current.Kind == PythonTokenKind.Dedent) Advance();
            }
            finally
            {
                Leave();
            }

            return body;
        }

        /// <summary>The block after a ':' - either an indented suite or simple statements on the same line.</summary>
        private List<PyStatement> ParseBlock()
        {
            ExpectOp(":");
            if (Current.Kind == PythonTokenKind.Newline)
            {
                if (PeekToken().Kind != PythonTokenKind.Indent) throw Error("expected an indented block");
                Advance();
                Advance();
                return ParseIndentedStatements();
            }

            var body = new List<PyStatement>();
            ParseSimpleStatements(body);
            return body;
        }

        private void ParseStatement(List<PyStatement> into)
        {
            var token = Current;
            if (token.Kind == PythonTokenKind.Operator && token.Text == "@")
            {
                into.Add(ParseDecorated());
                return;
            }

            if (token.Kind == PythonTokenKind.Name)
            {
                switch (token.Text)
                {
                    case "if": into.Add(ParseIf()); return;
                    case "while": into.Add(ParseWhile()); return;
                    case "for": into.Add(ParseFor(token, isAsync: false)); return;
                    case "try": into.Add(ParseTry()); return;
                    case "with": into.Add(ParseWith(token, isAsync: false)); return;
                    case "def": into.Add(ParseFunctionDef(token, [], isAsync: false)); return;
                    case "class": into.Add(ParseClassDef(token, [])); return;
                    case "async":
                        into.Add(ParseAsync(token, []));
                        return;
                    case "elif" or "else" or "except" or "finally":
                        throw Error("unexpected clause");
                    case "match" when LooksLikeMatchStatement():
                        into.Add(ParseMatch());
                        return;
                }
            }

            ParseSimpleStatements(into);
        }

        private PyStatement ParseAsync(PythonToken start, IReadOnlyList<PyExpr> decorators)
        {
            Advance();
            if (IsKeyword("def")) return ParseFunctionDef(start, decorators, isAsync: true);
            if (decorators.Count > 0) throw Error("expected 'def' after decorators");
            if (IsKeyword("for")) return ParseFor(start, isAsync: true);
            if (IsKeyword("with")) return ParseWith(start, isAsync: true);
            throw Error("expected 'def', 'for' or 'with' after 'async'");
        }

        private void ParseSimpleStatements(List<PyStatement> into)
        {
            while (true)
            {
                into.Add(ParseSmallStatement());
                if (TryOp(";"))
                {
                    if (Current.Kind is PythonTokenKind.Newline or PythonTokenKind.EndOfFile) break;
                    continue;
                }

                break;
            }

            if (Current.Kind == PythonTokenKind.Newline) Advance();
            else if (!AtEnd) throw Error("expected end of statement");
        }

        private PyStatement ParseSmallStatement()
        {
            var start = Current;
            if (start.Kind == PythonTokenKind.Name)
            {
                switch (start.Text)
                {
                    case "pass": Advance(); return new PyPass(SpanOf(start));
                    case "break": Advance(); return new PyBreak(SpanOf(start));
                    case "continue": Advance(); return new PyContinue(SpanOf(start));
                    case "import": return ParseImport();
                    case "from": return ParseImportFrom();
                    case "global" or "nonlocal": return ParseGlobal();
                    case "del":
                        Advance();
                        return new PyDelete(SpanFrom(start), ParseTargetList(stopAtIn: false));
                    case "assert":
                    {
                        Advance();
                        var test = ParseTest();
                        var message = TryOp(",") ? ParseTest() : null;
                        return new PyAssert(SpanFrom(start), test, message);
                    }
                    case "raise":
                    {
                        Advance();
                        PyExpr? exception = null, cause = null;
                        if (CanStartExpression())
                        {
                            exception = ParseTest();
                            if (TryKeyword("from")) cause = ParseTest();
                        }

                        return new PyRaise(SpanFrom(start), exception, cause);
                    }
                    case "return":
                    {
                        Advance();
                        var value = CanStartExpression() ? ParseTestListStarExpr() : null;
                        return new PyReturn(SpanFrom(start), value);
                    }
                    case "type" when PeekToken().Kind == PythonTokenKind.Name && (PeekToken(2).IsOperator("=") || PeekToken(2).IsOperator("[")):
                        return ParseTypeAlias();
                }
            }

            return ParseExpressionStatement();
        }

        private PyStatement ParseExpressionStatement()
        {
            var start = Current;
            var first = ParseAssignableValue();
            if (IsOp("="))
            {
                var targets = new List<PyExpr> { first };
                PyExpr value = first;
                while (TryOp("="))
                {
                    value = ParseAssignableValue();
                    targets.Add(value);
                }

                targets.RemoveAt(targets.Count - 1);
                return new PyAssign(SpanFrom(start), targets, value);
            }

            if (IsOp(":"))
            {
                Advance();
                var annotation = ParseTest();
                PyExpr? value = TryOp("=") ? ParseAssignableValue() : null;
                return new PyAnnotatedAssign(SpanFrom(start), first, annotation, value);
            }

            if (Current.Kind == PythonTokenKind.Operator && AugmentedOperators.Contains(Current.Text))
            {
                string op = Advance().Text[..^1];
                var value = ParseAssignableValue();
                return new PyAugmentedAssign(SpanFrom(start), first, op, value);
            }

            return new PyExpressionStatement(SpanFrom(start), first);
        }

        /// <summary>The right-hand side of an assignment: a (possibly starred, unparenthesised) tuple or a yield.</summary>
        private PyExpr ParseAssignableValue() => IsKeyword("yield") ? ParseYield() : ParseTestListStarExpr();

        private PyStatement ParseImport()
        {
            var start = Advance();
            var names = new List<PyImportAlias>();
            do
            {
                var nameStart = Current;
                string name = ParseDottedName();
                string? asName = TryKeyword("as") ? ExpectName() : null;
                names.Add(new PyImportAlias(name, asName, SpanFrom(nameStart)));
            }
            while (TryOp(","));

            return new PyImport(SpanFrom(start), names);
        }

        private PyStatement ParseImportFrom()
        {
            var start = Advance();
            int level = 0;
            while (true)
            {
                if (TryOp(".")) level++;
                else if (TryOp("...")) level += 3;
                else break;
            }

            string? module = IsKeyword("import") ? null : ParseDottedName();
            if (module is null && level == 0) throw Error("expected a module name");
            ExpectKeyword("import");
            if (IsOp("*"))
            {
                Advance();
                return new PyImportFrom(SpanFrom(start), module, level, [], IsStar: true);
            }

            bool parenthesised = TryOp("(");
            var names = new List<PyImportAlias>();
            do
            {
                if (parenthesised && IsOp(")")) break; // trailing comma
                var nameStart = Current;
                string name = ExpectName();
                string? asName = TryKeyword("as") ? ExpectName() : null;
                names.Add(new PyImportAlias(name, asName, SpanFrom(nameStart)));
            }
            while (TryOp(","));

            if (parenthesised) ExpectOp(")");
            if (names.Count == 0) throw Error("expected a name to import");
            return new PyImportFrom(SpanFrom(start), module, level, names, IsStar: false);
        }

        private string ParseDottedName()
        {
            string name = ExpectName();
            while (IsOp(".") && PeekToken().Kind == PythonTokenKind.Name)
            {
                Advance();
                name += "." + ExpectName();
            }

            return name;
        }

        private PyStatement ParseGlobal()
        {
            var start = Advance();
            var names = new List<string> { ExpectName() };
            while (TryOp(",")) names.Add(ExpectName());
            return new PyGlobal(SpanFrom(start), names, IsNonlocal: start.Text == "nonlocal");
        }

        private PyStatement ParseTypeAlias()
        {
            var start = Advance();
            string name = ExpectName();
            if (IsOp("[")) SkipBalanced();
            ExpectOp("=");
            return new PyTypeAlias(SpanFrom(start), name, ParseTest());
        }

        private PyStatement ParseIf()
        {
            var start = Advance();
            var test = ParseNamedExpressionTest();
            var body = ParseBlock();
            var orElse = ParseElseChain();
            return new PyIf(SpanFrom(start), test, body, orElse, IsElif: start.Text == "elif");
        }

        private IReadOnlyList<PyStatement> ParseElseChain()
        {
            if (IsKeyword("elif"))
            {
                var start = Advance();
                var test = ParseNamedExpressionTest();
                var body = ParseBlock();
                var orElse = ParseElseChain();
                return [new PyIf(SpanFrom(start), test, body, orElse, IsElif: true)];
            }

            if (TryKeyword("else")) return ParseBlock();
            return [];
        }

        private PyStatement ParseWhile()
        {
            var start = Advance();
            var test = ParseNamedExpressionTest();
            var body = ParseBlock();
            IReadOnlyList<PyStatement> orElse = TryKeyword("else") ? ParseBlock() : [];
            return new PyWhile(SpanFrom(start), test, body, orElse);
        }

        private PyStatement ParseFor(PythonToken start, bool isAsync)
        {
            ExpectKeyword("for");
            var target = AsTarget(ParseTargetList(stopAtIn: true));
            ExpectKeyword("in");
            var iterable = ParseTestListStarExpr();
            var body = ParseBlock();
            IReadOnlyList<PyStatement> orElse = TryKeyword("else") ? ParseBlock() : [];
            return new PyFor(SpanFrom(start), target, iterable, body, orElse, isAsync);
        }

        private PyStatement ParseWith(PythonToken start, bool isAsync)
        {
            ExpectKeyword("with");
            var items = IsOp("(") ? TryParseParenthesisedWithItems() : null;
            if (items is null)
            {
                items = new List<PyWithItem>();
                do items.Add(ParseWithItem());
                while (TryOp(","));
            }

            var body = ParseBlock();
            return new PyWith(SpanFrom(start), items, body, isAsync);
        }

        /// <summary><c>with (a as b, c as d):</c> - tried first, undone when the parentheses were an ordinary expression.</summary>
        private List<PyWithItem>? TryParseParenthesisedWithItems()
        {
            int saved = _pos;
            var savedPrevious = _previous;
            var savedContent = _lastContent;
            int depth = _depth;
            try
            {
                Advance();
                var items = new List<PyWithItem>();
                while (!IsOp(")"))
                {
                    items.Add(ParseWithItem());
                    if (!TryOp(",")) break;
                }

                ExpectOp(")");
                if (!IsOp(":")) throw Error("expected ':'");
                return items;
            }
            catch (ParseError)
            {
                MoveTo(saved);
                _previous = savedPrevious;
                _lastContent = savedContent;
                _depth = depth;
                return null;
            }
        }

        private PyWithItem ParseWithItem()
        {
            var context = ParseTest();
            PyExpr? target = null;
            if (TryKeyword("as")) target = ParseTargetExpression();
            return new PyWithItem(context, target);
        }

        private PyStatement ParseTry()
        {
            var start = Advance();
            var body = ParseBlock();
            var handlers = new List<PyExceptHandler>();
            while (IsKeyword("except"))
            {
                var handlerStart = Advance();
                bool isStar = TryOp("*");
                PyExpr? type = null;
                string? name = null;
                if (!IsOp(":"))
                {
                    type = ParseTest();
                    if (IsOp(","))
                    {
                        // 3.14 allows "except A, B:" without parentheses.
                        var types = new List<PyExpr> { type };
                        while (TryOp(",")) types.Add(ParseTest());
                        type = new PyTuple(PySpan.Between(types[0].Span, types[^1].Span), types);
                    }

                    if (TryKeyword("as")) name = ExpectName();
                }

                var handlerBody = ParseBlock();
                handlers.Add(new PyExceptHandler(SpanFrom(handlerStart), type, ExceptionTypeNames(type), name, handlerBody, isStar));
            }

            IReadOnlyList<PyStatement> orElse = TryKeyword("else") ? ParseBlock() : [];
            IReadOnlyList<PyStatement> final = TryKeyword("finally") ? ParseBlock() : [];
            if (handlers.Count == 0 && final.Count == 0) throw Error("expected 'except' or 'finally' block");
            return new PyTry(SpanFrom(start), body, handlers, orElse, final);
        }

        private static IReadOnlyList<string> ExceptionTypeNames(PyExpr? type)
        {
            if (type is null) return [];
            var names = new List<string>();
            foreach (var element in type is PyTuple tuple ? tuple.Elements : [type])
            {
                string? dotted = DottedNameOf(element);
                if (dotted is not null) names.Add(dotted);
            }

            return names;
        }

        internal static string? DottedNameOf(PyExpr expr) => expr switch
        {
            PyName name => name.Id,
            PyAttribute attribute when DottedNameOf(attribute.Target) is { } target => target + "." + attribute.Name,
            _ => null,
        };

        private PyStatement ParseDecorated()
        {
            var start = Current;
            var decorators = new List<PyExpr>();
            while (TryOp("@"))
            {
                decorators.Add(ParseNamedExpressionTest());
                if (Current.Kind != PythonTokenKind.Newline) throw Error("expected end of line after decorator");
                Advance();
            }

            if (IsKeyword("def")) return ParseFunctionDef(start, decorators, isAsync: false);
            if (IsKeyword("class")) return ParseClassDef(start, decorators);
            if (IsKeyword("async")) return ParseAsync(start, decorators);
            throw Error("expected 'def' or 'class' after decorators");
        }

        private PyStatement ParseFunctionDef(PythonToken start, IReadOnlyList<PyExpr> decorators, bool isAsync)
        {
            ExpectKeyword("def");
            string name = ExpectName();
            if (IsOp("[")) SkipBalanced(); // 3.12 type parameters
            ExpectOp("(");
            var parameters = ParseParameters(closing: ")", allowAnnotations: true);
            ExpectOp(")");
            PyExpr? returns = TryOp("->") ? ParseTest() : null;
            var body = ParseBlock();
            return new PyFunctionDef(SpanFrom(start), name, parameters, body, decorators, returns, isAsync);
        }

        private PyStatement ParseClassDef(PythonToken start, IReadOnlyList<PyExpr> decorators)
        {
            ExpectKeyword("class");
            string name = ExpectName();
            if (IsOp("[")) SkipBalanced();
            IReadOnlyList<PyArgument> bases = [];
            if (TryOp("("))
            {
                bases = ParseCallArguments();
                ExpectOp(")");
            }

            var body = ParseBlock();
            return new PyClassDef(SpanFrom(start), name, bases, body, decorators);
        }

        /// <summary>Parameters of a def (stops at ')') or a lambda (stops at ':').</summary>
        private List<PyParameter> ParseParameters(string closing, bool allowAnnotations)
        {
            var parameters = new List<PyParameter>();
            bool keywordOnly = false;
            while (!IsOp(closing))
            {
                if (TryOp("/"))
                {
                    // Everything before "/" is positional-only.
                    for (int i = 0; i < parameters.Count; i++)
                        parameters[i] = parameters[i] with { Kind = PyParameterKind.PositionalOnly };
                }
                else if (TryOp("**"))
                {
                    string name = ExpectName();
                    var annotation = allowAnnotations && TryOp(":") ? ParseTest() : null;
                    parameters.Add(new PyParameter(name, PyParameterKind.VarKeyword, null, annotation));
                }
                else if (TryOp("*"))
                {
                    keywordOnly = true;
                    if (Current.Kind == PythonTokenKind.Name)
                    {
                        string name = ExpectName();
                        PyExpr? annotation = null;
                        if (allowAnnotations && TryOp(":")) annotation = TryOp("*") ? ParseBitOr() : ParseTest();
                        parameters.Add(new PyParameter(name, PyParameterKind.VarPositional, null, annotation));
                    }
                }
                else
                {
                    string name = ExpectName();
                    var annotation = allowAnnotations && TryOp(":") ? ParseTest() : null;
                    var defaultValue = TryOp("=") ? ParseTest() : null;
                    parameters.Add(new PyParameter(name, keywordOnly ? PyParameterKind.KeywordOnly : PyParameterKind.Positional, defaultValue, annotation));
                }

                if (!TryOp(",")) break;
            }

            return parameters;
        }

        /// <summary>Skips a bracketed group such as type parameters <c>[T: int]</c>.</summary>
        private void SkipBalanced()
        {
            int depth = 0;
            do
            {
                if (AtEnd || Current.Kind == PythonTokenKind.Newline) throw Error("unbalanced brackets");
                if (Current.Kind == PythonTokenKind.Operator)
                {
                    if (Current.Text is "(" or "[" or "{") depth++;
                    else if (Current.Text is ")" or "]" or "}") depth--;
                }

                Advance();
            }
            while (depth > 0);
        }

        /// <summary>"match" is a soft keyword: a statement only when the logical line ends with ':' and opens a block.</summary>
        private bool LooksLikeMatchStatement()
        {
            var next = PeekToken();
            if (next.Kind is PythonTokenKind.Newline or PythonTokenKind.EndOfFile) return false;
            if (next.Kind == PythonTokenKind.Operator && (next.Text is "=" or "." or ":" or ")" or "]" or "}" or "," or ";" || AugmentedOperators.Contains(next.Text)))
                return false;
            int i = _pos + 1;
            while (i < _tokens.Count && _tokens[i].Kind is not (PythonTokenKind.Newline or PythonTokenKind.EndOfFile)) i++;
            return i + 1 < _tokens.Count && _tokens[i - 1].IsOperator(":") && _tokens[i + 1].Kind == PythonTokenKind.Indent;
        }

        private PyStatement ParseMatch()
        {
            var start = Advance();
            var subject = ParseTestListStarExpr();
            ExpectOp(":");
            if (Current.Kind != PythonTokenKind.Newline || PeekToken().Kind != PythonTokenKind.Indent)
                throw Error("expected an indented block of 'case' clauses");
            Advance();
            Advance();
            var cases = new List<PyMatchCase>();
            Enter();
            try
            {
                while (!AtEnd && Current.Kind != PythonTokenKind.Dedent)
                {
                    if (!IsKeyword("case")) throw Error("expected 'case'");
                    Advance();
                    var patternStart = Current;
                    SkipPatternAndGuard();
                    var patternSpan = SpanFrom(patternStart);
                    cases.Add(new PyMatchCase(patternSpan, ParseBlock()));
                }

                if (Current.Kind == PythonTokenKind.Dedent) Advance();
            }
            finally
            {
                Leave();
            }

            return new PyMatch(SpanFrom(start), subject, cases);
        }

        /// <summary>Skips a case pattern and its guard: everything up to the ':' outside brackets.</summary>
        private void SkipPatternAndGuard()
        {
            int depth = 0;
            while (!AtEnd && Current.Kind != PythonTokenKind.Newline)
            {
                if (Current.Kind == PythonTokenKind.Operator)
                {
                    if (Current.Text is "(" or "[" or "{") depth++;
                    else if (Current.Text is ")" or "]" or "}") depth--;
                    else if (Current.Text == ":" && depth == 0) return;
                }
                else if (Current.Kind == PythonTokenKind.Error)
                {
                    throw Error("invalid pattern");
                }

                Advance();
            }

            throw Error("expected ':' after case pattern");
        }
    }
}
