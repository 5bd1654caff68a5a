using SecurityGate.Findings;
using SecurityGate.Sources.CloudInit;

namespace SecurityGate.Rules.Server;

/// <summary>A login user created by cloud-init without <c>ssh_authorized_keys</c> or <c>ssh_import_id</c>.</summary>
public sealed class SRV006UserWithoutSshKey : IRule<CloudInitModel>
{
    public static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "SRV006",
        title: "cloud-init user has no SSH key",
        category: RuleCategory.Server,
        defaultSeverity: Severity.Warning,
        help: "Give each login user `ssh_authorized_keys` (or `ssh_import_id: [gh:name]`). A user without a key either " +
              "logs in with a password, which can be guessed, or cannot log in, which usually ends with someone enabling " +
              "passwords later. System users (`system: true`, a nologin shell) are not judged.",
        references: new Dictionary<string, string> { ["cloud-init"] = "users.ssh_authorized_keys" });

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(CloudInitModel model)
    {
        foreach (var user in model.Users.Where(u => !u.IsDefaultEntry && !u.CannotLogIn && !u.HasSshKeys))
        {
            var consequence = user.PasswordLocked ? "it cannot log in over SSH" : "it can only log in with a password";
            yield return Rule.CreateFinding($"User {user.Name} has no ssh_authorized_keys or ssh_import_id: {consequence}.", user.Location, model.Target);
        }
    }
}
