using SecurityGate.Findings;
using SecurityGate.Sources.Django;
using SecurityGate.Sources.Python;

namespace SecurityGate.Rules.Django;

/// <summary>X_FRAME_OPTIONS is not 'DENY' while the clickjacking middleware is on (security.W019).</summary>
public sealed class DJ014FrameOptionsNotDeny : IRule<DjangoSettings>
{
    public static RuleDescriptor Rule { get; } = DjangoRule.Describe("DJ014", "X_FRAME_OPTIONS is not DENY", Severity.Warning,
        "Set X_FRAME_OPTIONS = 'DENY' (the default since Django 3.0; the comparison is case-sensitive) unless the site " +
        "really frames its own pages.", "security.W019");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(DjangoSettings settings)
    {
        if (settings.Contains("MIDDLEWARE", DjangoNames.XFrameOptionsMiddleware) != true)
            yield break;
        var setting = settings.Get("X_FRAME_OPTIONS");
        if (setting.Value is { IsKnown: true } value && value is not PythonString { Value: "DENY" })
            yield return Rule.At(settings, setting,
                $"X_FRAME_OPTIONS is {value}, not 'DENY' {DjangoRule.In(settings, setting)}.");
    }
}
