using System.Collections.Immutable;
using System.Globalization;
using SecurityGate.Findings;

namespace SecurityGate.Sources.Terraform;

/// <summary>
/// A value the gate worked out from a Terraform expression. <see cref="Location"/> is where the literal that
/// produced it is written (perhaps in variables.tf or a .tfvars file); <see cref="Origin"/> says how it was reached
/// ("variable admin_cidrs, set in terraform.tfvars line 2") and is null for a literal written in place.
/// </summary>
public abstract record TerraformValue(SourceLocation Location)
{
    public string? Origin { get; init; }

    /// <summary>Strings, numbers and bools as Terraform converts them to strings; null for anything else.</summary>
    public virtual string? AsText() => null;

    /// <summary>The elements of a list; a single value stands for a list of itself.</summary>
    public virtual IEnumerable<TerraformValue> Elements() => [this];

    /// <summary>
    /// Where a finding about this value should point when it is used by the expression at <paramref name="usedAt"/>:
    /// the value itself when written in place (an element of a multi-line list), else the place that uses it.
    /// </summary>
    public SourceLocation ReportedAt(SourceLocation usedAt) =>
        Origin is null && Location.Path == usedAt.Path && Location.Line >= usedAt.Line && Location.Line <= usedAt.EndLine
            ? Location
            : usedAt;

    /// <summary>Sets <see cref="Origin"/> here and inside lists and objects, where not already set.</summary>
    public virtual TerraformValue WithOrigin(string origin) => Origin is null ? this with { Origin = origin } : this;
}

public sealed record TerraformString(string Value, SourceLocation Location) : TerraformValue(Location)
{
    public override string AsText() => Value;
}

public sealed record TerraformNumber(decimal Value, SourceLocation Location) : TerraformValue(Location)
{
    public override string AsText() => Value.ToString(CultureInfo.InvariantCulture);
}

public sealed record TerraformBool(bool Value, SourceLocation Location) : TerraformValue(Location)
{
    public override string AsText() => Value ? "true" : "false";
}

public sealed record TerraformNull(SourceLocation Location) : TerraformValue(Location)
{
    public override IEnumerable<TerraformValue> Elements() => [];
}

public sealed record TerraformList(ImmutableArray<TerraformValue> Items, SourceLocation Location) : TerraformValue(Location)
{
    public override IEnumerable<TerraformValue> Elements() => Items;

    public override TerraformValue WithOrigin(string origin) =>
        (Origin is null ? this with { Origin = origin } : this) with { Items = [.. Items.Select(i => i.WithOrigin(origin))] };
}

public sealed record TerraformObject(ImmutableDictionary<string, TerraformValue> Members, SourceLocation Location) : TerraformValue(Location)
{
    public TerraformValue? Member(string name) => Members.GetValueOrDefault(name);

    public override TerraformValue WithOrigin(string origin) =>
        (Origin is null ? this with { Origin = origin } : this) with
        {
            Members = Members.ToImmutableDictionary(m => m.Key, m => m.Value.WithOrigin(origin), StringComparer.Ordinal),
        };
}

/// <summary>
/// A value the gate does not know. <see cref="Reasons"/> say what it depends on that the module does not pin down
/// ("variable admin_cidrs, which has no default"); empty when it only refers to other resources or data sources,
/// whose values exist only at apply time (a security group id, a VPC's CIDR): rules treat those as not the internet.
/// </summary>
public sealed record TerraformUnknown(ImmutableArray<string> Reasons, string Expression, SourceLocation Location) : TerraformValue(Location)
{
    public bool DependsOnInputs => !Reasons.IsEmpty;

    public override IEnumerable<TerraformValue> Elements() => [this];
}
