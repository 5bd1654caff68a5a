using SecurityGate.Sources.Python;

namespace SecurityGate.Tests.Sources.Python;

public class PythonTokenizerTests
{
    /// <summary>Tokens rendered as "Kind 'text' line:col" for compact exact assertions (EOF left out).</summary>
    private static List<string> Render(string source) =>
        PythonTokenizer.Tokenize(source)
            .Where(t => t.Kind != PythonTokenKind.EndOfFile)
            .Select(t => $"{t.Kind} '{t.Text.Replace("\n", "\\n").Replace("\r", "\\r")}' {t.Line}:{t.Column}")
            .ToList();

    private static PythonToken Single(string source, PythonTokenKind kind) =>
        PythonTokenizer.Tokenize(source).Single(t => t.Kind == kind);

    [Fact]
    public void Indented_block_produces_newline_indent_dedent_and_keeps_comments_as_tokens()
    {
        var tokens = Render("if x:\n    y = 1  # c\n\n# only\nz = (1,\n     2)\n");

        Assert.Equal(new[]
        {
            "Name 'if' 1:1", "Name 'x' 1:4", "Operator ':' 1:5", "Newline '\\n' 1:6",
            "Indent '    ' 2:1", "Name 'y' 2:5", "Operator '=' 2:7", "Number '1' 2:9", "Comment '# c' 2:12", "Newline '\\n' 2:15",
            "NonLogicalNewline '\\n' 3:1",
            "Comment '# only' 4:1", "NonLogicalNewline '\\n' 4:7",
            "Dedent '' 5:1", "Name 'z' 5:1", "Operator '=' 5:3", "Operator '(' 5:5", "Number '1' 5:6", "Operator ',' 5:7",
            "NonLogicalNewline '\\n' 5:8",
            "Number '2' 6:6", "Operator ')' 6:7", "Newline '\\n' 6:8",
        }, tokens);
    }

    [Fact]
    public void Suppression_comment_keeps_its_exact_text_and_position()
    {
        var comment = Single("DEBUG = True  # security-gate: ignore[DJ001] reason\n", PythonTokenKind.Comment);

        Assert.Equal("# security-gate: ignore[DJ001] reason", comment.Text);
        Assert.Equal((1, 15, 1, 52), (comment.Line, comment.Column, comment.EndLine, comment.EndColumn));
    }

    [Fact]
    public void Last_line_without_newline_still_ends_with_newline_token_and_dedents()
    {
        var tokens = Render("if a:\n  b");

        Assert.Equal(new[] { "Name 'if' 1:1", "Name 'a' 1:4", "Operator ':' 1:5", "Newline '\\n' 1:6", "Indent '  ' 2:1", "Name 'b' 2:3", "Newline '' 2:4", "Dedent '' 2:4" }, tokens);
    }

    [Theory]
    [InlineData("**=")]
    [InlineData("//=")]
    [InlineData(">>=")]
    [InlineData("<<=")]
    [InlineData(":=")]
    [InlineData("->")]
    [InlineData("@")]
    [InlineData("@=")]
    [InlineData("...")]
    [InlineData("!=")]
    [InlineData("**")]
    [InlineData("//")]
    public void Operators_are_read_longest_first(string op)
    {
        var tokens = PythonTokenizer.Tokenize($"a {op} b").Where(t => t.Kind == PythonTokenKind.Operator).ToList();

        Assert.Equal(op, Assert.Single(tokens).Text);
    }

    [Theory]
    [InlineData("1_000_000")]
    [InlineData("0xFF_ff")]
    [InlineData("0o17")]
    [InlineData("0b1010_1010")]
    [InlineData("3.14")]
    [InlineData(".5")]
    [InlineData("5.")]
    [InlineData("1e10")]
    [InlineData("1.5E-3")]
    [InlineData("2j")]
    [InlineData("1.5e+2J")]
    public void Number_forms_are_single_tokens(string number)
    {
        var token = Assert.Single(PythonTokenizer.Tokenize(number), t => t.Kind == PythonTokenKind.Number);

        Assert.Equal(number, token.Text);
    }

    [Theory]
    [InlineData("'abc'", "abc")]
    [InlineData("\"abc\"", "abc")]
    [InlineData("'''a\nb'''", "a\nb")]
    [InlineData("\"\"\"say \"hi\" \"\"\"", "say \"hi\" ")]
    [InlineData(@"'tab\there'", "tab\there")]
    [InlineData(@"'quote\'s'", "quote's")]
    [InlineData(@"'\x41\101\u00e9\U0001F600'", "AAé😀")]
    [InlineData(@"'\N{BULLET}'", @"\N{BULLET}")]
    [InlineData(@"'unknown \d escape'", @"unknown \d escape")]
    [InlineData(@"r'raw \n stays'", @"raw \n stays")]
    [InlineData(@"R'C:\path'", @"C:\path")]
    [InlineData(@"r'ends with \\'", @"ends with \\")]
    [InlineData(@"u'unicode'", "unicode")]
    [InlineData("'line\\\ncontinued'", "linecontinued")]
    public void String_literals_are_decoded(string source, string expected)
    {
        var token = Single(source, PythonTokenKind.String);

        Assert.Equal(expected, token.String!.Value);
        Assert.Equal(source, token.Text);
    }

    [Theory]
    [InlineData("b'x'", true, false)]
    [InlineData("Br'x'", true, true)]
    [InlineData("rB'x'", true, true)]
    [InlineData("bR'x'", true, true)]
    [InlineData("RB'x'", true, true)]
    [InlineData("U'x'", false, false)]
    public void String_prefixes_in_any_case_set_bytes_and_raw(string source, bool isBytes, bool isRaw)
    {
        var literal = Single(source, PythonTokenKind.String).String!;

        Assert.Equal((isBytes, isRaw, "x"), (literal.IsBytes, literal.IsRaw, literal.Value));
    }

    [Theory]
    [InlineData("f'x'")]
    [InlineData("F'x'")]
    [InlineData("fr'x'")]
    [InlineData("rf'x'")]
    [InlineData("Rf'x'")]
    [InlineData("fR'x'")]
    [InlineData("FR'x'")]
    public void F_string_prefixes_in_any_case_are_formatted(string source)
    {
        var literal = Single(source, PythonTokenKind.String).String!;

        Assert.True(literal.IsFormatted);
        Assert.Equal([new FStringText("x")], literal.Parts);
    }

    [Fact]
    public void F_string_splits_into_text_and_fields_with_conversion_and_format_spec()
    {
        var literal = Single("f'a{{b}} {name!r:>{width}} {x=}'", PythonTokenKind.String).String!;

        Assert.Equal(4, literal.Parts.Count);
        Assert.Equal(new FStringText("a{b} "), literal.Parts[0]);
        var field = Assert.IsType<FStringField>(literal.Parts[1]);
        Assert.Equal(("name", 'r', 1, 11), (field.Expression, field.Conversion, field.Line, field.Column));
        Assert.Equal(new FStringText(">"), field.FormatSpec![0]);
        Assert.Equal("width", Assert.IsType<FStringField>(field.FormatSpec[1]).Expression);
        Assert.Equal(new FStringText(" "), literal.Parts[2]);
        var selfDocumenting = Assert.IsType<FStringField>(literal.Parts[3]);
        Assert.Equal(("x", true), (selfDocumenting.Expression, selfDocumenting.SelfDocumenting));
    }

    [Fact]
    public void F_string_fields_may_nest_brackets_strings_and_f_strings_with_the_same_quotes_as_in_3_12()
    {
        const string source = "f\"{d[\"key\"]} {f\"{1 + {'a': 2}['a']}\"} {', '.join(['x', 'y'])}\"\nNEXT = 1\n";
        var tokens = PythonTokenizer.Tokenize(source);
        var literal = tokens[0].String!;

        Assert.Equal(PythonTokenKind.String, tokens[0].Kind);
        Assert.Equal(new[] { "d[\"key\"]", "f\"{1 + {'a': 2}['a']}\"", "', '.join(['x', 'y'])" },
            literal.Parts.OfType<FStringField>().Select(f => f.Expression));
        Assert.Equal("NEXT", tokens[2].Text);
    }

    [Fact]
    public void F_string_field_comparison_operators_are_not_self_documenting()
    {
        var literal = Single("f'{a == b}{a != b}{a >= b}'", PythonTokenKind.String).String!;

        Assert.Equal(new[] { "a == b", "a != b", "a >= b" }, literal.Parts.OfType<FStringField>().Select(f => f.Expression));
        Assert.All(literal.Parts.OfType<FStringField>(), f => Assert.False(f.SelfDocumenting));
    }

    [Fact]
    public void Triple_quoted_string_spans_lines_and_following_tokens_have_the_right_line()
    {
        var tokens = PythonTokenizer.Tokenize("X = '''one\ntwo'''\nY = 2\n");

        var literal = tokens.Single(t => t.Kind == PythonTokenKind.String);
        Assert.Equal((1, 5, 2, 7), (literal.Line, literal.Column, literal.EndLine, literal.EndColumn));
        var y = tokens.Single(t => t.Text == "Y");
        Assert.Equal((3, 1), (y.Line, y.Column));
    }

    [Fact]
    public void Adjacent_strings_in_brackets_across_lines_are_separated_by_non_logical_newlines()
    {
        var kinds = PythonTokenizer.Tokenize("X = (\n  'a'\n  'b'\n)\n").Select(t => t.Kind).ToList();

        Assert.Equal(new[]
        {
            PythonTokenKind.Name, PythonTokenKind.Operator, PythonTokenKind.Operator, PythonTokenKind.NonLogicalNewline,
            PythonTokenKind.String, PythonTokenKind.NonLogicalNewline, PythonTokenKind.String, PythonTokenKind.NonLogicalNewline,
            PythonTokenKind.Operator, PythonTokenKind.Newline, PythonTokenKind.EndOfFile,
        }, kinds);
    }

    [Fact]
    public void Backslash_continuation_joins_lines_without_tokens()
    {
        var tokens = Render("X = 1 + \\\n    2\n");

        Assert.Equal(new[] { "Name 'X' 1:1", "Operator '=' 1:3", "Number '1' 1:5", "Operator '+' 1:7", "Number '2' 2:5", "Newline '\\n' 2:6" }, tokens);
    }

    [Fact]
    public void Crlf_line_endings_are_one_line_break()
    {
        var tokens = Render("A = 1\r\nif A:\r\n    B = 2\r\n");

        Assert.Equal(new[]
        {
            "Name 'A' 1:1", "Operator '=' 1:3", "Number '1' 1:5", "Newline '\\r\\n' 1:6",
            "Name 'if' 2:1", "Name 'A' 2:4", "Operator ':' 2:5", "Newline '\\r\\n' 2:6",
            "Indent '    ' 3:1", "Name 'B' 3:5", "Operator '=' 3:7", "Number '2' 3:9", "Newline '\\r\\n' 3:10", "Dedent '' 4:1",
        }, tokens);
    }

    [Fact]
    public void Byte_order_mark_is_skipped_and_not_counted_in_columns()
    {
        var tokens = Render("\uFEFFA = 1\n");

        Assert.Equal(new[] { "Name 'A' 1:1", "Operator '=' 1:3", "Number '1' 1:5", "Newline '\\n' 1:6" }, tokens);
    }

    [Fact]
    public void Tab_indentation_counts_to_the_next_multiple_of_eight()
    {
        var kinds = PythonTokenizer.Tokenize("if a:\n\tb = 1\n        c = 2\n").Select(t => t.Kind).ToList();

        // A tab and eight spaces are the same level: one INDENT and one DEDENT only.
        Assert.Equal(1, kinds.Count(k => k == PythonTokenKind.Indent));
        Assert.Equal(1, kinds.Count(k => k == PythonTokenKind.Dedent));
        Assert.DoesNotContain(PythonTokenKind.Error, kinds);
    }

    [Fact]
    public void Unicode_identifiers_are_names()
    {
        var names = PythonTokenizer.Tokenize("café = naïve_Ω1\n").Where(t => t.Kind == PythonTokenKind.Name).Select(t => t.Text);

        Assert.Equal(new[] { "café", "naïve_Ω1" }, names);
    }

    [Fact]
    public void Unterminated_single_quoted_string_is_an_error_token_and_the_next_line_still_tokenizes()
    {
        var tokens = PythonTokenizer.Tokenize("A = 'oops\nB = 2\n");

        var error = tokens.Single(t => t.Kind == PythonTokenKind.Error);
        Assert.Equal(("'oops", "unterminated string literal", 1, 5), (error.Text, error.Error, error.Line, error.Column));
        Assert.Contains(tokens, t => t.Text == "B" && t.Line == 2);
    }

    [Fact]
    public void Unterminated_triple_quoted_string_runs_to_the_end_of_the_file_as_an_error()
    {
        var tokens = PythonTokenizer.Tokenize("A = '''oops\nB = 2\n");

        var error = tokens.Single(t => t.Kind == PythonTokenKind.Error);
        Assert.Equal("unterminated triple-quoted string literal", error.Error);
        Assert.Equal(PythonTokenKind.EndOfFile, tokens[^1].Kind);
    }

    [Theory]
    [InlineData("A = 1 $ 2", "unexpected character '$'")]
    [InlineData("A = 1 ? 2", "unexpected character '?'")]
    [InlineData("A = \0", "NUL character in source")]
    [InlineData("A = 1)", "unmatched ')'")]
    [InlineData("A = (1]", "closing parenthesis ']' does not match opening parenthesis '('")]
    [InlineData("A = 1 \\ 2", "unexpected character after line continuation character")]
    [InlineData("A = f'{x'", "f-string: expecting '}'")]
    [InlineData("A = f'}'", "f-string: single '}' is not allowed")]
    public void Bad_characters_become_error_tokens(string source, string message)
    {
        var error = PythonTokenizer.Tokenize(source).First(t => t.Kind == PythonTokenKind.Error);

        Assert.Equal(message, error.Error);
    }

    [Fact]
    public void Inconsistent_dedent_is_an_error_token()
    {
        var tokens = PythonTokenizer.Tokenize("if a:\n    b = 1\n  c = 2\n");

        var error = tokens.Single(t => t.Kind == PythonTokenKind.Error);
        Assert.Equal(("unindent does not match any outer indentation level", 3), (error.Error, error.Line));
    }

    [Fact]
    public void Tokenize_never_returns_without_an_end_of_file_token()
    {
        Assert.Equal(PythonTokenKind.EndOfFile, Assert.Single(PythonTokenizer.Tokenize("")).Kind);
        Assert.Equal(PythonTokenKind.EndOfFile, PythonTokenizer.Tokenize("((((")[^1].Kind);
        Assert.Equal(PythonTokenKind.EndOfFile, PythonTokenizer.Tokenize(null!)[^1].Kind);
    }
}
