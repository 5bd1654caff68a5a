using SecurityGate.Findings;
using SecurityGate.Sources.Terraform;

namespace SecurityGate.Rules.Cloudflare;

/// <summary>Automatic HTTPS Rewrites is explicitly off: http:// links to resources in pages stay mixed content.</summary>
public sealed class CF006AutomaticHttpsRewritesOff : IRule<TerraformModule>
{
    public static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "CF006",
        title: "Cloudflare Automatic HTTPS Rewrites is off",
        category: RuleCategory.Cloudflare,
        defaultSeverity: Severity.Note,
        help: "Automatic HTTPS Rewrites changes http:// links to resources that are available over HTTPS, avoiding " +
              "mixed-content warnings and blocked scripts. Set automatic_https_rewrites = \"on\", or make sure templates " +
              "only use https:// or relative URLs.");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(TerraformModule module)
    {
        foreach (var setting in CloudflareZoneSettings.Named(module, CloudflareZoneSettings.AutomaticHttpsRewrites)
            .Where(s => s.Word == CloudflareZoneSettings.Off))
        {
            yield return Rule.CreateFinding(
                $"{setting.Resource.Address} sets automatic_https_rewrites = \"off\"{CF001SslFlexible.From(setting)}: http:// resource links are left as mixed content.",
                setting.ValueLocation, setting.Resource.Target);
        }
    }
}
