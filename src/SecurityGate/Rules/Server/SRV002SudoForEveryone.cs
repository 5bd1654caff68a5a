using SecurityGate.Findings;
using SecurityGate.Sources.Sudoers;

namespace SecurityGate.Rules.Server;

/// <summary><c>ALL ALL=(ALL) ALL</c>: every account on the machine may run anything as root.</summary>
public sealed class SRV002SudoForEveryone : IRule<SudoersFile>
{
    public static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "SRV002",
        title: "Every user may run any command as root",
        category: RuleCategory.Server,
        defaultSeverity: Severity.Error,
        help: "Replace the ALL user list with the admin group (`%sudo ALL=(ALL:ALL) ALL`). With `ALL ALL=(ALL) ALL` " +
              "every account — www-data running the app, postgres, a service user — can become root, so any foothold " +
              "is a full compromise.");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(SudoersFile file)
    {
        foreach (var rule in file.Rules.Where(r => r.GrantsAll && r.Users.Contains(SudoersNames.All)))
        {
            var password = rule.GrantsAllWithoutPassword ? " without a password" : "";
            yield return Rule.CreateFinding($"'{rule.Text}' lets every user run any command as root{password}.", rule.Location, file.Target);
        }
    }
}
