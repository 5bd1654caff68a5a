using System.Collections.Immutable;
using System.Net;

namespace SecurityGate.Sources.Live.Observatory;

/// <summary>
/// The cookies a client keeps after a chain of responses, by the rules of the Observatory's jar (tough-cookie 5,
/// RFC 6265bis): a cookie with a Domain attribute that is a public suffix, an IP address or does not cover the
/// responding host is rejected; <c>__Secure-</c>/<c>__Host-</c> cookies that break their prefix rules are dropped;
/// a cookie replaces an earlier one with the same name, domain and path. Expired cookies are kept (the
/// Observatory grades every cookie the site sets, deletions included).
/// </summary>
internal static class CookieJar
{
    private sealed record Key(string Domain, string Path, string Name);

    public static ImmutableArray<SetCookie> Collect(IEnumerable<(Uri Url, SetCookie Cookie)> received)
    {
        var jar = new OrderedDictionary<Key, SetCookie>();
        foreach (var (url, cookie) in received)
        {
            var host = url.Host.ToLowerInvariant();
            var hostOnly = cookie.Domain is null;
            if (!hostOnly && !IsAcceptableDomain(cookie.Domain!, host))
            {
                continue;
            }

            var path = cookie.Path ?? DefaultPath(url.AbsolutePath);
            if (!MeetsPrefixRules(cookie, hostOnly, path))
            {
                continue;
            }

            jar[new Key(cookie.Domain ?? host, path, cookie.Name)] = cookie;
        }

        return [.. jar.Values];
    }

    private static bool IsAcceptableDomain(string domain, string host)
    {
        if (RegistrableDomain.Of(domain, includePrivateSuffixes: true) is null)
        {
            return false; // a public suffix, an IP address or a single label
        }

        return domain == host
            || (host.EndsWith("." + domain, StringComparison.Ordinal) && !IPAddress.TryParse(host, out _));
    }

    private static bool MeetsPrefixRules(SetCookie cookie, bool hostOnly, string path) => cookie.Prefix switch
    {
        CookiePrefix.Secure => cookie.Secure,
        CookiePrefix.Host => cookie.Secure && hostOnly && path == "/",
        _ => true,
    };

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
