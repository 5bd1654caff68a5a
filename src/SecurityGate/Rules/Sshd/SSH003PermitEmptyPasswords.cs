using SecurityGate.Findings;
using SecurityGate.Sources.Sshd;

namespace SecurityGate.Rules.Sshd;

/// <summary>PermitEmptyPasswords yes lets accounts with an empty password log in with nothing at all.</summary>
public sealed class SSH003PermitEmptyPasswords : IRule<SshdConfigModel>
{
    public static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "SSH003",
        title: "Empty passwords are permitted",
        category: RuleCategory.Ssh,
        defaultSeverity: Severity.Error,
        help: "Remove `PermitEmptyPasswords yes` (the default is no): any account without a password could log in.",
        references: SshdRuleSupport.Refs(SshdKeywords.PermitEmptyPasswords));

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(SshdConfigModel model)
    {
        var setting = model.Effective.PermitEmptyPasswords;
        if (!setting.Is(SshdValues.Yes))
            yield break;
        // Only password authentication consults it; say so, but report either way: the switch may be flipped later.
        var password = model.Effective.PasswordAuthentication;
        var reach = password.Is(SshdValues.Yes)
            ? "and password authentication is on, so accounts with an empty password can log in"
            : "(password authentication is off for now, so it takes effect as soon as it is turned on)";
        yield return Rule.CreateFinding(
            $"PermitEmptyPasswords is {setting.Describe()} {model.Effective.ViewDescription} {reach}.",
            model.LocationOf(setting), model.Target);
    }
}
