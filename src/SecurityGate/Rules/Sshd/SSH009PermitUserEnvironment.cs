using SecurityGate.Findings;
using SecurityGate.Sources.Sshd;

namespace SecurityGate.Rules.Sshd;

/// <summary>
/// PermitUserEnvironment yes lets users set any variable (LD_PRELOAD…) through ~/.ssh/environment, bypassing
/// ForceCommand-style restrictions. A pattern list (e.g. <c>LANG,LC_*</c>) is the safe form and is not reported.
/// </summary>
public sealed class SSH009PermitUserEnvironment : IRule<SshdConfigModel>
{
    public static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "SSH009",
        title: "Users may set arbitrary environment variables",
        category: RuleCategory.Ssh,
        defaultSeverity: Severity.Note,
        help: "Set `PermitUserEnvironment no` (the default) or list only the variables you need, e.g. `LANG,LC_*`.",
        references: SshdRuleSupport.Refs(SshdKeywords.PermitUserEnvironment));

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(SshdConfigModel model)
    {
        var setting = model.Effective.PermitUserEnvironment;
        // sshd compares this value case-sensitively: "YES" is a pattern list naming one variable.
        if (!setting.IsTemplated && setting.Value == SshdValues.Yes)
        {
            yield return Rule.CreateFinding(
                $"PermitUserEnvironment is {setting.Describe()} {model.Effective.ViewDescription}.",
                model.LocationOf(setting), model.Target);
        }
    }
}
