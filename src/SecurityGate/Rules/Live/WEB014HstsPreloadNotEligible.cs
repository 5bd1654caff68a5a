using SecurityGate.Findings;
using SecurityGate.Sources.Live;
using SecurityGate.Sources.Live.Observatory;

namespace SecurityGate.Rules.Live;

/// <summary>The HSTS header asks for preloading, but the site does not meet hstspreload.org's requirements.</summary>
public sealed class WEB014HstsPreloadNotEligible : IRule<LiveSite>
{
    public static RuleDescriptor Descriptor { get; } = RuleDescriptor.Create(
        id: "WEB014", title: "HSTS preload requested but not eligible", category: RuleCategory.Live,
        defaultSeverity: Severity.Warning,
        help: "hstspreload.org accepts a domain only when it has a valid certificate, redirects HTTP to HTTPS on the " +
              "same host, and its base domain sends HSTS with max-age >= 31536000, includeSubDomains and preload (also on " +
              "redirects). Fix the listed requirements, or drop 'preload' until you mean it: preloading is hard to undo.");

    RuleDescriptor IRule.Descriptor => Descriptor;

    public IEnumerable<Finding> Evaluate(LiveSite site)
    {
        var snapshot = site.Snapshot;
        if (LiveRuleSupport.Hsts(snapshot) is not { IsValid: true, Preload: true } hsts || snapshot.Https is not { } https)
        {
            yield break;
        }

        // Only a base domain can be submitted; on a subdomain (staging.example.com) browsers ignore the token, and
        // eligibility depends on the base domain, which was not probed.
        var host = snapshot.HttpsUrl.Host;
        if (RegistrableDomain.Of(host) is not { } baseDomain || !baseDomain.Equals(host, StringComparison.OrdinalIgnoreCase))
        {
            yield break;
        }

        var missing = new List<string>();
        if (!https.CertificateVerified || snapshot.Tls?.Certificate is { ChainTrusted: false } or { HostnameMatches: false })
        {
            missing.Add("the certificate is not valid");
        }

        if (snapshot.Http is { } http && !(http.First.IsRedirect
            && LiveRuleSupport.Target(http.First) is { Scheme: "https" } target
            && target.Host.Equals(host, StringComparison.OrdinalIgnoreCase)))
        {
            missing.Add("http:// does not redirect to https:// on the same host first");
        }

        if (hsts.MaxAge < LiveRuleSupport.OneYearSeconds)
        {
            missing.Add($"max-age is below {LiveRuleSupport.OneYearSeconds}");
        }

        if (!hsts.IncludeSubDomains)
        {
            missing.Add("includeSubDomains is missing");
        }

        if (https.Responses.Length > 1 && !https.First.Headers.Contains("Strict-Transport-Security"))
        {
            missing.Add($"the redirect from {https.First.Url} carries no HSTS header");
        }

        if (missing.Count > 0)
        {
            yield return Descriptor.CreateFinding(
                $"Strict-Transport-Security of {https.Final.Url} says preload, but the site is not eligible: {string.Join("; ", missing)}.",
                null, site.Target);
        }
    }
}
