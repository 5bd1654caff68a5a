using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using SecurityGate.Configuration;
using SecurityGate.Findings;
using SecurityGate.Gate;
using SecurityGate.Sources.Discovery;
using SecurityGate.Sources.Live;

namespace SecurityGate.Tests.Sources.Live.Probe;

/// <summary>
/// The live probe against real Kestrel servers on 127.0.0.1 with in-process certificates: what it captures, what it
/// refuses to do (follow off-host or metadata redirects, leak secret headers, wait past the deadline, read huge bodies),
/// and which rules fire on the result.
/// </summary>
public sealed class LiveProbeTests(TestCertificates certificates) : IClassFixture<TestCertificates>
{
    private const string SecretHeader = "X-Staging-Token";
    private const string SecretValue = "s3cret-value-never-printed";

    private LiveProbeOptions WithCa => new() { CaFile = certificates.CaFile };

    private static async Task<(SiteSnapshot Snapshot, List<Finding> Findings)> ProbeAsync(Uri url, LiveProbeOptions options)
    {
        var snapshot = await new LiveProbe(options).ProbeAsync(url, CancellationToken.None);
        return (snapshot, [.. LiveAnalyzer.Evaluate(LiveSite.Of(snapshot, url.AbsoluteUri))]);
    }

    private static List<string> Ids(IEnumerable<Finding> findings) => [.. findings.Select(f => f.RuleId).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task HealthySite_WithItsCaFile_IsCapturedCompletely_AndHasNoFindings()
    {
        var site = new FakeDjangoSite();
        await using var server = await ProbeTestServer.StartAsync(certificates.Valid, site.HandleAsync);

        var (snapshot, findings) = await ProbeAsync(server.Url(), WithCa);

        Assert.Empty(findings);
        Assert.Equal([(301, "http"), (200, "https")], snapshot.Http!.Responses.Select(r => (r.StatusCode, r.Url.Scheme)));
        Assert.Equal([200], snapshot.Https!.Responses.Select(r => r.StatusCode));
        Assert.True(snapshot.Https.CertificateVerified);
        Assert.Equal(2, snapshot.Https.Final.Cookies.Length);
        Assert.NotNull(snapshot.CorsPreflight);
        Assert.Contains(snapshot.Tls!.Protocol, new[] { "Tls12", "Tls13" });
        Assert.NotNull(snapshot.Tls.CipherSuite);
        Assert.Equal(CertificateTrust.TrustedByCaFile, snapshot.Tls.Certificate!.TrustedBy);
        Assert.True(snapshot.Tls.Certificate.HostnameMatches);
        Assert.Equal(LegacyProtocolSupport.Refused, snapshot.Tls.Tls10);
        Assert.Equal(LegacyProtocolSupport.Refused, snapshot.Tls.Tls11);
        Assert.Equal(5, snapshot.Paths.Length);
        Assert.Equal(404, snapshot.PathFor(PathPurpose.RandomNotFound)!.Response!.StatusCode);
        // The http chain's hop to https:// reuses the https chain's answer: "/" over TLS is asked once.
        Assert.Single(server.Requests, r => r.Tls && r.Method == "GET" && r.Path == "/");
        Assert.Equal(server.Requests.Count, snapshot.RequestCount);
    }

    [Fact]
    public async Task PrivateCaCertificate_WithoutCaFile_ReportsUntrustedCertificate()
    {
        await using var server = await ProbeTestServer.StartAsync(certificates.Valid, new FakeDjangoSite().HandleAsync);
        var (snapshot, findings) = await ProbeAsync(server.Url(), new LiveProbeOptions());
        Assert.Equal(["WEB006"], Ids(findings));
        Assert.False(snapshot.Https!.CertificateVerified);
        Assert.Contains("does not chain to a trusted root", findings[0].Message);
    }

    [Fact]
    public async Task ExpiredCertificate_ReportsExpired()
    {
        await using var server = await ProbeTestServer.StartAsync(certificates.Expired, new FakeDjangoSite().HandleAsync);
        var (_, findings) = await ProbeAsync(server.Url(), WithCa);
        Assert.Equal(["WEB007"], Ids(findings));
        Assert.Contains("expired on", findings[0].Message);
    }

    [Fact]
    public async Task CertificateExpiringIn10Days_ReportsExpiresSoon()
    {
        await using var server = await ProbeTestServer.StartAsync(certificates.ExpiringSoon, new FakeDjangoSite().HandleAsync);
        var (_, findings) = await ProbeAsync(server.Url(), WithCa);
        Assert.Equal(["WEB008"], Ids(findings));
    }

    [Fact]
    public async Task CertificateForAnotherHost_ReportsHostnameMismatch()
    {
        await using var server = await ProbeTestServer.StartAsync(certificates.WrongHost, new FakeDjangoSite().HandleAsync);
        var (_, findings) = await ProbeAsync(server.Url(), WithCa);
        Assert.Equal(["WEB009"], Ids(findings));
        Assert.Contains(TestCertificates.OtherHost, findings[0].Message);
    }

    [Fact]
    public async Task SelfSignedCertificate_ReportsUntrusted_EvenWithACaFile()
    {
        await using var server = await ProbeTestServer.StartAsync(certificates.SelfSigned, new FakeDjangoSite().HandleAsync);
        var (_, findings) = await ProbeAsync(server.Url(), WithCa);
        Assert.Equal(["WEB006"], Ids(findings));
        Assert.Contains("is self-signed", findings[0].Message);
    }

    [Fact]
    public async Task SecretHeader_GoesToTheStagingHostOverHttpsOnly_AndNeverToAnotherHostAfterARedirect()
    {
        await using var other = await ProbeTestServer.StartAsync(certificates.Valid, new FakeDjangoSite().HandleAsync);
        var site = new FakeDjangoSite();
        site.Paths["/"] = (context, tls) =>
        {
            if (tls)
            {
                return new FakeDjangoSite().HandleAsync(context, tls);
            }

            context.Response.StatusCode = 301; // http:// → another host (an SSO front door, say)
            context.Response.Headers.Location = other.Url(host: "localhost").AbsoluteUri;
            return Task.CompletedTask;
        };
        await using var staging = await ProbeTestServer.StartAsync(certificates.Valid, site.HandleAsync);

        var options = WithCa with { Headers = [new ProbeHeader(SecretHeader, SecretValue)], AllowedRedirectHosts = ["localhost"] };
        var (snapshot, findings) = await ProbeAsync(staging.Url(), options);

        Assert.Equal("localhost", snapshot.Http!.Final.Url.Host); // the redirect was followed…
        Assert.NotEmpty(other.Requests);
        Assert.All(other.Requests, r => Assert.False(r.Headers.ContainsKey(SecretHeader))); // …without the secret
        Assert.All(staging.Requests.Where(r => r.Tls), r => Assert.Equal(SecretValue, r.Headers[SecretHeader]));
        Assert.All(staging.Requests.Where(r => !r.Tls), r => Assert.False(r.Headers.ContainsKey(SecretHeader)));
        Assert.Equal(["WEB004"], Ids(findings));
        Assert.All(findings, f => Assert.DoesNotContain(SecretValue, f.Message));
    }

    [Fact]
    public async Task SecretHeader_IsNotSentOverAConnectionWhoseCertificateFails()
    {
        var site = new FakeDjangoSite();
        await using var server = await ProbeTestServer.StartAsync(certificates.SelfSigned, site.HandleAsync);
        var options = WithCa with { Headers = [new ProbeHeader(SecretHeader, SecretValue)] };

        var (snapshot, _) = await ProbeAsync(server.Url(), options);

        Assert.NotNull(snapshot.Https); // looked at anyway, like the Observatory…
        Assert.False(snapshot.Https.CertificateVerified);
        Assert.All(server.Requests, r => Assert.False(r.Headers.ContainsKey(SecretHeader))); // …but never with the secret
    }

    [Fact]
    public async Task OffHostRedirect_WithoutAllowRedirectHost_IsNotFollowed()
    {
        await using var other = await ProbeTestServer.StartAsync(certificates.Valid, new FakeDjangoSite().HandleAsync);
        var site = new FakeDjangoSite();
        site.Paths["/"] = (context, tls) =>
        {
            context.Response.StatusCode = 302;
            context.Response.Headers.Location = other.Url(host: "localhost").AbsoluteUri;
            return Task.CompletedTask;
        };
        await using var staging = await ProbeTestServer.StartAsync(certificates.Valid, site.HandleAsync);

        var (snapshot, findings) = await ProbeAsync(staging.Url(), WithCa);

        Assert.Empty(other.Requests);
        Assert.Equal(ChainEnd.OffHostRedirectNotFollowed, snapshot.Https!.End);
        Assert.Equal(ChainEnd.OffHostRedirectNotFollowed, snapshot.Http!.End);
        Assert.Contains("WEB004", Ids(findings));
        Assert.Contains("not followed", findings.First(f => f.RuleId == "WEB004").Message);
    }

    [Fact]
    public async Task RedirectToTheCloudMetadataAddress_IsNeverFollowed_EvenWhenAllowed()
    {
        var site = new FakeDjangoSite();
        site.Paths["/"] = (context, tls) =>
        {
            if (tls)
            {
                return new FakeDjangoSite().HandleAsync(context, tls);
            }

            context.Response.StatusCode = 301;
            context.Response.Headers.Location = "http://169.254.169.254/latest/meta-data/iam/security-credentials/";
            return Task.CompletedTask;
        };
        await using var server = await ProbeTestServer.StartAsync(certificates.Valid, site.HandleAsync);

        var (snapshot, findings) = await ProbeAsync(server.Url(), WithCa with { AllowedRedirectHosts = ["169.254.169.254"] });

        Assert.Equal(ChainEnd.ForbiddenAddress, snapshot.Http!.End);
        Assert.Single(snapshot.Http.Responses);
        Assert.Contains("WEB004", Ids(findings));
        Assert.Contains("WEB003", Ids(findings));
        Assert.Contains("link-local/metadata", findings.Single(f => f.RuleId == "WEB003").Message);
    }

    [Fact]
    public async Task SlowSite_IsCutAtTheOneDeadline_AndIsUnreachable()
    {
        var site = new FakeDjangoSite { Delay = TimeSpan.FromSeconds(30) };
        await using var server = await ProbeTestServer.StartAsync(certificates.Valid, site.HandleAsync);
        var stopwatch = Stopwatch.StartNew();

        var (snapshot, findings) = await ProbeAsync(server.Url(), WithCa with { Timeout = TimeSpan.FromSeconds(1.5) });

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"took {stopwatch.Elapsed}");
        Assert.True(snapshot.DeadlineReached);
        Assert.True(snapshot.Unreachable);
        Assert.Equal(["WEB001"], Ids(findings));
        Assert.Contains("deadline of 1.5 s", findings[0].Message);
    }

    [Fact]
    public async Task HugeBody_IsCutAtTheCap_WithoutDownloadingTheRest()
    {
        const int Megabyte = 1024 * 1024;
        var site = new FakeDjangoSite();
        site.Paths["/"] = async (context, tls) =>
        {
            context.Response.ContentType = "text/html";
            var chunk = System.Text.Encoding.ASCII.GetBytes(new string('a', 64 * 1024));
            for (var i = 0; i < 50 * 16 && !context.RequestAborted.IsCancellationRequested; i++) // 50 MB
            {
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
            }
        };
        await using var server = await ProbeTestServer.StartAsync(certificates.Valid, site.HandleAsync);

        var (snapshot, _) = await ProbeAsync(server.Url(), WithCa with { MaxBodyBytes = Megabyte });

        Assert.Equal(Megabyte, snapshot.Https!.Final.Body.Length);
        Assert.True(snapshot.Https.Final.BodyTruncated);
    }

    [Fact]
    public async Task ConnectionResetOnHttps_IsAnHttpsFailure_WhilePlainHttpStillCounts()
    {
        var site = new FakeDjangoSite { RedirectHttp = false };
        await using var server = await ProbeTestServer.StartAsync(certificates.Valid, (context, tls) =>
        {
            if (tls)
            {
                context.Abort(); // reset mid-request
                return Task.CompletedTask;
            }

            return site.HandleAsync(context, tls);
        });

        var (snapshot, findings) = await ProbeAsync(server.Url(), WithCa);

        Assert.Null(snapshot.Https);
        Assert.False(string.IsNullOrEmpty(snapshot.HttpsError));
        Assert.NotNull(snapshot.Http);
        Assert.Contains("WEB002", Ids(findings));
        Assert.False(snapshot.Unreachable);
    }

    private const string DjangoTechnical404 =
        "<!DOCTYPE html><html lang=\"en\"><head><title>Page not found at /x/</title></head><body><div id=\"info\">" +
        "<p>Using the URLconf defined in <code>mysite.urls</code>, Django tried these URL patterns, in this order:</p>" +
        "<ol><li>admin/</li></ol></div><div id=\"explanation\"><p>You’re seeing this error because you have " +
        "<code>DEBUG = True</code> in your Django settings file. Change that to <code>False</code>, and Django will " +
        "display a standard 404 page.</p></div></body></html>";

    [Fact]
    public async Task DebugSiteWithAnExposedEnvFile_ReportsDebugPageAndSensitiveFile()
    {
        var site = new FakeDjangoSite();
        await using var server = await ProbeTestServer.StartAsync(certificates.Valid, async (context, tls) =>
        {
            if (tls && context.Request.Path == "/.env")
            {
                await FakeDjangoSite.WriteAsync(context, 200, "application/octet-stream", "SECRET_KEY=django-insecure-abc\nDEBUG=1\n");
            }
            else if (tls && context.Request.Path != "/")
            {
                await FakeDjangoSite.WriteAsync(context, 404, "text/html; charset=utf-8", DjangoTechnical404);
            }
            else
            {
                await site.HandleAsync(context, tls);
            }
        });

        var (_, findings) = await ProbeAsync(server.Url(), WithCa);

        Assert.Equal(["WEB026", "WEB027"], Ids(findings));
        Assert.Contains("/.env is served", findings.Single(f => f.RuleId == "WEB027").Message);
    }

    [Fact]
    public async Task CatchAllSite_ServingOnePageEverywhere_HasNoSensitiveFileFinding()
    {
        await using var server = await ProbeTestServer.StartAsync(certificates.Valid, (context, tls) =>
            tls ? FakeDjangoSite.WriteAsync(context, 200, "text/plain", "welcome") : new FakeDjangoSite().HandleAsync(context, tls));

        var (snapshot, findings) = await ProbeAsync(server.Url(), WithCa);

        Assert.Equal(200, snapshot.Paths.Single(p => p.Path == "/.env").Response!.StatusCode);
        Assert.DoesNotContain("WEB027", Ids(findings));
    }

    [Fact]
    public async Task ClosedPort_ThroughTheGate_IsUnreachable_AndBlocks()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var options = new GateOptions
        {
            RepositoryPath = "/repo",
            Urls = [new Uri($"https://127.0.0.1:{port}/")],
            ProbeTimeout = TimeSpan.FromSeconds(5),
        };

        var result = await new GateRunner([new LiveAnalyzer()]).RunAsync(options, new InMemoryRepositoryFiles(), [], null, CancellationToken.None);

        var site = Assert.Single(result.Sites);
        Assert.False(site.Reachable);
        Assert.Null(site.Observatory);
        var finding = Assert.Single(result.Findings);
        Assert.Equal("WEB001", finding.RuleId);
        Assert.True(finding.Blocking);
        Assert.Equal(Verdict.Fail, result.Verdict);
    }

    [Fact]
    public async Task HealthySite_ThroughTheGate_HasAnAPlusObservatorySummary_AndMinGradePasses()
    {
        await using var server = await ProbeTestServer.StartAsync(certificates.Valid, new FakeDjangoSite().HandleAsync);
        var options = new GateOptions
        {
            RepositoryPath = "/repo", Urls = [server.Url()], CaFile = certificates.CaFile, MinGrade = "A+",
        };

        var result = await new GateRunner([new LiveAnalyzer()]).RunAsync(options, new InMemoryRepositoryFiles(), [], null, CancellationToken.None);

        Assert.Empty(result.Findings);
        var site = Assert.Single(result.Sites);
        Assert.True(site.Reachable);
        Assert.Equal("A+", site.Observatory!.Grade);
        Assert.Equal(140, site.Observatory.Score);
        Assert.Equal(10, site.Observatory.Tests.Count);
    }

    [Fact]
    public async Task Http2Site_IsSeenAsH2_AndAllRequestsShareOneHandshake()
    {
        await using var server = await ProbeTestServer.StartHttpsOnlyAsync(certificates.Valid, new FakeDjangoSite().HandleAsync);

        var (snapshot, _) = await ProbeAsync(server.Url(), WithCa);

        Assert.Equal("h2", snapshot.Tls!.ApplicationProtocol);
        Assert.All(server.Requests, r => Assert.Equal("HTTP/2", r.Protocol));
        Assert.Equal(1, snapshot.TlsHandshakes);
        Assert.Null(snapshot.Http); // plain HTTP on a TLS-only port does not answer
    }
}
