using System.Globalization;
using SecurityGate.Findings;
using SecurityGate.Sources.Sshd;

namespace SecurityGate.Rules.Sshd;

/// <summary>MaxAuthTries above OpenSSH's default of 6 gives each connection more guesses.</summary>
public sealed class SSH008MaxAuthTries : IRule<SshdConfigModel>
{
    /// <summary>
    /// The threshold: OpenSSH's own default (6). Anything looser than the default is reported; hardening guides
    /// often ask for 3–4, which we leave to the operator.
    /// </summary>
    public const int Threshold = SshdValues.DefaultMaxAuthTries;

    public static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "SSH008",
        title: "MaxAuthTries is above the default",
        category: RuleCategory.Ssh,
        defaultSeverity: Severity.Note,
        help: "Keep MaxAuthTries at 6 or lower (the compiled-in default is 6): each extra try is another guess per connection.",
        references: SshdRuleSupport.Refs(SshdKeywords.MaxAuthTries));

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(SshdConfigModel model)
    {
        var setting = model.Effective.MaxAuthTries;
        if (setting.IsTemplated
            || !int.TryParse(setting.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var tries)
            || tries <= Threshold)
            yield break;
        yield return Rule.CreateFinding(
            $"MaxAuthTries is {setting.Describe()} {model.Effective.ViewDescription}, above {Threshold}.",
            model.LocationOf(setting), model.Target);
    }
}
