using SecurityGate.Findings;
using SecurityGate.Sources.Live;

namespace SecurityGate.Rules.Live;

/// <summary>SESSION_COOKIE_SECURE / CSRF_COOKIE_SECURE are on, but the live cookie of that name is not Secure.</summary>
public sealed class WEB103CookieSecureSettingNotEffective : IRule<LiveSite>
{
    public static RuleDescriptor Descriptor { get; } = RuleDescriptor.Create(
        id: "WEB103", title: "Cookie Secure setting not effective", category: RuleCategory.Live, defaultSeverity: Severity.Error,
        help: "The settings mark the cookie Secure, but the site sets it without Secure: the deployment runs other settings " +
              "(DJANGO_SETTINGS_MODULE, environment variables) or a proxy or middleware rewrites Set-Cookie. Find which " +
              "settings the server really loads.",
        references: new Dictionary<string, string> { ["django"] = "SESSION_COOKIE_SECURE" });

    RuleDescriptor IRule.Descriptor => Descriptor;

    public IEnumerable<Finding> Evaluate(LiveSite site)
    {
        if (site.Expectations is not { } settings)
        {
            yield break;
        }

        var checks = new[]
        {
            (settings.SessionCookieSecure, settings.SessionCookieName?.Value ?? "sessionid"),
            (settings.CsrfCookieSecure, settings.CsrfCookieName?.Value ?? "csrftoken"),
        };
        foreach (var (setting, name) in checks)
        {
            if (setting is not { Value: true })
            {
                continue;
            }

            var insecure = LiveRuleSupport.AllCookies(site.Snapshot).FirstOrDefault(c => c.Cookie.Name == name && !c.Cookie.Secure);
            if (insecure.Cookie is not null)
            {
                yield return Descriptor.CreateFinding(
                    $"{setting.Describe("True")} in {settings.SettingsModule}, but {insecure.Url} sets {LiveRuleSupport.Q(name)} " +
                    "without Secure: the deployed settings differ, or something rewrites the cookie.",
                    setting.Location, site.Target);
            }
        }
    }
}
