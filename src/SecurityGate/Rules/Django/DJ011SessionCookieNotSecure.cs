using SecurityGate.Findings;
using SecurityGate.Sources.Django;

namespace SecurityGate.Rules.Django;

/// <summary>The session cookie may travel over plain HTTP (security.W010, W011 or W012).</summary>
public sealed class DJ011SessionCookieNotSecure : IRule<DjangoSettings>
{
    public static RuleDescriptor Rule { get; } = DjangoRule.Describe("DJ011", "Session cookie is not Secure", Severity.Warning,
        "Set SESSION_COOKIE_SECURE = True so the session cookie is only sent over HTTPS; a network attacker can otherwise " +
        "steal sessions. Since Django 4.1 the value must be exactly True.", "security.W012");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(DjangoSettings settings) =>
        SessionCookieRule.Check(Rule, settings, "SESSION_COOKIE_SECURE",
            ("security.W010", "security.W011", "security.W012"), "the session cookie is also sent over plain HTTP");
}
