using SecurityGate.Findings;
using SecurityGate.Sources.Django;

namespace SecurityGate.Rules.Django;

/// <summary>XFrameOptionsMiddleware is not installed: pages can be framed by other sites (security.W002).</summary>
public sealed class DJ005ClickjackingMiddlewareMissing : IRule<DjangoSettings>
{
    public static RuleDescriptor Rule { get; } = DjangoRule.Describe("DJ005", "Clickjacking protection is not installed",
        Severity.Warning,
        "Add 'django.middleware.clickjacking.XFrameOptionsMiddleware' to MIDDLEWARE so responses carry X-Frame-Options " +
        "and other sites cannot frame your pages (clickjacking).", "security.W002");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(DjangoSettings settings) =>
        MiddlewareRule.Missing(Rule, settings, DjangoNames.XFrameOptionsMiddleware,
            "responses carry no X-Frame-Options header and pages can be framed (clickjacking)");
}
