using SecurityGate.Findings;
using SecurityGate.Sources.Live;

namespace SecurityGate.Rules.Live;

/// <summary>DEBUG = False in the settings, but the live site shows Django's debug page.</summary>
public sealed class WEB104DebugSettingContradicted : IRule<LiveSite>
{
    public static RuleDescriptor Descriptor { get; } = RuleDescriptor.Create(
        id: "WEB104", title: "DEBUG off in settings but on live", category: RuleCategory.Live, defaultSeverity: Severity.Error,
        help: "The repository's production settings say DEBUG = False, yet the site shows the technical error page, so " +
              "the server runs with other settings: check DJANGO_SETTINGS_MODULE, the DEBUG environment variable, and " +
              "which settings file the process manager really loads.",
        references: new Dictionary<string, string> { ["django"] = "DEBUG" });

    RuleDescriptor IRule.Descriptor => Descriptor;

    public IEnumerable<Finding> Evaluate(LiveSite site)
    {
        if (site.Expectations?.Debug is not { Value: false } setting || WEB026DjangoDebugPage.DebugPageUrl(site.Snapshot) is not { } url)
        {
            yield break;
        }

        yield return Descriptor.CreateFinding(
            $"{setting.Describe("False")} in {site.Expectations.SettingsModule}, but {url} shows Django's technical error page: " +
            "the deployment does not run these settings.",
            setting.Location, site.Target);
    }
}
