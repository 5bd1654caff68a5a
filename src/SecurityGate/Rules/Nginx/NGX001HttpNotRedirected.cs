using SecurityGate.Findings;
using SecurityGate.Sources.Nginx;

namespace SecurityGate.Rules.Nginx;

/// <summary>A server on port 80 answers with the site itself instead of sending visitors to HTTPS.</summary>
public sealed class NGX001HttpNotRedirected : IRule<NginxConfig>
{
    public static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "NGX001",
        title: "HTTP is served instead of redirected to HTTPS",
        category: RuleCategory.Nginx,
        defaultSeverity: Severity.Error,
        help: "Give port 80 its own server block that only does `return 301 https://$host$request_uri;` (an ACME " +
              "challenge location may stay), and serve the site from a `listen 443 ssl` server. Over plain HTTP, " +
              "passwords, session cookies and pages can be read and changed in transit. If TLS ends at a load balancer " +
              "in front of nginx, suppress this finding with that reason.",
        references: new Dictionary<string, string> { ["observatory"] = "redirection" });

    private static readonly string[] ContentDirectives = ["proxy_pass", "uwsgi_pass", "fastcgi_pass", "grpc_pass", "root", "alias"];

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(NginxConfig config)
    {
        foreach (var server in config.Servers())
        {
            var plain = NginxListen.Of(server).FirstOrDefault(l => l.IsPublicPlainHttp);
            if (plain is null || NginxRuleSupport.RedirectsOrRefuses(server) || CatchAllRedirects(server))
                continue;
            var listen = plain.Directive.Name == NginxNames.Listen ? $"'{plain.Directive.Text}'" : "port 80 (no listen directive)";
            yield return Rule.CreateFinding(
                $"{server.Describe()} listens on {listen} without TLS and {Serves(server)} instead of redirecting to HTTPS " +
                "with 'return 301 https://$host$request_uri;'." + NginxRuleSupport.IncludedFrom(config, plain.Directive.Location),
                plain.Directive.Location, config.Target);
        }
    }

    /// <summary>A <c>location /</c> that redirects covers every request the server's other locations do not.</summary>
    private static bool CatchAllRedirects(NginxScope server) =>
        Locations(server).Any(l => l.Owner!.Arguments.Length >= 1 && l.Owner.Arguments[^1].Value == "/" && NginxRuleSupport.RedirectsOrRefuses(l));

    private static IEnumerable<NginxScope> Locations(NginxScope server) =>
        server.Directives.Where(d => d.Name == NginxNames.Location && d.Block is not null)
            .Select(d => new NginxScope(d, d.Block!.Value, server));

    private static string Serves(NginxScope server)
    {
        var content = Descendants(server.Directives).FirstOrDefault(d => ContentDirectives.Contains(d.Name));
        return content is null ? "serves content" : $"serves content ({content.Name} on line {content.Location.Line})";
    }

    private static IEnumerable<NginxDirective> Descendants(IEnumerable<NginxDirective> directives)
    {
        foreach (var directive in directives)
        {
            yield return directive;
            foreach (var child in Descendants(directive.Children))
                yield return child;
        }
    }
}
