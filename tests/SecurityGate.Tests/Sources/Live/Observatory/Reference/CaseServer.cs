using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace SecurityGate.Tests.Sources.Live.Observatory.Reference;

/// <summary>What the server answers: status, header lines exactly as listed (repeats kept), body.</summary>
public sealed record ServedResponse(int Status, IReadOnlyList<(string Name, string Value)> Headers, string Body = "")
{
    /// <summary>Read the request, then close the connection without answering (the scheme "does not answer").</summary>
    public static ServedResponse Drop { get; } = new(0, []);

    public bool IsDrop => Status == 0;
}

/// <summary>How one path answers per scheme; <see cref="Options"/> null means OPTIONS gets the GET answer.</summary>
public sealed record PathBehavior(ServedResponse Http, ServedResponse Https, ServedResponse? Options = null);

/// <summary>
/// A loopback-only test server that speaks plain HTTP and HTTPS on ONE port (it sniffs the first byte: 0x16 is a
/// TLS ClientHello), because the Observatory 1.4.x scans http://T and https://T with the same port. Answers are
/// written byte for byte from <see cref="PathBehavior"/>s (Connection: close, Content-Length), so repeated and
/// oddly spelled header lines reach the clients unchanged. Unknown paths (e.g. /robots.txt) get 404.
/// </summary>
public sealed class CaseServer : IAsyncDisposable
{
    private const int MaxRequestHeadBytes = 32 * 1024;
    private const byte TlsHandshakeRecord = 0x16;

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly X509Certificate2 _certificate;
    private readonly ConcurrentDictionary<string, PathBehavior> _paths = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _acceptLoop;

    public CaseServer(X509Certificate2 certificate)
    {
        _certificate = certificate;
        _listener.Start();
        _acceptLoop = AcceptLoopAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public void Serve(string path, PathBehavior behavior) => _paths[path] = behavior;

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(client));
        }
    }

    private async Task HandleAsync(TcpClient client)
    {
        using var _ = client;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        try
        {
            var network = client.GetStream();
            var first = new byte[1];
            if (await network.ReadAsync(first, timeout.Token) != 1)
            {
                return;
            }

            var isTls = first[0] == TlsHandshakeRecord;
            Stream stream = new PrefixedStream(first, network);
            if (isTls)
            {
                var tls = new SslStream(stream, leaveInnerStreamOpen: false);
                await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = _certificate }, timeout.Token);
                stream = tls;
            }

            await using (stream)
            {
                var (method, path) = await ReadRequestLineAsync(stream, timeout.Token);
                if (method is null)
                {
                    return;
                }

                var answer = Choose(method, path!, isTls);
                if (answer.IsDrop)
                {
                    return;
                }

                var bytes = Render(answer, includeBody: method != "HEAD");
                await stream.WriteAsync(bytes, timeout.Token);
                await stream.FlushAsync(timeout.Token);
            }
        }
        catch (Exception)
        {
            // A client that goes away (or a failed handshake) is not the server's problem.
        }
    }

    private ServedResponse Choose(string method, string path, bool isTls)
    {
        if (!_paths.TryGetValue(path.Split('?')[0], out var behavior))
        {
            return new ServedResponse(404, [("Content-Type", "text/plain")], "not found");
        }

        var byScheme = isTls ? behavior.Https : behavior.Http;
        return method == "OPTIONS" && behavior.Options is not null ? behavior.Options : byScheme;
    }

    private static byte[] Render(ServedResponse answer, bool includeBody)
    {
        var body = Encoding.UTF8.GetBytes(answer.Body);
        var head = new StringBuilder();
        head.Append($"HTTP/1.1 {answer.Status} {ReasonPhrase(answer.Status)}\r\n");
        foreach (var (name, value) in answer.Headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        head.Append($"Content-Length: {body.Length}\r\nConnection: close\r\n\r\n");
        var headBytes = Encoding.Latin1.GetBytes(head.ToString());
        return includeBody ? [.. headBytes, .. body] : headBytes;
    }

    private static string ReasonPhrase(int status) => status switch
    {
        200 => "OK", 204 => "No Content", 301 => "Moved Permanently", 302 => "Found", 303 => "See Other",
        307 => "Temporary Redirect", 308 => "Permanent Redirect", 401 => "Unauthorized", 403 => "Forbidden",
        404 => "Not Found", 405 => "Method Not Allowed", 500 => "Internal Server Error", _ => "Status",
    };

    private static async Task<(string? Method, string? Path)> ReadRequestLineAsync(Stream stream, CancellationToken cancel)
    {
        var head = new List<byte>();
        var buffer = new byte[4096];
        while (head.Count < MaxRequestHeadBytes)
        {
            var read = await stream.ReadAsync(buffer, cancel);
            if (read == 0)
            {
                return (null, null);
            }

            head.AddRange(buffer.AsSpan(0, read));
            var text = Encoding.Latin1.GetString([.. head]);
            if (text.Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                var parts = text[..text.IndexOf("\r\n", StringComparison.Ordinal)].Split(' ');
                return parts.Length >= 2 ? (parts[0], parts[1]) : (null, null);
            }
        }

        return (null, null);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _acceptLoop;
        _stop.Dispose();
    }

    /// <summary>Gives back the sniffed first byte before reading on from the socket.</summary>
    private sealed class PrefixedStream(byte[] prefix, Stream inner) : Stream
    {
        private int _prefixRead;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_prefixRead < prefix.Length && buffer.Length > 0)
            {
                var n = Math.Min(buffer.Length, prefix.Length - _prefixRead);
                prefix.AsSpan(_prefixRead, n).CopyTo(buffer);
                _prefixRead += n;
                return n;
            }

            return inner.Read(buffer);
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_prefixRead < prefix.Length && buffer.Length > 0)
            {
                return Read(buffer.Span);
            }

            return await inner.ReadAsync(buffer, cancellationToken);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            inner.WriteAsync(buffer, cancellationToken);

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            inner.WriteAsync(buffer, offset, count, cancellationToken);

        public override void Flush() => inner.Flush();
        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
