using SecurityGate.Findings;
using SecurityGate.Sources.Live;
using SecurityGate.Sources.Live.Observatory;

namespace SecurityGate.Rules.Live;

/// <summary>Look-ups the live rules share: which page is judged, which cookies were seen, the references.</summary>
internal static class LiveRuleSupport
{
    public const string ObservatoryReference = "observatory";

    /// <summary>One year: the HSTS max-age hstspreload.org and most guidance ask for.</summary>
    public const long OneYearSeconds = 31536000;

    public static IReadOnlyDictionary<string, string> Observatory(string testName) =>
        new Dictionary<string, string> { [ObservatoryReference] = testName };

    /// <summary>The value quoted for a message: untrusted text, escaped and cut.</summary>
    public static string Q(string? value) => UntrustedText.Quote(value);

    /// <summary>Every cookie the site set on any probed response, with the URL that set it.</summary>
    public static IEnumerable<(Uri Url, SetCookie Cookie)> AllCookies(SiteSnapshot snapshot)
    {
        var chains = new[] { snapshot.Https, snapshot.Http }.OfType<RequestChain>().SelectMany(c => c.Cookies);
        var paths = snapshot.Paths.Where(p => p.Response is not null)
            .SelectMany(p => p.Response!.Cookies.Select(c => (p.Response.Url, c)));
        return chains.Concat(paths);
    }

    /// <summary>Each cookie name once (the first occurrence that fails <paramref name="isBad"/>, if any).</summary>
    public static IEnumerable<(Uri Url, SetCookie Cookie)> FirstBadPerName(SiteSnapshot snapshot, Func<SetCookie, bool> isBad) =>
        AllCookies(snapshot).Where(c => isBad(c.Cookie)).GroupBy(c => c.Cookie.Name, StringComparer.Ordinal).Select(g => g.First());

    /// <summary>Django's session cookie (SESSION_COOKIE_NAME, default sessionid) or anything named like a session.</summary>
    public static bool IsSessionCookie(string name, ISettingsExpectations? settings) =>
        name.Equals(settings?.SessionCookieName?.Value ?? "sessionid", StringComparison.Ordinal)
        || name.Contains("session", StringComparison.OrdinalIgnoreCase)
        || name.Contains("sessid", StringComparison.OrdinalIgnoreCase);

    /// <summary>Django's CSRF cookie (CSRF_COOKIE_NAME, default csrftoken) or anything named like an anti-CSRF token.</summary>
    public static bool IsCsrfCookie(string name, ISettingsExpectations? settings) =>
        name.Equals(settings?.CsrfCookieName?.Value ?? "csrftoken", StringComparison.Ordinal)
        || name.Contains("csrf", StringComparison.OrdinalIgnoreCase)
        || name.Contains("xsrf", StringComparison.OrdinalIgnoreCase);

    /// <summary>The HSTS header of the final HTTPS page as browsers read it (first line only), or null when absent.</summary>
    public static StrictTransportSecurityHeader? Hsts(SiteSnapshot snapshot) =>
        snapshot.FinalHttpsResponse?.Headers.GetFirst("Strict-Transport-Security") is { } value
            ? StrictTransportSecurityHeader.Parse(value)
            : null;

    /// <summary>Where a Location leads from <paramref name="from"/>; null when it is not a usable URL.</summary>
    public static Uri? Target(HttpResponseSnapshot from) =>
        from.Location is { } location && Uri.TryCreate(from.Url, location.Trim(), out var target) ? target : null;

    /// <summary>The technical 404/500 page Django shows when DEBUG = True (both templates carry this sentence).</summary>
    public static bool IsDjangoDebugPage(HttpResponseSnapshot? response) =>
        response is { Body: { } body }
        && body.Contains("<code>DEBUG = True</code>", StringComparison.Ordinal)
        && body.Contains("Django settings file", StringComparison.Ordinal);

    public static string Grade(ObservatoryResult result) =>
        result.Grade is null ? "no grade" : $"{result.Grade} (score {result.Score})";
}
