using SecurityGate.Findings;
using SecurityGate.Sources.Live;

namespace SecurityGate.Rules.Live;

/// <summary>CORS allows credentialed requests from any origin: a wildcard or a reflected Origin with credentials.</summary>
public sealed class WEB024CorsCredentialsFromAnyOrigin : IRule<LiveSite>
{
    public static RuleDescriptor Descriptor { get; } = RuleDescriptor.Create(
        id: "WEB024", title: "CORS allows credentials from any origin", category: RuleCategory.Live,
        defaultSeverity: Severity.Error,
        help: "Reflecting the request's Origin in Access-Control-Allow-Origin together with Access-Control-Allow-Credentials: " +
              "true lets any website read logged-in users' responses. Allow-list origins explicitly " +
              "(django-cors-headers: CORS_ALLOWED_ORIGINS, never CORS_ALLOW_ALL_ORIGINS with CORS_ALLOW_CREDENTIALS).",
        references: LiveRuleSupport.Observatory("cross-origin-resource-sharing"));

    RuleDescriptor IRule.Descriptor => Descriptor;

    public IEnumerable<Finding> Evaluate(LiveSite site)
    {
        var responses = new[] { site.Snapshot.CorsPreflight, site.Snapshot.GradedResponse }.OfType<HttpResponseSnapshot>();
        foreach (var response in responses)
        {
            var allowOrigin = response.Headers.GetFirst("Access-Control-Allow-Origin")?.Trim();
            var credentials = string.Equals(response.Headers.GetFirst("Access-Control-Allow-Credentials")?.Trim(), "true",
                StringComparison.OrdinalIgnoreCase);
            if (allowOrigin is null || !credentials)
            {
                continue;
            }

            var what = response == site.Snapshot.CorsPreflight ? $"the CORS pre-flight (OPTIONS {response.Url})" : response.Url.ToString();
            if (allowOrigin == "*")
            {
                yield return Descriptor.CreateFinding(
                    $"{what} answers Access-Control-Allow-Origin: * with Access-Control-Allow-Credentials: true; browsers " +
                    "refuse this pair, but it shows the intent to let any site make credentialed requests.", null, site.Target);
                yield break;
            }

            if (allowOrigin == LiveProbeOptions.CorsProbeOrigin || allowOrigin == "null")
            {
                yield return Descriptor.CreateFinding(
                    $"{what} reflects the unrelated origin {LiveRuleSupport.Q(allowOrigin)} with Access-Control-Allow-Credentials: " +
                    "true: any website can read responses on behalf of logged-in users.", null, site.Target);
                yield break;
            }
        }
    }
}
