using SecurityGate.Findings;
using SecurityGate.Sources.Live;

namespace SecurityGate.Rules.Live;

/// <summary>X-XSS-Protection turns on the long-removed XSS auditor.</summary>
public sealed class WEB025XssProtectionEnabled : IRule<LiveSite>
{
    public static RuleDescriptor Descriptor { get; } = RuleDescriptor.Create(
        id: "WEB025", title: "X-XSS-Protection enabled", category: RuleCategory.Live, defaultSeverity: Severity.Note,
        help: "X-XSS-Protection is obsolete: Chrome and Edge removed their XSS auditor (2019), Firefox never had one. Where " +
              "it still runs, '1' lets an attacker switch off chosen scripts and '1; mode=block' has been used to leak " +
              "cross-site information (XS-Leaks). The modern view: omit the header or send '0', and rely on a strict " +
              "Content-Security-Policy (Django removed SECURE_BROWSER_XSS_FILTER in 4.0 for this reason).");

    RuleDescriptor IRule.Descriptor => Descriptor;

    public IEnumerable<Finding> Evaluate(LiveSite site)
    {
        if (site.Snapshot.GradedResponse is not { } page || page.Headers.GetFirst("X-XSS-Protection") is not { } value
            || !value.TrimStart().StartsWith('1'))
        {
            yield break;
        }

        yield return Descriptor.CreateFinding(
            $"{page.Url} sends X-XSS-Protection {LiveRuleSupport.Q(value)}; this obsolete filter can be abused where it still " +
            "exists. Send '0' or omit it, and rely on Content-Security-Policy.", null, site.Target);
    }
}
