using SecurityGate.Findings;
using SecurityGate.Sources.Sshd;

namespace SecurityGate.Rules.Sshd;

/// <summary>A Match block that permits empty passwords for the connections it matches. No refs.sshd.</summary>
public sealed class SSH012MatchPermitsEmptyPasswords : IRule<SshdConfigModel>
{
    public static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "SSH012",
        title: "A Match block permits empty passwords",
        category: RuleCategory.Ssh,
        defaultSeverity: Severity.Error,
        help: "Remove `PermitEmptyPasswords yes` from the Match block: accounts without a password could log in.");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(SshdConfigModel model)
    {
        var global = model.Base.PermitEmptyPasswords;
        if (global.Is(SshdValues.Yes))
            yield break; // SSH003 already reports it for everyone
        foreach (var block in SshdRuleSupport.ConditionalBlocks(model))
        {
            var directive = block.First(SshdKeywords.PermitEmptyPasswords);
            if (SshdRuleSupport.LiteralValue(directive) != SshdValues.Yes)
                continue;
            yield return Rule.CreateFinding(
                $"{SshdRuleSupport.Describe(block.Match)} sets PermitEmptyPasswords yes for the connections it matches.",
                directive!.Location, model.Target);
        }
    }
}
