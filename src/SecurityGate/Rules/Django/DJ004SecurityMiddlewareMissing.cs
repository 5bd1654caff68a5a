using SecurityGate.Findings;
using SecurityGate.Sources.Django;

namespace SecurityGate.Rules.Django;

/// <summary>SecurityMiddleware is not installed: no HSTS, nosniff, referrer policy or SSL redirect (security.W001).</summary>
public sealed class DJ004SecurityMiddlewareMissing : IRule<DjangoSettings>
{
    public static RuleDescriptor Rule { get; } = DjangoRule.Describe("DJ004", "SecurityMiddleware is not installed", Severity.Warning,
        "Add 'django.middleware.security.SecurityMiddleware' at the top of MIDDLEWARE: it sends HSTS, nosniff, the " +
        "referrer and opener policies, and performs the SSL redirect. A subclass under another path is not recognised.",
        "security.W001");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(DjangoSettings settings) =>
        MiddlewareRule.Missing(Rule, settings, DjangoNames.SecurityMiddleware,
            "none of the SECURE_* settings (HSTS, nosniff, referrer policy, SSL redirect) take effect");
}
