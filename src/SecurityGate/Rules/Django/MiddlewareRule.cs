using SecurityGate.Findings;
using SecurityGate.Sources.Django;

namespace SecurityGate.Rules.Django;

/// <summary>The W001/W002/W003 shape: a middleware Django expects is not in MIDDLEWARE (exact dotted path).</summary>
internal static class MiddlewareRule
{
    public static IEnumerable<Finding> Missing(RuleDescriptor rule, DjangoSettings settings, string middleware, string what)
    {
        if (settings.Contains("MIDDLEWARE", middleware) != false)
            yield break;
        var setting = settings.Get("MIDDLEWARE");
        yield return rule.At(settings, setting,
            $"MIDDLEWARE does not include {middleware}, so {what} {DjangoRule.In(settings, setting)}.");
    }
}
