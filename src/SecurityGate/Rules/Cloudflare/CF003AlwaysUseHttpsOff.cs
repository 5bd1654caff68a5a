using SecurityGate.Findings;
using SecurityGate.Sources.Terraform;

namespace SecurityGate.Rules.Cloudflare;

/// <summary>Always Use HTTPS is explicitly off: plain-HTTP requests are served instead of redirected.</summary>
public sealed class CF003AlwaysUseHttpsOff : IRule<TerraformModule>
{
    public static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "CF003",
        title: "Cloudflare Always Use HTTPS is off",
        category: RuleCategory.Cloudflare,
        defaultSeverity: Severity.Warning,
        help: "With always_use_https = \"off\" Cloudflare answers http:// requests over HTTP instead of redirecting them, " +
              "so a first visit or an old link can be intercepted. Set always_use_https = \"on\" (the redirect happens at " +
              "the edge, before Django's SECURE_SSL_REDIRECT would).");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(TerraformModule module)
    {
        foreach (var setting in CloudflareZoneSettings.Named(module, CloudflareZoneSettings.AlwaysUseHttps)
            .Where(s => s.Word == CloudflareZoneSettings.Off))
        {
            yield return Rule.CreateFinding(
                $"{setting.Resource.Address} sets always_use_https = \"off\"{CF001SslFlexible.From(setting)}: HTTP requests are not redirected to HTTPS.",
                setting.ValueLocation, setting.Resource.Target);
        }
    }
}
