using SecurityGate.Findings;
using SecurityGate.Sources.Django;
using SecurityGate.Sources.Python;

namespace SecurityGate.Rules.Django;

/// <summary>SECURE_REFERRER_POLICY is None: no Referrer-Policy header (security.W022).</summary>
public sealed class DJ016ReferrerPolicyNotSet : IRule<DjangoSettings>
{
    public static RuleDescriptor Rule { get; } = DjangoRule.Describe("DJ016", "Referrer policy is not set", Severity.Warning,
        "Set SECURE_REFERRER_POLICY (the default 'same-origin' since Django 3.1 is a good choice) so full URLs, which may " +
        "hold tokens, do not leak to other sites.", "security.W022");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(DjangoSettings settings)
    {
        if (settings.Contains("MIDDLEWARE", DjangoNames.SecurityMiddleware) != true)
            yield break;
        var setting = settings.Get("SECURE_REFERRER_POLICY");
        if (setting.Value is PythonNone)
            yield return Rule.At(settings, setting, $"SECURE_REFERRER_POLICY is None, so no Referrer-Policy header is sent {DjangoRule.In(settings, setting)}.");
    }
}
