using static SecurityGate.Sources.Live.Observatory.ObservatoryResults;

namespace SecurityGate.Sources.Live.Observatory;

/// <summary>
/// cookies: every cookie in the graded chain's jar is checked, the worst finding wins (by the order below,
/// not by modifier). Session cookies are those whose name contains "login" or "sess", anti-CSRF cookies those
/// containing "csrf" (Django's sessionid and csrftoken). A passing HSTS test softens a missing Secure flag.
/// A malformed SameSite in the graded page's raw Set-Cookie lines counts as invalid.
/// </summary>
internal static class CookiesTest
{
    private const string IgnoredCookie = "heroku-session-affinity";
    private static readonly string[] SessionNameParts = ["login", "sess"];
    private const string AntiCsrfNamePart = "csrf";
    private static readonly string[] ValidSameSiteValues = ["lax", "strict", "none"];

    /// <summary>Best first; a later entry replaces an earlier one.</summary>
    private static readonly string[] BestToWorst =
    [
        CookiesWithoutSecureFlagButProtectedByHsts,
        CookiesWithoutSecureFlag,
        CookiesSessionWithoutSecureFlagButProtectedByHsts,
        CookiesSamesiteFlagInvalid,
        CookiesAnticsrfWithoutSamesiteFlag,
        CookiesSessionWithoutHttponlyFlag,
        CookiesSessionWithoutSecureFlag,
    ];

    public static TestVerdict Run(ObservatoryContext context, bool hstsPasses)
    {
        string? result = null;
        foreach (var raw in context.AutoHeaders.SetCookies)
        {
            if (HasInvalidSameSite(raw))
            {
                result = WorstOf.Pick(CookiesSamesiteFlagInvalid, result, BestToWorst);
            }
        }

        var cookies = context.JarCookies.Where(c => c.Name != IgnoredCookie).ToList();
        if (cookies.Count == 0)
        {
            return new TestVerdict(CookiesNotFound, true);
        }

        foreach (var cookie in cookies)
        {
            var name = cookie.Name.ToLowerInvariant();
            var isSession = SessionNameParts.Any(name.Contains);
            var isAntiCsrf = name.Contains(AntiCsrfNamePart);
            var hasSameSite = cookie.SameSite != SameSiteMode.Unspecified;

            if (!cookie.Secure && cookie.SameSite == SameSiteMode.None)
            {
                result = WorstOf.Pick(CookiesSamesiteFlagInvalid, result, BestToWorst);
            }

            if (!cookie.Secure)
            {
                result = WorstOf.Pick(hstsPasses ? CookiesWithoutSecureFlagButProtectedByHsts : CookiesWithoutSecureFlag, result, BestToWorst);
            }

            if (isAntiCsrf && !hasSameSite)
            {
                result = WorstOf.Pick(CookiesAnticsrfWithoutSamesiteFlag, result, BestToWorst);
            }

            if (isSession && !cookie.Secure)
            {
                result = WorstOf.Pick(hstsPasses ? CookiesSessionWithoutSecureFlagButProtectedByHsts : CookiesSessionWithoutSecureFlag, result, BestToWorst);
            }

            if (isSession && !cookie.HttpOnly)
            {
                result = WorstOf.Pick(CookiesSessionWithoutHttponlyFlag, result, BestToWorst);
            }
        }

        // Nothing wrong: the bonus needs a SameSite (any valid value, None included) on every cookie.
        result ??= cookies.All(c => c.SameSite != SameSiteMode.Unspecified)
            ? CookiesSecureWithHttponlySessionsAndSamesite
            : CookiesSecureWithHttponlySessions;

        var pass = result is CookiesNotFound or CookiesSecureWithHttponlySessionsAndSamesite or CookiesSecureWithHttponlySessions;
        return new TestVerdict(result, pass);
    }

    // Looks at every ';'-separated part of the raw line (the name=value pair included), as the Observatory does.
    private static bool HasInvalidSameSite(string rawSetCookie)
    {
        foreach (var part in rawSetCookie.Trim().Split(';'))
        {
            var pieces = part.Trim().Split('=');
            if (pieces[0].Trim().ToLowerInvariant() != "samesite")
            {
                continue;
            }

            var value = pieces.Length > 1 ? pieces[1] : "";
            if (value.Length == 0 || !ValidSameSiteValues.Contains(value.Trim().ToLowerInvariant()))
            {
                return true;
            }
        }

        return false;
    }
}
