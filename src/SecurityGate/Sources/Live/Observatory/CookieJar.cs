using System.Collections.Immutable;
using System.Net;

namespace SecurityGate.Sources.Live.Observatory;

/// <summary>One step of a session, in order: a request is made to a URL, or a response sets cookies.</summary>
internal abstract record JarEvent(Uri Url)
{
    public sealed record Request(Uri Url) : JarEvent(Url);

    public sealed record Response(Uri Url, ImmutableArray<SetCookie> Cookies) : JarEvent(Url);
}

/// <summary>
/// The cookies a client keeps after a session, by the rules of the Observatory's jar (tough-cookie 5, RFC 6265bis):
/// a cookie with a Domain attribute that is a public suffix, an IP address or does not cover the responding host is
/// rejected; <c>__Secure-</c>/<c>__Host-</c> cookies that break their prefix rules are dropped; a cookie replaces an
/// earlier one with the same name, domain and path. Expired cookies are stored too, and only disappear when a later
/// request of the session would have sent them (that is when the jar notices the expiry) — so a deletion cookie
/// (<c>Max-Age=0</c>) on the final page is graded like any other cookie.
/// </summary>
internal static class CookieJar
{
    private sealed record Key(string Domain, string Path, string Name);

    private sealed record Stored(SetCookie Cookie, bool HostOnly, string Domain, string Path, DateTimeOffset? ExpiresAt);

    public static ImmutableArray<SetCookie> Collect(IEnumerable<JarEvent> session, DateTimeOffset now)
    {
        var jar = new OrderedDictionary<Key, Stored>();
        foreach (var step in session)
        {
            switch (step)
            {
                case JarEvent.Request request:
                    RemoveExpiredSentTo(jar, request.Url, now);
                    break;
                case JarEvent.Response response:
                    foreach (var cookie in response.Cookies)
                    {
                        if (Accept(cookie, response.Url, now) is { } stored)
                        {
                            jar[new Key(stored.Domain, stored.Path, cookie.Name)] = stored;
                        }
                    }

                    break;
            }
        }

        return [.. jar.Values.Select(s => s.Cookie)];
    }

    private static Stored? Accept(SetCookie cookie, Uri url, DateTimeOffset now)
    {
        var host = url.Host.ToLowerInvariant();
        var hostOnly = cookie.Domain is null;
        if (!hostOnly && (RegistrableDomain.Of(cookie.Domain, includePrivateSuffixes: true) is null || !DomainMatches(host, cookie.Domain!)))
        {
            return null; // a public suffix, an IP address, a single label, or another site's domain
        }

        var path = cookie.Path ?? DefaultPath(url.AbsolutePath);
        var meetsPrefixRules = cookie.Prefix switch
        {
            CookiePrefix.Secure => cookie.Secure,
            CookiePrefix.Host => cookie.Secure && hostOnly && path == "/",
            _ => true,
        };
        return meetsPrefixRules ? new Stored(cookie, hostOnly, cookie.Domain ?? host, path, ExpiryOf(cookie, now)) : null;
    }

    // Max-Age wins over Expires; Max-Age <= 0 means "already expired".
    private static DateTimeOffset? ExpiryOf(SetCookie cookie, DateTimeOffset now) => cookie.MaxAge switch
    {
        { } maxAge when maxAge <= 0 => DateTimeOffset.MinValue,
        { } maxAge => maxAge >= (DateTimeOffset.MaxValue - now).TotalSeconds ? DateTimeOffset.MaxValue : now.AddSeconds(maxAge),
        null => cookie.Expires,
    };

    private static void RemoveExpiredSentTo(OrderedDictionary<Key, Stored> jar, Uri url, DateTimeOffset now)
    {
        var host = url.Host.ToLowerInvariant();
        var secure = url.Scheme == Uri.UriSchemeHttps;
        var expired = jar
            .Where(kv => (kv.Value.HostOnly ? kv.Value.Domain == host : DomainMatches(host, kv.Value.Domain))
                && PathMatches(url.AbsolutePath, kv.Value.Path)
                && (!kv.Value.Cookie.Secure || secure)
                && kv.Value.ExpiresAt is { } expiresAt && expiresAt <= now)
            .Select(kv => kv.Key)
            .ToList();
        foreach (var key in expired)
        {
            jar.Remove(key);
        }
    }

    private static bool DomainMatches(string host, string domain) =>
        host == domain || (host.EndsWith("." + domain, StringComparison.Ordinal) && !IPAddress.TryParse(host, out _));

    // RFC 6265 5.1.4.
    private static bool PathMatches(string requestPath, string cookiePath) =>
        requestPath == cookiePath
        || (requestPath.StartsWith(cookiePath, StringComparison.Ordinal)
            && (cookiePath.EndsWith('/') || requestPath[cookiePath.Length] == '/'));

    // RFC 6265 5.1.4: the directory of the request path.
    private static string DefaultPath(string requestPath)
    {
        if (!requestPath.StartsWith('/'))
        {
            return "/";
        }

        var lastSlash = requestPath.LastIndexOf('/');
        return lastSlash <= 0 ? "/" : requestPath[..lastSlash];
    }
}
