using System.Collections.Immutable;
using SecurityGate.Findings;
using SecurityGate.Sources.Terraform;

namespace SecurityGate.Rules.CloudFirewall;

/// <summary>A source address that lets the whole internet in, where it is written and how its value was reached.</summary>
internal sealed record WorldSource(string Address, SourceLocation Location, string? Origin);

/// <summary>Part of a rule the gate could not work out: what ("source addresses", "ports"), why, and where.</summary>
internal sealed record IngressUnknown(string What, string Reason, SourceLocation Location);

/// <summary>
/// One firewall rule that lets traffic in, whatever the provider: where it comes from, which ports it opens.
/// <see cref="Name"/> is the resource address, with the block's line for a rule written inline.
/// </summary>
internal sealed record IngressRule(
    TerraformResource Resource,
    string Name,
    SourceLocation Location,
    ImmutableArray<WorldSource> World,
    bool AllTraffic,
    ImmutableArray<PortRange> Ports,
    ImmutableArray<IngressUnknown> Unknowns)
{
    public const string Sources = "source addresses";
    public const string PortsPart = "ports";

    public bool OpenToWorld => !World.IsEmpty;

    /// <summary>Every protocol, or a TCP/UDP range covering every port.</summary>
    public bool OpensAllPorts => AllTraffic || Ports.Any(p => p.IsEverything);

    public IReadOnlyList<(int Port, string Service)> SensitivePorts =>
        FirewallPorts.Sensitive.Where(s => Ports.Any(p => p.Contains(s.Port))).ToList();

    public bool IsRisky => OpensAllPorts || SensitivePorts.Count > 0;

    public bool SourcesUnknown => Unknowns.Any(u => u.What == Sources);
    public bool PortsUnknown => Unknowns.Any(u => u.What != Sources);

    /// <summary>"0.0.0.0/0 and ::/0"; with where the first value came from when not written in place.</summary>
    public string DescribeWorld()
    {
        var addresses = string.Join(" and ", World.Select(w => w.Address).Distinct(StringComparer.Ordinal));
        return World.FirstOrDefault(w => w.Origin is not null) is { } from ? $"{addresses} (from {from.Origin})" : addresses;
    }

    /// <summary>"port 22 (SSH)", or "ports 1-10000, including 22 (SSH) and 5432 (PostgreSQL)".</summary>
    public string DescribeSensitivePorts()
    {
        var services = SensitivePorts.Select(s => $"{s.Port} ({s.Service})").ToList();
        var list = services.Count == 1 ? services[0] : string.Join(", ", services[..^1]) + " and " + services[^1];
        var ranges = Ports.Where(p => p.From != p.To && SensitivePorts.Any(s => p.Contains(s.Port))).ToList();
        return ranges.Count > 0
            ? $"port range {string.Join(", ", ranges)}, which includes {list}"
            : (services.Count == 1 ? "port " : "ports ") + list;
    }
}
