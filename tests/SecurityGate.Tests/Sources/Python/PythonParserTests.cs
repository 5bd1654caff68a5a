using System.Globalization;
using SecurityGate.Sources.Python;

namespace SecurityGate.Tests.Sources.Python;

public class PythonParserTests
{
    private static IReadOnlyList<PyStatement> Parse(string source) => PythonParser.Parse(source, "settings.py").Body;

    private static T One<T>(string source) where T : PyStatement => Assert.IsType<T>(Assert.Single(Parse(source)));

    private static PyExpr Expression(string source) => One<PyExpressionStatement>(source).Value;

    /// <summary>A fully parenthesised rendering of an expression, to check precedence and associativity.</summary>
    private static string Show(PyExpr expr) => expr switch
    {
        PyName n => n.Id,
        PyIntLiteral i => i.Value.ToString(CultureInfo.InvariantCulture),
        PyFloatLiteral f => f.Value.ToString(CultureInfo.InvariantCulture),
        PyImaginaryLiteral j => j.Imaginary.ToString(CultureInfo.InvariantCulture) + "j",
        PyStringLiteral s => (s.IsBytes ? "b" : "") + "'" + s.Value + "'",
        PyBoolLiteral b => b.Value ? "True" : "False",
        PyNone => "None",
        PyEllipsis => "...",
        PyFormattedString f => "f(" + string.Join(",", f.Pieces.Select(p => p is PyFStringText t ? "'" + t.Text + "'" : "{" + Show(((PyFStringValue)p).Value) + "}")) + ")",
        PyAttribute a => $"{Show(a.Target)}.{a.Name}",
        PyCall c => $"{Show(c.Function)}({string.Join(", ", c.Arguments.Select(ShowArgument))})",
        PySubscript s => $"{Show(s.Target)}[{Show(s.Index)}]",
        PySlice s => $"{(s.Lower is null ? "" : Show(s.Lower))}:{(s.Upper is null ? "" : Show(s.Upper))}{(s.Step is null ? "" : ":" + Show(s.Step))}",
        PyUnary u => $"({u.Operator}{(u.Operator == "not" ? " " : "")}{Show(u.Operand)})",
        PyBinary b => $"({Show(b.Left)} {b.Operator} {Show(b.Right)})",
        PyBoolOp b => "(" + string.Join($" {b.Operator} ", b.Values.Select(Show)) + ")",
        PyCompare c => "(" + Show(c.Left) + string.Concat(c.Operators.Select((op, i) => $" {op} {Show(c.Comparators[i])}")) + ")",
        PyConditional c => $"({Show(c.Body)} if {Show(c.Test)} else {Show(c.OrElse)})",
        PyLambda l => $"(lambda {string.Join(", ", l.Parameters.Select(p => p.Name))}: {Show(l.Body)})",
        PyList l => "[" + string.Join(", ", l.Elements.Select(Show)) + "]",
        PyTuple t => "(" + string.Join(", ", t.Elements.Select(Show)) + (t.Elements.Count == 1 ? ",)" : ")"),
        PySet s => "{" + string.Join(", ", s.Elements.Select(Show)) + "}",
        PyDict d => "{" + string.Join(", ", d.Entries.Select(e => e.Key is null ? "**" + Show(e.Value) : $"{Show(e.Key)}: {Show(e.Value)}")) + "}",
        PyComprehension c => $"<{c.Kind} {Show(c.Element)}{(c.Value is null ? "" : ": " + Show(c.Value))}" +
                             string.Concat(c.Clauses.Select(cl => $" for {Show(cl.Target)} in {Show(cl.Iterable)}" + string.Concat(cl.Conditions.Select(x => " if " + Show(x))))) + ">",
        PyStarred s => "*" + Show(s.Value),
        PyNamedExpr n => $"({n.Target} := {Show(n.Value)})",
        PyAwait a => $"(await {Show(a.Value)})",
        PyYield y => $"(yield{(y.IsFrom ? " from" : "")}{(y.Value is null ? "" : " " + Show(y.Value))})",
        _ => expr.GetType().Name,
    };

    private static string ShowArgument(PyArgument argument) => argument.Kind switch
    {
        PyArgumentKind.Keyword => $"{argument.Name}={Show(argument.Value)}",
        PyArgumentKind.Star => "*" + Show(argument.Value),
        PyArgumentKind.DoubleStar => "**" + Show(argument.Value),
        _ => Show(argument.Value),
    };

    [Theory]
    [InlineData("a or b and not c", "(a or (b and (not c)))")]
    [InlineData("not a == b", "(not (a == b))")]
    [InlineData("a < b <= c != d", "(a < b <= c != d)")]
    [InlineData("a in b not in c is d is not e", "(a in b not in c is d is not e)")]
    [InlineData("a | b ^ c & d << e + f * g", "(a | (b ^ (c & (d << (e + (f * g))))))")]
    [InlineData("a - b - c", "((a - b) - c)")]
    [InlineData("a ** b ** c", "(a ** (b ** c))")]
    [InlineData("-a ** b", "(-(a ** b))")]
    [InlineData("a ** -b", "(a ** (-b))")]
    [InlineData("a @ b // c % d / e", "((((a @ b) // c) % d) / e)")]
    [InlineData("~a + +b", "((~a) + (+b))")]
    [InlineData("x if a else y if b else z", "(x if a else (y if b else z))")]
    [InlineData("lambda x, y=1: x + y", "(lambda x, y: (x + y))")]
    [InlineData("lambda: 0", "(lambda : 0)")]
    [InlineData("(x := 5) + 1", "((x := 5) + 1)")]
    [InlineData("await f()", "(await f())")]
    [InlineData("a.b.c(1, *d, k=2, **e)[0][1:2][::3][:, 1]", "a.b.c(1, *d, k=2, **e)[0][1:2][::3][(:, 1)]")]
    [InlineData("f(x for x in y if x)", "f(<Generator x for x in y if x>)")]
    [InlineData("[x * 2 for x in range(3) if x for y in z]", "<List (x * 2) for x in range(3) if x for y in z>")]
    [InlineData("{k: v for k, v in items}", "<Dict k: v for (k, v) in items>")]
    [InlineData("{x for x in s}", "<Set x for x in s>")]
    [InlineData("(x for x in s)", "<Generator x for x in s>")]
    [InlineData("{'a': 1, **b, 'c': 2}", "{'a': 1, **b, 'c': 2}")]
    [InlineData("{1, 2, *c}", "{1, 2, *c}")]
    [InlineData("[1, *a, 2]", "[1, *a, 2]")]
    [InlineData("()", "()")]
    [InlineData("(1,)", "(1,)")]
    [InlineData("(1)", "1")]
    [InlineData("{}", "{}")]
    [InlineData("...", "...")]
    [InlineData("0x_ff + 0o17 + 0b11 + 1_000", "(((255 + 15) + 3) + 1000)")]
    [InlineData("1.5e3 + 2j", "(1500 + 2j)")]
    [InlineData("None, True, False", "(None, True, False)")]
    [InlineData("x[a, b]", "x[(a, b)]")]
    public void Expressions_follow_python_precedence(string source, string expected)
    {
        Assert.Equal(expected, Show(Expression(source)));
    }

    [Fact]
    public void Adjacent_strings_across_lines_concatenate_and_f_strings_keep_their_fields()
    {
        var plain = Assert.IsType<PyStringLiteral>(One<PyAssign>("X = ('a'\n     \"b\"\n     '''c''')\n").Value);
        Assert.Equal("abc", plain.Value);

        var formatted = Assert.IsType<PyFormattedString>(One<PyAssign>("X = ('http://' f'{HOST}:{PORT!s}'\n     '/x')\n").Value);
        Assert.Equal("f('http://',{HOST},':',{PORT},'/x')", Show(formatted));
    }

    [Fact]
    public void Nested_f_string_fields_parse_with_their_real_positions()
    {
        var formatted = Assert.IsType<PyFormattedString>(One<PyAssign>("X = f\"{d[\"k\"]}-{f'{y + 1}'}\"\n").Value);

        var first = Assert.IsType<PySubscript>(((PyFStringValue)formatted.Pieces[0]).Value);
        Assert.Equal(new PySpan(1, 8, 1, 14), first.Span);
        var nested = Assert.IsType<PyFormattedString>(((PyFStringValue)formatted.Pieces[2]).Value);
        Assert.Equal("f({(y + 1)})", Show(nested));
    }

    [Fact]
    public void Assignment_forms_are_parsed_with_their_targets()
    {
        var chained = One<PyAssign>("A = B = 1\n");
        Assert.Equal(new[] { "A", "B" }, chained.Targets.Select(Show));
        Assert.Equal(new PySpan(1, 1, 1, 10), chained.Span);

        var unpacking = One<PyAssign>("a, *b, [c, d] = x\n");
        Assert.Equal("(a, *b, [c, d])", Show(unpacking.Targets[0]));

        var tupleValue = One<PyAssign>("X = 1, 2,\n");
        Assert.Equal("(1, 2)", Show(tupleValue.Value));

        var annotated = One<PyAnnotatedAssign>("X: list[str] = []\n");
        Assert.Equal(("X", "list[str]", "[]"), (Show(annotated.Target), Show(annotated.Annotation), Show(annotated.Value!)));

        var bare = One<PyAnnotatedAssign>("X: int\n");
        Assert.Null(bare.Value);

        var augmented = One<PyAugmentedAssign>("X **= 2\n");
        Assert.Equal(("X", "**", "2"), (Show(augmented.Target), augmented.Operator, Show(augmented.Value)));

        var subscript = One<PyAssign>("DATABASES['default']['NAME'] = 'x'\n");
        Assert.Equal("DATABASES['default']['NAME']", Show(subscript.Targets[0]));
    }

    [Theory]
    [InlineData("+=", "+")]
    [InlineData("-=", "-")]
    [InlineData("*=", "*")]
    [InlineData("/=", "/")]
    [InlineData("//=", "//")]
    [InlineData("%=", "%")]
    [InlineData("@=", "@")]
    [InlineData("&=", "&")]
    [InlineData("|=", "|")]
    [InlineData("^=", "^")]
    [InlineData(">>=", ">>")]
    [InlineData("<<=", "<<")]
    public void Every_augmented_operator_is_recognised(string written, string op)
    {
        Assert.Equal(op, One<PyAugmentedAssign>($"X {written} 1\n").Operator);
    }

    [Fact]
    public void Mutating_calls_and_del_are_statements()
    {
        var append = Expression("MIDDLEWARE.append('x')\n");
        Assert.Equal("MIDDLEWARE.append('x')", Show(append));

        var delete = One<PyDelete>("del X['a'], Y\n");
        Assert.Equal(new[] { "X['a']", "Y" }, delete.Targets.Select(Show));
    }

    [Fact]
    public void If_elif_else_nests_elif_in_the_else_branch()
    {
        var statement = One<PyIf>("if a:\n    X = 1\nelif b:\n    X = 2\nelse:\n    X = 3\n");

        Assert.Equal("a", Show(statement.Test));
        Assert.Equal(new PySpan(1, 1, 6, 10), statement.Span);
        var elif = Assert.IsType<PyIf>(Assert.Single(statement.OrElse));
        Assert.True(elif.IsElif);
        Assert.Equal((3, "b"), (elif.Span.Line, Show(elif.Test)));
        var final = Assert.IsType<PyAssign>(Assert.Single(elif.OrElse));
        Assert.Equal(6, final.Span.Line);
    }

    [Fact]
    public void One_line_compound_statements_and_semicolons_are_parsed()
    {
        var statements = Parse("if DEBUG: X = 1; Y = 2\nA = 1; B = 2;\n");

        var conditional = Assert.IsType<PyIf>(statements[0]);
        Assert.Equal(2, conditional.Body.Count);
        Assert.Equal(new[] { "A", "B" }, statements.Skip(1).Cast<PyAssign>().Select(a => Show(a.Targets[0])));
    }

    [Fact]
    public void Try_records_exception_names_bound_names_and_all_clauses()
    {
        var statement = One<PyTry>(
            "try:\n    from .local import *\nexcept (ImportError, django.core.exceptions.ImproperlyConfigured) as e:\n    pass\n" +
            "except KeyError:\n    pass\nexcept:\n    pass\nelse:\n    A = 1\nfinally:\n    B = 2\n");

        Assert.Equal(3, statement.Handlers.Count);
        Assert.Equal(new[] { "ImportError", "django.core.exceptions.ImproperlyConfigured" }, statement.Handlers[0].TypeNames);
        Assert.Equal("e", statement.Handlers[0].Name);
        Assert.Equal(new[] { "KeyError" }, statement.Handlers[1].TypeNames);
        Assert.Null(statement.Handlers[2].Type);
        Assert.Single(statement.OrElse);
        Assert.Single(statement.Finally);
    }

    [Fact]
    public void Imports_keep_dotted_names_aliases_relative_levels_and_stars()
    {
        var statements = Parse(
            "import os, os.path as p\nfrom . import base\nfrom ..settings.base import *\nfrom .base import (A, B as C,)\nfrom ... import x\n");

        var import = Assert.IsType<PyImport>(statements[0]);
        Assert.Equal(new[] { ("os", (string?)null), ("os.path", "p") }, import.Names.Select(n => (n.Name, n.AsName)));
        var fromPackage = Assert.IsType<PyImportFrom>(statements[1]);
        Assert.Equal(((string?)null, 1, "base"), (fromPackage.Module, fromPackage.Level, fromPackage.Names[0].Name));
        var star = Assert.IsType<PyImportFrom>(statements[2]);
        Assert.Equal(("settings.base", 2, true), (star.Module, star.Level, star.IsStar));
        var aliased = Assert.IsType<PyImportFrom>(statements[3]);
        Assert.Equal(new[] { ("A", (string?)null), ("B", "C") }, aliased.Names.Select(n => (n.Name, n.AsName)));
        Assert.Equal(3, Assert.IsType<PyImportFrom>(statements[4]).Level);
    }

    [Fact]
    public void Functions_classes_decorators_and_async_are_parsed()
    {
        var statements = Parse(
            "@decorator\n@other.thing(1)\ndef f(a, /, b: int = 1, *args, c, d=2, **kw) -> str:\n    \"\"\"Doc.\"\"\"\n    return a\n" +
            "async def g():\n    await x\n" +
            "class Settings(Base, metaclass=Meta):\n    X = 1\n" +
            "def h[T](x: T) -> T: return x\n");

        var f = Assert.IsType<PyFunctionDef>(statements[0]);
        Assert.Equal(2, f.Decorators.Count);
        Assert.Equal(new[]
        {
            ("a", PyParameterKind.PositionalOnly), ("b", PyParameterKind.Positional), ("args", PyParameterKind.VarPositional),
            ("c", PyParameterKind.KeywordOnly), ("d", PyParameterKind.KeywordOnly), ("kw", PyParameterKind.VarKeyword),
        }, f.Parameters.Select(p => (p.Name, p.Kind)));
        Assert.Equal("str", Show(f.Returns!));
        Assert.Equal(new PySpan(1, 1, 5, 13), f.Span);
        Assert.True(Assert.IsType<PyFunctionDef>(statements[1]).IsAsync);
        var cls = Assert.IsType<PyClassDef>(statements[2]);
        Assert.Equal(("Settings", 2), (cls.Name, cls.Bases.Count));
        Assert.Equal("h", Assert.IsType<PyFunctionDef>(statements[3]).Name);
    }

    [Fact]
    public void Loops_with_and_async_forms_are_parsed_with_their_bodies()
    {
        var statements = Parse(
            "for i, x in enumerate(y):\n    A = x\nelse:\n    B = 1\n" +
            "while not done:\n    break\n" +
            "with open(p) as f, lock:\n    C = f.read()\n" +
            "with (open(a) as x, open(b) as y):\n    pass\n" +
            "async def main():\n    async for a in b:\n        pass\n    async with c as d:\n        pass\n");

        var loop = Assert.IsType<PyFor>(statements[0]);
        Assert.Equal(("(i, x)", "enumerate(y)", 1, 1), (Show(loop.Target), Show(loop.Iterable), loop.Body.Count, loop.OrElse.Count));
        Assert.IsType<PyWhile>(statements[1]);
        var with = Assert.IsType<PyWith>(statements[2]);
        Assert.Equal(new[] { "open(p) as f", "lock" }, with.Items.Select(i => Show(i.Context) + (i.Target is null ? "" : " as " + Show(i.Target))));
        Assert.Equal(2, Assert.IsType<PyWith>(statements[3]).Items.Count);
        var main = Assert.IsType<PyFunctionDef>(statements[4]);
        Assert.True(Assert.IsType<PyFor>(main.Body[0]).IsAsync);
        Assert.True(Assert.IsType<PyWith>(main.Body[1]).IsAsync);
    }

    [Fact]
    public void Match_statement_keeps_case_bodies_and_match_stays_usable_as_a_name()
    {
        var statements = Parse(
            "match ENV:\n    case 'prod' | 'production':\n        DEBUG = False\n    case {'a': [1, 2]} if x:\n        DEBUG = True\n    case _:\n        pass\n" +
            "match = re.match(r'x', y)\nmatch(1)\n");

        var match = Assert.IsType<PyMatch>(statements[0]);
        Assert.Equal(("ENV", 3), (Show(match.Subject), match.Cases.Count));
        Assert.Equal(new PySpan(2, 10, 2, 31), match.Cases[0].PatternSpan);
        Assert.IsType<PyAssign>(Assert.Single(match.Cases[1].Body));
        Assert.IsType<PyAssign>(statements[1]);
        Assert.IsType<PyExpressionStatement>(statements[2]);
    }

    [Fact]
    public void Simple_statements_are_parsed()
    {
        var statements = Parse("pass\nglobal A, B\nassert X, 'msg'\nraise ImproperlyConfigured('no') from e\nraise\nreturn 1\ntype Alias = int\n");

        Assert.IsType<PyPass>(statements[0]);
        Assert.Equal(new[] { "A", "B" }, Assert.IsType<PyGlobal>(statements[1]).Names);
        Assert.Equal("'msg'", Show(Assert.IsType<PyAssert>(statements[2]).Message!));
        var raise = Assert.IsType<PyRaise>(statements[3]);
        Assert.Equal(("ImproperlyConfigured('no')", "e"), (Show(raise.Exception!), Show(raise.Cause!)));
        Assert.Null(Assert.IsType<PyRaise>(statements[4]).Exception);
        Assert.IsType<PyReturn>(statements[5]);
        Assert.Equal("Alias", Assert.IsType<PyTypeAlias>(statements[6]).Name);
    }

    [Fact]
    public void Bad_statement_becomes_unparsed_and_parsing_resumes_on_the_next_line()
    {
        var statements = Parse("A = 1\nB = = 2\nC = (3,\n     4\nD = 5\n");

        Assert.IsType<PyAssign>(statements[0]);
        var bad = Assert.IsType<PyUnparsedStatement>(statements[1]);
        Assert.Equal(("B = = 2", 2, 1), (bad.Text, bad.Span.Line, bad.Span.Column));
        Assert.Equal("expected an expression, found '=' (line 2, column 5)", bad.Message);
        // The unclosed bracket swallows the rest of the file, as in Python.
        Assert.IsType<PyUnparsedStatement>(statements[2]);
    }

    [Fact]
    public void Broken_block_header_keeps_its_block_as_the_body_of_the_unparsed_statement()
    {
        var statements = Parse("if X $:\n    DEBUG = True\nY = 1\n");

        var bad = Assert.IsType<PyUnparsedStatement>(statements[0]);
        Assert.Equal("unexpected character '$'", bad.Message[..bad.Message.IndexOf(" (", StringComparison.Ordinal)]);
        Assert.IsType<PyAssign>(Assert.Single(bad.Body));
        Assert.Equal(3, Assert.IsType<PyAssign>(statements[1]).Span.Line);
    }

    [Fact]
    public void Unexpected_indent_is_unparsed_with_its_statements_kept()
    {
        var statements = Parse("A = 1\n    B = 2\nC = 3\n");

        var bad = Assert.IsType<PyUnparsedStatement>(statements[1]);
        Assert.Equal("unexpected indent", bad.Message);
        Assert.IsType<PyAssign>(Assert.Single(bad.Body));
        Assert.IsType<PyAssign>(statements[2]);
    }

    [Fact]
    public void Deep_nesting_is_unparsed_instead_of_overflowing_the_stack()
    {
        var statements = Parse("X = " + new string('(', 5000) + "1" + new string(')', 5000) + "\nY = -" + string.Concat(Enumerable.Repeat("-", 5000)) + "1\nZ = 1\n");

        Assert.Equal("too deeply nested", ((PyUnparsedStatement)statements[0]).Message.Split(',')[0]);
        Assert.IsType<PyUnparsedStatement>(statements[1]);
        Assert.IsType<PyAssign>(statements[2]);
    }

    [Fact]
    public void Comments_are_collected_on_the_module()
    {
        var module = PythonParser.Parse("# top\nA = 1  # security-gate: ignore[X]\n", "s.py");

        Assert.Equal(new[] { ("# top", 1), ("# security-gate: ignore[X]", 2) }, module.Comments.Select(c => (c.Text, c.Line)));
    }

    [Fact]
    public void Module_text_of_a_span_returns_the_source_text()
    {
        var module = PythonParser.Parse("\uFEFFif os.environ.get('X') == '1' and \\\n   Y:\n    pass\n", "s.py");
        var test = ((PyIf)module.Body[0]).Test;

        Assert.Equal("os.environ.get('X') == '1' and \\\n   Y", module.TextOf(test.Span));
    }
}
