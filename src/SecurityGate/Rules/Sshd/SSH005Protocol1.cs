using SecurityGate.Findings;
using SecurityGate.Sources.Sshd;

namespace SecurityGate.Rules.Sshd;

/// <summary>
/// A Protocol line asking for SSH-1. OpenSSH 7.4 and later ignore the keyword and only speak protocol 2, so this
/// is a sign the file was written for a long-gone server (or will be deployed to one).
/// </summary>
public sealed class SSH005Protocol1 : IRule<SshdConfigModel>
{
    public static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "SSH005",
        title: "SSH protocol 1 is requested",
        category: RuleCategory.Ssh,
        defaultSeverity: Severity.Note,
        help: "Remove the Protocol line. SSH-1 is broken; current OpenSSH ignores `Protocol` and speaks only protocol 2, " +
              "but an old sshd would honour `Protocol 1` or `Protocol 2,1`.",
        references: SshdRuleSupport.Refs(SshdKeywords.Protocol));

    private const string Version1 = "1";

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(SshdConfigModel model)
    {
        var setting = model.Effective.Get(SshdKeywords.Protocol);
        if (setting.IsDefault || setting.IsTemplated || setting.Value is null)
            yield break;
        var versions = setting.Value.Split(',', StringSplitOptions.TrimEntries);
        if (versions.Contains(Version1))
        {
            yield return Rule.CreateFinding(
                $"Protocol {setting.Value} asks for SSH-1 {model.Effective.ViewDescription}.",
                model.LocationOf(setting), model.Target);
        }
    }
}
