using SecurityGate.Findings;
using SecurityGate.Sources.Ufw;

namespace SecurityGate.Rules.Firewall;

/// <summary><c>ufw allow 22</c> (or ssh, OpenSSH) from anywhere, without <c>ufw limit</c>'s rate limiting.</summary>
public sealed class FW003SshOpenToAnywhere : IRule<FirewallModel>
{
    public static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "FW003",
        title: "SSH is allowed from anywhere without rate limiting",
        category: RuleCategory.Firewall,
        defaultSeverity: Severity.Warning,
        help: "Allow SSH only from your addresses (`ufw allow from 203.0.113.0/24 to any port 22 proto tcp`), or at least " +
              "use `ufw limit OpenSSH`, which blocks an address after 6 connections in 30 seconds. An SSH port open to the " +
              "world is guessed at all day.");

    private const int SshPort = 22;

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(FirewallModel model)
    {
        foreach (var rule in model.Commands.Where(c => c.Kind == UfwCommandKind.Rule && c.Action == "allow" && c.FromAnywhere && c.Opens(SshPort)))
            yield return Rule.CreateFinding($"'{rule.Text}' opens SSH to every address with no rate limit.", rule.Location, FirewallModel.TargetOf(rule.Location));
    }
}
