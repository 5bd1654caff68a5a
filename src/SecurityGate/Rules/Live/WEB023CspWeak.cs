using SecurityGate.Findings;
using SecurityGate.Sources.Live;

namespace SecurityGate.Rules.Live;

/// <summary>The Content-Security-Policy exists but leaves script injection open; one finding per weakness.</summary>
public sealed class WEB023CspWeak : IRule<LiveSite>
{
    private static readonly string[] BroadSources = ["*", "http:", "https:", "data:", "http://*", "https://*", "ftp:"];
    private static readonly string[] NonceOrHashPrefixes = ["'nonce-", "'sha256-", "'sha384-", "'sha512-"];
    private static readonly string[] ReportingDirectives = ["report-uri", "report-to"];

    public static RuleDescriptor Descriptor { get; } = RuleDescriptor.Create(
        id: "WEB023", title: "Content-Security-Policy is weak", category: RuleCategory.Live, defaultSeverity: Severity.Warning,
        help: "'unsafe-inline' and 'unsafe-eval' in script-src, wildcard or scheme-only sources, http: sources and a " +
              "missing object-src or base-uri each let injected script run despite the policy. Use nonces or hashes " +
              "(with 'strict-dynamic'), object-src 'none' and base-uri 'none', and list https hosts explicitly.",
        references: LiveRuleSupport.Observatory("content-security-policy"));

    RuleDescriptor IRule.Descriptor => Descriptor;

    public IEnumerable<Finding> Evaluate(LiveSite site)
    {
        if (site.Snapshot.GradedResponse is not { } page)
        {
            yield break;
        }

        var policies = page.Headers.GetAll("Content-Security-Policy").Concat(page.Html.Metas
            .Where(m => string.Equals(m.HttpEquiv, "Content-Security-Policy", StringComparison.OrdinalIgnoreCase) && m.Content is not null)
            .Select(m => m.Content!)).ToList();
        if (policies.Count == 0)
        {
            yield break; // WEB022
        }

        ContentSecurityPolicy csp;
        string? invalid = null;
        try
        {
            csp = ContentSecurityPolicyParser.Parse(policies);
        }
        catch (ContentSecurityPolicyException e)
        {
            csp = ContentSecurityPolicy.Empty;
            invalid = e.Message;
        }

        if (invalid is not null)
        {
            yield return Finding(site, page, $"cannot be used: {UntrustedText.Clean(invalid)}");
            yield break;
        }

        foreach (var weakness in Weaknesses(csp))
        {
            yield return Finding(site, page, weakness);
        }
    }

    private static IEnumerable<string> Weaknesses(ContentSecurityPolicy csp)
    {
        var scriptDirective = csp.Get("script-src") is not null ? "script-src" : "default-src";
        if (csp.Get(scriptDirective) is not { } scripts)
        {
            yield return "has neither script-src nor default-src, so scripts from anywhere may run";
        }
        else
        {
            var nonceOrHash = scripts.Any(s => NonceOrHashPrefixes.Any(p => s.StartsWith(p, StringComparison.Ordinal)));
            var strictDynamic = nonceOrHash && scripts.Contains("'strict-dynamic'");
            if (scripts.Contains("'unsafe-inline'") && !nonceOrHash)
            {
                yield return $"allows 'unsafe-inline' in {scriptDirective}, so injected inline scripts run";
            }

            if (scripts.Contains("'unsafe-eval'"))
            {
                yield return $"allows 'unsafe-eval' in {scriptDirective}, so strings can be run as code";
            }

            var broad = scripts.Where(s => BroadSources.Contains(s)).ToList();
            if (broad.Count > 0 && !strictDynamic)
            {
                yield return $"allows scripts from any host ({string.Join(" ", broad.Select(s => UntrustedText.Clean(s)))} in {scriptDirective})";
            }
        }

        var insecure = csp.Directives
            .Where(d => !ReportingDirectives.Contains(d.Key))
            .SelectMany(d => d.Value.Where(s => s == "http:" || s.StartsWith("http://", StringComparison.Ordinal)).Select(s => $"{d.Key} {s}"))
            .ToList();
        if (insecure.Count > 0)
        {
            yield return $"allows content over plain HTTP ({string.Join(", ", insecure.Take(3).Select(s => UntrustedText.Clean(s)))})";
        }

        if (csp.Get("object-src") is null && csp.Get("default-src") is null)
        {
            yield return "has neither object-src nor default-src, so plugins (<object>, <embed>) are unrestricted; add object-src 'none'";
        }

        if (csp.Get("base-uri") is null)
        {
            yield return "has no base-uri (it does not fall back to default-src), so an injected <base> can re-point relative script URLs; add base-uri 'none' or 'self'";
        }
    }

    private static Finding Finding(LiveSite site, HttpResponseSnapshot page, string weakness) =>
        Descriptor.CreateFinding($"The Content-Security-Policy of {page.Url} {weakness}.", null, site.Target);
}
