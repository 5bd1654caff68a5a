using SecurityGate.Findings;
using SecurityGate.Sources.Django;

namespace SecurityGate.Rules.Django;

/// <summary>The CSRF cookie may travel over plain HTTP (security.W016).</summary>
public sealed class DJ013CsrfCookieNotSecure : IRule<DjangoSettings>
{
    public static RuleDescriptor Rule { get; } = DjangoRule.Describe("DJ013", "CSRF cookie is not Secure", Severity.Warning,
        "Set CSRF_COOKIE_SECURE = True so the CSRF token cookie is only sent over HTTPS (or keep the token in the " +
        "session with CSRF_USE_SESSIONS). Since Django 4.1 the value must be exactly True.", "security.W016");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(DjangoSettings settings)
    {
        if (settings.Contains("MIDDLEWARE", DjangoNames.CsrfViewMiddleware) != true)
            yield break;
        if (settings.Get("CSRF_USE_SESSIONS").IsTruthy != false)
            yield break;
        var secure = settings.Get("CSRF_COOKIE_SECURE");
        if (DjangoRule.IsNotSecure(settings, secure) == true)
            yield return Rule.At(settings, secure,
                $"CSRF_COOKIE_SECURE is {secure.Value}, so the CSRF cookie is also sent over plain HTTP {DjangoRule.In(settings, secure)}.");
    }
}
