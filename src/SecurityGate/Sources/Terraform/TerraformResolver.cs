using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;

namespace SecurityGate.Sources.Terraform;

/// <summary>
/// Works out values without running Terraform: literals, lists and objects of them, <c>var.NAME</c> (a .tfvars value,
/// else the default), <c>local.NAME</c>, indexes into those, templates made only of such references, and the pure
/// list functions <c>tolist</c>, <c>toset</c>, <c>concat</c>; in a <c>dynamic</c> block's content, its iterator
/// (<paramref name="scope"/>: <c>ingress</c> → { key, value }). Anything else is a <see cref="TerraformUnknown"/> that
/// names the variables or locals it depends on, so a rule can say so instead of guessing.
/// </summary>
internal sealed partial class TerraformResolver(TerraformModule module, IReadOnlyDictionary<string, TerraformValue>? scope = null)
{
    /// <summary>Bounds chains of locals referring to locals.</summary>
    public const int MaxDepth = 32;

    private const int MaxQuotedLength = 60;

    private readonly HashSet<string> _inProgress = new(StringComparer.Ordinal);
    private int _depth;

    [GeneratedRegex(@"\b(?<root>var|local)\.(?<name>[A-Za-z_][A-Za-z0-9_-]*)")]
    private static partial Regex InputReference();

    [GeneratedRegex(@"\$\{\s*(?<root>var|local)\.(?<name>[A-Za-z_][A-Za-z0-9_-]*)\s*\}")]
    private static partial Regex SimpleInterpolation();

    public TerraformValue Resolve(HclExpression expression)
    {
        if (_depth >= MaxDepth)
            return new TerraformUnknown([$"{Quote(expression.Text)}, whose references nest too deeply"], expression.Text, expression.Location);
        _depth++;
        try
        {
            return expression switch
            {
                HclLiteral literal => Literal(literal),
                HclTuple tuple => new TerraformList([.. tuple.Items.Select(Resolve)], tuple.Location),
                HclObject obj => Object(obj),
                HclReference reference => Reference(reference),
                HclTemplate template => Template(template),
                HclFunctionCall call => Call(call),
                _ => NotEvaluated(expression),
            };
        }
        finally
        {
            _depth--;
        }
    }

    private static TerraformValue Literal(HclLiteral literal) => literal.Value switch
    {
        string text => new TerraformString(text, literal.Location),
        decimal number => new TerraformNumber(number, literal.Location),
        bool flag => new TerraformBool(flag, literal.Location),
        _ => new TerraformNull(literal.Location),
    };

    private TerraformObject Object(HclObject obj)
    {
        var members = ImmutableDictionary.CreateBuilder<string, TerraformValue>(StringComparer.Ordinal);
        foreach (var item in obj.Items.Where(i => i.Name is not null))
            members[item.Name!] = Resolve(item.Value);
        return new TerraformObject(members.ToImmutable(), obj.Location);
    }

    private TerraformValue Reference(HclReference reference)
    {
        if (scope is not null && scope.TryGetValue(reference.Root, out var iterator))
            return reference.Parts.Skip(1).Aggregate(iterator, (value, step) => Step(value, step, reference));
        if (reference.Parts.Length < 2 || reference.Root is not ("var" or "local"))
            return new TerraformUnknown([], reference.Text, reference.Location); // another resource's attribute: known only at apply time
        var value = reference.Root == "var" ? Variable(reference.Parts[1], reference) : Local(reference.Parts[1], reference);
        foreach (var step in reference.Parts.Skip(2))
            value = Step(value, step, reference);
        return value;
    }

    private TerraformValue Variable(string name, HclReference at)
    {
        if (!module.Variables.TryGetValue(name, out var variable))
            return Unknown(at, $"variable {name}, which is not declared in this module");
        if (!_inProgress.Add("var." + name))
            return Unknown(at, $"variable {name}, which refers to itself");
        try
        {
            if (variable.Assigned is { } assigned)
                return Resolve(assigned.Value).WithOrigin($"variable {name}, set in {assigned.Path} line {assigned.Value.Location.Line}");
            if (variable.Default is { } fallback)
                return Resolve(fallback).WithOrigin($"variable {name}, default in {fallback.Location.Path} line {fallback.Location.Line}");
            return Unknown(at, $"variable {name}, which has no default and no value in a .tfvars file");
        }
        finally
        {
            _inProgress.Remove("var." + name);
        }
    }

    private TerraformValue Local(string name, HclReference at)
    {
        if (!module.Locals.TryGetValue(name, out var local))
            return Unknown(at, $"local.{name}, which is not defined in this module");
        if (!_inProgress.Add("local." + name))
            return Unknown(at, $"local.{name}, which refers to itself");
        try
        {
            return Resolve(local.Value).WithOrigin($"local.{name}, {local.Location.Path} line {local.Location.Line}");
        }
        finally
        {
            _inProgress.Remove("local." + name);
        }
    }

    private static TerraformValue Step(TerraformValue value, string step, HclReference at) => value switch
    {
        TerraformUnknown => value,
        TerraformObject obj when obj.Member(step) is { } member => member,
        TerraformList list when int.TryParse(step, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < list.Items.Length
            => list.Items[index],
        _ => Unknown(at, $"{Quote(at.Text)}, which names an element its value does not have"),
    };

    /// <summary>A template of plain <c>${var.x}</c>/<c>${local.y}</c> interpolations (Terraform 0.11 style) is filled in; others are not evaluated.</summary>
    private TerraformValue Template(HclTemplate template)
    {
        var rest = SimpleInterpolation().Replace(template.Content, "");
        if (rest.Contains("${", StringComparison.Ordinal) || rest.Contains("%{", StringComparison.Ordinal))
            return NotEvaluated(template);
        var unknown = (TerraformUnknown?)null;
        var text = SimpleInterpolation().Replace(template.Content, match =>
        {
            var reference = new HclReference(template.Location, match.Value[2..^1].Trim(),
                [match.Groups["root"].Value, match.Groups["name"].Value]);
            var value = Reference(reference);
            if (value.AsText() is { } known)
                return known;
            unknown ??= value as TerraformUnknown ?? Unknown(reference, $"{Quote(reference.Text)}, which is not a single value");
            return "";
        });
        return unknown is null ? new TerraformString(text, template.Location) : unknown with { Expression = template.Text, Location = template.Location };
    }

    private TerraformValue Call(HclFunctionCall call)
    {
        switch (call.Name)
        {
            case "tolist" or "toset" or "tostring" or "tonumber" when call.Arguments.Length == 1:
                return Resolve(call.Arguments[0]);
            case "concat":
                // Unknown arguments stay as unknown elements, so a literal "0.0.0.0/0" beside them is still seen.
                var items = call.Arguments.Select(Resolve)
                    .SelectMany(a => a is TerraformList list ? list.Items : [a]);
                return new TerraformList([.. items], call.Location);
            default:
                return NotEvaluated(call);
        }
    }

    /// <summary>An expression the gate does not evaluate: it depends on the module's inputs if it mentions var.* or local.*.</summary>
    private static TerraformUnknown NotEvaluated(HclExpression expression)
    {
        var mentionsInputs = expression.DescendantsAndSelf().Any(e => e switch
        {
            HclReference reference => reference.Root is "var" or "local",
            HclTemplate template => InputReference().IsMatch(template.Content),
            _ => false,
        });
        return new TerraformUnknown(mentionsInputs ? [$"{Quote(expression.Text)}, which the gate does not evaluate"] : [],
            expression.Text, expression.Location);
    }

    private static TerraformUnknown Unknown(HclExpression at, string reason) => new([reason], at.Text, at.Location);

    private static string Quote(string text)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return "`" + (flat.Length > MaxQuotedLength ? flat[..MaxQuotedLength] + "…" : flat) + "`";
    }
}
