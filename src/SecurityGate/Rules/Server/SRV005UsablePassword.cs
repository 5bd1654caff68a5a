using SecurityGate.Findings;
using SecurityGate.Sources.CloudInit;

namespace SecurityGate.Rules.Server;

/// <summary>
/// A user left with a usable password that is committed in the clear or as a weak hash: <c>lock_passwd: false</c>
/// with <c>plain_text_passwd</c> or a non-SHA-2/yescrypt <c>passwd</c>, or a clear-text <c>chpasswd</c> entry.
/// Values are never shown, only their length.
/// </summary>
public sealed class SRV005UsablePassword : IRule<CloudInitModel>
{
    public static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "SRV005",
        title: "cloud-init sets a clear-text or weakly hashed password",
        category: RuleCategory.Server,
        defaultSeverity: Severity.Error,
        help: "Remove plain_text_passwd and clear-text chpasswd entries and keep `lock_passwd: true` (the default); log in " +
              "with SSH keys. If a console password is truly needed, use a yescrypt or SHA-512 hash (`mkpasswd -m sha-512`) " +
              "and keep it out of the repository. Anyone who can read the repository can log in with a committed password.",
        references: new Dictionary<string, string> { ["cloud-init"] = "users.plain_text_passwd" });

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(CloudInitModel model)
    {
        foreach (var user in model.Users.Where(u => !u.PasswordLocked))
        {
            if (user.PlainTextPasswd is { } plain)
                yield return Rule.CreateFinding(
                    $"User {user.Name} has lock_passwd: false and plain_text_passwd ({SecretRedaction.Describe(plain.Value)}): a committed password that works.",
                    plain.Location, model.Target);
            else if (user.Passwd is { } hash && !CloudInitPasswords.IsStrongHash(hash.Value))
                yield return Rule.CreateFinding(
                    $"User {user.Name} has lock_passwd: false and passwd is {CloudInitPasswords.DescribeWeakHash(hash.Value)} " +
                    $"({SecretRedaction.Describe(hash.Value)}), quick to crack offline.",
                    hash.Location, model.Target);
        }
        foreach (var entry in model.Chpasswd.Where(p => !p.IsHash || !CloudInitPasswords.IsStrongHash(p.Password.Value)))
        {
            var what = entry.IsHash ? CloudInitPasswords.DescribeWeakHash(entry.Password.Value) : "a clear-text password";
            yield return Rule.CreateFinding(
                $"chpasswd sets {what} for {entry.User} ({SecretRedaction.Describe(entry.Password.Value)}).",
                entry.Password.Location, model.Target);
        }
    }
}
