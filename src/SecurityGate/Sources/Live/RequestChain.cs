using System.Collections.Immutable;

namespace SecurityGate.Sources.Live;

/// <summary>Why a chain ended where it did.</summary>
public enum ChainEnd
{
    /// <summary>The last response is not a redirect (or is one without a Location).</summary>
    Completed,

    /// <summary><see cref="RequestChain.MaxRedirects"/> redirects were followed; the last one was not.</summary>
    RedirectLimit,

    /// <summary>The redirect pointed to another host that --allow-redirect-host does not name; not followed.</summary>
    OffHostRedirectNotFollowed,

    /// <summary>The redirect pointed to a link-local or cloud metadata address; never followed.</summary>
    ForbiddenAddress,

    /// <summary>The Location could not be read as an http(s) URL.</summary>
    InvalidLocation,

    /// <summary>The next request failed (connection, TLS, deadline); <see cref="RequestChain.EndDetail"/> says why.</summary>
    RequestFailed,
}

/// <summary>One step of a redirect chain: the URL requested and what came back.</summary>
public sealed record RedirectHop(Uri Url, int StatusCode, string? Location)
{
    public string Scheme => Url.Scheme;
    public string Host => Url.Host;
}

/// <summary>
/// Everything one starting URL led to: each response in request order (redirects followed by hand,
/// at most <see cref="MaxRedirects"/>), the last being the final page. Intermediate responses usually
/// carry headers only; the final one also carries the body.
/// </summary>
public sealed record RequestChain
{
    /// <summary>Like browsers and the Observatory, stop following after 10 redirects.</summary>
    public const int MaxRedirects = 10;

    public required ImmutableArray<HttpResponseSnapshot> Responses { get; init; }

    /// <summary>False when TLS was only possible with certificate checks off (expired, untrusted, wrong host, …).</summary>
    public bool CertificateVerified { get; init; } = true;

    public ChainEnd End { get; init; } = ChainEnd.Completed;

    /// <summary>The redirect target not followed, or the error of the failed request (untrusted text).</summary>
    public string? EndDetail { get; init; }

    public Uri StartUrl => Responses[0].Url;
    public HttpResponseSnapshot First => Responses[0];
    public HttpResponseSnapshot Final => Responses[^1];

    public ImmutableArray<RedirectHop> Hops =>
        [.. Responses.Select(r => new RedirectHop(r.Url, r.StatusCode, r.Location))];

    /// <summary>Every cookie set along the chain, with the URL of the response that set it.</summary>
    public ImmutableArray<(Uri Url, SetCookie Cookie)> Cookies =>
        [.. Responses.SelectMany(r => r.Cookies.Select(c => (r.Url, c)))];

    public static RequestChain Single(HttpResponseSnapshot response, bool certificateVerified = true) =>
        new() { Responses = [response], CertificateVerified = certificateVerified };
}
