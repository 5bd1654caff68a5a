using SecurityGate.Sources.Terraform;

namespace SecurityGate.Tests.Sources.Terraform;

/// <summary>The HCL reader on strings: every syntax form Terraform files use, positions, and syntax errors as problems.</summary>
public sealed class HclParserTests
{
    private static HclFile Parse(string text)
    {
        var file = HclFile.Parse("main.tf", text);
        return file;
    }

    private static HclFile ParseClean(string text)
    {
        var file = Parse(text);
        Assert.True(file.Problems.IsEmpty, string.Join("\n", file.Problems.Select(p => $"{p.Location}: {p.Message}")));
        return file;
    }

    private static HclExpression Value(string text, string name = "x") => ParseClean(text).Body.Attribute(name)!.Value;

    [Fact]
    public void Blocks_have_type_labels_nested_blocks_and_positions()
    {
        var file = ParseClean("""
            resource "aws_security_group" "web" {
              name = "web"

              ingress {
                from_port = 22
              }
            }
            """);
        var block = Assert.Single(file.Body.Blocks);
        Assert.Equal("resource", block.Type);
        Assert.Equal(["aws_security_group", "web"], block.Labels.ToArray());
        Assert.Equal((1, 1, 7), (block.Location.Line, block.Location.Column, block.Location.EndLine));
        var name = block.Body.Attribute("name")!;
        Assert.Equal((2, 3), (name.Location.Line, name.Location.Column));
        Assert.Equal((2, 10), (name.Value.Location.Line, name.Value.Location.Column));
        var ingress = Assert.Single(block.Body.BlocksOfType("ingress"));
        Assert.Equal(4, ingress.Location.Line);
        Assert.Equal(22m, ((HclLiteral)ingress.Body.Attribute("from_port")!.Value).Value);
    }

    [Fact]
    public void Single_line_blocks_and_unquoted_labels_are_read()
    {
        var file = ParseClean("locals { a = 1 }\nmodule web { source = \"./web\" }\nempty \"x\" {}\n");
        Assert.Equal(["locals", "module", "empty"], file.Body.Blocks.Select(b => b.Type));
        Assert.Equal(["web"], file.Body.Blocks[1].Labels.ToArray());
        Assert.Equal(1m, ((HclLiteral)file.Body.Blocks[0].Body.Attribute("a")!.Value).Value);
    }

    [Theory]
    [InlineData("x = 42", 42.0)]
    [InlineData("x = 1.5", 1.5)]
    [InlineData("x = 1e3", 1000.0)]
    [InlineData("x = -1", -1.0)]
    public void Numbers_are_literals(string text, double expected) =>
        Assert.Equal((decimal)expected, Assert.IsType<HclLiteral>(Value(text)).Value);

    [Fact]
    public void Bools_null_and_strings_with_escapes_are_literals()
    {
        Assert.Equal(true, ((HclLiteral)Value("x = true")).Value);
        Assert.Equal(false, ((HclLiteral)Value("x = false")).Value);
        Assert.Null(((HclLiteral)Value("x = null")).Value);
        Assert.Equal("a\"b\\c\nd\u00e9", ((HclLiteral)Value("x = \"a\\\"b\\\\c\\nd\\u00e9\"")).Value);
        Assert.Equal("cost: ${not_interpolated}", ((HclLiteral)Value("x = \"cost: $${not_interpolated}\"")).Value);
    }

    [Fact]
    public void Interpolated_strings_are_templates_kept_as_text_and_not_literal()
    {
        var value = Assert.IsType<HclTemplate>(Value("x = \"${var.office_ip}/32\""));
        Assert.False(value.IsLiteral);
        Assert.Equal("${var.office_ip}/32", value.Content);
        var nested = Assert.IsType<HclTemplate>(Value("x = \"${lookup(var.m, \"k}\", \"d\")}-%{ if true }y%{ endif }\"\ny = 1"));
        Assert.Equal("${lookup(var.m, \"k}\", \"d\")}-%{ if true }y%{ endif }", nested.Content);
    }

    [Fact]
    public void Heredocs_keep_their_lines_and_the_indented_form_strips_common_indentation()
    {
        var file = ParseClean("a = <<EOF\n  one\n    two\nEOF\nb = <<-EOT\n    one\n      two\n    EOT\nc = <<EOF\n${var.x}\nEOF\nd = 1\n");
        Assert.Equal("  one\n    two\n", ((HclLiteral)file.Body.Attribute("a")!.Value).Value);
        Assert.Equal("one\n  two\n", ((HclLiteral)file.Body.Attribute("b")!.Value).Value);
        var template = Assert.IsType<HclTemplate>(file.Body.Attribute("c")!.Value);
        Assert.True(template.IsHeredoc);
        Assert.Equal(12, file.Body.Attribute("d")!.Location.Line);
    }

    [Fact]
    public void Comments_of_every_kind_are_ignored()
    {
        var file = ParseClean("# hash\n// slashes\n/* block\n   comment */ a = 1 # trailing\nb = /* inline */ 2 // trailing\n");
        Assert.Equal(["a", "b"], file.Body.Attributes.Select(a => a.Name));
        Assert.Equal(4, file.Body.Attribute("a")!.Location.Line);
    }

    [Fact]
    public void Lists_span_lines_allow_trailing_commas_and_keep_element_positions()
    {
        var tuple = Assert.IsType<HclTuple>(Value("x = [\n  \"10.0.0.0/8\",\n  # office\n  \"0.0.0.0/0\",\n]\n"));
        Assert.True(tuple.IsLiteral);
        Assert.Equal([2, 4], tuple.Items.Select(i => i.Location.Line));
        Assert.Equal((1, 5, 5), (tuple.Location.Line, tuple.Location.Column, tuple.Location.EndLine));
    }

    [Fact]
    public void Objects_take_bare_words_and_strings_as_keys_with_equals_colons_commas_or_newlines()
    {
        var obj = Assert.IsType<HclObject>(Value("x = {\n  port = 22\n  \"name\": \"ssh\", open = true\n  (var.k) = 1\n}\n"));
        Assert.Equal(["port", "name", "open", null], obj.Items.Select(i => i.Name));
        Assert.False(obj.IsLiteral);
    }

    [Fact]
    public void References_function_calls_and_operations_are_kept_as_expressions()
    {
        var reference = Assert.IsType<HclReference>(Value("x = var.rules[0].cidr"));
        Assert.Equal(["var", "rules", "0", "cidr"], reference.Parts.ToArray());
        Assert.Equal("var.rules[0].cidr", reference.Text);

        var call = Assert.IsType<HclFunctionCall>(Value("x = concat(\n  var.a,\n  [\"10.0.0.0/8\"],\n)\n"));
        Assert.Equal("concat", call.Name);
        Assert.Equal(2, call.Arguments.Length);

        Assert.Equal(HclOperation.Conditional, Assert.IsType<HclOperation>(Value("x = var.public ? \"0.0.0.0/0\" : \"10.0.0.0/8\"")).Kind);
        Assert.Equal(HclOperation.Binary, Assert.IsType<HclOperation>(Value("x = 1 + 2 * 3 == 7 && !false")).Kind);
        Assert.Equal(HclOperation.For, Assert.IsType<HclOperation>(Value("x = [for ip in var.ips : \"${ip}/32\" if ip != \"\"]")).Kind);
        Assert.Equal(HclOperation.For, Assert.IsType<HclOperation>(Value("x = { for k, v in var.m : k => v... }")).Kind);
        Assert.Equal(HclOperation.Traversal, Assert.IsType<HclOperation>(Value("x = aws_instance.web[*].id")).Kind);
        Assert.Equal("provider::aws::arn_parse", Assert.IsType<HclFunctionCall>(Value("x = provider::aws::arn_parse(var.arn)")).Name);
        Assert.Equal("(var.a)", Value("x = (var.a) + 1").Text[..7]);
    }

    [Fact]
    public void Multi_line_expressions_inside_brackets_continue_across_newlines()
    {
        var file = ParseClean("x = (\n  var.a\n  + 1\n)\ny = merge(\n  { a = 1 },\n  { b = 2 }\n)\nz = 3\n");
        Assert.Equal(["x", "y", "z"], file.Body.Attributes.Select(a => a.Name));
        Assert.Equal(9, file.Body.Attribute("z")!.Location.Line);
    }

    [Theory]
    [InlineData("x = \"unterminated\ny = 2\n", 1)]
    [InlineData("x = [1, 2\ny = 2\n", 2)]
    [InlineData("resource \"a\" \"b\" {\n  x = 1\n", 3)]
    [InlineData("x = 1 2\ny = 2\n", 1)]
    [InlineData("= 1\ny = 2\n", 1)]
    [InlineData("x = <<EOF\nno end\n", 1)]
    [InlineData("/* open\ny = 2\n", 1)]
    [InlineData("x = 1 ~ 2\ny = 2\n", 1)]
    [InlineData("}\ny = 2\n", 1)]
    public void Malformed_input_becomes_a_problem_with_its_line_and_parsing_goes_on(string text, int line)
    {
        var file = Parse(text);
        Assert.NotEmpty(file.Problems);
        Assert.Equal(line, file.Problems[0].Location.Line);
        Assert.Equal("main.tf", file.Problems[0].Location.Path);
    }

    [Fact]
    public void After_an_error_the_following_blocks_are_still_read()
    {
        var file = Parse("resource \"a\" \"one\" {\n  x = = 1\n  y = 2\n}\nresource \"a\" \"two\" {\n  z = [1,\n}\nresource \"a\" \"three\" {}\n");
        Assert.Equal(["one", "two", "three"], file.Body.Blocks.Select(b => b.Labels[1]));
        Assert.NotNull(file.Body.Blocks[0].Body.Attribute("y"));
        Assert.Equal([2, 7], file.Problems.Select(p => p.Location.Line).Distinct());
    }

    [Fact]
    public void A_repeated_attribute_is_a_problem_and_the_first_value_is_kept()
    {
        var file = Parse("x = 1\nx = 2\n");
        Assert.Equal(1m, ((HclLiteral)file.Body.Attribute("x")!.Value).Value);
        Assert.Equal(2, Assert.Single(file.Problems).Location.Line);
    }

    [Fact]
    public void Deep_nesting_is_cut_off_with_a_problem_instead_of_overflowing_the_stack()
    {
        var depth = 100_000;
        var file = Parse("x = " + new string('[', depth) + new string(']', depth) + "\ny = " + new string('!', depth) + "true\nz = 1\n");
        Assert.NotNull(file.Body.Attribute("z"));
        Assert.Contains(file.Problems, p => p.Message.Contains("nested deeper", StringComparison.Ordinal));
        var blocks = Parse(string.Concat(Enumerable.Repeat("a {\n", 5000)) + string.Concat(Enumerable.Repeat("}\n", 5000)) + "b = 1\n");
        Assert.NotNull(blocks.Body.Attribute("b"));
    }
}
