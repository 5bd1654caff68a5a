using SecurityGate.Findings;
using SecurityGate.Sources.Live;

namespace SecurityGate.Rules.Live;

/// <summary>A visitor who types the bare host name (http://) is never sent to HTTPS.</summary>
public sealed class WEB003HttpNotRedirectedToHttps : IRule<LiveSite>
{
    public static RuleDescriptor Descriptor { get; } = RuleDescriptor.Create(
        id: "WEB003", title: "HTTP not redirected to HTTPS", category: RuleCategory.Live, defaultSeverity: Severity.Error,
        help: "Requests to http:// are answered without ever reaching https://, so users who type the host name stay on " +
              "an unencrypted connection. Redirect all HTTP requests to HTTPS (SECURE_SSL_REDIRECT = True, or at the proxy).",
        references: LiveRuleSupport.Observatory("redirection"));

    RuleDescriptor IRule.Descriptor => Descriptor;

    public IEnumerable<Finding> Evaluate(LiveSite site)
    {
        var snapshot = site.Snapshot;
        // No HTTPS at all is WEB002; an off-host redirect that was not followed is WEB004's to judge.
        if (snapshot.Http is not { } chain || snapshot.Https is null || chain.End == ChainEnd.OffHostRedirectNotFollowed
            || chain.Responses.Skip(1).Any(r => r.Url.Scheme == Uri.UriSchemeHttps))
        {
            yield break;
        }

        var first = chain.First;
        var message = chain.End switch
        {
            _ when !first.IsRedirect =>
                $"{snapshot.HttpUrl} answers {first.StatusCode} without redirecting to HTTPS.",
            ChainEnd.ForbiddenAddress =>
                $"{first.Url} redirects to a link-local/metadata address ({UntrustedText.Clean(chain.EndDetail ?? "")}); it was not followed and never reaches HTTPS.",
            ChainEnd.RequestFailed =>
                $"The redirects from {first.Url} end in a failed request at {chain.Final.Url} ({UntrustedText.Clean(chain.EndDetail ?? "")}) without reaching HTTPS.",
            _ => $"The redirects from {first.Url} end at {chain.Final.Url} ({chain.Final.StatusCode}) without reaching HTTPS.",
        };
        yield return Descriptor.CreateFinding(message, null, site.Target);
    }
}
