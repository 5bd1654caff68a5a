using System.Collections.Immutable;
using SecurityGate.Findings;
using SecurityGate.Sources.Terraform;

namespace SecurityGate.Rules.Cloudflare;

/// <summary>
/// One zone setting as written: <see cref="Name"/> is Cloudflare's setting id (null when the gate cannot tell which
/// setting a <c>cloudflare_zone_setting</c> sets); <see cref="NameValue"/> holds that unknown id.
/// </summary>
internal sealed record ZoneSetting(TerraformResource Resource, string? Name, TerraformValue Value, SourceLocation Location,
    TerraformUnknown? NameValue = null)
{
    /// <summary>The value as lower-case text ("flexible", "off", "1.0"); null when not a single known value.</summary>
    public string? Word => Value.AsText()?.Trim().ToLowerInvariant();

    public SourceLocation ValueLocation => Value.ReportedAt(Location);
}

/// <summary>
/// Reads Cloudflare zone settings from both provider generations: v4's <c>cloudflare_zone_settings_override</c>
/// (<c>settings { ssl = "flexible" … security_header { … } }</c>) and v5's <c>cloudflare_zone_setting</c>
/// (<c>setting_id = "ssl"</c>, <c>value = "flexible"</c>). HSTS comes out as an object with enabled and max_age
/// in both cases. Pure: no I/O.
/// </summary>
internal static class CloudflareZoneSettings
{
    public const string Ssl = "ssl";
    public const string AlwaysUseHttps = "always_use_https";
    public const string MinTlsVersion = "min_tls_version";
    public const string SecurityHeader = "security_header";
    public const string AutomaticHttpsRewrites = "automatic_https_rewrites";

    /// <summary>v5 nests HSTS one level down: value = { strict_transport_security = { enabled, max_age, … } }.</summary>
    private const string StrictTransportSecurity = "strict_transport_security";

    public const string On = "on";
    public const string Off = "off";

    public static IEnumerable<ZoneSetting> All(TerraformModule module)
    {
        foreach (var resource in module.ResourcesOfType("cloudflare_zone_settings_override"))
        {
            foreach (var settings in module.BlockInstances(resource.Body, "settings"))
            {
                foreach (var attribute in settings.Body.Attributes)
                    yield return new ZoneSetting(resource, attribute.Name, module.Resolve(attribute.Value, settings.Scope), attribute.Location);
                foreach (var header in module.BlockInstances(settings.Body, SecurityHeader))
                {
                    var members = header.Body.Attributes.ToDictionary(a => a.Name, a => module.Resolve(a.Value, header.Scope), StringComparer.Ordinal);
                    yield return new ZoneSetting(resource, SecurityHeader,
                        new TerraformObject(members.ToImmutableDictionary(StringComparer.Ordinal), header.Location), header.Location);
                }
            }
        }
        foreach (var resource in module.ResourcesOfType("cloudflare_zone_setting"))
        {
            if (resource.Body.Attribute("setting_id") is not { } id || resource.Body.Attribute("value") is not { } value)
                continue;
            var name = module.Resolve(id.Value);
            var resolved = module.Resolve(value.Value);
            if (name is TerraformUnknown unknownName)
                yield return new ZoneSetting(resource, null, resolved, id.Location, unknownName);
            else if (name.AsText() is { } setting)
            {
                if (setting == SecurityHeader && resolved is TerraformObject wrapper && wrapper.Member(StrictTransportSecurity) is { } hsts)
                    resolved = hsts;
                yield return new ZoneSetting(resource, setting, resolved, value.Location);
            }
        }
    }

    public static IEnumerable<ZoneSetting> Named(TerraformModule module, string name) => All(module).Where(s => s.Name == name);
}
