using SecurityGate.Findings;
using SecurityGate.Sources.Nginx;

namespace SecurityGate.Rules.Nginx;

/// <summary>
/// proxy_pass without <c>proxy_set_header X-Forwarded-Proto $scheme</c> in effect: the app behind cannot tell HTTPS
/// from HTTP. Whether the Django settings rely on it (SECURE_PROXY_SSL_HEADER) is a later cross-check.
/// </summary>
public sealed class NGX006ProxyWithoutForwardedProto : IRule<NginxConfig>
{
    public static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "NGX006",
        title: "Proxied requests do not carry X-Forwarded-Proto",
        category: RuleCategory.Nginx,
        defaultSeverity: Severity.Warning,
        help: "Add `proxy_set_header X-Forwarded-Proto $scheme;` next to proxy_pass (or `include proxy_params;`). " +
              "Django's SECURE_PROXY_SSL_HEADER = ('HTTP_X_FORWARDED_PROTO', 'https') reads it; without it " +
              "request.is_secure() is False, SECURE_SSL_REDIRECT loops and absolute URLs use http://. Note that any " +
              "proxy_set_header in a location replaces all those set at server level.",
        references: new Dictionary<string, string> { ["django"] = "SECURE_PROXY_SSL_HEADER" });

    private const string ForwardedProto = "X-Forwarded-Proto";

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(NginxConfig config)
    {
        foreach (var scope in config.Scopes().Where(s => s.IsHttpServer && s.Owner is not null))
        {
            foreach (var proxyPass in scope.Own(NginxNames.ProxyPass))
            {
                var headers = scope.Effective(NginxNames.ProxySetHeader);
                if (headers.Any(h => string.Equals(h.Argument(0), ForwardedProto, StringComparison.OrdinalIgnoreCase)))
                    continue;
                var dropped = scope.Parent?.Effective(NginxNames.ProxySetHeader)
                    .Any(h => string.Equals(h.Argument(0), ForwardedProto, StringComparison.OrdinalIgnoreCase)) == true;
                var why = dropped
                    ? $"{scope.Describe()} has its own proxy_set_header lines, which replace the X-Forwarded-Proto set around it"
                    : "no proxy_set_header X-Forwarded-Proto is in effect";
                yield return Rule.CreateFinding(
                    $"{proxyPass.Text} in {scope.Describe()}: {why}; Django's SECURE_PROXY_SSL_HEADER relies on " +
                    "'proxy_set_header X-Forwarded-Proto $scheme;' to know the request came over HTTPS." +
                    NginxRuleSupport.IncludedFrom(config, proxyPass.Location),
                    proxyPass.Location, config.Target);
            }
        }
    }
}
