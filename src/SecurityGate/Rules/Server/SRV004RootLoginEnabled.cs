using SecurityGate.Findings;
using SecurityGate.Sources.CloudInit;

namespace SecurityGate.Rules.Server;

/// <summary><c>disable_root: false</c> keeps root's SSH login (with the default user's keys) open.</summary>
public sealed class SRV004RootLoginEnabled : IRule<CloudInitModel>
{
    public static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "SRV004",
        title: "cloud-init leaves root SSH login enabled",
        category: RuleCategory.Server,
        defaultSeverity: Severity.Error,
        help: "Remove `disable_root: false` (the default, true, makes root's authorized_keys print a message and refuse " +
              "the login). Log in as a named user and escalate with sudo, so that every action is attributable and " +
              "root's keys are not a single point of failure.",
        references: new Dictionary<string, string> { ["cloud-init"] = "disable_root" });

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(CloudInitModel model)
    {
        if (model.DisableRoot is { Value: false } setting)
            yield return Rule.CreateFinding("disable_root is false: root can log in over SSH with the instance's keys.", setting.Location, model.Target);
    }
}
