using SecurityGate.Configuration;
using SecurityGate.Findings;
using SecurityGate.Sources.Django;
using SecurityGate.Sources.Python;

namespace SecurityGate.Rules.Django;

/// <summary>SECURE_CROSS_ORIGIN_OPENER_POLICY holds an unknown value (security.E024, Django 4.0+).</summary>
public sealed class DJ018CrossOriginOpenerPolicyInvalid : IRule<DjangoSettings>
{
    public static IReadOnlySet<string> ValidPolicies { get; } =
        new HashSet<string>(["same-origin", "same-origin-allow-popups", "unsafe-none"], StringComparer.Ordinal);

    public static RuleDescriptor Rule { get; } = DjangoRule.Describe("DJ018", "Cross-Origin-Opener-Policy is invalid", Severity.Error,
        "SECURE_CROSS_ORIGIN_OPENER_POLICY must be 'same-origin' (the default), 'same-origin-allow-popups', 'unsafe-none' " +
        "or None.", "security.E024");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(DjangoSettings settings)
    {
        if (settings.Version < new DjangoVersion(4, 0) || settings.Contains("MIDDLEWARE", DjangoNames.SecurityMiddleware) != true)
            yield break;
        var setting = settings.Get("SECURE_CROSS_ORIGIN_OPENER_POLICY");
        if (setting.Value is { IsKnown: true } value and not PythonNone &&
            (value is not PythonString s || !ValidPolicies.Contains(s.Value)))
            yield return Rule.At(settings, setting,
                $"SECURE_CROSS_ORIGIN_OPENER_POLICY is {value}, which is not a valid policy {DjangoRule.In(settings, setting)}.");
    }
}
