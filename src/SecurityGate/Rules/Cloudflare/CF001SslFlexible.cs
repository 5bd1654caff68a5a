using SecurityGate.Findings;
using SecurityGate.Sources.Terraform;

namespace SecurityGate.Rules.Cloudflare;

/// <summary>The zone's SSL mode is Flexible: HTTPS from the visitor to Cloudflare only, plain HTTP from Cloudflare to the origin.</summary>
public sealed class CF001SslFlexible : IRule<TerraformModule>
{
    public static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "CF001",
        title: "Cloudflare SSL mode is Flexible",
        category: RuleCategory.Cloudflare,
        defaultSeverity: Severity.Error,
        help: "With ssl = \"flexible\" Cloudflare fetches the origin over plain HTTP, so sessions, passwords and CSRF " +
              "tokens cross the internet unencrypted while the browser shows a padlock. It is also the classic cause of " +
              "endless redirect loops with Django's SECURE_SSL_REDIRECT = True (Django sees HTTP, redirects to HTTPS, " +
              "Cloudflare fetches HTTP again). Install a certificate (a Cloudflare Origin CA certificate will do) on the " +
              "origin and set ssl = \"strict\" (Full (strict)).");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(TerraformModule module)
    {
        foreach (var setting in CloudflareZoneSettings.Named(module, CloudflareZoneSettings.Ssl).Where(s => s.Word == "flexible"))
        {
            yield return Rule.CreateFinding(
                $"{setting.Resource.Address} sets the SSL mode to \"flexible\"{From(setting)}: traffic between Cloudflare and " +
                "the origin is plain HTTP, and Django's SECURE_SSL_REDIRECT would loop.",
                setting.ValueLocation, setting.Resource.Target);
        }
    }

    internal static string From(ZoneSetting setting) => setting.Value.Origin is { } origin ? $" (from {origin})" : "";
}
