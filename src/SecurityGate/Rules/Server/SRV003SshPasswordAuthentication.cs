using SecurityGate.Findings;
using SecurityGate.Sources.CloudInit;

namespace SecurityGate.Rules.Server;

/// <summary>cloud-init's <c>ssh_pwauth: true</c> turns on sshd's PasswordAuthentication on first boot.</summary>
public sealed class SRV003SshPasswordAuthentication : IRule<CloudInitModel>
{
    public static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "SRV003",
        title: "cloud-init enables SSH password logins",
        category: RuleCategory.Server,
        defaultSeverity: Severity.Error,
        help: "Set `ssh_pwauth: false` and give users `ssh_authorized_keys`. cloud-init writes PasswordAuthentication yes " +
              "into sshd's configuration, so every account with a password can be guessed at from the internet.",
        references: new Dictionary<string, string> { ["cloud-init"] = "ssh_pwauth" });

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(CloudInitModel model)
    {
        if (model.SshPwauth is { Value: true } setting)
            yield return Rule.CreateFinding("ssh_pwauth is true: sshd will accept passwords on this server.", setting.Location, model.Target);
    }
}
