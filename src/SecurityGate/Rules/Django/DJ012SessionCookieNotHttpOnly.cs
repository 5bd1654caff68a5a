using SecurityGate.Findings;
using SecurityGate.Sources.Django;

namespace SecurityGate.Rules.Django;

/// <summary>Scripts can read the session cookie (security.W013, W014 or W015).</summary>
public sealed class DJ012SessionCookieNotHttpOnly : IRule<DjangoSettings>
{
    public static RuleDescriptor Rule { get; } = DjangoRule.Describe("DJ012", "Session cookie is not HttpOnly", Severity.Warning,
        "Keep SESSION_COOKIE_HTTPONLY = True (the default) so a cross-site-scripting bug cannot read the session cookie.",
        "security.W015");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(DjangoSettings settings) =>
        SessionCookieRule.Check(Rule, settings, "SESSION_COOKIE_HTTPONLY",
            ("security.W013", "security.W014", "security.W015"), "scripts on the page can read the session cookie");
}
