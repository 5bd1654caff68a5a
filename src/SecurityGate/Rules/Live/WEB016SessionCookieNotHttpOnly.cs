using SecurityGate.Findings;
using SecurityGate.Sources.Live;

namespace SecurityGate.Rules.Live;

/// <summary>The session cookie is readable from JavaScript.</summary>
public sealed class WEB016SessionCookieNotHttpOnly : IRule<LiveSite>
{
    public static RuleDescriptor Descriptor { get; } = RuleDescriptor.Create(
        id: "WEB016", title: "Session cookie without HttpOnly", category: RuleCategory.Live,
        defaultSeverity: Severity.Error,
        help: "Without HttpOnly any injected script can read the session cookie and hijack the session. Keep " +
              "SESSION_COOKIE_HTTPONLY = True (Django's default) and check no proxy or middleware rewrites the cookie.",
        references: LiveRuleSupport.Observatory("cookies"));

    RuleDescriptor IRule.Descriptor => Descriptor;

    public IEnumerable<Finding> Evaluate(LiveSite site)
    {
        foreach (var (url, cookie) in LiveRuleSupport.FirstBadPerName(site.Snapshot,
                     c => !c.HttpOnly && LiveRuleSupport.IsSessionCookie(c.Name, site.Expectations)))
        {
            yield return Descriptor.CreateFinding(
                $"The session cookie {LiveRuleSupport.Q(cookie.Name)} set by {url} has no HttpOnly attribute.", null, site.Target);
        }
    }
}
