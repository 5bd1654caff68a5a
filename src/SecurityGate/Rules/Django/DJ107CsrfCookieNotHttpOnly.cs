using SecurityGate.Findings;
using SecurityGate.Sources.Django;

namespace SecurityGate.Rules.Django;

/// <summary>CSRF_COOKIE_HTTPONLY is not True (the seed asks for it; Django considers the benefit small).</summary>
public sealed class DJ107CsrfCookieNotHttpOnly : IRule<DjangoSettings>
{
    public static RuleDescriptor Rule { get; } = DjangoRule.Describe("DJ107", "CSRF cookie is readable by scripts", Severity.Note,
        "CSRF_COOKIE_HTTPONLY = True keeps scripts from reading the CSRF cookie. Django's own view is that this gains " +
        "little (a script that can run can read the token from the page), so it is a note; JavaScript that reads the " +
        "cookie must then take the token from the DOM instead.");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(DjangoSettings settings)
    {
        if (settings.Get("CSRF_USE_SESSIONS").IsTruthy == true)
            yield break; // the token lives in the session, not in a cookie
        var setting = settings.Get("CSRF_COOKIE_HTTPONLY");
        if (setting.IsExactlyTrue == false)
            yield return Rule.At(settings, setting, $"CSRF_COOKIE_HTTPONLY is {setting.Value} {DjangoRule.In(settings, setting)}.");
    }
}
