using SecurityGate.Findings;
using SecurityGate.Sources.Django;

namespace SecurityGate.Rules.Django;

/// <summary>CsrfViewMiddleware is not installed: forms are not protected against CSRF (security.W003).</summary>
public sealed class DJ006CsrfMiddlewareMissing : IRule<DjangoSettings>
{
    public static RuleDescriptor Rule { get; } = DjangoRule.Describe("DJ006", "CSRF protection is not installed", Severity.Warning,
        "Add 'django.middleware.csrf.CsrfViewMiddleware' to MIDDLEWARE. Without it every view must use csrf_protect " +
        "by hand, and one forgotten view lets other sites submit forms as your users.", "security.W003");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(DjangoSettings settings) =>
        MiddlewareRule.Missing(Rule, settings, DjangoNames.CsrfViewMiddleware,
            "views are not protected against cross-site request forgery unless each one uses csrf_protect");
}
