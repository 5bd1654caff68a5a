using SecurityGate.Findings;
using SecurityGate.Sources.Django;

namespace SecurityGate.Rules.Django;

/// <summary>
/// The W010–W015 shape: a session-cookie flag is not secure, and Django words it by what uses sessions: only the app
/// (W010/W013), only the middleware (W011/W014), or both (W012/W015, reported alone). Neither: no finding.
/// </summary>
internal static class SessionCookieRule
{
    public static IEnumerable<Finding> Check(RuleDescriptor rule, DjangoSettings settings, string flag,
        (string AppOnly, string MiddlewareOnly, string Both) checks, string consequence)
    {
        var setting = settings.Get(flag);
        if (DjangoRule.IsNotSecure(settings, setting) != true)
            yield break;
        var app = settings.Contains("INSTALLED_APPS", DjangoNames.SessionsApp);
        var middleware = settings.Contains("MIDDLEWARE", DjangoNames.SessionMiddleware);
        if (app is null || middleware is null)
            yield break;
        var check = (app.Value, middleware.Value) switch
        {
            (true, true) => checks.Both,
            (true, false) => checks.AppOnly,
            (false, true) => checks.MiddlewareOnly,
            _ => null,
        };
        if (check is not null)
            yield return rule.At(settings, setting, $"{flag} is {setting.Value}, so {consequence} {DjangoRule.In(settings, setting)}.", check);
    }
}
