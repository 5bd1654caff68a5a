using SecurityGate.Findings;
using SecurityGate.Sources.Django;
using SecurityGate.Sources.Python;

namespace SecurityGate.Rules.Django;

/// <summary>SECURE_REFERRER_POLICY holds a value browsers do not know (security.E023).</summary>
public sealed class DJ017ReferrerPolicyInvalid : IRule<DjangoSettings>
{
    public static IReadOnlySet<string> ValidPolicies { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "no-referrer", "no-referrer-when-downgrade", "origin", "origin-when-cross-origin", "same-origin",
        "strict-origin", "strict-origin-when-cross-origin", "unsafe-url",
    };

    public static RuleDescriptor Rule { get; } = DjangoRule.Describe("DJ017", "Referrer policy is invalid", Severity.Error,
        "SECURE_REFERRER_POLICY must be one or more of: " + string.Join(", ", ValidPolicies) +
        " (a comma-separated string or a list). An unknown value is ignored by browsers.", "security.E023");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(DjangoSettings settings)
    {
        if (settings.Contains("MIDDLEWARE", DjangoNames.SecurityMiddleware) != true)
            yield break;
        var setting = settings.Get("SECURE_REFERRER_POLICY");
        IReadOnlyList<PythonValue>? values = setting.Value switch
        {
            null or PythonNone => null,
            PythonString s => s.Value.Split(',').Select(v => (PythonValue)new PythonString(v.Trim())).ToList(),
            { IsKnown: true } v => PythonOperations.Iterate(v),
            _ => null,
        };
        if (values is null || values.Any(v => !v.IsKnown))
            yield break;
        var invalid = values.Where(v => v is not PythonString s || !ValidPolicies.Contains(s.Value)).ToList();
        if (invalid.Count > 0)
            yield return Rule.At(settings, setting,
                $"SECURE_REFERRER_POLICY holds {string.Join(", ", invalid)}, which is not a valid referrer policy {DjangoRule.In(settings, setting)}.");
    }
}
