using SecurityGate.Findings;
using SecurityGate.Sources.Terraform;

namespace SecurityGate.Rules.CloudFirewall;

/// <summary>
/// Collects what one block (or resource) of a firewall lets in: world-open sources, ports, and the parts that depend
/// on inputs the module leaves unset. Values that only refer to other resources (a security group id, a VPC's CIDR)
/// are taken as not the internet and are not reported.
/// </summary>
internal sealed class IngressRuleBuilder(TerraformModule module, TerraformResource resource, TerraformBlockInstance instance)
{
    private readonly List<WorldSource> _world = [];
    private readonly List<IngressUnknown> _unknowns = [];
    private readonly List<PortRange> _ports = [];
    private bool _allTraffic;

    private HclAttribute? Attribute(string name) => instance.Body.Attribute(name);

    private TerraformValue Value(HclAttribute attribute) => module.Resolve(attribute.Value, instance.Scope);

    /// <summary>True when any of the attributes is set to something other than null.</summary>
    public bool HasAny(params string[] names) => names.Any(n => Attribute(n) is { } a && Value(a) is not TerraformNull);

    /// <summary>The attribute's value as lower-case text; null when absent or not known.</summary>
    public string? Word(string name) => Attribute(name) is { } a ? Value(a).AsText()?.Trim().ToLowerInvariant() : null;

    public ProtocolKind Protocol(string name, string[] all, string[] withPorts)
    {
        if (Attribute(name) is not { } attribute)
            return ProtocolKind.NoPorts;
        var value = Value(attribute);
        if (value is TerraformUnknown unknown)
        {
            AddUnknown(IngressRule.PortsPart, unknown, attribute);
            return ProtocolKind.NoPorts;
        }
        var text = value.AsText()?.Trim().ToLowerInvariant();
        return text is null ? ProtocolKind.NoPorts
            : all.Contains(text) ? ProtocolKind.All
            : withPorts.Contains(text) ? ProtocolKind.WithPorts
            : ProtocolKind.NoPorts;
    }

    public void OpenAllTraffic() => _allTraffic = true;

    /// <summary>AWS-style from_port/to_port numbers.</summary>
    public void OpenFromTo(string fromName, string toName)
    {
        if (Attribute(fromName) is not { } from || Attribute(toName) is not { } to)
            return;
        var first = Port(from);
        var last = Port(to);
        if (first is { } a && last is { } b)
            _ports.Add(new PortRange(Math.Min(a, b), Math.Max(a, b)));
    }

    private int? Port(HclAttribute attribute)
    {
        var value = Value(attribute);
        if (value is TerraformUnknown unknown)
            AddUnknown(IngressRule.PortsPart, unknown, attribute);
        return value.AsText() is { } text && PortRange.TryParse(text, out var range) ? range.From : null;
    }

    /// <summary>A port spec or a list of them: "22", "80-90", or one of <paramref name="allWords"/> for every port.</summary>
    public void OpenPorts(string name, string[] allWords, bool absentMeansAll)
    {
        var elements = Attribute(name) is { } attribute ? Value(attribute).Elements().ToList() : [];
        if (elements.Count == 0)
        {
            if (absentMeansAll)
                _ports.Add(PortRange.Everything);
            return;
        }
        foreach (var element in elements)
        {
            if (element is TerraformUnknown unknown)
                AddUnknown(IngressRule.PortsPart, unknown, Attribute(name)!);
            else if (element.AsText()?.Trim().ToLowerInvariant() is { } text)
            {
                if (allWords.Contains(text))
                    _ports.Add(PortRange.Everything);
                else if (PortRange.TryParse(text, out var range))
                    _ports.Add(range);
            }
        }
    }

    /// <summary>Source addresses: every element that is the whole internet, or that depends on unset inputs.</summary>
    public void AddSources(params string[] names)
    {
        foreach (var name in names)
        {
            if (Attribute(name) is not { } attribute)
                continue;
            foreach (var element in Value(attribute).Elements())
            {
                if (element is TerraformUnknown unknown)
                    AddUnknown(IngressRule.Sources, unknown, attribute);
                else if (element.AsText() is { } address && FirewallAddresses.IsWorld(address))
                    _world.Add(new WorldSource(address.Trim(), element.ReportedAt(attribute.Location), element.Origin));
            }
        }
    }

    /// <summary>A rule open to everyone because of a provider default, reported at the block itself.</summary>
    public void AddImplicitWorld(string description) =>
        _world.Add(new WorldSource(description, SourceLocation.At(instance.Location.Path, instance.Location.Line, instance.Location.Column), null));

    /// <summary>Takes the ports and unknowns of a nested block (Google's allow blocks) into this rule.</summary>
    public void Absorb(IngressRuleBuilder part)
    {
        _ports.AddRange(part._ports);
        _unknowns.AddRange(part._unknowns);
        _allTraffic |= part._allTraffic;
    }

    public IngressRule Build()
    {
        if (instance.UnknownForEach is { DependsOnInputs: true } forEach)
        {
            var where = SourceLocation.At(instance.Location.Path, instance.Location.Line, instance.Location.Column);
            _unknowns.Add(new IngressUnknown(IngressRule.Sources, forEach.Reasons[0], where));
            _unknowns.Add(new IngressUnknown(IngressRule.PortsPart, forEach.Reasons[0], where));
        }
        var inline = !ReferenceEquals(instance.Body, resource.Body);
        var name = inline ? $"{resource.Address} (rule on line {instance.Location.Line})" : resource.Address;
        return new IngressRule(resource, name, instance.Location, [.. _world], _allTraffic, [.. _ports], [.. _unknowns]);
    }

    private void AddUnknown(string what, TerraformUnknown unknown, HclAttribute attribute)
    {
        if (unknown.DependsOnInputs)
            _unknowns.Add(new IngressUnknown(what, unknown.Reasons[0], unknown.ReportedAt(attribute.Location)));
    }
}
