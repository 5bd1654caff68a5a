using SecurityGate.Findings;
using SecurityGate.Sources.Django;

namespace SecurityGate.Rules.Django;

/// <summary>HSTS preload is requested without includeSubDomains: the preload list will reject the site.</summary>
public sealed class DJ109HstsPreloadWithoutSubdomains : IRule<DjangoSettings>
{
    public static RuleDescriptor Rule { get; } = DjangoRule.Describe("DJ109", "HSTS preload without includeSubDomains", Severity.Warning,
        "hstspreload.org only accepts a header with max-age of at least a year, includeSubDomains and preload. Set " +
        "SECURE_HSTS_INCLUDE_SUBDOMAINS = True, or drop SECURE_HSTS_PRELOAD.");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(DjangoSettings settings)
    {
        var preload = settings.Get("SECURE_HSTS_PRELOAD");
        if (preload.IsTruthy == true && settings.Get("SECURE_HSTS_INCLUDE_SUBDOMAINS").IsTruthy == false)
            yield return Rule.At(settings, preload,
                $"SECURE_HSTS_PRELOAD is on but SECURE_HSTS_INCLUDE_SUBDOMAINS is not, so the preload list will refuse the site (settings module {settings.Module}).");
    }
}
