using SecurityGate.Findings;
using SecurityGate.Sources.Live;

namespace SecurityGate.Rules.Live;

/// <summary>A cookie says SameSite=None but is not Secure.</summary>
public sealed class WEB017SameSiteNoneWithoutSecure : IRule<LiveSite>
{
    public static RuleDescriptor Descriptor { get; } = RuleDescriptor.Create(
        id: "WEB017", title: "SameSite=None without Secure", category: RuleCategory.Live,
        defaultSeverity: Severity.Warning,
        help: "Current browsers reject a SameSite=None cookie that is not Secure (the feature silently breaks), and " +
              "older ones send it on every cross-site request over plain HTTP. Add Secure, or use SameSite=Lax.",
        references: LiveRuleSupport.Observatory("cookies"));

    RuleDescriptor IRule.Descriptor => Descriptor;

    public IEnumerable<Finding> Evaluate(LiveSite site)
    {
        foreach (var (url, cookie) in LiveRuleSupport.FirstBadPerName(site.Snapshot, c => c.SameSite == SameSiteMode.None && !c.Secure))
        {
            yield return Descriptor.CreateFinding(
                $"The cookie {LiveRuleSupport.Q(cookie.Name)} set by {url} says SameSite=None without Secure.", null, site.Target);
        }
    }
}
