using SecurityGate.Findings;
using SecurityGate.Sources.Live;

namespace SecurityGate.Rules.Live;

/// <summary>http:// is sent to https:// with a temporary redirect (302, 303, 307).</summary>
public sealed class WEB005HttpRedirectNotPermanent : IRule<LiveSite>
{
    private static readonly int[] PermanentStatuses = [301, 308];

    public static RuleDescriptor Descriptor { get; } = RuleDescriptor.Create(
        id: "WEB005", title: "HTTP to HTTPS redirect is not permanent", category: RuleCategory.Live,
        defaultSeverity: Severity.Warning,
        help: "A temporary redirect (302/303/307) to HTTPS is not cached, so browsers ask over plain HTTP every time. " +
              "Use 301 or 308 (Django's SECURE_SSL_REDIRECT sends 301; check the proxy's 'return' or 'redirect' status).",
        references: LiveRuleSupport.Observatory("redirection"));

    RuleDescriptor IRule.Descriptor => Descriptor;

    public IEnumerable<Finding> Evaluate(LiveSite site)
    {
        if (site.Snapshot.Http is not { } chain || !chain.First.IsRedirect || PermanentStatuses.Contains(chain.First.StatusCode)
            || LiveRuleSupport.Target(chain.First) is not { Scheme: "https" } target)
        {
            yield break;
        }

        yield return Descriptor.CreateFinding(
            $"{chain.First.Url} redirects to {UntrustedText.Clean(target.AbsoluteUri)} with {chain.First.StatusCode}, " +
            "a temporary redirect; use 301 or 308.",
            null, site.Target);
    }
}
