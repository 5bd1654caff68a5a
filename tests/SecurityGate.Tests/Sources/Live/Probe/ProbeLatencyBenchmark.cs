using System.Diagnostics;
using System.Net.Security;
using SecurityGate.Sources.Live;
using Xunit.Abstractions;

namespace SecurityGate.Tests.Sources.Live.Probe;

/// <summary>
/// Benchmark, not a timed test: with a server that delays every response by a fixed time, compares the whole probe
/// of one site with its slowest single request (a fresh connection, TLS handshake and one delayed GET) and prints
/// the figures. The target is a ratio of at most 1.3; only correctness is asserted, so a slow CI machine cannot fail it.
/// </summary>
[Trait("Category", "Benchmark")]
public sealed class ProbeLatencyBenchmark(TestCertificates certificates, ITestOutputHelper output) : IClassFixture<TestCertificates>
{
    private static readonly TimeSpan ResponseDelay = TimeSpan.FromMilliseconds(300);
    private const int Rounds = 5;

    [Fact]
    public async Task WholeProbe_ComparedWithItsSlowestSingleRequest()
    {
        var site = new FakeDjangoSite { Delay = ResponseDelay };
        await using var server = await ProbeTestServer.StartAsync(certificates.Valid, site.HandleAsync);
        var probe = new LiveProbe(new LiveProbeOptions { CaFile = certificates.CaFile });
        await probe.ProbeAsync(server.Url(), CancellationToken.None); // warm-up (JIT)

        var singles = new List<double>();
        var wholes = new List<double>();
        SiteSnapshot? last = null;
        for (var round = 0; round < Rounds; round++)
        {
            singles.Add(await SingleRequestMillisecondsAsync(server.Url()));
            last = await probe.ProbeAsync(server.Url(), CancellationToken.None);
            wholes.Add(last.Duration.TotalMilliseconds);
        }

        var single = Median(singles);
        var whole = Median(wholes);
        output.WriteLine($"delay per response {ResponseDelay.TotalMilliseconds} ms, {Rounds} rounds (medians):");
        output.WriteLine($"  slowest single request (new connection + TLS + GET): {single:0} ms");
        output.WriteLine($"  whole probe: {whole:0} ms = {whole / single:0.00} x (target <= 1.3 x)");
        output.WriteLine($"  HTTP requests per probe: {last!.RequestCount}, certificate validations: {last.TlsHandshakes}, plus 2 legacy-TLS handshakes");
        Assert.NotNull(last.Https);
        Assert.Empty(LiveAnalyzer.Evaluate(LiveSite.Of(last, server.Url().AbsoluteUri)));
    }

    private async Task<double> SingleRequestMillisecondsAsync(Uri url)
    {
        using var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = (_, _, _, _) => true },
        };
        using var client = new HttpClient(handler);
        var stopwatch = Stopwatch.StartNew();
        using var response = await client.GetAsync(url);
        await response.Content.ReadAsStringAsync();
        return stopwatch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
