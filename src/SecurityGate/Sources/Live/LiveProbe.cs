using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace SecurityGate.Sources.Live;

/// <summary>
/// The live probe: fills a <see cref="SiteSnapshot"/> from a real staging URL, the way the MDN Observatory
/// retrieves a site (http:// and https:// chains with redirects followed by hand, the final page, a CORS
/// pre-flight), plus TLS facts and a few Django-specific requests. All requests of one site run concurrently
/// under one deadline; identical GETs are sent once (the http chain's hop to https://site reuses the https
/// chain's answer). The only I/O of the live analysis lives here.
/// </summary>
public sealed class LiveProbe(LiveProbeOptions options)
{
    private readonly CertificateTrust _trust = CertificateTrust.WithCaFile(options.CaFile);

    public LiveProbeOptions Options => options;

    /// <summary>Probes one site. Never throws for anything the site does; only cancellation of <paramref name="cancel"/>.</summary>
    public async Task<SiteSnapshot> ProbeAsync(Uri url, CancellationToken cancel)
    {
        using var session = new ProbeSession(options, _trust, url);
        return await session.RunAsync(cancel);
    }
}

/// <summary>The state of one site's probe: its HTTP clients (one connection pool), the de-duplicated requests, TLS facts.</summary>
internal sealed class ProbeSession : IDisposable
{
    private const string NotFoundPathPrefix = "/securitygate-probe-";
    private const string AdminLoginPath = "/admin/login/";

    /// <summary>Files a Django deployment must never serve.</summary>
    public static ImmutableArray<string> SensitivePaths { get; } = ["/.git/HEAD", "/.env", "/settings.py"];

    private readonly LiveProbeOptions _options;
    private readonly CertificateTrust _trust;
    private readonly Uri _given;
    private readonly string _site;
    private readonly string _siteHost;
    private readonly HttpClient _lenient;
    private readonly HttpClient? _strict;
    private readonly ConcurrentDictionary<string, Task<Fetched>> _gets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _verifiedByHost = new(StringComparer.OrdinalIgnoreCase);
    private readonly object _tlsLock = new();
    private CertificateFacts? _certificate;
    private SslStream? _siteTlsStream;
    private TlsFacts? _negotiated;
    private int _requests;
    private int _handshakes;
    private CancellationToken _deadline;
    private bool _deadlineReached;

    private sealed record Fetched(HttpResponseSnapshot? Response, string? Error, bool CertificateVerified);

    public ProbeSession(LiveProbeOptions options, CertificateTrust trust, Uri given)
    {
        _options = options;
        _trust = trust;
        _given = given;
        _siteHost = given.Host;
        _site = given.Authority + (given.PathAndQuery == "/" ? "" : given.PathAndQuery);
        _lenient = new HttpClient(CreateHandler(enforceTrust: false), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        // Secret headers only travel on connections whose certificate proves the host (a separate pool).
        _strict = options.Headers.IsEmpty
            ? null
            : new HttpClient(CreateHandler(enforceTrust: true), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }

    private Uri HttpsUrl => new("https://" + _site);
    private Uri HttpUrl => new("http://" + _site);

    public async Task<SiteSnapshot> RunAsync(CancellationToken cancel)
    {
        var stopwatch = Stopwatch.StartNew();
        var capturedAt = DateTimeOffset.UtcNow;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        deadline.CancelAfter(_options.Timeout);
        _deadline = deadline.Token;

        // Everything that does not depend on another answer starts now.
        var httpsChain = FollowAsync(HttpsUrl);
        var httpChain = FollowAsync(HttpUrl);
        var speculativePreflight = PreflightAsync(HttpsUrl);
        var httpsBase = new Uri("https://" + _given.Authority);
        var paths = ProbePathsAsync(httpsBase);
        var tls10 = LegacyAsync(LegacyTlsProbe.Tls10);
        var tls11 = LegacyAsync(LegacyTlsProbe.Tls11);

        var (https, httpsError) = await httpsChain;
        var (http, httpError) = await httpChain;
        var graded = https ?? http;

        HttpResponseSnapshot? preflight = null;
        if (graded is not null)
        {
            preflight = https is not null && graded.Final.Url == HttpsUrl
                ? await speculativePreflight
                : await PreflightAsync(graded.Final.Url);
        }

        var pathProbes = await paths;
        if (https is null && http is not null)
        {
            pathProbes = await ProbePathsAsync(new Uri("http://" + _given.Authority)); // plain HTTP is all there is
        }

        // A server that speaks only TLS 1.0/1.1 fails the main HTTPS requests but still has TLS facts to report.
        var (legacy10, legacy11) = (await tls10, await tls11);
        var tls = https is null && legacy10 != LegacyProtocolSupport.Accepted && legacy11 != LegacyProtocolSupport.Accepted
            ? null
            : Negotiated() with { Tls10 = legacy10, Tls11 = legacy11 };
        if (tls is not null && (tls.Tls10 == LegacyProtocolSupport.NotTestable || tls.Tls11 == LegacyProtocolSupport.NotTestable))
        {
            tls = tls with { LegacyProbeNote = LegacyTlsProbe.NotTestableNote };
        }

        cancel.ThrowIfCancellationRequested();
        return new SiteSnapshot
        {
            Site = _site,
            Http = http,
            Https = https,
            HttpError = httpError,
            HttpsError = httpsError,
            CorsPreflight = preflight,
            Tls = tls,
            Paths = pathProbes,
            CapturedAt = capturedAt,
            RequestCount = Volatile.Read(ref _requests),
            TlsHandshakes = Volatile.Read(ref _handshakes),
            Duration = stopwatch.Elapsed,
            DeadlineReached = _deadlineReached,
        };
    }

    // ---- chains -------------------------------------------------------------------------------------------

    private async Task<(RequestChain? Chain, string? Error)> FollowAsync(Uri start)
    {
        var responses = new List<HttpResponseSnapshot>();
        var verified = true;
        var url = start;
        while (true)
        {
            var fetched = await GetAsync(url, _options.MaxBodyBytes);
            if (fetched.Response is null)
            {
                return responses.Count == 0
                    ? (null, fetched.Error)
                    : (Chain(ChainEnd.RequestFailed, fetched.Error), null);
            }

            responses.Add(fetched.Response);
            verified &= fetched.CertificateVerified;
            var (end, next, detail) = NextHop(fetched.Response, responses.Count - 1);
            if (next is null)
            {
                return (Chain(end, detail), null);
            }

            url = next;
        }

        RequestChain Chain(ChainEnd end, string? detail) =>
            new() { Responses = [.. responses], CertificateVerified = verified, End = end, EndDetail = detail };
    }

    /// <summary>Where a response leads, or why the chain stops there.</summary>
    private (ChainEnd End, Uri? Next, string? Detail) NextHop(HttpResponseSnapshot response, int redirectsSoFar)
    {
        if (!response.IsRedirect || response.Location is not { } location)
        {
            return (ChainEnd.Completed, null, null);
        }

        if (redirectsSoFar >= RequestChain.MaxRedirects)
        {
            return (ChainEnd.RedirectLimit, null, location);
        }

        if (!Uri.TryCreate(response.Url, location.Trim(), out var next)
            || (next.Scheme != Uri.UriSchemeHttp && next.Scheme != Uri.UriSchemeHttps) || next.Host.Length == 0)
        {
            return (ChainEnd.InvalidLocation, null, location);
        }

        if (AddressPolicy.IsForbiddenLiteral(next.Host) && !IsSiteHost(next.Host))
        {
            return (ChainEnd.ForbiddenAddress, null, next.AbsoluteUri);
        }

        if (!IsSiteHost(next.Host) && !_options.AllowedRedirectHosts.Contains(next.Host, StringComparer.OrdinalIgnoreCase))
        {
            return (ChainEnd.OffHostRedirectNotFollowed, null, next.AbsoluteUri);
        }

        return (ChainEnd.Completed, next, null);
    }

    /// <summary>The Observatory's pre-flight: OPTIONS with an Origin, redirects followed; null when it failed.</summary>
    private async Task<HttpResponseSnapshot?> PreflightAsync(Uri start)
    {
        var url = start;
        for (var hop = 0; hop <= RequestChain.MaxRedirects; hop++)
        {
            var fetched = await SendAsync(HttpMethod.Options, url, _options.MaxSideBodyBytes,
                [("Origin", LiveProbeOptions.CorsProbeOrigin), ("Access-Control-Request-Method", "GET")]);
            if (fetched.Response is not { } response)
            {
                return null;
            }

            var (_, next, _) = NextHop(response, hop);
            if (next is null)
            {
                return response;
            }

            url = next;
        }

        return null;
    }

    private async Task<ImmutableArray<PathProbe>> ProbePathsAsync(Uri origin)
    {
        var random = NotFoundPathPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)) + "/";
        var wanted = new List<(string Path, PathPurpose Purpose)>
        {
            (random, PathPurpose.RandomNotFound),
            (AdminLoginPath, PathPurpose.AdminLogin),
        };
        wanted.AddRange(SensitivePaths.Select(p => (p, PathPurpose.SensitiveFile)));

        var fetches = wanted.Select(async w =>
        {
            var fetched = await GetAsync(new Uri(origin, w.Path), _options.MaxSideBodyBytes);
            return new PathProbe(w.Path, w.Purpose, fetched.Response, fetched.Error);
        });
        return [.. await Task.WhenAll(fetches)];
    }

    // ---- requests -----------------------------------------------------------------------------------------

    /// <summary>A GET, sent once per URL for the whole probe.</summary>
    private Task<Fetched> GetAsync(Uri url, int maxBodyBytes) =>
        _gets.GetOrAdd(url.AbsoluteUri, _ => SendAsync(HttpMethod.Get, url, maxBodyBytes, []));

    private async Task<Fetched> SendAsync(HttpMethod method, Uri url, int maxBodyBytes, IReadOnlyList<(string, string)> headers)
    {
        var withSecrets = _strict is not null && CarriesSecrets(url);
        try
        {
            return await SendOnceAsync(withSecrets ? _strict! : _lenient, method, url, maxBodyBytes, headers, withSecrets);
        }
        catch (HttpRequestException e) when (withSecrets && e.InnerException is AuthenticationException)
        {
            // The certificate does not prove the host: never send the secret headers there. Like the Observatory,
            // look again without verification (and without the secrets) and remember the page is unverified.
        }
        catch (Exception e) when (IsProbeFailure(e))
        {
            return new Fetched(null, Describe(e), false);
        }

        try
        {
            return await SendOnceAsync(_lenient, method, url, maxBodyBytes, headers, withSecrets: false);
        }
        catch (Exception e) when (IsProbeFailure(e))
        {
            return new Fetched(null, Describe(e), false);
        }
    }

    private async Task<Fetched> SendOnceAsync(HttpClient client, HttpMethod method, Uri url, int maxBodyBytes,
        IReadOnlyList<(string Name, string Value)> headers, bool withSecrets)
    {
        using var request = new HttpRequestMessage(method, url)
        {
            Version = HttpVersion.Version20, // offered via ALPN on https; plain http stays HTTP/1.1
            VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
        };
        request.Headers.TryAddWithoutValidation("Accept", LiveProbeOptions.Accept);
        request.Headers.TryAddWithoutValidation("User-Agent", LiveProbeOptions.UserAgent);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (withSecrets)
        {
            foreach (var header in _options.Headers)
            {
                request.Headers.Remove(header.Name);
                request.Headers.TryAddWithoutValidation(header.Name, header.Value);
            }
        }

        Interlocked.Increment(ref _requests);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, _deadline);
        if (url.Scheme == Uri.UriSchemeHttps && IsSiteHost(url.Host))
        {
            CaptureNegotiated(response.Version);
        }

        var fields = new List<HeaderField>();
        foreach (var (name, values) in response.Headers.NonValidated.Concat(response.Content.Headers.NonValidated))
        {
            foreach (var value in values)
            {
                fields.Add(new HeaderField(name, value));
            }
        }

        var (body, truncated) = await ReadCappedAsync(response.Content, maxBodyBytes);
        var verified = url.Scheme != Uri.UriSchemeHttps || _verifiedByHost.GetValueOrDefault(url.Host, withSecrets);
        return new Fetched(new HttpResponseSnapshot
        {
            Url = url,
            StatusCode = (int)response.StatusCode,
            Headers = HeaderCollection.From(fields),
            Body = body,
            BodyTruncated = truncated,
        }, null, verified);
    }

    /// <summary>Reads at most <paramref name="maxBytes"/> of the body; the rest is never downloaded.</summary>
    private async Task<(string Body, bool Truncated)> ReadCappedAsync(HttpContent content, int maxBytes)
    {
        const int ChunkBytes = 16 * 1024;
        await using var stream = await content.ReadAsStreamAsync(_deadline);
        using var collected = new MemoryStream();
        var chunk = new byte[ChunkBytes];
        while (collected.Length <= maxBytes)
        {
            var read = await stream.ReadAsync(chunk, _deadline);
            if (read == 0)
            {
                break;
            }

            collected.Write(chunk, 0, read);
        }

        var truncated = collected.Length > maxBytes;
        var length = (int)Math.Min(collected.Length, maxBytes);
        return (Encoding.UTF8.GetString(collected.GetBuffer(), 0, length), truncated);
    }

    /// <summary>
    /// Secret headers go to the staging host only, never to another host after a redirect, and only over HTTPS
    /// unless the user's own URL is plain http:// (then they chose cleartext).
    /// </summary>
    private bool CarriesSecrets(Uri url) =>
        IsSiteHost(url.Host) && (url.Scheme == Uri.UriSchemeHttps || _given.Scheme == Uri.UriSchemeHttp);

    private bool IsSiteHost(string host) => string.Equals(host, _siteHost, StringComparison.OrdinalIgnoreCase);

    private bool IsProbeFailure(Exception e)
    {
        if (e is OperationCanceledException && _deadline.IsCancellationRequested)
        {
            _deadlineReached = true;
            return true;
        }

        return e is HttpRequestException or IOException or SocketException or AuthenticationException
            or InvalidOperationException or NotSupportedException or OperationCanceledException;
    }

    private string Describe(Exception e)
    {
        if (e is OperationCanceledException)
        {
            return $"no answer within the probe deadline of {_options.Timeout.TotalSeconds:0.#} s";
        }

        var innermost = e;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }

        var kind = e is HttpRequestException { HttpRequestError: not HttpRequestError.Unknown } h ? h.HttpRequestError + ": " : "";
        return kind + (e is HttpRequestException { InnerException: AuthenticationException } ? "TLS handshake failed: " : "")
            + innermost.Message;
    }

    // ---- connections and TLS ------------------------------------------------------------------------------

    private SocketsHttpHandler CreateHandler(bool enforceTrust) => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        UseProxy = false,
        AutomaticDecompression = DecompressionMethods.All,
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
        ConnectCallback = (context, cancel) => new ValueTask<Stream>(ConnectAsync(context.DnsEndPoint.Host, context.DnsEndPoint.Port, cancel)),
        SslOptions = new SslClientAuthenticationOptions
        {
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            CertificateChainPolicy = new X509ChainPolicy
            {
                DisableCertificateDownloads = true,
                RevocationMode = X509RevocationMode.NoCheck,
            },
            RemoteCertificateValidationCallback = (sender, certificate, chain, errors) =>
                OnCertificate(sender as SslStream, certificate, chain, errors, enforceTrust),
        },
    };

    /// <summary>Resolves, drops forbidden addresses (unless the user named that host), connects to the first that answers.</summary>
    private async Task<Stream> ConnectAsync(string host, int port, CancellationToken cancel)
    {
        IPAddress[] addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancel);
        var allowed = IsSiteHost(host) ? addresses : addresses.Where(a => !AddressPolicy.IsForbidden(a)).ToArray();
        if (allowed.Length == 0)
        {
            throw new HttpRequestException(
                $"{host} resolves only to link-local or cloud metadata addresses; the probe does not connect there.");
        }

        Exception? last = null;
        foreach (var address in allowed)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, port), cancel);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw last!;
    }

    private bool OnCertificate(SslStream? stream, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors, bool enforceTrust)
    {
        Interlocked.Increment(ref _handshakes);
        var facts = _trust.Evaluate(certificate, chain, errors);
        var now = DateTimeOffset.UtcNow;
        var valid = facts is { ChainTrusted: true, HostnameMatches: true } && !facts.IsExpiredAt(now) && !facts.IsNotYetValidAt(now);
        var host = stream?.TargetHostName ?? "";
        _verifiedByHost[host] = valid;
        if (IsSiteHost(host))
        {
            lock (_tlsLock)
            {
                _certificate ??= facts;
                _siteTlsStream ??= stream;
            }
        }

        return valid || !enforceTrust;
    }

    /// <summary>Reads protocol, cipher and ALPN of the site's connection while a response on it is still open.</summary>
    private void CaptureNegotiated(Version responseVersion)
    {
        lock (_tlsLock)
        {
            if (_negotiated is not null || _siteTlsStream is not { } stream)
            {
                return;
            }

            try
            {
                var alpn = stream.NegotiatedApplicationProtocol.Protocol.Length > 0
                    ? stream.NegotiatedApplicationProtocol.ToString()
                    : responseVersion.Major == 2 ? "h2" : null;
                _negotiated = new TlsFacts
                {
                    Protocol = stream.SslProtocol.ToString(),
                    CipherSuite = stream.NegotiatedCipherSuite.ToString(),
                    ApplicationProtocol = alpn,
                };
            }
            catch (ObjectDisposedException)
            {
                // The connection is already gone; the facts stay unknown.
            }
        }
    }

    private TlsFacts Negotiated()
    {
        lock (_tlsLock)
        {
            return (_negotiated ?? new TlsFacts()) with { Certificate = _certificate };
        }
    }

    private async Task<LegacyProtocolSupport> LegacyAsync(SslProtocols protocol)
    {
        if (!_options.CheckLegacyTls)
        {
            return LegacyProtocolSupport.NotChecked;
        }

        var port = HttpsUrl.Port;
        var result = await LegacyTlsProbe.CheckAsync(c => ConnectAsync(_siteHost, port, c), _siteHost, protocol, _deadline);
        if (result == LegacyProtocolSupport.NotChecked && _deadline.IsCancellationRequested)
        {
            _deadlineReached = true;
        }

        return result;
    }

    public void Dispose()
    {
        _lenient.Dispose();
        _strict?.Dispose();
    }
}
