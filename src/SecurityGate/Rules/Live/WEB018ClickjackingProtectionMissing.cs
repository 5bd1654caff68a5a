using SecurityGate.Findings;
using SecurityGate.Sources.Live;

namespace SecurityGate.Rules.Live;

/// <summary>An HTML page can be framed by any site: no valid X-Frame-Options and no CSP frame-ancestors.</summary>
public sealed class WEB018ClickjackingProtectionMissing : IRule<LiveSite>
{
    private static readonly string[] ProtectingFrameOptions = ["DENY", "SAMEORIGIN"];
    private static readonly string[] BroadSources = ["*", "http:", "https:", "http://*", "https://*"];

    public static RuleDescriptor Descriptor { get; } = RuleDescriptor.Create(
        id: "WEB018", title: "Clickjacking protection missing", category: RuleCategory.Live, defaultSeverity: Severity.Warning,
        help: "A page that any site may frame can be overlaid to trick users into clicking (clickjacking). Send " +
              "X-Frame-Options: DENY (Django's XFrameOptionsMiddleware, X_FRAME_OPTIONS = 'DENY') or a CSP with " +
              "frame-ancestors 'none' or 'self'.",
        references: LiveRuleSupport.Observatory("x-frame-options"));

    RuleDescriptor IRule.Descriptor => Descriptor;

    public IEnumerable<Finding> Evaluate(LiveSite site)
    {
        // Framing only matters for documents; an API answering JSON cannot be clickjacked.
        if (site.Snapshot.GradedResponse is not { IsHtml: true } page)
        {
            yield break;
        }

        var frameOptions = page.Headers.GetAll("X-Frame-Options");
        var frameOptionsProtect = frameOptions.Length > 0 && frameOptions
            .SelectMany(v => v.Split(','))
            .Select(v => v.Trim())
            .All(v => ProtectingFrameOptions.Contains(v, StringComparer.OrdinalIgnoreCase));
        if (frameOptionsProtect || FrameAncestorsProtect(page))
        {
            yield break;
        }

        var said = frameOptions.Length == 0
            ? "no X-Frame-Options header"
            : $"X-Frame-Options {LiveRuleSupport.Q(string.Join(", ", frameOptions))}, which browsers do not honour";
        yield return Descriptor.CreateFinding(
            $"{page.Url} can be framed by any site: {said} and no restrictive CSP frame-ancestors.", null, site.Target);
    }

    // frame-ancestors only counts in a header CSP (browsers ignore it in <meta>).
    private static bool FrameAncestorsProtect(HttpResponseSnapshot page)
    {
        foreach (var policy in page.Headers.GetAll("Content-Security-Policy"))
        {
            foreach (var directive in policy.Split(';'))
            {
                var tokens = directive.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                if (tokens.Length > 0 && tokens[0].Equals("frame-ancestors", StringComparison.OrdinalIgnoreCase)
                    && !tokens.Skip(1).Any(t => BroadSources.Contains(t, StringComparer.OrdinalIgnoreCase)))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
