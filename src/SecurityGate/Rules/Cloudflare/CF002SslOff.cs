using SecurityGate.Findings;
using SecurityGate.Sources.Terraform;

namespace SecurityGate.Rules.Cloudflare;

/// <summary>The zone's SSL mode is Off: Cloudflare serves the site over plain HTTP only.</summary>
public sealed class CF002SslOff : IRule<TerraformModule>
{
    public static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "CF002",
        title: "Cloudflare SSL is off",
        category: RuleCategory.Cloudflare,
        defaultSeverity: Severity.Error,
        help: "With ssl = \"off\" Cloudflare does not serve HTTPS at all: every request, login and session cookie travels " +
              "in clear text, and Django's secure cookies and HSTS cannot work. Install a certificate on the origin and set " +
              "ssl = \"strict\" (Full (strict)).");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(TerraformModule module)
    {
        foreach (var setting in CloudflareZoneSettings.Named(module, CloudflareZoneSettings.Ssl).Where(s => s.Word == CloudflareZoneSettings.Off))
        {
            yield return Rule.CreateFinding(
                $"{setting.Resource.Address} turns SSL off{CF001SslFlexible.From(setting)}: the site is served over plain HTTP only.",
                setting.ValueLocation, setting.Resource.Target);
        }
    }
}
