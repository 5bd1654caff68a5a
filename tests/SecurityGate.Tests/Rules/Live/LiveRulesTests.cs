using SecurityGate.Findings;
using SecurityGate.Sources.Live;

namespace SecurityGate.Tests.Rules.Live;

/// <summary>
/// Each live rule from a healthy snapshot with one thing changed: exactly that rule fires, with a message that names
/// what is wrong. Findings target the URL and carry no file location.
/// </summary>
public sealed class LiveRulesTests
{
    private static readonly DateTimeOffset At = SiteSnapshotBuilder.DefaultCapturedAt;

    private static readonly CertificateFacts GoodCertificate = new()
    {
        Subject = "CN=staging.example.com",
        Issuer = "CN=Example CA",
        NotBefore = At.AddDays(-10),
        NotAfter = At.AddDays(80),
        SubjectAlternativeNames = ["staging.example.com"],
        ChainTrusted = true,
        HostnameMatches = true,
        TrustedBy = "system",
    };

    private static readonly TlsFacts GoodTls = new()
    {
        Protocol = "Tls13",
        CipherSuite = "TLS_AES_256_GCM_SHA384",
        ApplicationProtocol = "h2",
        Certificate = GoodCertificate,
        Tls10 = LegacyProtocolSupport.Refused,
        Tls11 = LegacyProtocolSupport.Refused,
    };

    private static SiteSnapshot Healthy(Func<SiteSnapshotBuilder, SiteSnapshotBuilder>? change = null) =>
        (change ?? (b => b))(SiteSnapshotBuilder.Healthy()).Build() with { Tls = GoodTls, Paths = HealthyPaths() };

    private static PathProbe NotFound(string body = "<html><body>Not Found</body></html>", int status = 404) =>
        new("/securitygate-probe-0123456789abcdef/", PathPurpose.RandomNotFound, Page("/securitygate-probe-0123456789abcdef/", status, body));

    private static System.Collections.Immutable.ImmutableArray<PathProbe> HealthyPaths() =>
    [
        NotFound(),
        new("/admin/login/", PathPurpose.AdminLogin, Page("/admin/login/", 404, "Not Found")),
        new("/.git/HEAD", PathPurpose.SensitiveFile, Page("/.git/HEAD", 404, "Not Found")),
        new("/.env", PathPurpose.SensitiveFile, Page("/.env", 404, "Not Found")),
        new("/settings.py", PathPurpose.SensitiveFile, Page("/settings.py", 404, "Not Found")),
    ];

    private static HttpResponseSnapshot Page(string path, int status, string body, string contentType = "text/html; charset=utf-8") => new()
    {
        Url = new Uri("https://" + SiteSnapshotBuilder.DefaultSite + path),
        StatusCode = status,
        Headers = HeaderCollection.From(("Content-Type", contentType)),
        Body = body,
    };

    private static SiteSnapshot WithPath(SiteSnapshot snapshot, PathProbe probe) =>
        snapshot with { Paths = [.. snapshot.Paths.Where(p => p.Path != probe.Path), probe] };

    private static List<Finding> Run(SiteSnapshot snapshot, string? minGrade = null, ISettingsExpectations? settings = null) =>
        [.. LiveAnalyzer.Evaluate(LiveSite.Of(snapshot) with { MinGrade = minGrade, Expectations = settings })];

    /// <summary>Exactly one finding, of <paramref name="ruleId"/>, whose message contains every fragment.</summary>
    private static Finding AssertOnly(SiteSnapshot snapshot, string ruleId, params string[] fragments) =>
        AssertOnly(Run(snapshot), ruleId, fragments);

    private static Finding AssertOnly(List<Finding> findings, string ruleId, params string[] fragments)
    {
        Assert.Equal([ruleId], findings.Select(f => f.RuleId));
        var finding = findings[0];
        foreach (var fragment in fragments)
        {
            Assert.Contains(fragment, finding.Message);
        }

        Assert.Equal("url:https://staging.example.com/", finding.Target);
        return finding;
    }

    [Fact]
    public void HealthySite_HasNoFindings() => Assert.Empty(Run(Healthy()));

    [Fact]
    public void HealthySite_MeetsMinGradeAPlus() => Assert.Empty(Run(Healthy(), minGrade: "A+"));

    [Fact]
    public void NeitherSchemeAnswers_ReportsSiteUnreachable_WithBothErrors()
    {
        var snapshot = new SiteSnapshot
        {
            Site = SiteSnapshotBuilder.DefaultSite, CapturedAt = At, HttpError = "ConnectionError: Connection refused",
            HttpsError = "no answer within the probe deadline of 20 s",
        };
        var finding = AssertOnly(snapshot, "WEB001", "Connection refused", "deadline");
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Null(finding.Location);
    }

    [Fact]
    public void OnlyPlainHttpAnswers_ReportsHttpsUnreachable_AndNothingAboutHeadersOfHttps()
    {
        var snapshot = SiteSnapshotBuilder.Healthy().WithoutHttps().Build() with { HttpsError = "ConnectionError: Connection refused" };
        var ids = Run(snapshot).Select(f => f.RuleId).ToList();
        Assert.Contains("WEB002", ids);
        Assert.DoesNotContain("WEB011", ids);
        Assert.DoesNotContain("WEB003", ids);
    }

    [Fact]
    public void HttpAnswersWithoutRedirect_ReportsHttpNotRedirected() =>
        AssertOnly(Healthy(b => b.WithHttpRedirects()), "WEB003", "http://staging.example.com/ answers 200 without redirecting");

    [Fact]
    public void HttpRedirectsToAnotherHostFirst_ReportsOffHostRedirect() =>
        AssertOnly(Healthy(b => b.WithHttpRedirects(("http://staging.example.com", 301), ("https://login.example.net/sso", 301))
                .WithHttpsRedirectTo("https://staging.example.com/")),
            "WEB004", "another host, https://login.example.net/sso");

    [Fact]
    public void HttpRedirectsToHttpFirst_ReportsNotStraightToHttps() =>
        AssertOnly(Healthy(b => b.WithHttpRedirects(("http://staging.example.com", 301), ("http://staging.example.com/home", 301))),
            "WEB004", "still plain HTTP");

    [Fact]
    public void HttpRedirectsWith302_ReportsTemporaryRedirect() =>
        AssertOnly(Healthy(b => b.WithHttpRedirects(("http://staging.example.com", 302))), "WEB005", "with 302");

    [Fact]
    public void SelfSignedCertificate_ReportsUntrusted() =>
        AssertOnly(Healthy() with
        {
            Tls = GoodTls with { Certificate = GoodCertificate with { Issuer = GoodCertificate.Subject, ChainTrusted = false, ChainProblems = ["UntrustedRoot"] } },
        }, "WEB006", "is self-signed", "UntrustedRoot");

    [Fact]
    public void ExpiredCertificate_ReportsExpired_NotExpiresSoon() =>
        AssertOnly(Healthy() with { Tls = GoodTls with { Certificate = GoodCertificate with { NotAfter = At.AddDays(-3) } } },
            "WEB007", "expired on 2025-12-29", "3 days before");

    [Fact]
    public void CertificateExpiringIn10Days_ReportsExpiresSoon() =>
        AssertOnly(Healthy() with { Tls = GoodTls with { Certificate = GoodCertificate with { NotAfter = At.AddDays(10) } } },
            "WEB008", "in 10 days");

    [Fact]
    public void CertificateForAnotherName_ReportsHostnameMismatch() =>
        AssertOnly(Healthy() with
        {
            Tls = GoodTls with { Certificate = GoodCertificate with { HostnameMatches = false, SubjectAlternativeNames = ["www.example.org"] } },
        }, "WEB009", "names www.example.org");

    [Fact]
    public void Tls10Accepted_ReportsLegacyTls() =>
        AssertOnly(Healthy() with { Tls = GoodTls with { Tls10 = LegacyProtocolSupport.Accepted } }, "WEB010", "accepts TLS 1.0.");

    [Fact]
    public void LegacyTlsNotTestable_IsANoteNotAnError()
    {
        var finding = AssertOnly(Healthy() with { Tls = GoodTls with { Tls11 = LegacyProtocolSupport.NotTestable } }, "WEB010", "unknown");
        Assert.Equal(Severity.Note, finding.Severity);
    }

    [Fact]
    public void NoHsts_ReportsHstsMissing_WithObservatoryReference()
    {
        var finding = AssertOnly(Healthy(b => b.WithoutHeader("Strict-Transport-Security")), "WEB011", "no Strict-Transport-Security");
        Assert.Equal("strict-transport-security", finding.References["observatory"]);
    }

    [Fact]
    public void HstsWithoutMaxAge_ReportsInvalidHsts() =>
        AssertOnly(Healthy(b => b.WithHeader("Strict-Transport-Security", "includeSubDomains")), "WEB011", "max-age is missing");

    [Fact]
    public void HstsSixMonths_ReportsShortMaxAge() =>
        AssertOnly(Healthy(b => b.WithHeader("Strict-Transport-Security", "max-age=15552000; includeSubDomains")), "WEB012", "180 days");

    [Fact]
    public void HstsWithoutIncludeSubDomains_ReportsNote() =>
        AssertOnly(Healthy(b => b.WithHeader("Strict-Transport-Security", "max-age=63072000")), "WEB013", "no includeSubDomains");

    [Fact]
    public void HstsPreloadOnSubdomain_IsNotJudgedForPreload() =>
        // staging.example.com is not a base domain: hstspreload.org only takes example.com, browsers ignore the token.
        AssertOnly(Healthy(b => b.WithHeader("Strict-Transport-Security", "max-age=63072000; includeSubDomains; preload")
                .WithHttpRedirects(("http://staging.example.com", 302))), "WEB005");

    [Fact]
    public void HstsPreloadOnBaseDomainWithEverythingRight_IsEligible()
    {
        var snapshot = SiteSnapshotBuilder.Healthy("example.com").Build() with { Tls = GoodTls };
        Assert.Empty(Run(snapshot));
    }

    [Fact]
    public void HstsPreloadOnBaseDomainWithTemporaryRedirect_ReportsNotEligible()
    {
        var snapshot = SiteSnapshotBuilder.Healthy("example.com").WithHttpRedirects(("http://example.com", 302)).Build() with { Tls = GoodTls };
        Assert.Equal(["WEB005"], Run(snapshot).Select(f => f.RuleId)); // a 302 to https on the same host is still a redirect
    }

    [Fact]
    public void HstsPreloadOnBaseDomainWithoutRedirect_ReportsNotEligible()
    {
        var snapshot = SiteSnapshotBuilder.Healthy("example.com").WithHttpRedirects().Build() with { Tls = GoodTls };
        var findings = Run(snapshot);
        Assert.Equal(["WEB003", "WEB014"], findings.Select(f => f.RuleId).Order());
        Assert.Contains("http:// does not redirect to https:// on the same host first", findings.Single(f => f.RuleId == "WEB014").Message);
    }

    [Fact]
    public void HstsPreloadWithoutIncludeSubDomainsOnBaseDomain_ReportsWhatIsMissing()
    {
        var snapshot = SiteSnapshotBuilder.Healthy("example.com")
            .WithHeader("Strict-Transport-Security", "max-age=63072000; preload").Build() with { Tls = GoodTls };
        var findings = Run(snapshot);
        Assert.Equal(["WEB013", "WEB014"], findings.Select(f => f.RuleId).Order());
        Assert.Contains("includeSubDomains is missing", findings.Single(f => f.RuleId == "WEB014").Message);
    }

    [Fact]
    public void SessionCookieWithoutSecure_ReportsInsecureSessionCookie() =>
        AssertOnly(Healthy(b => b.WithHeader("Set-Cookie", "sessionid=abc; Path=/; HttpOnly; SameSite=Lax", "csrftoken=xyz; Path=/; Secure; SameSite=Lax")),
            "WEB015", "session cookie 'sessionid'", "no Secure");

    [Fact]
    public void CsrfCookieWithoutSecure_ReportsInsecureCsrfCookie() =>
        AssertOnly(Healthy(b => b.WithHeader("Set-Cookie", "sessionid=abc; Path=/; Secure; HttpOnly; SameSite=Lax", "csrftoken=xyz; Path=/; SameSite=Lax")),
            "WEB015", "CSRF cookie 'csrftoken'");

    [Fact]
    public void SessionCookieWithoutHttpOnly_ReportsIt() =>
        AssertOnly(Healthy(b => b.WithHeader("Set-Cookie", "sessionid=abc; Path=/; Secure; SameSite=Lax", "csrftoken=xyz; Path=/; Secure; SameSite=Lax")),
            "WEB016", "'sessionid'", "no HttpOnly");

    [Fact]
    public void SameSiteNoneWithoutSecure_ReportsIt() =>
        AssertOnly(Healthy(b => b.AddHeader("Set-Cookie", "prefs=1; Path=/; SameSite=None")), "WEB017", "'prefs'");

    [Fact]
    public void NoFrameOptionsAndNoFrameAncestors_ReportsClickjacking() =>
        AssertOnly(Healthy(b => b.WithoutHeader("X-Frame-Options")
                .WithHeader("Content-Security-Policy", "default-src 'none'; script-src 'self'; base-uri 'none'")),
            "WEB018", "no X-Frame-Options header");

    [Fact]
    public void FrameAncestorsAlone_ProtectsAgainstClickjacking() =>
        Assert.Empty(Run(Healthy(b => b.WithoutHeader("X-Frame-Options"))));

    [Fact]
    public void InvalidFrameOptions_ReportsClickjacking() =>
        AssertOnly(Healthy(b => b.WithHeader("X-Frame-Options", "ALLOWALL")
                .WithHeader("Content-Security-Policy", "default-src 'none'; base-uri 'none'")),
            "WEB018", "'ALLOWALL'");

    [Fact]
    public void NoNosniff_ReportsSniffing() =>
        AssertOnly(Healthy(b => b.WithoutHeader("X-Content-Type-Options")), "WEB019", "no X-Content-Type-Options");

    [Fact]
    public void NoReferrerPolicy_ReportsNote()
    {
        var finding = AssertOnly(Healthy(b => b.WithoutHeader("Referrer-Policy")), "WEB020", "no Referrer-Policy");
        Assert.Equal(Severity.Note, finding.Severity);
    }

    [Fact]
    public void UnsafeUrlReferrerPolicy_ReportsUnsafe() =>
        AssertOnly(Healthy(b => b.WithHeader("Referrer-Policy", "no-referrer, unsafe-url")), "WEB021", "'unsafe-url' leaks");

    [Fact]
    public void NoCsp_ReportsCspMissing_AndMentionsReportOnly() =>
        AssertOnly(Healthy(b => b.WithoutHeader("Content-Security-Policy").AddHeader("Content-Security-Policy-Report-Only", "default-src 'self'")),
            "WEB022", "Report-Only");

    [Fact]
    public void CspWithUnsafeInlineScripts_ReportsWeakCsp() =>
        AssertOnly(Healthy(b => b.WithHeader("Content-Security-Policy",
                "default-src 'none'; script-src 'self' 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'")),
            "WEB023", "'unsafe-inline' in script-src");

    [Fact]
    public void CspWithNonceAndUnsafeInline_IsNotWeak() =>
        Assert.Empty(Run(Healthy(b => b.WithHeader("Content-Security-Policy",
            "default-src 'none'; script-src 'nonce-abc' 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'"))));

    [Fact]
    public void CspWithEvalWildcardHttpAndNoBaseUri_ReportsEachWeakness()
    {
        var findings = Run(Healthy(b => b.WithHeader("Content-Security-Policy",
            "script-src 'self' 'unsafe-eval' https:; img-src http://cdn.example.com; frame-ancestors 'none'")));
        Assert.All(findings, f => Assert.Equal("WEB023", f.RuleId));
        var messages = string.Join("\n", findings.Select(f => f.Message));
        Assert.Equal(5, findings.Count);
        Assert.Contains("'unsafe-eval'", messages);
        Assert.Contains("from any host (https: in script-src)", messages);
        Assert.Contains("plain HTTP (img-src http://cdn.example.com)", messages);
        Assert.Contains("neither object-src nor default-src", messages);
        Assert.Contains("no base-uri", messages);
    }

    [Fact]
    public void ReflectedOriginWithCredentials_ReportsCors() =>
        AssertOnly(Healthy(b => b.WithCorsPreflight(204, ("Access-Control-Allow-Origin", LiveProbeOptions.CorsProbeOrigin),
            ("Access-Control-Allow-Credentials", "true"))), "WEB024", "reflects the unrelated origin");

    [Fact]
    public void WildcardOriginWithCredentials_ReportsCors() =>
        AssertOnly(Healthy(b => b.AddHeader("Access-Control-Allow-Origin", "*").AddHeader("Access-Control-Allow-Credentials", "true")),
            "WEB024", "Access-Control-Allow-Origin: *");

    [Fact]
    public void WildcardOriginWithoutCredentials_IsFine() =>
        Assert.Empty(Run(Healthy(b => b.WithCorsPreflight(204, ("Access-Control-Allow-Origin", "*")))));

    [Fact]
    public void XssProtectionOne_ReportsObsoleteFilter() =>
        AssertOnly(Healthy(b => b.AddHeader("X-XSS-Protection", "1; mode=block")), "WEB025", "'1; mode=block'", "Send '0'");

    [Fact]
    public void XssProtectionZero_IsFine() => Assert.Empty(Run(Healthy(b => b.AddHeader("X-XSS-Protection", "0"))));

    private const string DjangoTechnical404 =
        "<!DOCTYPE html><html lang=\"en\"><head><title>Page not found at /securitygate-probe-0123456789abcdef/</title></head><body>" +
        "<p>Using the URLconf defined in <code>mysite.urls</code>, Django tried these URL patterns</p>" +
        "<p>You’re seeing this error because you have <code>DEBUG = True</code> in your Django settings file. Change that to " +
        "<code>False</code>, and Django will display a standard 404 page.</p></body></html>";

    [Fact]
    public void TechnicalNotFoundPage_ReportsDebug() =>
        AssertOnly(WithPath(Healthy(), NotFound(DjangoTechnical404)), "WEB026", "securitygate-probe-", "technical error page");

    [Fact]
    public void ExposedEnvFile_ReportsSensitiveFile() =>
        AssertOnly(WithPath(Healthy(), new PathProbe("/.env", PathPurpose.SensitiveFile,
            Page("/.env", 200, "SECRET_KEY=abc\nDATABASE_URL=postgres://u:p@db/app\n", "application/octet-stream"))),
            "WEB027", "https://staging.example.com/.env is served");

    [Fact]
    public void ExposedGitHead_ReportsSensitiveFile() =>
        AssertOnly(WithPath(Healthy(), new PathProbe("/.git/HEAD", PathPurpose.SensitiveFile, Page("/.git/HEAD", 200, "ref: refs/heads/main\n", "text/plain"))),
            "WEB027", "Git HEAD");

    [Fact]
    public void CatchAllPageAtEnvPath_IsNotAnExposure()
    {
        const string spa = "<!doctype html><html><body><div id=app></div></body></html>";
        var snapshot = WithPath(WithPath(Healthy(), NotFound(spa, 200)), new PathProbe("/.env", PathPurpose.SensitiveFile, Page("/.env", 200, spa)));
        Assert.Empty(Run(snapshot));
    }

    [Fact]
    public void CatchAllTextAtEveryPath_IsNotAnExposure()
    {
        const string text = "A=1";
        var snapshot = WithPath(WithPath(Healthy(), NotFound(text, 200)), new PathProbe("/.env", PathPurpose.SensitiveFile, Page("/.env", 200, text, "text/plain")));
        Assert.Empty(Run(snapshot));
    }

    [Fact]
    public void AdminLoginPage_ReportsNote() =>
        AssertOnly(WithPath(Healthy(), new PathProbe("/admin/login/", PathPurpose.AdminLogin, Page("/admin/login/", 200,
            "<title>Log in | Django site admin</title><h1>Django administration</h1><form id=\"login-form\"><input name=\"csrfmiddlewaretoken\"></form>"))),
            "WEB028", "/admin/login/");

    [Fact]
    public void ServerVersion_ReportsDisclosure_AndRunserver() =>
        AssertOnly(Healthy(b => b.AddHeader("Server", "WSGIServer/0.2 CPython/3.11.7")), "WEB029", "'WSGIServer/0.2 CPython/3.11.7'", "runserver");

    [Fact]
    public void ServerWithoutVersion_IsFine() => Assert.Empty(Run(Healthy(b => b.AddHeader("Server", "nginx"))));

    [Fact]
    public void CloudflareRay_ReportsEdgeSettingsToVerify() =>
        AssertOnly(Healthy(b => b.AddHeader("Server", "cloudflare").AddHeader("CF-RAY", "8a1b2c3d4e5f-AMS")), "WEB030", "Full (strict)");

    [Fact]
    public void GradeBelowMinimum_ReportsGradeAndFailingTests() =>
        // -5 (nosniff) -5 (referrer) -5 (CORP): 85 before bonuses, so no bonuses: A-.
        AssertOnly(Run(Healthy(b => b.WithoutHeader("X-Content-Type-Options").WithHeader("Referrer-Policy", "unsafe-url")
                .WithHeader("Cross-Origin-Resource-Policy", "same")), minGrade: "A")
                .Where(f => f.RuleId is not ("WEB019" or "WEB021")).ToList(),
            "WEB031", "Observatory grade A- (score 85) is below min-grade A", "x-content-type-options-not-implemented", "corp-header-invalid");

    [Fact]
    public void UngradeableSite_WithMinGrade_ReportsWhy() =>
        AssertOnly(Run(Healthy(b => b.WithStatus(500)), minGrade: "C"), "WEB031", "would not grade", "500");

    [Fact]
    public void HostileHeaderValue_IsEscapedInMessages()
    {
        var finding = AssertOnly(Healthy(b => b.WithHeader("X-Content-Type-Options", "nope\u001b[31m\u202e::error::x")), "WEB019");
        Assert.DoesNotContain('\u001b', finding.Message);
        Assert.DoesNotContain('\u202e', finding.Message);
        Assert.Contains("\\x1B[31m\\u202E::error::x", finding.Message);
    }

    // ---- settings ↔ live drift ----

    private static readonly SourceLocation SettingsLine = SourceLocation.At("mysite/settings/production.py", 42);

    [Fact]
    public void HstsSecondsSetButNoHeaderServed_ReportsDriftNamingBothSides()
    {
        var settings = new SettingsExpectations("mysite.settings.production")
        {
            SecureHstsSeconds = new SettingValue<long>("SECURE_HSTS_SECONDS", 31536000, SettingsLine),
        };
        var findings = Run(Healthy(b => b.WithoutHeader("Strict-Transport-Security")), settings: settings);
        Assert.Equal(["WEB011", "WEB101"], findings.Select(f => f.RuleId).Order());
        var drift = findings.Single(f => f.RuleId == "WEB101");
        Assert.Contains("SECURE_HSTS_SECONDS = 31536000 (mysite/settings/production.py:42:1) in mysite.settings.production", drift.Message);
        Assert.Contains("no Strict-Transport-Security header", drift.Message);
        Assert.Contains("SECURE_PROXY_SSL_HEADER", drift.Message);
        Assert.Equal(SettingsLine, drift.Location);
    }

    [Fact]
    public void HstsSecondsMatchingTheHeader_IsNoDrift() =>
        Assert.Empty(Run(Healthy(), settings: new SettingsExpectations("m")
        {
            SecureHstsSeconds = new SettingValue<long>("SECURE_HSTS_SECONDS", 63072000, SettingsLine),
        }));

    [Fact]
    public void SslRedirectSetButHttpServed_ReportsDrift()
    {
        var findings = Run(Healthy(b => b.WithHttpRedirects()), settings: new SettingsExpectations("m")
        {
            SecureSslRedirect = new SettingValue<bool>("SECURE_SSL_REDIRECT", true, SettingsLine),
        });
        Assert.Equal(["WEB003", "WEB102"], findings.Select(f => f.RuleId).Order());
        Assert.Contains("SECURE_SSL_REDIRECT = True", findings.Single(f => f.RuleId == "WEB102").Message);
    }

    [Fact]
    public void SessionCookieSecureSetButCookieInsecure_ReportsDrift()
    {
        var findings = Run(Healthy(b => b.WithHeader("Set-Cookie", "sessionid=abc; Path=/; HttpOnly; SameSite=Lax")), settings: new SettingsExpectations("m")
        {
            SessionCookieSecure = new SettingValue<bool>("SESSION_COOKIE_SECURE", true, SettingsLine),
        });
        Assert.Equal(["WEB015", "WEB103"], findings.Select(f => f.RuleId).Order());
    }

    [Fact]
    public void DebugFalseInSettingsButDebugPageLive_ReportsDrift()
    {
        var findings = Run(WithPath(Healthy(), NotFound(DjangoTechnical404)), settings: new SettingsExpectations("m")
        {
            Debug = new SettingValue<bool>("DEBUG", false, SettingsLine),
        });
        Assert.Equal(["WEB026", "WEB104"], findings.Select(f => f.RuleId).Order());
        Assert.Contains("DEBUG = False (mysite/settings/production.py:42:1)", findings.Single(f => f.RuleId == "WEB104").Message);
    }
}
