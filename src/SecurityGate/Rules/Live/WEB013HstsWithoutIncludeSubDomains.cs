using SecurityGate.Findings;
using SecurityGate.Sources.Live;

namespace SecurityGate.Rules.Live;

/// <summary>HSTS without includeSubDomains.</summary>
public sealed class WEB013HstsWithoutIncludeSubDomains : IRule<LiveSite>
{
    public static RuleDescriptor Descriptor { get; } = RuleDescriptor.Create(
        id: "WEB013", title: "HSTS without includeSubDomains", category: RuleCategory.Live, defaultSeverity: Severity.Note,
        help: "Without includeSubDomains an attacker can plant cookies for the parent domain from a spoofed plain-HTTP " +
              "subdomain. Add includeSubDomains (SECURE_HSTS_INCLUDE_SUBDOMAINS = True) once every subdomain serves HTTPS.");

    RuleDescriptor IRule.Descriptor => Descriptor;

    public IEnumerable<Finding> Evaluate(LiveSite site)
    {
        if (LiveRuleSupport.Hsts(site.Snapshot) is { IsValid: true, IncludeSubDomains: false, MaxAge: > 0 })
        {
            yield return Descriptor.CreateFinding(
                $"The Strict-Transport-Security header of {site.Snapshot.FinalHttpsResponse!.Url} has no includeSubDomains.",
                null, site.Target);
        }
    }
}
