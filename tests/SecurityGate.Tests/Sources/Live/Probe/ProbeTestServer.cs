using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SecurityGate.Tests.Sources.Live.Probe;

/// <summary>What a test server saw: scheme, method, Host, path and the request headers.</summary>
public sealed record RecordedRequest(bool Tls, string Method, string Host, string Path, string Protocol, IReadOnlyDictionary<string, string> Headers);

/// <summary>
/// Kestrel on 127.0.0.1:0. In the default mode ONE port speaks plain HTTP and HTTPS (a connection middleware sniffs
/// the TLS ClientHello and wraps the connection in SslStream), because the probe, like the Observatory, asks
/// http://host:port and https://host:port on the same port. <see cref="StartHttpsOnlyAsync"/> uses Kestrel's own
/// HTTPS (ALPN, HTTP/2). The handler gets the context and whether the connection is TLS; every request is recorded.
/// </summary>
public sealed class ProbeTestServer : IAsyncDisposable
{
    private const byte TlsHandshakeRecord = 0x16;
    private const string TlsItem = "securitygate-tls";

    private readonly WebApplication _app;

    private ProbeTestServer(WebApplication app) => _app = app;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public int Port { get; private set; }

    /// <summary>host:port for the probe: 127.0.0.1:port.</summary>
    public string Authority => $"127.0.0.1:{Port}";

    public Uri Url(string scheme = "https", string host = "127.0.0.1", string path = "/") => new($"{scheme}://{host}:{Port}{path}");

    public static Task<ProbeTestServer> StartAsync(X509Certificate2 certificate, Func<HttpContext, bool, Task> handle) =>
        StartCoreAsync(certificate, handle, httpsOnly: false);

    public static Task<ProbeTestServer> StartHttpsOnlyAsync(X509Certificate2 certificate, Func<HttpContext, bool, Task> handle) =>
        StartCoreAsync(certificate, handle, httpsOnly: true);

    private static async Task<ProbeTestServer> StartCoreAsync(X509Certificate2 certificate, Func<HttpContext, bool, Task> handle, bool httpsOnly)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, 0, listen =>
            {
                if (httpsOnly)
                {
                    listen.Protocols = HttpProtocols.Http1AndHttp2;
                    listen.UseHttps(certificate);
                }
                else
                {
                    listen.Protocols = HttpProtocols.Http1;
                    listen.Use(next => connection => SniffTlsAsync(connection, next, certificate));
                }
            });
        });

        ProbeTestServer? server = null;
        var app = builder.Build();
        app.Run(async context =>
        {
            var tls = httpsOnly || context.Features.Get<IConnectionItemsFeature>()?.Items.ContainsKey(TlsItem) == true;
            server!.Requests.Enqueue(new RecordedRequest(tls, context.Request.Method, context.Request.Host.Value ?? "",
                context.Request.Path + context.Request.QueryString, context.Request.Protocol,
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
            await handle(context, tls);
        });
        server = new ProbeTestServer(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Port = new Uri(address).Port;
        return server;
    }

    private static async Task SniffTlsAsync(Microsoft.AspNetCore.Connections.ConnectionContext connection,
        Microsoft.AspNetCore.Connections.ConnectionDelegate next, X509Certificate2 certificate)
    {
        var input = connection.Transport.Input;
        var read = await input.ReadAtLeastAsync(1, connection.ConnectionClosed);
        if (read.Buffer.IsEmpty)
        {
            input.AdvanceTo(read.Buffer.End);
            return;
        }

        var isTls = read.Buffer.FirstSpan[0] == TlsHandshakeRecord;
        input.AdvanceTo(read.Buffer.Start); // nothing consumed: Kestrel or SslStream reads the same bytes again
        if (!isTls)
        {
            await next(connection);
            return;
        }

        var original = connection.Transport;
        await using var ssl = new SslStream(new DuplexPipeStream(original), leaveInnerStreamOpen: true);
        try
        {
            await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
            {
                ServerCertificate = certificate,
                ApplicationProtocols = [SslApplicationProtocol.Http11],
            }, connection.ConnectionClosed);
        }
        catch (Exception)
        {
            return; // a client that rejects the certificate, or a legacy-protocol attempt
        }

        connection.Items[TlsItem] = true;
        connection.Transport = new DuplexPipe(PipeReader.Create(ssl, new StreamPipeReaderOptions(leaveOpen: true)),
            PipeWriter.Create(ssl, new StreamPipeWriterOptions(leaveOpen: true)));
        try
        {
            await next(connection);
        }
        finally
        {
            connection.Transport = original;
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }

    private sealed class DuplexPipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;
        public PipeWriter Output { get; } = output;
    }

    /// <summary>The connection's pipes as one Stream, for SslStream.</summary>
    private sealed class DuplexPipeStream(IDuplexPipe pipe) : Stream
    {
        private readonly Stream _input = pipe.Input.AsStream(leaveOpen: true);
        private readonly Stream _output = pipe.Output.AsStream(leaveOpen: true);

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => _input.Read(buffer, offset, count);
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => _input.ReadAsync(buffer, cancellationToken);
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => _input.ReadAsync(buffer, offset, count, cancellationToken);
        public override void Write(byte[] buffer, int offset, int count) => _output.Write(buffer, offset, count);
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => _output.WriteAsync(buffer, cancellationToken);
        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => _output.WriteAsync(buffer, offset, count, cancellationToken);
        public override void Flush() => _output.Flush();
        public override Task FlushAsync(CancellationToken cancellationToken) => _output.FlushAsync(cancellationToken);
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
