using SecurityGate.Findings;
using SecurityGate.Sources.Live;

namespace SecurityGate.Rules.Live;

/// <summary>The first redirect from http:// goes to another host, or stays on plain HTTP.</summary>
public sealed class WEB004HttpRedirectNotStraightToHttps : IRule<LiveSite>
{
    public static RuleDescriptor Descriptor { get; } = RuleDescriptor.Create(
        id: "WEB004", title: "HTTP redirect does not go straight to HTTPS on the same host", category: RuleCategory.Live,
        defaultSeverity: Severity.Warning,
        help: "The first redirect from http://host should go to https://host itself: a hop to another host first means " +
              "this host's HSTS header is never seen by visitors arriving over HTTP, and a hop to http:// is one more " +
              "clear-text request an attacker can rewrite. Redirect http://host/ to https://host/ first.",
        references: LiveRuleSupport.Observatory("redirection"));

    RuleDescriptor IRule.Descriptor => Descriptor;

    public IEnumerable<Finding> Evaluate(LiveSite site)
    {
        if (site.Snapshot.Http is not { } chain || !chain.First.IsRedirect || LiveRuleSupport.Target(chain.First) is not { } target)
        {
            yield break;
        }

        var first = chain.First;
        if (!string.Equals(target.Host, first.Url.Host, StringComparison.OrdinalIgnoreCase))
        {
            var followed = chain.End == ChainEnd.OffHostRedirectNotFollowed && chain.Responses.Length == 1
                ? " (not followed: allow it with --allow-redirect-host)"
                : "";
            yield return Descriptor.CreateFinding(
                $"{first.Url} first redirects to another host, {UntrustedText.Clean(target.AbsoluteUri)}{followed}, " +
                $"instead of https://{first.Url.Authority}/.",
                null, site.Target);
        }
        else if (target.Scheme == Uri.UriSchemeHttp)
        {
            yield return Descriptor.CreateFinding(
                $"{first.Url} first redirects to {UntrustedText.Clean(target.AbsoluteUri)}, still plain HTTP, before reaching HTTPS.",
                null, site.Target);
        }
    }
}
