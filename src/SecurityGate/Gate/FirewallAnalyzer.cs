using SecurityGate.Rules.Firewall;
using SecurityGate.Sources.Ufw;

namespace SecurityGate.Gate;

/// <summary>The server's local firewall (ufw) as scripts, cloud-init, Ansible and committed ufw files set it up.</summary>
public static class FirewallAnalyzer
{
    public static IAnalyzer Create() => new ModelAnalyzer<FirewallModel>("ufw",
        context => new SourceOutput<FirewallModel>([UfwSource.Load(context.Files)], []),
        FirewallRules.All);
}
