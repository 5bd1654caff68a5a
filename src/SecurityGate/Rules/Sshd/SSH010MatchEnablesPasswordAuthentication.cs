using SecurityGate.Findings;
using SecurityGate.Sources.Sshd;

namespace SecurityGate.Rules.Sshd;

/// <summary>
/// A Match block that turns password logins back on for the connections it matches, while the global
/// configuration (sshd -T) has them off: e.g. <c>Match Address 0.0.0.0/0</c> or <c>Match User deploy</c> with
/// <c>PasswordAuthentication yes</c>. No refs.sshd: sshd -T without -C does not show this.
/// </summary>
public sealed class SSH010MatchEnablesPasswordAuthentication : IRule<SshdConfigModel>
{
    public static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "SSH010",
        title: "A Match block re-enables password authentication",
        category: RuleCategory.Ssh,
        defaultSeverity: Severity.Error,
        help: "Remove `PasswordAuthentication yes` (or KbdInteractiveAuthentication yes with UsePAM yes) from the Match " +
              "block; if a few users truly need passwords, restrict the block to trusted addresses. Check a connection " +
              "with `sshd -T -C user=…,host=…,addr=…`.");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(SshdConfigModel model)
    {
        var global = model.Base;
        foreach (var block in SshdRuleSupport.ConditionalBlocks(model))
        {
            var password = block.First(SshdKeywords.PasswordAuthentication);
            if (SshdRuleSupport.LiteralValue(password) == SshdValues.Yes && !global.PasswordAuthentication.Is(SshdValues.Yes))
            {
                yield return Rule.CreateFinding(
                    $"{SshdRuleSupport.Describe(block.Match)} sets PasswordAuthentication yes for the connections it matches; " +
                    $"globally it is {global.PasswordAuthentication.Describe()}.",
                    password!.Location, model.Target);
            }

            var keyboard = block.First(SshdKeywords.KbdInteractiveAuthentication);
            if (SshdRuleSupport.LiteralValue(keyboard) == SshdValues.Yes && global.UsePam.Is(SshdValues.Yes)
                && !global.KbdInteractiveAuthentication.Is(SshdValues.Yes))
            {
                yield return Rule.CreateFinding(
                    $"{SshdRuleSupport.Describe(block.Match)} sets {keyboard!.RawKeyword} yes with UsePAM yes for the " +
                    "connections it matches, so PAM asks for the password.",
                    keyboard.Location, model.Target);
            }
        }
    }
}
