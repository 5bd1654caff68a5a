using SecurityGate.Configuration;
using SecurityGate.Findings;
using SecurityGate.Sources.Django;

namespace SecurityGate.Rules.Django;

/// <summary>
/// SECURE_BROWSER_XSS_FILTER is set: the X-XSS-Protection header it sends is gone from Django 4.0 and ignored (or
/// harmful) in modern browsers. On 3.x, relying on it without a Content-Security-Policy is a warning.
/// </summary>
public sealed class DJ104XssFilterObsolete : IRule<DjangoSettings>
{
    public static RuleDescriptor Rule { get; } = DjangoRule.Describe("DJ104", "SECURE_BROWSER_XSS_FILTER is obsolete", Severity.Note,
        "Browsers removed their XSS auditors (it could itself leak data), and Django 4.0 removed the setting. Defend " +
        "against XSS with template auto-escaping and a Content-Security-Policy (django-csp, or SECURE_CSP on Django 6).");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(DjangoSettings settings)
    {
        if (!settings.IsSet("SECURE_BROWSER_XSS_FILTER"))
            yield break;
        var setting = settings.Get("SECURE_BROWSER_XSS_FILTER");
        if (settings.Version >= new DjangoVersion(4, 0))
        {
            yield return Rule.At(settings, setting,
                $"SECURE_BROWSER_XSS_FILTER does nothing on Django {settings.Version} (removed in 4.0); use a Content-Security-Policy instead.");
        }
        else if (setting.IsTruthy == true && !HasContentSecurityPolicy(settings))
        {
            yield return Rule.At(settings, setting,
                "SECURE_BROWSER_XSS_FILTER is the only XSS defence configured here, and modern browsers ignore X-XSS-Protection; " +
                "add a Content-Security-Policy (django-csp).") with { Severity = Severity.Warning };
        }
        else
        {
            yield return Rule.At(settings, setting,
                "SECURE_BROWSER_XSS_FILTER sends X-XSS-Protection, which modern browsers ignore; the setting is removed in Django 4.0.");
        }
    }

    private static bool HasContentSecurityPolicy(DjangoSettings settings) =>
        settings.Contains("MIDDLEWARE", "csp.middleware.CSPMiddleware") == true ||
        settings.Contains("MIDDLEWARE", "django.middleware.csp.ContentSecurityPolicyMiddleware") == true ||
        settings.Evaluation.Bindings.Keys.Any(name => name.StartsWith("CSP_", StringComparison.Ordinal) || name == "CONTENT_SECURITY_POLICY");
}
