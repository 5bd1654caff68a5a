using SecurityGate.Findings;
using SecurityGate.Sources.Sshd;

namespace SecurityGate.Rules.Sshd;

/// <summary>PubkeyAuthentication no removes key logins, which pushes users to passwords.</summary>
public sealed class SSH004PubkeyAuthenticationDisabled : IRule<SshdConfigModel>
{
    public static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "SSH004",
        title: "Public key authentication is disabled",
        category: RuleCategory.Ssh,
        defaultSeverity: Severity.Error,
        help: "Remove `PubkeyAuthentication no` (alias DSAAuthentication; the default is yes): keys are the strong " +
              "way in, and without them only weaker methods remain.",
        references: SshdRuleSupport.Refs(SshdKeywords.PubkeyAuthentication));

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(SshdConfigModel model)
    {
        var setting = model.Effective.PubkeyAuthentication;
        if (setting.Is(SshdValues.No))
        {
            yield return Rule.CreateFinding(
                $"PubkeyAuthentication is {setting.Describe()} {model.Effective.ViewDescription}.",
                model.LocationOf(setting), model.Target);
        }
    }
}
