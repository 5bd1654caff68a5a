using SecurityGate.Findings;
using SecurityGate.Sources.Sshd;

namespace SecurityGate.Rules.Sshd;

/// <summary>Any PermitRootLogin but <c>no</c> lets someone log in as root directly (the default is prohibit-password).</summary>
public sealed class SSH002PermitRootLogin : IRule<SshdConfigModel>
{
    public static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "SSH002",
        title: "Root login is permitted",
        category: RuleCategory.Ssh,
        defaultSeverity: Severity.Error,
        help: "Set `PermitRootLogin no` and log in as a named user who escalates with sudo. `yes` (root by password) is an " +
              "error; prohibit-password (the compiled-in default, also spelled without-password) and forced-commands-only " +
              "still allow root with a key and are warnings.",
        references: SshdRuleSupport.Refs(SshdKeywords.PermitRootLogin));

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(SshdConfigModel model)
    {
        var setting = model.Effective.PermitRootLogin;
        if (setting.IsTemplated || setting.Is(SshdValues.No))
            yield break;
        var severity = setting.Is(SshdValues.Yes) ? Severity.Error : Severity.Warning;
        var why = setting.Is(SshdValues.Yes)
            ? "root can log in directly, with a password if password authentication is on"
            : "root can still log in directly with a key";
        yield return Rule.CreateFinding(
                $"PermitRootLogin is {setting.Describe()} {model.Effective.ViewDescription}; {why}.",
                model.LocationOf(setting), model.Target)
            .WithSeverity(severity);
    }
}
