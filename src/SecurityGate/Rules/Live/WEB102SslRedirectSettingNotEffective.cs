using SecurityGate.Findings;
using SecurityGate.Sources.Live;

namespace SecurityGate.Rules.Live;

/// <summary>SECURE_SSL_REDIRECT is on, but http:// is not redirected, or https:// redirects to itself in a loop.</summary>
public sealed class WEB102SslRedirectSettingNotEffective : IRule<LiveSite>
{
    public static RuleDescriptor Descriptor { get; } = RuleDescriptor.Create(
        id: "WEB102", title: "SECURE_SSL_REDIRECT not effective", category: RuleCategory.Live, defaultSeverity: Severity.Error,
        help: "With SECURE_SSL_REDIRECT = True Django redirects every request it sees as insecure. If http:// still " +
              "answers, the proxy serves port 80 without forwarding to Django, or a trusted header claims HTTPS; if " +
              "https:// redirects to itself, Django behind a TLS proxy lacks SECURE_PROXY_SSL_HEADER.",
        references: new Dictionary<string, string> { ["django"] = "SECURE_SSL_REDIRECT" });

    RuleDescriptor IRule.Descriptor => Descriptor;

    public IEnumerable<Finding> Evaluate(LiveSite site)
    {
        if (site.Expectations?.SecureSslRedirect is not { Value: true } setting)
        {
            yield break;
        }

        var said = $"{setting.Describe("True")} in {site.Expectations.SettingsModule}";
        var snapshot = site.Snapshot;
        if (snapshot.Https is { End: ChainEnd.RedirectLimit } https
            && https.Responses.All(r => r.Url.Scheme == Uri.UriSchemeHttps && r.IsRedirect))
        {
            yield return Descriptor.CreateFinding(
                $"{said}, but {https.StartUrl} redirects to HTTPS again and again ({https.Responses.Length} redirects): Django " +
                "sees the proxy's requests as plain HTTP — set SECURE_PROXY_SSL_HEADER.",
                setting.Location, site.Target);
        }
        else if (snapshot.Http is { } http && !http.First.IsRedirect)
        {
            yield return Descriptor.CreateFinding(
                $"{said}, but {http.First.Url} answers {http.First.StatusCode} without redirecting: port 80 does not reach " +
                "Django, or a forwarded header wrongly claims the request was HTTPS.",
                setting.Location, site.Target);
        }
    }
}
