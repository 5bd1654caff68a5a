using SecurityGate.Findings;
using SecurityGate.Sources.Django;

namespace SecurityGate.Rules.Django;

/// <summary>The W005/W021 shape: HSTS is on (with SecurityMiddleware) but a flag is not exactly True.</summary>
internal static class HstsRule
{
    public static IEnumerable<Finding> FlagNotTrue(RuleDescriptor rule, DjangoSettings settings, string flag, string consequence) =>
        settings.Get("SECURE_HSTS_SECONDS").IsTruthy == true
            ? SecurityMiddlewareFlagRule.NotTrue(rule, settings, flag, consequence)
            : [];
}
