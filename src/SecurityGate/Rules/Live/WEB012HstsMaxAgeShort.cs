using SecurityGate.Findings;
using SecurityGate.Sources.Live;

namespace SecurityGate.Rules.Live;

/// <summary>HSTS max-age below one year.</summary>
public sealed class WEB012HstsMaxAgeShort : IRule<LiveSite>
{
    public static RuleDescriptor Descriptor { get; } = RuleDescriptor.Create(
        id: "WEB012", title: "HSTS max-age below one year", category: RuleCategory.Live, defaultSeverity: Severity.Warning,
        help: "A short max-age lets the protection lapse between visits; max-age=0 switches HSTS off. Once HTTPS works " +
              "everywhere, use at least 31536000 seconds (one year), which the preload list also requires.",
        references: LiveRuleSupport.Observatory("strict-transport-security"));

    RuleDescriptor IRule.Descriptor => Descriptor;

    public IEnumerable<Finding> Evaluate(LiveSite site)
    {
        if (LiveRuleSupport.Hsts(site.Snapshot) is not { IsValid: true, MaxAge: { } maxAge } || maxAge >= LiveRuleSupport.OneYearSeconds)
        {
            yield break;
        }

        var meaning = maxAge == 0 ? "max-age=0 tells browsers to forget HSTS" : $"max-age={maxAge} is {maxAge / 86400} days";
        yield return Descriptor.CreateFinding(
            $"The Strict-Transport-Security header of {site.Snapshot.FinalHttpsResponse!.Url}: {meaning}, below one year ({LiveRuleSupport.OneYearSeconds}).",
            null, site.Target);
    }
}
