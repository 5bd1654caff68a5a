using SecurityGate.Findings;
using SecurityGate.Sources.Django;

namespace SecurityGate.Rules.Django;

/// <summary>CSRF_TRUSTED_ORIGINS trusts plain-HTTP origins or wildcards.</summary>
public sealed class DJ111CsrfTrustedOriginsUnsafe : IRule<DjangoSettings>
{
    public static RuleDescriptor Rule { get; } = DjangoRule.Describe("DJ111", "CSRF_TRUSTED_ORIGINS is too broad", Severity.Warning,
        "Trust only the https:// origins that really post to the site. An http:// origin can be forged by a network " +
        "attacker, and a wildcard trusts every subdomain, including ones that host user content.");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(DjangoSettings settings)
    {
        var origins = settings.StringItems("CSRF_TRUSTED_ORIGINS");
        if (origins is null)
            yield break;
        var setting = settings.Get("CSRF_TRUSTED_ORIGINS");
        foreach (var origin in origins)
        {
            if (origin.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
                yield return Rule.At(settings, setting, $"CSRF_TRUSTED_ORIGINS trusts the plain-HTTP origin {origin} {DjangoRule.In(settings, setting)}.");
            else if (origin.Contains('*'))
                yield return Rule.At(settings, setting, $"CSRF_TRUSTED_ORIGINS trusts the wildcard origin {origin} {DjangoRule.In(settings, setting)}.");
        }
    }
}
