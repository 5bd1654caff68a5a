using SecurityGate.Findings;
using SecurityGate.Sources.Live;

namespace SecurityGate.Rules.Live;

/// <summary>Settings enable HSTS, but the live HTTPS page does not send the header Django would send.</summary>
public sealed class WEB101HstsSettingNotServed : IRule<LiveSite>
{
    public static RuleDescriptor Descriptor { get; } = RuleDescriptor.Create(
        id: "WEB101", title: "HSTS in settings but not served", category: RuleCategory.Live, defaultSeverity: Severity.Error,
        help: "Django adds Strict-Transport-Security only to requests it sees as secure. Behind a TLS-terminating proxy " +
              "every request looks like plain HTTP unless SECURE_PROXY_SSL_HEADER names the proxy's X-Forwarded-Proto " +
              "header; a proxy or CDN may also strip or override the header. Fix the proxy setup so the settings take effect.",
        references: new Dictionary<string, string> { ["django"] = "SECURE_HSTS_SECONDS" });

    RuleDescriptor IRule.Descriptor => Descriptor;

    public IEnumerable<Finding> Evaluate(LiveSite site)
    {
        if (site.Expectations?.SecureHstsSeconds is not { Value: > 0 } setting || site.Snapshot.FinalHttpsResponse is not { } page)
        {
            yield break;
        }

        var said = setting.Describe(setting.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var hsts = LiveRuleSupport.Hsts(site.Snapshot);
        if (hsts is null)
        {
            yield return Descriptor.CreateFinding(
                $"{said} in {site.Expectations.SettingsModule}, but {page.Url} sends no Strict-Transport-Security header — " +
                "typically a TLS-terminating proxy without SECURE_PROXY_SSL_HEADER, or a proxy stripping the header.",
                setting.Location, site.Target);
        }
        else if (hsts.MaxAge is { } served && served != setting.Value)
        {
            yield return Descriptor.CreateFinding(
                $"{said} in {site.Expectations.SettingsModule}, but {page.Url} sends max-age={served}: something in front " +
                "of Django (proxy, CDN) sets its own header, or the deployed settings differ.",
                setting.Location, site.Target);
        }
    }
}
