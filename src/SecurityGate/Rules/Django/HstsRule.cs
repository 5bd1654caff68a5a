using SecurityGate.Findings;
using SecurityGate.Sources.Django;

namespace SecurityGate.Rules.Django;

/// <summary>The W005/W021 shape: HSTS is on (with SecurityMiddleware) but a flag is not exactly True.</summary>
internal static class HstsRule
{
    public static IEnumerable<Finding> FlagNotTrue(RuleDescriptor rule, DjangoSettings settings, string flag, string consequence)
    {
        if (settings.Contains("MIDDLEWARE", DjangoNames.SecurityMiddleware) != true)
            yield break;
        if (settings.Get("SECURE_HSTS_SECONDS").IsTruthy != true)
            yield break;
        var setting = settings.Get(flag);
        if (setting.IsExactlyTrue == false)
            yield return rule.At(settings, setting, $"{flag} is {setting.Value}, so {consequence} {DjangoRule.In(settings, setting)}.");
    }
}
