using SecurityGate.Findings;
using SecurityGate.Sources.Django;

namespace SecurityGate.Rules.Django;

/// <summary>HSTS is on without includeSubDomains (security.W005).</summary>
public sealed class DJ008HstsWithoutSubdomains : IRule<DjangoSettings>
{
    public static RuleDescriptor Rule { get; } = DjangoRule.Describe("DJ008", "HSTS does not cover subdomains", Severity.Warning,
        "Set SECURE_HSTS_INCLUDE_SUBDOMAINS = True once every subdomain serves HTTPS; otherwise an attacker can use a " +
        "plain-HTTP subdomain to set cookies for the main site.", "security.W005");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(DjangoSettings settings) =>
        HstsRule.FlagNotTrue(Rule, settings, "SECURE_HSTS_INCLUDE_SUBDOMAINS", "the HSTS header does not cover subdomains");
}
