using SecurityGate.Findings;
using SecurityGate.Sources.Django;

namespace SecurityGate.Rules.Django;

/// <summary>SecurityMiddleware is on but SECURE_HSTS_SECONDS is 0/unset: no Strict-Transport-Security (security.W004).</summary>
public sealed class DJ007HstsNotEnabled : IRule<DjangoSettings>
{
    public static RuleDescriptor Rule { get; } = DjangoRule.Describe("DJ007", "HSTS is not enabled", Severity.Warning,
        "Set SECURE_HSTS_SECONDS (start small, e.g. 3600, then raise it to a year, 31536000) so browsers refuse plain " +
        "HTTP to the site. If a proxy adds the header instead, suppress this with that reason.", "security.W004");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(DjangoSettings settings)
    {
        if (settings.Contains("MIDDLEWARE", DjangoNames.SecurityMiddleware) != true)
            yield break;
        var seconds = settings.Get("SECURE_HSTS_SECONDS");
        if (seconds.IsTruthy == false)
            yield return Rule.At(settings, seconds,
                $"SECURE_HSTS_SECONDS is {seconds.Value}, so no Strict-Transport-Security header is sent {DjangoRule.In(settings, seconds)}.");
    }
}
