using SecurityGate.Findings;
using SecurityGate.Sources.Nginx;

namespace SecurityGate.Rules.Nginx;

/// <summary>ssl_protocols still offers SSLv2/SSLv3, TLSv1 or TLSv1.1.</summary>
public sealed class NGX002ObsoleteTlsProtocols : IRule<NginxConfig>
{
    public static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "NGX002",
        title: "Obsolete TLS protocol versions are enabled",
        category: RuleCategory.Nginx,
        defaultSeverity: Severity.Error,
        help: "Use `ssl_protocols TLSv1.2 TLSv1.3;` (nginx's default since 1.23.4). SSLv3, TLS 1.0 and TLS 1.1 are " +
              "deprecated (RFC 8996) and open to downgrade and padding-oracle attacks; every current browser speaks TLS 1.2.",
        references: new Dictionary<string, string> { ["nginx"] = NginxNames.SslProtocols });

    private static readonly IReadOnlySet<string> Obsolete = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "SSLv2", "SSLv3", "TLSv1", "TLSv1.1",
    };

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(NginxConfig config)
    {
        foreach (var directive in config.AllDirectives().Where(d => d.Name == NginxNames.SslProtocols))
        {
            var weak = directive.Arguments.Where(a => Obsolete.Contains(a.Value)).ToList();
            if (weak.Count == 0)
                continue;
            yield return Rule.CreateFinding(
                $"ssl_protocols enables {string.Join(", ", weak.Select(a => a.Value))}; keep only TLSv1.2 and TLSv1.3." +
                NginxRuleSupport.IncludedFrom(config, directive.Location),
                directive.Location, config.Target);
        }
    }
}
