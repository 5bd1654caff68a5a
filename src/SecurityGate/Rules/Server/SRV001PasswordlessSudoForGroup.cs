using SecurityGate.Findings;
using SecurityGate.Sources.Sudoers;

namespace SecurityGate.Rules.Server;

/// <summary><c>%sudo ALL=(ALL) NOPASSWD: ALL</c>: anyone in a broad admin group becomes root without a password.</summary>
public sealed class SRV001PasswordlessSudoForGroup : IRule<SudoersFile>
{
    public static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "SRV001",
        title: "Passwordless sudo for a whole admin group",
        category: RuleCategory.Server,
        defaultSeverity: Severity.Warning,
        help: "Drop NOPASSWD for %sudo, %admin or %wheel (`%sudo ALL=(ALL:ALL) ALL`), or limit it to the few commands a " +
              "deploy needs (`deploy ALL=(root) NOPASSWD: /usr/bin/systemctl restart shop`). With NOPASSWD: ALL, any " +
              "process running as any member of the group — a leaked key, a compromised build — is root at once.");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(SudoersFile file)
    {
        foreach (var rule in file.Rules.Where(r => r.GrantsAllWithoutPassword))
        {
            var groups = rule.Users.Where(SudoersNames.BroadGroups.Contains).ToList();
            if (groups.Count == 0)
                continue;
            yield return Rule.CreateFinding(
                $"'{rule.Text}' lets every member of {string.Join(", ", groups)} run any command as root without a password.",
                rule.Location, file.Target);
        }
    }
}
