using System.Collections.Immutable;

namespace SecurityGate.Sources.Live;

/// <summary>
/// Builds snapshots for tests and examples. <see cref="Healthy"/> starts from a site that does everything right
/// (http → 301 → https, every security header, secure cookies, SRI; Observatory A+ 140); each <c>With…</c> changes
/// one thing and returns a new builder, so a test reads "healthy, except …".
/// The page's headers and body are those of the final page of both chains.
/// </summary>
public sealed record SiteSnapshotBuilder
{
    public const string DefaultSite = "staging.example.com";

    public const string HealthyCsp =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public const string HealthyHsts = "max-age=63072000; includeSubDomains; preload";

    public const string HealthyBody =
        "<!doctype html><html><head><title>app</title></head><body>"
        + "<script src=\"/static/app.js\" integrity=\"sha384-abc\" crossorigin=\"anonymous\"></script></body></html>";

    public static HeaderCollection HealthyHeaders { get; } = HeaderCollection.From(
        ("Content-Type", "text/html; charset=utf-8"),
        ("Strict-Transport-Security", HealthyHsts),
        ("Content-Security-Policy", HealthyCsp),
        ("X-Content-Type-Options", "nosniff"),
        ("X-Frame-Options", "DENY"),
        ("Referrer-Policy", "same-origin"),
        ("Cross-Origin-Opener-Policy", "same-origin"),
        ("Cross-Origin-Resource-Policy", "same-origin"),
        ("Set-Cookie", "sessionid=abc; Path=/; Secure; HttpOnly; SameSite=Lax"),
        ("Set-Cookie", "csrftoken=xyz; Path=/; Secure; SameSite=Lax"));

    /// <summary>A fixed capture instant, so cookie expiry in tests never depends on the clock.</summary>
    public static DateTimeOffset DefaultCapturedAt { get; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public required string Site { get; init; }
    public DateTimeOffset CapturedAt { get; init; } = DefaultCapturedAt;
    public int Status { get; init; } = 200;
    public required HeaderCollection Headers { get; init; }
    public string Body { get; init; } = "";

    /// <summary>False: TLS does not connect, the page is served over plain HTTP only.</summary>
    public bool ServesHttps { get; init; } = true;

    /// <summary>False: plain HTTP does not answer.</summary>
    public bool ServesHttp { get; init; } = true;

    public bool CertificateVerified { get; init; } = true;

    /// <summary>
    /// The http:// hops before the final page as (URL, status), each redirecting to the next;
    /// null means the usual: one 301 from http://site to https://site (then any <see cref="HttpsRedirects"/>).
    /// </summary>
    public ImmutableArray<(string Url, int Status)>? HttpRedirects { get; init; }

    /// <summary>The https:// hops before the final page (the first is https://site); empty: https://site is the page.</summary>
    public ImmutableArray<(string Url, int Status)> HttpsRedirects { get; init; } = [];

    /// <summary>Where the final page lives; null means the starting URL of the graded scheme.</summary>
    public string? FinalUrl { get; init; }

    /// <summary>The pre-flight answer's status and headers; status null means the pre-flight failed.</summary>
    public int? CorsStatus { get; init; } = 200;

    public HeaderCollection CorsHeaders { get; init; } = HeaderCollection.Empty;

    public static SiteSnapshotBuilder Healthy(string site = DefaultSite) =>
        new() { Site = site, Headers = HealthyHeaders, Body = HealthyBody };

    /// <summary>Replaces every line of <paramref name="name"/> with one line per value (none: removes the header).</summary>
    public SiteSnapshotBuilder WithHeader(string name, params string[] values) => this with { Headers = Headers.Set(name, values) };

    public SiteSnapshotBuilder AddHeader(string name, string value) => this with { Headers = Headers.Add(name, value) };

    public SiteSnapshotBuilder WithoutHeader(string name) => this with { Headers = Headers.Remove(name) };

    public SiteSnapshotBuilder WithBody(string html) => this with { Body = html };

    public SiteSnapshotBuilder WithStatus(int status) => this with { Status = status };

    public SiteSnapshotBuilder WithoutHttps() => this with { ServesHttps = false };

    public SiteSnapshotBuilder WithoutHttp() => this with { ServesHttp = false };

    public SiteSnapshotBuilder WithUnverifiedCertificate() => this with { CertificateVerified = false };

    /// <summary>The http:// chain: these hops (each redirecting to the next), then the final page.</summary>
    public SiteSnapshotBuilder WithHttpRedirects(params (string Url, int Status)[] hops) => this with { HttpRedirects = [.. hops] };

    /// <summary>https://site answers <paramref name="status"/> with a Location to <paramref name="finalUrl"/>, the page.</summary>
    public SiteSnapshotBuilder WithHttpsRedirectTo(string finalUrl, int status = 301) =>
        this with { HttpsRedirects = [("https://" + Site, status)], FinalUrl = finalUrl };

    public SiteSnapshotBuilder WithCorsPreflight(int? status, params (string Name, string Value)[] headers) =>
        this with { CorsStatus = status, CorsHeaders = HeaderCollection.From(headers) };

    public SiteSnapshot Build()
    {
        var httpUrl = "http://" + Site;
        var httpsUrl = "https://" + Site;
        var finalUrl = new Uri(FinalUrl ?? (ServesHttps ? httpsUrl : httpUrl));
        var page = new HttpResponseSnapshot { Url = finalUrl, StatusCode = Status, Headers = Headers, Body = Body };

        var https = ServesHttps ? Chain(HttpsRedirects, page) : null;
        var httpHops = HttpRedirects ?? (ServesHttps ? [(httpUrl, 301), .. HttpsRedirects] : []);
        var http = ServesHttp ? Chain(httpHops, page) : null;

        var cors = CorsStatus is { } status
            ? new HttpResponseSnapshot { Url = finalUrl, StatusCode = status, Headers = CorsHeaders }
            : null;
        return new SiteSnapshot { Site = Site, Https = https, Http = http, CorsPreflight = cors, CapturedAt = CapturedAt };
    }

    private RequestChain Chain(ImmutableArray<(string Url, int Status)> hops, HttpResponseSnapshot page)
    {
        var responses = new List<HttpResponseSnapshot>();
        for (var i = 0; i < hops.Length; i++)
        {
            var next = i + 1 < hops.Length ? hops[i + 1].Url : page.Url.AbsoluteUri;
            responses.Add(new HttpResponseSnapshot
            {
                Url = new Uri(hops[i].Url),
                StatusCode = hops[i].Status,
                Headers = HeaderCollection.From(("Location", next)),
            });
        }

        responses.Add(page);

        // A bad certificate only shows on chains that reach an https:// URL.
        var touchesHttps = responses.Any(r => r.Url.Scheme == Uri.UriSchemeHttps);
        return new RequestChain { Responses = [.. responses], CertificateVerified = CertificateVerified || !touchesHttps };
    }
}
