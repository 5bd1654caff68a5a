using SecurityGate.Findings;
using SecurityGate.Sources.Live;

namespace SecurityGate.Rules.Live;

/// <summary>Cloudflare sits in front of the site: several findings depend on its edge settings.</summary>
public sealed class WEB030CloudflareDetected : IRule<LiveSite>
{
    public static RuleDescriptor Descriptor { get; } = RuleDescriptor.Create(
        id: "WEB030", title: "Cloudflare in front of the site", category: RuleCategory.Live, defaultSeverity: Severity.Note,
        help: "Behind Cloudflare the TLS and redirect facts seen here are the edge's, not the origin's. Verify at the edge: " +
              "SSL/TLS mode Full (strict) (Flexible sends plain HTTP to the origin), Always Use HTTPS, Minimum TLS Version " +
              "1.2, HSTS settings consistent with Django's, and that the origin only accepts Cloudflare " +
              "(Authenticated Origin Pulls or a firewall), with SECURE_PROXY_SSL_HEADER set for X-Forwarded-Proto.");

    RuleDescriptor IRule.Descriptor => Descriptor;

    public IEnumerable<Finding> Evaluate(LiveSite site)
    {
        var page = site.Snapshot.GradedResponse;
        if (page is null || !(page.Headers.Contains("CF-RAY")
            || string.Equals(page.Headers.GetFirst("Server")?.Trim(), "cloudflare", StringComparison.OrdinalIgnoreCase)))
        {
            yield break;
        }

        yield return Descriptor.CreateFinding(
            $"{page.Url} is served through Cloudflare: TLS facts are the edge's. Verify at the edge: SSL/TLS mode Full (strict), " +
            "Always Use HTTPS, Minimum TLS Version 1.2, HSTS consistent with Django's settings, and origin access restricted to Cloudflare.",
            null, site.Target);
    }
}
