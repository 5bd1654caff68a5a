using SecurityGate.Findings;
using SecurityGate.Sources.Live;

namespace SecurityGate.Rules.Live;

/// <summary>The session or CSRF cookie is set without the Secure attribute.</summary>
public sealed class WEB015SensitiveCookieNotSecure : IRule<LiveSite>
{
    public static RuleDescriptor Descriptor { get; } = RuleDescriptor.Create(
        id: "WEB015", title: "Session or CSRF cookie without Secure", category: RuleCategory.Live,
        defaultSeverity: Severity.Error,
        help: "A cookie without Secure is also sent over plain HTTP, where anyone on the network can read the session. " +
              "Set SESSION_COOKIE_SECURE = True and CSRF_COOKIE_SECURE = True (and check no proxy rewrites Set-Cookie).",
        references: LiveRuleSupport.Observatory("cookies"));

    RuleDescriptor IRule.Descriptor => Descriptor;

    public IEnumerable<Finding> Evaluate(LiveSite site)
    {
        var settings = site.Expectations;
        foreach (var (url, cookie) in LiveRuleSupport.FirstBadPerName(site.Snapshot, c => !c.Secure
                     && (LiveRuleSupport.IsSessionCookie(c.Name, settings) || LiveRuleSupport.IsCsrfCookie(c.Name, settings))))
        {
            var kind = LiveRuleSupport.IsSessionCookie(cookie.Name, settings) ? "session" : "CSRF";
            yield return Descriptor.CreateFinding(
                $"The {kind} cookie {LiveRuleSupport.Q(cookie.Name)} set by {url} has no Secure attribute.", null, site.Target);
        }
    }
}
