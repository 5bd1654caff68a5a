using SecurityGate.Findings;
using SecurityGate.Sources.Sshd;

namespace SecurityGate.Rules.Sshd;

/// <summary>
/// Ciphers, MACs or KexAlgorithms that explicitly enable weak algorithms (a full list or a <c>+</c>/<c>^</c> addition):
/// CBC ciphers, RC4, MD5 and truncated SHA-1 MACs, SHA-1 Diffie-Hellman. OpenSSH 9.x's defaults hold none of them.
/// </summary>
public sealed class SSH006WeakAlgorithms : IRule<SshdConfigModel>
{
    public static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "SSH006",
        title: "Weak SSH algorithms are enabled",
        category: RuleCategory.Ssh,
        defaultSeverity: Severity.Note,
        help: "Drop 3des-cbc, aes*-cbc, blowfish-cbc, cast128-cbc, arcfour*, hmac-md5*, hmac-sha1-96, " +
              "diffie-hellman-group1-sha1, diffie-hellman-group14-sha1 and diffie-hellman-group-exchange-sha1 from " +
              "Ciphers/MACs/KexAlgorithms, or remove the lines to use OpenSSH's defaults.",
        references: SshdRuleSupport.Refs(SshdKeywords.Ciphers));

    private static readonly string[] Keywords = [SshdKeywords.Ciphers, SshdKeywords.Macs, SshdKeywords.KexAlgorithms];

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(SshdConfigModel model)
    {
        foreach (var keyword in Keywords)
        {
            var setting = model.Effective.Get(keyword);
            if (setting.IsDefault || setting.IsTemplated || setting.Value is null)
                continue;
            var weak = setting.Value.Split(',').Where(SshdAlgorithms.IsWeak).ToList();
            if (weak.Count == 0)
                continue;
            yield return Rule.CreateFinding(
                $"{keyword} enables weak {string.Join(", ", weak)} {model.Effective.ViewDescription}.",
                model.LocationOf(setting), model.Target, SshdRuleSupport.Refs(keyword));
        }
    }
}
