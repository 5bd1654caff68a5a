using SecurityGate.Sources.Terraform;

namespace SecurityGate.Rules.CloudFirewall;

/// <summary>Every cloud-firewall rule, in id order: what the catalog lists and the gate runs over each Terraform module.</summary>
public static class CloudFirewallRules
{
    public static IReadOnlyList<IRule<TerraformModule>> All { get; } =
    [
        new NET000FirewallDependsOnUnsetInput(),
        new NET001AdminOrDatabasePortOpenToInternet(),
        new NET002AllPortsOpenToInternet(),
    ];
}
