using SecurityGate.Findings;
using SecurityGate.Sources.Django;
using SecurityGate.Sources.Python;

namespace SecurityGate.Rules.Django;

/// <summary>CSRF_FAILURE_VIEW cannot be imported (security.E102) — reported where that is statically certain.</summary>
public sealed class DJ021CsrfFailureViewNotImportable : IRule<DjangoSettings>
{
    public static RuleDescriptor Rule { get; } = DjangoRule.Describe("DJ021", "CSRF_FAILURE_VIEW cannot be imported", Severity.Error,
        "CSRF_FAILURE_VIEW must be the dotted path of a view taking (request, reason). An empty or non-string value " +
        "cannot be imported, and every CSRF failure then raises instead of answering 403.", "security.E102");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(DjangoSettings settings)
    {
        var setting = settings.Get("CSRF_FAILURE_VIEW");
        if (setting.IsDefault || !setting.IsKnown)
            yield break;
        // Only what is certain without importing: not a string, or a string that is not a dotted path at all.
        var certain = setting.Value is not PythonString path || !path.Value.Contains('.') ||
                      path.Value.Split('.').Any(part => part.Length == 0);
        if (certain)
            yield return Rule.At(settings, setting,
                $"CSRF_FAILURE_VIEW is {setting.Value}, which cannot be imported as a view {DjangoRule.In(settings, setting)}.");
    }
}
