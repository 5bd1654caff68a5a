using SecurityGate.Findings;
using SecurityGate.Sources.Terraform;

namespace SecurityGate.Rules.CloudFirewall;

/// <summary>
/// Reads the inbound rules of every supported cloud firewall resource into <see cref="IngressRule"/>s. Provider
/// semantics (attribute names, "all" spellings, defaults) live here, once, for all NET rules. Pure: no I/O.
/// </summary>
internal static class FirewallIngress
{
    public static IEnumerable<IngressRule> All(TerraformModule module) => module.Resources.SelectMany(resource => resource.Type switch
    {
        "aws_security_group" => Instances(module, resource, "ingress").Select(i => Aws(module, resource, i, "protocol", "cidr_blocks", "ipv6_cidr_blocks")),
        "aws_security_group_rule" => IsLiteral(module, resource, "type", "ingress")
            ? [Aws(module, resource, Whole(resource), "protocol", "cidr_blocks", "ipv6_cidr_blocks")]
            : [],
        "aws_vpc_security_group_ingress_rule" => [Aws(module, resource, Whole(resource), "ip_protocol", "cidr_ipv4", "cidr_ipv6")],
        "digitalocean_firewall" => Instances(module, resource, "inbound_rule").Select(i => DigitalOcean(module, resource, i)),
        "google_compute_firewall" => Google(module, resource),
        "azurerm_network_security_rule" => Azure(module, resource, Whole(resource)),
        "azurerm_network_security_group" => Instances(module, resource, "security_rule").SelectMany(i => Azure(module, resource, i)),
        "hcloud_firewall" => Instances(module, resource, "rule")
            .Where(i => Reader(module, resource, i).Word("direction") is "in")
            .Select(i => Hetzner(module, resource, i)),
        _ => [],
    }).Where(r => r is not null).Select(r => r!);

    private static TerraformBlockInstance Whole(TerraformResource resource) => new(resource.Body, null, resource.Block.Location, null);

    private static IEnumerable<TerraformBlockInstance> Instances(TerraformModule module, TerraformResource resource, string type) =>
        module.BlockInstances(resource.Body, type);

    private static IngressRuleBuilder Reader(TerraformModule module, TerraformResource resource, TerraformBlockInstance instance) =>
        new(module, resource, instance);

    private static bool IsLiteral(TerraformModule module, TerraformResource resource, string attribute, string expected) =>
        Reader(module, resource, Whole(resource)).Word(attribute) == expected;

    /// <summary>AWS: protocol "-1"/"all" is every port of every protocol; tcp/udp open from_port..to_port.</summary>
    private static IngressRule? Aws(TerraformModule module, TerraformResource resource, TerraformBlockInstance instance,
        string protocolAttribute, params string[] sourceAttributes)
    {
        var rule = Reader(module, resource, instance);
        switch (rule.Protocol(protocolAttribute, all: ["-1", "all"], withPorts: ["tcp", "udp", "6", "17"]))
        {
            case ProtocolKind.All:
                rule.OpenAllTraffic();
                break;
            case ProtocolKind.WithPorts:
                rule.OpenFromTo("from_port", "to_port");
                break;
        }
        rule.AddSources(sourceAttributes);
        return rule.Build();
    }

    /// <summary>DigitalOcean: port_range "22", "8000-9000", "1-65535" or "all" (also when left out for tcp/udp).</summary>
    private static IngressRule? DigitalOcean(TerraformModule module, TerraformResource resource, TerraformBlockInstance instance)
    {
        var rule = Reader(module, resource, instance);
        if (rule.Protocol("protocol", all: [], withPorts: ["tcp", "udp"]) == ProtocolKind.WithPorts)
            rule.OpenPorts("port_range", allWords: ["all", "0"], absentMeansAll: true);
        rule.AddSources("source_addresses");
        return rule.Build();
    }

    /// <summary>
    /// Google: one rule per resource, direction INGRESS unless set, allow blocks with protocol "all" or tcp/udp/sctp
    /// ports (every port when none are listed). With no source_ranges, source_tags or source_service_accounts,
    /// Google applies the rule to 0.0.0.0/0.
    /// </summary>
    private static IEnumerable<IngressRule?> Google(TerraformModule module, TerraformResource resource)
    {
        var rule = Reader(module, resource, Whole(resource));
        if ((rule.Word("direction") ?? "ingress") != "ingress" || rule.Word("disabled") == "true")
            yield break;
        foreach (var allow in Instances(module, resource, "allow"))
        {
            var part = Reader(module, resource, allow);
            switch (part.Protocol("protocol", all: ["all"], withPorts: ["tcp", "udp", "sctp", "6", "17", "132"]))
            {
                case ProtocolKind.All:
                    rule.OpenAllTraffic();
                    break;
                case ProtocolKind.WithPorts:
                    part.OpenPorts("ports", allWords: [], absentMeansAll: true);
                    break;
            }
            rule.Absorb(part);
        }
        if (!rule.HasAny("source_ranges", "source_tags", "source_service_accounts"))
            rule.AddImplicitWorld("0.0.0.0/0 (no source_ranges, source_tags or source_service_accounts: Google's default)");
        rule.AddSources("source_ranges");
        yield return rule.Build();
    }

    /// <summary>Azure: Inbound + Allow; protocol Icmp opens no ports; "*" ports are every port; "*"/"Internet" sources are everyone.</summary>
    private static IEnumerable<IngressRule?> Azure(TerraformModule module, TerraformResource resource, TerraformBlockInstance instance)
    {
        var rule = Reader(module, resource, instance);
        if (rule.Word("direction") != "inbound" || rule.Word("access") != "allow")
            yield break;
        if (rule.Protocol("protocol", all: [], withPorts: ["tcp", "udp", "*", "esp", "ah"]) == ProtocolKind.WithPorts)
        {
            rule.OpenPorts("destination_port_range", allWords: ["*"], absentMeansAll: false);
            rule.OpenPorts("destination_port_ranges", allWords: ["*"], absentMeansAll: false);
        }
        rule.AddSources("source_address_prefix", "source_address_prefixes");
        yield return rule.Build();
    }

    /// <summary>Hetzner: rule blocks with direction "in"; tcp/udp port "22", "80-85" or "any".</summary>
    private static IngressRule? Hetzner(TerraformModule module, TerraformResource resource, TerraformBlockInstance instance)
    {
        var rule = Reader(module, resource, instance);
        if (rule.Protocol("protocol", all: [], withPorts: ["tcp", "udp"]) == ProtocolKind.WithPorts)
            rule.OpenPorts("port", allWords: ["any"], absentMeansAll: false);
        rule.AddSources("source_ips");
        return rule.Build();
    }
}

internal enum ProtocolKind
{
    /// <summary>Ports do not apply (ICMP, GRE…), or the protocol is left out.</summary>
    NoPorts,
    WithPorts,
    /// <summary>Every protocol on every port.</summary>
    All,
}
