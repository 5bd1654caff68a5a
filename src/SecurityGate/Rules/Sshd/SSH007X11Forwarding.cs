using SecurityGate.Findings;
using SecurityGate.Sources.Sshd;

namespace SecurityGate.Rules.Sshd;

/// <summary>X11Forwarding yes exposes the client's X display to the server and widens what a session can do.</summary>
public sealed class SSH007X11Forwarding : IRule<SshdConfigModel>
{
    public static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "SSH007",
        title: "X11 forwarding is enabled",
        category: RuleCategory.Ssh,
        defaultSeverity: Severity.Note,
        help: "Set `X11Forwarding no` (the compiled-in default) on servers that do not need graphical sessions; " +
              "Debian's shipped file turns it on.",
        references: SshdRuleSupport.Refs(SshdKeywords.X11Forwarding));

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(SshdConfigModel model)
    {
        var setting = model.Effective.X11Forwarding;
        if (setting.Is(SshdValues.Yes))
        {
            yield return Rule.CreateFinding(
                $"X11Forwarding is {setting.Describe()} {model.Effective.ViewDescription}.",
                model.LocationOf(setting), model.Target);
        }
    }
}
