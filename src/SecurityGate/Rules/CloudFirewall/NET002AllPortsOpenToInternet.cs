using SecurityGate.Findings;
using SecurityGate.Sources.Terraform;

namespace SecurityGate.Rules.CloudFirewall;

/// <summary>A cloud firewall lets the whole internet reach every port (protocol "-1"/"all"/"*", or a range covering 1-65535).</summary>
public sealed class NET002AllPortsOpenToInternet : IRule<TerraformModule>
{
    public static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "NET002",
        title: "All ports open to the internet",
        category: RuleCategory.Firewall,
        defaultSeverity: Severity.Error,
        help: "The firewall lets anyone reach every port, so SSH, the database, Redis and every debug or admin " +
              "service on the host face the internet and the firewall protects nothing. Open only 80 and 443 to the " +
              "world and limit everything else to known source addresses or security groups.");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(TerraformModule module)
    {
        foreach (var rule in FirewallIngress.All(module).Where(r => r.OpenToWorld && r.OpensAllPorts))
        {
            var what = rule.AllTraffic
                ? "every protocol and port"
                : $"every port ({string.Join(", ", rule.Ports.Where(p => p.IsEverything).Distinct())})";
            yield return Rule.CreateFinding($"{rule.Name} opens {what} to {rule.DescribeWorld()}.",
                rule.World[0].Location, rule.Resource.Target);
        }
    }
}
