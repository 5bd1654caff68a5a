using System.Collections.Immutable;

namespace SecurityGate.Sources.Live.Observatory;

/// <summary>
/// A snapshot seen the way the Observatory's tests see it, computed once per scoring: which response is graded,
/// its headers merged as Node merges them, the meta "http-equiv" values, the cookie jar of the graded chain.
/// </summary>
internal sealed class ObservatoryContext
{
    private const string CspHeader = "content-security-policy";
    private const string ReferrerPolicyName = "referrer";

    public ObservatoryContext(SiteSnapshot snapshot, HstsPreloadList preloadList)
    {
        Snapshot = snapshot;
        PreloadList = preloadList;
        Auto = snapshot.GradedResponse;
        AutoHeaders = Auto is null ? NodeHeaders.Empty : new NodeHeaders(Auto.Headers);
        SessionUrl = snapshot.Https is not null ? snapshot.HttpsUrl : snapshot.HttpUrl;
        Html = Auto?.Html ?? HtmlFacts.Empty;
        (MetaCsp, MetaReferrer) = ReadHttpEquiv(Html);
        HttpsHeaders = snapshot.Https is null ? NodeHeaders.Empty : new NodeHeaders(snapshot.Https.Final.Headers);
        JarCookies = CookieJar.Collect(SessionEvents(snapshot), snapshot.CapturedAt);

        // The pre-flight is made with axios' default status check: anything but 2xx counts as no answer.
        var cors = snapshot.CorsPreflight;
        CorsHeaders = cors is { StatusCode: >= 200 and < 300 } ? new NodeHeaders(cors.Headers) : null;
    }

    public SiteSnapshot Snapshot { get; }
    public HstsPreloadList PreloadList { get; }

    /// <summary>The graded page: final HTTPS response if HTTPS connected at all, else final HTTP response.</summary>
    public HttpResponseSnapshot? Auto { get; }

    public NodeHeaders AutoHeaders { get; }

    /// <summary>The starting URL of the graded chain (decides "is the site https").</summary>
    public Uri SessionUrl { get; }

    public HtmlFacts Html { get; }

    /// <summary>Content of every <c>&lt;meta http-equiv="Content-Security-Policy" content&gt;</c>, in order.</summary>
    public ImmutableArray<string> MetaCsp { get; }

    /// <summary>Content of the last <c>&lt;meta name="referrer"&gt;</c>, or null.</summary>
    public string? MetaReferrer { get; }

    public NodeHeaders HttpsHeaders { get; }
    public ImmutableArray<SetCookie> JarCookies { get; }

    /// <summary>Headers of a 2xx pre-flight answer, else null.</summary>
    public NodeHeaders? CorsHeaders { get; }

    /// <summary>
    /// The graded session as its cookie jar saw it. After the chain the Observatory fetches /robots.txt and sends the
    /// pre-flight; only when it had to turn certificate checks off do those go through the jar (its default client
    /// has none), expiring cookies and storing the pre-flight's. The robots.txt answer is not captured.
    /// </summary>
    private static IEnumerable<JarEvent> SessionEvents(SiteSnapshot snapshot)
    {
        var chain = snapshot.GradedChain;
        if (chain is null)
        {
            yield break;
        }

        foreach (var response in chain.Responses)
        {
            yield return new JarEvent.Request(response.Url);
            yield return new JarEvent.Response(response.Url, response.Cookies);
        }

        if (chain == snapshot.Https && !chain.CertificateVerified)
        {
            var robots = new Uri(chain.StartUrl, "/robots.txt");
            var finalUrl = chain.Final.Url;
            if (robots.Scheme == Uri.UriSchemeHttps)
            {
                yield return new JarEvent.Request(robots);
            }

            if (finalUrl.Scheme == Uri.UriSchemeHttps)
            {
                yield return new JarEvent.Request(finalUrl);
                if (snapshot.CorsPreflight is { } preflight)
                {
                    yield return new JarEvent.Response(finalUrl, preflight.Cookies);
                }
            }
        }
    }

    private static (ImmutableArray<string> Csp, string? Referrer) ReadHttpEquiv(HtmlFacts html)
    {
        var csp = ImmutableArray.CreateBuilder<string>();
        string? referrer = null;
        foreach (var meta in html.Metas)
        {
            if (meta.HttpEquiv is not null && meta.Content is not null)
            {
                if (meta.Content.Length > 0 && meta.HttpEquiv.Trim().ToLowerInvariant() == CspHeader)
                {
                    csp.Add(meta.Content);
                }
            }
            else if (meta.Name?.Trim().ToLowerInvariant() == ReferrerPolicyName && !string.IsNullOrEmpty(meta.Content))
            {
                referrer = meta.Content; // the last one wins
            }
        }

        return (csp.ToImmutable(), referrer);
    }
}
