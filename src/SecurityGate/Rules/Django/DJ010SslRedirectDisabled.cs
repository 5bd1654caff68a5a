using SecurityGate.Findings;
using SecurityGate.Sources.Django;

namespace SecurityGate.Rules.Django;

/// <summary>SECURE_SSL_REDIRECT is not True: plain HTTP is served (security.W008).</summary>
public sealed class DJ010SslRedirectDisabled : IRule<DjangoSettings>
{
    public static RuleDescriptor Rule { get; } = DjangoRule.Describe("DJ010", "HTTP is not redirected to HTTPS", Severity.Warning,
        "Set SECURE_SSL_REDIRECT = True (behind a TLS-terminating proxy also set SECURE_PROXY_SSL_HEADER), or suppress " +
        "this with the reason if the proxy redirects every HTTP request itself.", "security.W008");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(DjangoSettings settings) =>
        SecurityMiddlewareFlagRule.NotTrue(Rule, settings, "SECURE_SSL_REDIRECT", "Django serves plain-HTTP requests instead of redirecting them");
}
