using SecurityGate.Findings;
using SecurityGate.Sources.Ufw;

namespace SecurityGate.Rules.Firewall;

/// <summary>
/// The repository manages ufw yet nothing switches it on: rules are added but never enforced. Judged only when ufw
/// is managed at all (a ufw rule or default, or a committed ufw.conf); a repository that never mentions ufw is left
/// to the cloud firewall rules.
/// </summary>
public sealed class FW001UfwNotEnabled : IRule<FirewallModel>
{
    public static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "FW001",
        title: "UFW is configured but never enabled",
        category: RuleCategory.Firewall,
        defaultSeverity: Severity.Warning,
        help: "Run `ufw --force enable` after adding the rules (Ansible: `community.general.ufw: state=enabled`), and keep " +
              "`ENABLED=yes` in a committed ufw.conf. `ufw allow` on a disabled firewall changes nothing: every port " +
              "stays open. An explicit `ufw disable` or `ENABLED=no` is reported where it is written.");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(FirewallModel model)
    {
        foreach (var setting in model.Settings.Where(s => s.Name == FirewallModel.EnabledSetting && s.Value.Equals("no", StringComparison.OrdinalIgnoreCase)))
            yield return Rule.CreateFinding("ufw.conf sets ENABLED=no: the firewall does not start at boot.", setting.Location, FirewallModel.TargetOf(setting.Location));
        foreach (var disable in model.Commands.Where(c => c.Kind == UfwCommandKind.Disable))
            yield return Rule.CreateFinding($"'{disable.Text}' turns the firewall off.", disable.Location, FirewallModel.TargetOf(disable.Location));

        if (model.EnablesUfw)
            yield break;
        // One finding per file that adds rules, at its first ufw rule or default.
        foreach (var first in model.Commands.Where(c => c.Kind is UfwCommandKind.Rule or UfwCommandKind.Default).GroupBy(c => c.Location.Path).Select(g => g.First()))
            yield return Rule.CreateFinding(
                $"'{first.Text}' configures ufw, but nothing in the repository runs 'ufw enable' (or sets ENABLED=yes): the rules are not enforced.",
                first.Location, FirewallModel.TargetOf(first.Location));
    }
}
