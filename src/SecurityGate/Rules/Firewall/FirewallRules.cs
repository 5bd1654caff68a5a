using SecurityGate.Sources.Ufw;

namespace SecurityGate.Rules.Firewall;

/// <summary>Every local-firewall rule, in id order, over the repository's <see cref="FirewallModel"/>.</summary>
public static class FirewallRules
{
    public static IReadOnlyList<IRule<FirewallModel>> All { get; } =
    [
        new FW001UfwNotEnabled(),
        new FW002DefaultIncomingAllow(),
        new FW003SshOpenToAnywhere(),
        new FW004DatabasePortOpen(),
    ];
}
