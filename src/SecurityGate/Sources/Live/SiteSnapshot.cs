using System.Collections.Immutable;

namespace SecurityGate.Sources.Live;

/// <summary>Why the probe asked for an extra path.</summary>
public enum PathPurpose
{
    /// <summary>A random path that cannot exist: shows the site's 404 page (Django's technical 404 when DEBUG is on).</summary>
    RandomNotFound,
    AdminLogin,

    /// <summary>A file that must never be served (<c>/.git/HEAD</c>, <c>/.env</c>, <c>/settings.py</c>).</summary>
    SensitiveFile,
}

/// <summary>One extra GET (redirects not followed): the response, or why there was none.</summary>
public sealed record PathProbe(string Path, PathPurpose Purpose, HttpResponseSnapshot? Response, string? Error = null);

/// <summary>
/// Everything one probe of a site captured, and nothing else: every judgement of the site (the Observatory's tests,
/// the live rules) is a pure function of this record.
/// </summary>
public sealed record SiteSnapshot
{
    /// <summary>
    /// What was probed: <c>host[:port][/path]</c>, pasted after <c>http://</c> and <c>https://</c> to get the two
    /// starting URLs (the Observatory 1.4.x does the same, so both schemes share the port).
    /// </summary>
    public required string Site { get; init; }

    /// <summary>The chain that started at <see cref="HttpUrl"/>; null when plain HTTP did not answer.</summary>
    public RequestChain? Http { get; init; }

    /// <summary>The chain that started at <see cref="HttpsUrl"/>; null when no TLS connection was possible.</summary>
    public RequestChain? Https { get; init; }

    /// <summary>
    /// The reply to the CORS pre-flight (<c>OPTIONS</c> on the final URL of the graded chain, with an Origin and
    /// Access-Control-Request-Method), after redirects; null when the request failed.
    /// </summary>
    public HttpResponseSnapshot? CorsPreflight { get; init; }

    public TlsFacts? Tls { get; init; }

    /// <summary>Why <see cref="Http"/> is null (connection refused, timed out, …); untrusted text.</summary>
    public string? HttpError { get; init; }

    /// <summary>Why <see cref="Https"/> is null; untrusted text.</summary>
    public string? HttpsError { get; init; }

    /// <summary>The extra paths asked for (Django tells, sensitive files), in a fixed order.</summary>
    public ImmutableArray<PathProbe> Paths { get; init; } = [];

    /// <summary>HTTP requests actually sent (after de-duplication) and the probe's wall-clock time.</summary>
    public int RequestCount { get; init; }

    public TimeSpan Duration { get; init; }

    /// <summary>Certificate validations seen, i.e. full TLS handshakes (resumed sessions may skip it).</summary>
    public int TlsHandshakes { get; init; }

    /// <summary>True when the overall deadline cut the probe short (some facts may be missing).</summary>
    public bool DeadlineReached { get; init; }

    /// <summary>Neither scheme answered at all.</summary>
    public bool Unreachable => Http is null && Https is null;

    /// <summary>The probe of <paramref name="purpose"/> (the first, for sensitive files use <see cref="Paths"/>).</summary>
    public PathProbe? PathFor(PathPurpose purpose) => Paths.FirstOrDefault(p => p.Purpose == purpose);

    /// <summary>When the probe ran; cookie expiry is judged at this instant (keeps judgements reproducible).</summary>
    public required DateTimeOffset CapturedAt { get; init; }

    public Uri HttpUrl => new("http://" + Site);
    public Uri HttpsUrl => new("https://" + Site);

    /// <summary>The chain the site is judged on: HTTPS whenever it connected at all, else HTTP.</summary>
    public RequestChain? GradedChain => Https ?? Http;

    /// <summary>The page the site is judged on: the final response of <see cref="GradedChain"/>.</summary>
    public HttpResponseSnapshot? GradedResponse => GradedChain?.Final;

    /// <summary>The first response to plain HTTP (normally the redirect to HTTPS).</summary>
    public HttpResponseSnapshot? FirstHttpResponse => Http?.First;

    /// <summary>The final page of the HTTPS chain (where the Observatory reads HSTS).</summary>
    public HttpResponseSnapshot? FinalHttpsResponse => Https?.Final;
}
