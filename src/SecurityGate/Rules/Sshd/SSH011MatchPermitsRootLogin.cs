using SecurityGate.Findings;
using SecurityGate.Sources.Sshd;

namespace SecurityGate.Rules.Sshd;

/// <summary>
/// A Match block that allows root logins more freely than the global configuration, e.g. <c>Match Address 10.0.0.0/8</c>
/// with <c>PermitRootLogin yes</c>. No refs.sshd: sshd -T without -C does not show this.
/// </summary>
public sealed class SSH011MatchPermitsRootLogin : IRule<SshdConfigModel>
{
    public static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "SSH011",
        title: "A Match block permits root login",
        category: RuleCategory.Ssh,
        defaultSeverity: Severity.Error,
        help: "Remove the PermitRootLogin line from the Match block or set it to no. `yes` is an error; " +
              "prohibit-password and forced-commands-only are warnings.");

    /// <summary>From strictest to most permissive.</summary>
    private static readonly string[] Order =
        [SshdValues.No, SshdValues.ForcedCommandsOnly, SshdValues.ProhibitPassword, SshdValues.Yes];

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(SshdConfigModel model)
    {
        var global = model.Base.PermitRootLogin;
        var globalRank = global.IsTemplated ? int.MaxValue : Array.IndexOf(Order, global.Value);
        foreach (var block in SshdRuleSupport.ConditionalBlocks(model))
        {
            var directive = block.First(SshdKeywords.PermitRootLogin);
            var value = SshdRuleSupport.LiteralValue(directive);
            var rank = value is null ? -1 : Array.IndexOf(Order, value);
            if (rank <= globalRank)
                continue;
            yield return Rule.CreateFinding(
                    $"{SshdRuleSupport.Describe(block.Match)} sets PermitRootLogin {value} for the connections it matches; " +
                    $"globally it is {global.Describe()}.",
                    directive!.Location, model.Target)
                .WithSeverity(value == SshdValues.Yes ? Severity.Error : Severity.Warning);
        }
    }
}
