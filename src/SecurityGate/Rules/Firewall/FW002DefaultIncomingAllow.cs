using SecurityGate.Findings;
using SecurityGate.Sources.Ufw;

namespace SecurityGate.Rules.Firewall;

/// <summary>Incoming traffic is accepted by default: every listening service is reachable unless denied one by one.</summary>
public sealed class FW002DefaultIncomingAllow : IRule<FirewallModel>
{
    public static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "FW002",
        title: "Firewall accepts incoming traffic by default",
        category: RuleCategory.Firewall,
        defaultSeverity: Severity.Error,
        help: "Use `ufw default deny incoming` (and `DEFAULT_INPUT_POLICY=\"DROP\"` in /etc/default/ufw), then allow only " +
              "80, 443 and SSH from your addresses. With an accepting default, a database or debug server that listens on " +
              "all interfaces is open to the internet.");

    private static readonly HashSet<string> AcceptPolicies = new(StringComparer.OrdinalIgnoreCase) { "ACCEPT", "allow" };

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(FirewallModel model)
    {
        foreach (var setting in model.Settings.Where(s => s.Name == FirewallModel.DefaultInputPolicySetting && AcceptPolicies.Contains(s.Value)))
            yield return Rule.CreateFinding($"DEFAULT_INPUT_POLICY=\"{setting.Value}\": every incoming connection is accepted unless a rule denies it.",
                setting.Location, FirewallModel.TargetOf(setting.Location));
        foreach (var command in model.Commands.Where(c => c.Kind == UfwCommandKind.Default && c.Direction == UfwCommand.Incoming && AcceptPolicies.Contains(c.Action ?? "")))
            yield return Rule.CreateFinding($"'{command.Text}' accepts every incoming connection unless a rule denies it.",
                command.Location, FirewallModel.TargetOf(command.Location));
    }
}
