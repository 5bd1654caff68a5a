using SecurityGate.Findings;
using SecurityGate.Sources.Django;
using SecurityGate.Sources.Python;

namespace SecurityGate.Rules.Django;

/// <summary>SSL redirect is on without SECURE_PROXY_SSL_HEADER: behind a TLS-terminating proxy this loops forever.</summary>
public sealed class DJ113ProxySslHeaderMissing : IRule<DjangoSettings>
{
    public static RuleDescriptor Rule { get; } = DjangoRule.Describe("DJ113", "SSL redirect without SECURE_PROXY_SSL_HEADER", Severity.Note,
        "If TLS ends at a proxy (nginx, a load balancer, Cloudflare), Django sees plain HTTP and SECURE_SSL_REDIRECT " +
        "redirects forever. Set SECURE_PROXY_SSL_HEADER = ('HTTP_X_FORWARDED_PROTO', 'https') and make the proxy set " +
        "X-Forwarded-Proto (and strip it from clients). Ignore this note if Django terminates TLS itself.");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(DjangoSettings settings)
    {
        var redirect = settings.Get("SECURE_SSL_REDIRECT");
        if (redirect.IsTruthy == true && settings.Get("SECURE_PROXY_SSL_HEADER").Value is PythonNone)
            yield return Rule.At(settings, redirect,
                $"SECURE_SSL_REDIRECT is on but SECURE_PROXY_SSL_HEADER is not set (settings module {settings.Module}); behind a TLS-terminating proxy every request redirects to itself.");
    }
}
