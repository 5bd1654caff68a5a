using SecurityGate.Findings;
using SecurityGate.Sources.CloudInit;

namespace SecurityGate.Rules.Server;

/// <summary>A cloud-init user with <c>sudo: ALL=(ALL) NOPASSWD:ALL</c>.</summary>
public sealed class SRV008PasswordlessSudoUser : IRule<CloudInitModel>
{
    public static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "SRV008",
        title: "cloud-init user has passwordless sudo for everything",
        category: RuleCategory.Server,
        defaultSeverity: Severity.Note,
        help: "Cloud images give their default user `ALL=(ALL) NOPASSWD:ALL`, so this is common; it still makes the " +
              "user's SSH key equal to root. For a deploy user, list only the commands it needs " +
              "(`ALL=(root) NOPASSWD: /usr/bin/systemctl restart shop`), and keep a password for full sudo.",
        references: new Dictionary<string, string> { ["cloud-init"] = "users.sudo" });

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(CloudInitModel model)
    {
        foreach (var user in model.Users)
        {
            foreach (var rule in user.Sudo.Where(r => r.GrantsAllWithoutPassword))
                yield return Rule.CreateFinding($"User {user.Name} gets sudo '{rule.Text}': its SSH key alone is enough to become root.",
                    rule.Location, model.Target);
        }
    }
}
