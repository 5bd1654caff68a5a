using SecurityGate.Findings;
using SecurityGate.Sources.CloudInit;

namespace SecurityGate.Rules.Server;

/// <summary>The only account cloud-init sets up for logins is root.</summary>
public sealed class SRV007RootOnlyLoginUser : IRule<CloudInitModel>
{
    public static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "SRV007",
        title: "root is the only login user",
        category: RuleCategory.Server,
        defaultSeverity: Severity.Error,
        help: "Create a named user with `ssh_authorized_keys` and `sudo`, keep `- default` in `users:` or leave the " +
              "default user alone, and log in as that user. When root is the only account, every session runs with full " +
              "privileges and root's SSH login has to stay open.");

    private const string Root = "root";

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(CloudInitModel model)
    {
        if (model.DefaultUserName is { Value: Root } defaultUser)
        {
            yield return Rule.CreateFinding("The default user is root: the instance's keys and sudo go to root itself.", defaultUser.Location, model.Target);
            yield break;
        }
        // users: given without "- default" replaces the image's default user.
        var logins = model.Users.Where(u => !u.CannotLogIn).ToList();
        if (model.HasUsersKey && logins.Count > 0 && logins.All(u => u.Name == Root))
            yield return Rule.CreateFinding("users: lists only root, and without '- default' no other account is created.", logins[0].Location, model.Target);
    }
}
