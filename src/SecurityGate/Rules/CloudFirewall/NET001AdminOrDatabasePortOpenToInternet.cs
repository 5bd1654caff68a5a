using SecurityGate.Findings;
using SecurityGate.Sources.Terraform;

namespace SecurityGate.Rules.CloudFirewall;

/// <summary>
/// A cloud firewall lets the whole internet (0.0.0.0/0, ::/0) reach a remote-administration or database port: SSH,
/// RDP, the Docker API, PostgreSQL, MySQL, Redis, MongoDB, Elasticsearch, Memcached, CouchDB.
/// </summary>
public sealed class NET001AdminOrDatabasePortOpenToInternet : IRule<TerraformModule>
{
    public static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "NET001",
        title: "Admin or database port open to the internet",
        category: RuleCategory.Firewall,
        defaultSeverity: Severity.Error,
        help: "Anyone can reach this port: SSH and RDP get brute-forced within minutes, and databases, Redis, " +
              "Elasticsearch, Memcached and the Docker API are taken over or wiped by automated scans. Limit the source to " +
              "your office or VPN CIDRs (or a bastion's security group), and keep databases on the private network; only " +
              "HTTP and HTTPS (80/443) should face the world.");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(TerraformModule module)
    {
        // A rule opening every port is NET002's finding; reporting it here too would say the same thing twice.
        foreach (var rule in FirewallIngress.All(module).Where(r => r.OpenToWorld && !r.OpensAllPorts && r.SensitivePorts.Count > 0))
        {
            yield return Rule.CreateFinding(
                $"{rule.Name} opens {rule.DescribeSensitivePorts()} to {rule.DescribeWorld()}.",
                rule.World[0].Location, rule.Resource.Target);
        }
    }
}
