using SecurityGate.Findings;
using SecurityGate.Sources.Django;

namespace SecurityGate.Rules.Django;

/// <summary>The W006/W008 shape: with SecurityMiddleware installed, a SECURE_* flag is not exactly True.</summary>
internal static class SecurityMiddlewareFlagRule
{
    public static IEnumerable<Finding> NotTrue(RuleDescriptor rule, DjangoSettings settings, string flag, string consequence)
    {
        if (settings.Contains("MIDDLEWARE", DjangoNames.SecurityMiddleware) != true)
            yield break;
        var setting = settings.Get(flag);
        if (setting.IsExactlyTrue == false)
            yield return rule.At(settings, setting, $"{flag} is {setting.Value}, so {consequence} {DjangoRule.In(settings, setting)}.");
    }
}
