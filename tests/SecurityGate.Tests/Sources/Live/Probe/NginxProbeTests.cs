using SecurityGate.Sources.Live;

namespace SecurityGate.Tests.Sources.Live.Probe;

/// <summary>
/// The probe against Debian's nginx: which TLS versions a server accepts (nginx may enable TLS 1.0/1.1 with a
/// lowered OpenSSL security level, which Kestrel cannot), and a Django-style deployment behind nginx.
/// </summary>
public sealed class NginxProbeTests(TestCertificates certificates) : IClassFixture<TestCertificates>
{
    private const string Page = "<!doctype html><html><head><title>app</title></head><body>ok</body></html>";

    private static string TlsServer(string protocols) => $$"""
        listen 127.0.0.1:{PORT} ssl;
        ssl_certificate {CERT};
        ssl_certificate_key {KEY};
        ssl_protocols {{protocols}};
        ssl_ciphers DEFAULT:@SECLEVEL=0;
        location / { default_type text/html; return 200 '{{Page}}'; }
        """;

    [Theory]
    [InlineData("TLSv1 TLSv1.1 TLSv1.2", "Accepted", "Accepted", new[] { "WEB010" })]
    [InlineData("TLSv1 TLSv1.1", "Accepted", "Accepted", new[] { "WEB002", "WEB010" })]
    [InlineData("TLSv1.1 TLSv1.2", "Refused", "Accepted", new[] { "WEB010" })]
    [InlineData("TLSv1.2 TLSv1.3", "Refused", "Refused", new string[0])]
    public async Task LegacyTlsVersions_AreDetectedPerVersion(string protocols, string tls10, string tls11, string[] tlsFindings)
    {
        using var nginx = await NginxServer.StartAsync(certificates.Valid, TlsServer(protocols));

        var snapshot = await new LiveProbe(new LiveProbeOptions { CaFile = certificates.CaFile }).ProbeAsync(nginx.Url(), CancellationToken.None);

        Assert.Equal(Enum.Parse<LegacyProtocolSupport>(tls10), snapshot.Tls!.Tls10);
        Assert.Equal(Enum.Parse<LegacyProtocolSupport>(tls11), snapshot.Tls.Tls11);
        var ids = LiveAnalyzer.Evaluate(LiveSite.Of(snapshot)).Select(f => f.RuleId)
            .Where(id => id is "WEB002" or "WEB010").Order().ToArray();
        Assert.Equal(tlsFindings, ids);
    }

    [Fact]
    public async Task DjangoBehindNginx_RedirectsHttpToHttps_AndOnlyTheMissingCspIsReported()
    {
        // The usual deployment: nginx terminates TLS, answers plain HTTP with a 301 (error_page 497 turns plain
        // HTTP on the TLS port into that redirect), adds HSTS, and the app adds Django's default headers.
        const string server = """
            listen 127.0.0.1:{PORT} ssl;
            ssl_certificate {CERT};
            ssl_certificate_key {KEY};
            ssl_protocols TLSv1.2 TLSv1.3;
            error_page 497 =301 https://$host:$server_port$request_uri;
            add_header Strict-Transport-Security "max-age=31536000; includeSubDomains" always;
            add_header X-Frame-Options DENY always;
            add_header X-Content-Type-Options nosniff always;
            add_header Referrer-Policy same-origin always;
            add_header Cross-Origin-Opener-Policy same-origin always;
            location = / {
              add_header Set-Cookie "csrftoken=abc; Path=/; Secure; SameSite=Lax" always;
              add_header Strict-Transport-Security "max-age=31536000; includeSubDomains" always;
              add_header X-Frame-Options DENY always;
              add_header X-Content-Type-Options nosniff always;
              add_header Referrer-Policy same-origin always;
              default_type text/html;
              return 200 '<!doctype html><html><body>app</body></html>';
            }
            location / { default_type text/html; return 404 '<h1>Not Found</h1>'; }
            """;
        using var nginx = await NginxServer.StartAsync(certificates.Valid, server);

        var snapshot = await new LiveProbe(new LiveProbeOptions { CaFile = certificates.CaFile }).ProbeAsync(nginx.Url(), CancellationToken.None);
        var findings = LiveAnalyzer.Evaluate(LiveSite.Of(snapshot)).ToList();

        Assert.Equal([(301, "http"), (200, "https")], snapshot.Http!.Responses.Select(r => (r.StatusCode, r.Url.Scheme)));
        Assert.Equal($"https://127.0.0.1:{nginx.Port}/", snapshot.Http.First.Location);
        Assert.Equal(["WEB022"], findings.Select(f => f.RuleId));
    }
}
