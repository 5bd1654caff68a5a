using System.Collections.Immutable;
using SecurityGate.Findings;

namespace SecurityGate.Sources.Terraform;

/// <summary>
/// An expression as written. <see cref="Text"/> is its source text; <see cref="Location"/> spans it. Only
/// <see cref="HclLiteral"/> (and tuples/objects made only of literals) are literal: templates, references, function
/// calls and operations are kept unevaluated for <see cref="TerraformResolver"/> to judge.
/// </summary>
public abstract record HclExpression(SourceLocation Location, string Text)
{
    public virtual bool IsLiteral => false;

    /// <summary>The expressions directly inside this one.</summary>
    public virtual IEnumerable<HclExpression> Children => [];

    /// <summary>This expression and every expression inside it, depth first.</summary>
    public IEnumerable<HclExpression> DescendantsAndSelf()
    {
        var stack = new Stack<HclExpression>();
        stack.Push(this);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            yield return current;
            foreach (var child in current.Children.Reverse())
                stack.Push(child);
        }
    }
}

/// <summary>A string without interpolation, a number, true/false or null. <see cref="Value"/> is string, decimal, bool or null.</summary>
public sealed record HclLiteral(SourceLocation Location, string Text, object? Value) : HclExpression(Location, Text)
{
    public override bool IsLiteral => true;
}

/// <summary>A quoted string or heredoc holding <c>${…}</c>/<c>%{…}</c>: kept as written in <see cref="Content"/>, not literal.</summary>
public sealed record HclTemplate(SourceLocation Location, string Text, string Content, bool IsHeredoc) : HclExpression(Location, Text);

/// <summary>A <c>[a, b]</c> tuple (Terraform list).</summary>
public sealed record HclTuple(SourceLocation Location, string Text, ImmutableArray<HclExpression> Items) : HclExpression(Location, Text)
{
    public override bool IsLiteral => Items.All(i => i.IsLiteral);
    public override IEnumerable<HclExpression> Children => Items;
}

/// <summary>One <c>key = value</c> (or <c>key: value</c>) of an object. <see cref="Name"/> is null for a computed key.</summary>
public sealed record HclObjectItem(string? Name, HclExpression Key, HclExpression Value);

/// <summary>A <c>{ key = value }</c> object (Terraform map/object).</summary>
public sealed record HclObject(SourceLocation Location, string Text, ImmutableArray<HclObjectItem> Items) : HclExpression(Location, Text)
{
    public override bool IsLiteral => Items.All(i => i.Name is not null && i.Value.IsLiteral);
    public override IEnumerable<HclExpression> Children => Items.SelectMany(i => new[] { i.Key, i.Value });
}

/// <summary>
/// A reference such as <c>var.admin_cidrs</c>, <c>local.ports[0]</c> or <c>aws_vpc.main.cidr_block</c>: the root
/// name, then each attribute name or index key as text.
/// </summary>
public sealed record HclReference(SourceLocation Location, string Text, ImmutableArray<string> Parts) : HclExpression(Location, Text)
{
    public string Root => Parts[0];
}

/// <summary>A function call, e.g. <c>concat(var.a, ["10.0.0.0/8"])</c>.</summary>
public sealed record HclFunctionCall(SourceLocation Location, string Text, string Name, ImmutableArray<HclExpression> Arguments)
    : HclExpression(Location, Text)
{
    public override IEnumerable<HclExpression> Children => Arguments;
}

/// <summary>Anything else (operators, conditionals, for expressions, splats, unparseable bits): kept as text.</summary>
public sealed record HclOperation(SourceLocation Location, string Text, string Kind, ImmutableArray<HclExpression> Operands)
    : HclExpression(Location, Text)
{
    public const string Binary = "binary";
    public const string Unary = "unary";
    public const string Conditional = "conditional";
    public const string For = "for";
    public const string Traversal = "traversal";
    public const string Invalid = "invalid";

    public override IEnumerable<HclExpression> Children => Operands;
}

/// <summary><c>name = expression</c>. <see cref="Location"/> spans the name through the end of the value.</summary>
public sealed record HclAttribute(string Name, HclExpression Value, SourceLocation Location);

/// <summary><c>type "label" … { body }</c>. <see cref="Location"/> starts at the type and ends at the closing brace.</summary>
public sealed record HclBlock(string Type, ImmutableArray<string> Labels, HclBody Body, SourceLocation Location);

/// <summary>The attributes and nested blocks of a file or block, in source order.</summary>
public sealed record HclBody(ImmutableArray<HclAttribute> Attributes, ImmutableArray<HclBlock> Blocks)
{
    public static HclBody Empty { get; } = new([], []);

    /// <summary>The attribute called <paramref name="name"/> (the first, if the file repeats it).</summary>
    public HclAttribute? Attribute(string name) => Attributes.FirstOrDefault(a => a.Name == name);

    public IEnumerable<HclBlock> BlocksOfType(string type) => Blocks.Where(b => b.Type == type);
}

/// <summary>Something the parser could not read; parsing went on after it.</summary>
public sealed record HclProblem(string Message, SourceLocation Location);

/// <summary>A parsed <c>.tf</c> or <c>.tfvars</c> file.</summary>
public sealed record HclFile(string Path, HclBody Body, ImmutableArray<HclProblem> Problems)
{
    public static HclFile Parse(string path, string text) => HclParser.Parse(path, text);
}
