using System.Collections.Immutable;

namespace SecurityGate.Sources.Live;

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
