using SecurityGate.Findings;
using SecurityGate.Sources.Live;

namespace SecurityGate.Rules.Live;

/// <summary>The site shows Django's technical error page: DEBUG = True in production.</summary>
public sealed class WEB026DjangoDebugPage : IRule<LiveSite>
{
    public static RuleDescriptor Descriptor { get; } = RuleDescriptor.Create(
        id: "WEB026", title: "Django debug page served", category: RuleCategory.Live, defaultSeverity: Severity.Error,
        help: "Django's technical 404/500 pages appear only with DEBUG = True; they list every URL pattern, settings, " +
              "local variables and parts of the source to anyone. Set DEBUG = False in the deployed settings (check " +
              "DJANGO_SETTINGS_MODULE and the DEBUG environment variable the server really gets).",
        references: new Dictionary<string, string> { ["django"] = "security.W018" });

    RuleDescriptor IRule.Descriptor => Descriptor;

    public IEnumerable<Finding> Evaluate(LiveSite site)
    {
        if (DebugPageUrl(site.Snapshot) is { } url)
        {
            yield return Descriptor.CreateFinding(
                $"{url} shows Django's technical error page (\"DEBUG = True\"): URL patterns and settings are public.",
                null, site.Target);
        }
    }

    /// <summary>The first probed URL that answered with the debug page, or null.</summary>
    internal static Uri? DebugPageUrl(SiteSnapshot snapshot)
    {
        var candidates = snapshot.Paths.Select(p => p.Response).Append(snapshot.GradedResponse);
        return candidates.FirstOrDefault(LiveRuleSupport.IsDjangoDebugPage)?.Url;
    }
}
