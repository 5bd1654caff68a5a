using SecurityGate.Findings;
using SecurityGate.Sources.Terraform;

namespace SecurityGate.Rules.Cloudflare;

/// <summary>The zone accepts TLS 1.0 or 1.1, which are deprecated (RFC 8996).</summary>
public sealed class CF004MinTlsVersionBelow12 : IRule<TerraformModule>
{
    public static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "CF004",
        title: "Cloudflare accepts TLS older than 1.2",
        category: RuleCategory.Cloudflare,
        defaultSeverity: Severity.Warning,
        help: "TLS 1.0 and 1.1 are deprecated (RFC 8996) and fail PCI DSS; every current browser speaks TLS 1.2. " +
              "Set min_tls_version = \"1.2\".",
        references: new Dictionary<string, string> { ["rfc"] = "8996" });

    private static readonly Version Minimum = new(1, 2);

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(TerraformModule module)
    {
        foreach (var setting in CloudflareZoneSettings.Named(module, CloudflareZoneSettings.MinTlsVersion))
        {
            if (setting.Word is not { } text || !Version.TryParse(text, out var version) || version >= Minimum)
                continue;
            yield return Rule.CreateFinding(
                $"{setting.Resource.Address} sets min_tls_version = \"{text}\"{CF001SslFlexible.From(setting)}: TLS versions below 1.2 are deprecated.",
                setting.ValueLocation, setting.Resource.Target);
        }
    }
}
