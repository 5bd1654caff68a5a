using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using SecurityGate.Sources.Live;

namespace SecurityGate.Tests.Sources.Live.Observatory.Reference;

/// <summary>
/// A small stand-in for the live probe (written later): fetches a site over real HTTP(S) the way the Observatory
/// does (both schemes, redirects followed by hand up to 10, then a CORS pre-flight on the graded chain's final
/// URL) and records what came back as a <see cref="SiteSnapshot"/>. Loopback only: every connection goes to
/// 127.0.0.1 whatever the URL's host (localhost is used for off-host redirects).
/// </summary>
public sealed class SnapshotCapture : IDisposable
{
    private const string CorsOrigin = "https://http-observatory.security.mozilla.org";
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(9);

    private readonly HttpClient _client;

    public SnapshotCapture(LoopbackCertificates certificates)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseProxy = false,
            PooledConnectionLifetime = TimeSpan.Zero,
            ConnectCallback = ConnectToLoopbackAsync,
            SslOptions = new SslClientAuthenticationOptions
            {
                // Like the Observatory: connect anyway and remember whether the chain was trusted.
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                {
                    var trusted = certificate is X509Certificate2 c && certificates.IsTrusted(c);
                    if (!trusted)
                    {
                        Interlocked.Increment(ref _untrustedHandshakes);
                    }

                    return true;
                },
            },
        };
        _client = new HttpClient(handler) { Timeout = RequestTimeout };
        _client.DefaultRequestHeaders.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        _client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", "SecurityGate-ReferenceCapture/1.0");
    }

    private int _untrustedHandshakes;

    public async Task<SiteSnapshot> CaptureAsync(string site)
    {
        var capturedAt = DateTimeOffset.UtcNow;
        var http = await FetchChainAsync(new Uri("http://" + site));
        var https = await FetchChainAsync(new Uri("https://" + site));
        var graded = https ?? http;
        HttpResponseSnapshot? cors = null;
        if (graded is not null)
        {
            cors = await FetchPreflightAsync(graded.Final.Url);
        }

        return new SiteSnapshot { Site = site, Http = http, Https = https, CorsPreflight = cors, CapturedAt = capturedAt };
    }

    private async Task<RequestChain?> FetchChainAsync(Uri start)
    {
        var untrustedBefore = Volatile.Read(ref _untrustedHandshakes);
        var responses = new List<HttpResponseSnapshot>();
        var url = start;
        try
        {
            while (true)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                var response = await SendAsync(request, url);
                responses.Add(response);
                if (!response.IsRedirect || responses.Count > RequestChain.MaxRedirects || response.Location is null)
                {
                    break;
                }

                url = new Uri(url, response.Location);
            }
        }
        catch (HttpRequestException)
        {
            return null; // this scheme does not answer
        }
        catch (TaskCanceledException)
        {
            return null;
        }

        var verified = Volatile.Read(ref _untrustedHandshakes) == untrustedBefore;
        return new RequestChain { Responses = [.. responses], CertificateVerified = verified };
    }

    private async Task<HttpResponseSnapshot?> FetchPreflightAsync(Uri finalUrl)
    {
        var url = finalUrl;
        try
        {
            for (var hop = 0; hop <= RequestChain.MaxRedirects; hop++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Options, url);
                request.Headers.TryAddWithoutValidation("Origin", CorsOrigin);
                request.Headers.TryAddWithoutValidation("Access-Control-Request-Method", "GET");
                var response = await SendAsync(request, url);
                if (!response.IsRedirect || response.Location is null)
                {
                    return response;
                }

                url = new Uri(url, response.Location);
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }

        return null;
    }

    private async Task<HttpResponseSnapshot> SendAsync(HttpRequestMessage request, Uri url)
    {
        using var response = await _client.SendAsync(request);
        var headers = new List<HeaderField>();
        foreach (var (name, values) in response.Headers.NonValidated.Concat(response.Content.Headers.NonValidated))
        {
            foreach (var value in values)
            {
                headers.Add(new HeaderField(name, value));
            }
        }

        var body = await response.Content.ReadAsStringAsync();
        return new HttpResponseSnapshot
        {
            Url = url,
            StatusCode = (int)response.StatusCode,
            Headers = HeaderCollection.From(headers),
            Body = body,
        };
    }

    private static async ValueTask<Stream> ConnectToLoopbackAsync(SocketsHttpConnectionContext context, CancellationToken cancel)
    {
        if (context.DnsEndPoint.Host is not ("127.0.0.1" or "localhost"))
        {
            throw new HttpRequestException($"The reference capture only connects to loopback, not {context.DnsEndPoint.Host}.");
        }

        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, context.DnsEndPoint.Port), cancel);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public void Dispose() => _client.Dispose();
}
