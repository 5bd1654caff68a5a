using SecurityGate.Sources.Live;
using static SecurityGate.Sources.Live.Observatory.ObservatoryResults;
using static SecurityGate.Sources.Live.Observatory.ObservatoryTestNames;

namespace SecurityGate.Tests.Sources.Live.Observatory;

/// <summary>The single-header tests: HSTS, X-Content-Type-Options, X-Frame-Options, Referrer-Policy, CORP, CORS.</summary>
public sealed class HeaderTestsTests
{
    private static SiteSnapshotBuilder Healthy => SiteSnapshotBuilder.Healthy();

    [Theory]
    [InlineData(new[] { "max-age=63072000; includeSubDomains; preload" }, HstsImplementedMaxAgeAtLeastSixMonths, 0, true)]
    [InlineData(new[] { "max-age=15552000" }, HstsImplementedMaxAgeAtLeastSixMonths, 0, true)]
    [InlineData(new[] { "max-age=15551999" }, HstsImplementedMaxAgeLessThanSixMonths, -10, false)]
    [InlineData(new[] { "max-age=0" }, HstsImplementedMaxAgeLessThanSixMonths, -10, false)]
    [InlineData(new[] { "max-age=abc" }, HstsImplementedMaxAgeAtLeastSixMonths, 0, true)] // NaN is never "less than"
    [InlineData(new[] { "max-age=\"31536000\"" }, HstsImplementedMaxAgeAtLeastSixMonths, 0, true)]
    [InlineData(new[] { "max-age = 31536000" }, HstsHeaderInvalid, -20, false)]
    [InlineData(new[] { "includeSubDomains" }, HstsHeaderInvalid, -20, false)]
    [InlineData(new[] { "max-age=31536000", "max-age=31536000" }, HstsHeaderInvalid, -20, false)] // joined with ", "
    [InlineData(new[] { "max-age=31536000; max-age=300" }, HstsImplementedMaxAgeLessThanSixMonths, -10, false)] // the last wins
    [InlineData(new string[0], HstsNotImplemented, -20, false)]
    public void Hsts_IsJudged(string[] values, string result, int modifier, bool pass) =>
        ObservatoryAssert.Test(Healthy.WithHeader("Strict-Transport-Security", values), StrictTransportSecurity, result, modifier, pass);

    [Fact]
    public void Hsts_IsReadOnTheFinalHttpsPage_NotOnTheFirstResponse()
    {
        // The redirect hop carries no HSTS, the final page does: the Observatory is satisfied.
        var site = Healthy.WithHttpsRedirectTo("https://staging.example.com/accounts/login/");

        ObservatoryAssert.Test(site, StrictTransportSecurity, HstsImplementedMaxAgeAtLeastSixMonths, 0, true);
    }

    [Fact]
    public void Hsts_WithoutHttps_IsNotImplementedNoHttps() =>
        ObservatoryAssert.Test(Healthy.WithoutHttps(), StrictTransportSecurity, HstsNotImplementedNoHttps, -20, false);

    [Fact]
    public void Hsts_WithAnUntrustedCertificate_IsInvalidCert() =>
        ObservatoryAssert.Test(Healthy.WithUnverifiedCertificate(), StrictTransportSecurity, HstsInvalidCert, -20, false);

    [Theory]
    [InlineData(new[] { "nosniff" }, XContentTypeOptionsNosniff, 0, true)]
    [InlineData(new[] { "NoSniff" }, XContentTypeOptionsNosniff, 0, true)]
    [InlineData(new[] { "nosniff", "nosniff" }, XContentTypeOptionsHeaderInvalid, -5, false)]
    [InlineData(new[] { "sniff" }, XContentTypeOptionsHeaderInvalid, -5, false)]
    [InlineData(new string[0], XContentTypeOptionsNotImplemented, -5, false)]
    public void XContentTypeOptions_IsJudged(string[] values, string result, int modifier, bool pass) =>
        ObservatoryAssert.Test(Healthy.WithHeader("X-Content-Type-Options", values), XContentTypeOptions, result, modifier, pass);

    [Theory]
    [InlineData(new[] { "DENY" }, XFrameOptionsSameoriginOrDeny, 0, true)]
    [InlineData(new[] { "sameorigin" }, XFrameOptionsSameoriginOrDeny, 0, true)]
    [InlineData(new[] { "ALLOW-FROM https://example.com" }, XFrameOptionsAllowFromOrigin, 0, true)]
    [InlineData(new[] { "ALLOWALL" }, XFrameOptionsHeaderInvalid, -20, false)]
    [InlineData(new[] { "DENY", "DENY" }, XFrameOptionsHeaderInvalid, -20, false)]
    [InlineData(new string[0], XFrameOptionsNotImplemented, -20, false)]
    public void XFrameOptions_WithoutFrameAncestors_IsJudgedOnTheHeader(string[] values, string result, int modifier, bool pass) =>
        ObservatoryAssert.Test(Healthy.WithHeader("Content-Security-Policy", "default-src 'none'").WithHeader("X-Frame-Options", values),
            XFrameOptions, result, modifier, pass);

    [Fact]
    public void XFrameOptions_AnyFrameAncestors_EvenStar_OverridesTheHeader() =>
        ObservatoryAssert.Test(Healthy.WithHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors *").WithHeader("X-Frame-Options", "bogus"),
            XFrameOptions, XFrameOptionsImplementedViaCsp, 5, true);

    [Fact]
    public void XFrameOptions_FrameAncestorsInAMetaTag_AlsoCounts() =>
        ObservatoryAssert.Test(Healthy.WithoutHeader("Content-Security-Policy").WithoutHeader("X-Frame-Options")
                .WithBody("<html><head><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; frame-ancestors 'none'\"></head></html>"),
            XFrameOptions, XFrameOptionsImplementedViaCsp, 5, true);

    [Theory]
    [InlineData(new[] { "no-referrer" }, null, ReferrerPolicyPrivate, 5, true)]
    [InlineData(new[] { "strict-origin-when-cross-origin" }, null, ReferrerPolicyPrivate, 5, true)]
    [InlineData(new[] { "unsafe-url" }, null, ReferrerPolicyUnsafe, -5, false)]
    [InlineData(new[] { "no-referrer-when-downgrade" }, null, ReferrerPolicyUnsafe, -5, false)]
    [InlineData(new[] { "no-referrer, unsafe-url" }, null, ReferrerPolicyUnsafe, -5, false)] // the last known value decides
    [InlineData(new[] { "foo, strict-origin" }, null, ReferrerPolicyPrivate, 5, true)]
    [InlineData(new[] { "foo" }, null, ReferrerPolicyHeaderInvalid, -5, false)]
    [InlineData(new string[0], null, ReferrerPolicyNotImplemented, 0, true)]
    [InlineData(new string[0], "no-referrer", ReferrerPolicyPrivate, 5, true)]
    [InlineData(new[] { "no-referrer" }, "unsafe-url", ReferrerPolicyUnsafe, -5, false)] // the meta tag comes last
    public void ReferrerPolicy_IsJudged(string[] values, string? meta, string result, int modifier, bool pass)
    {
        var body = meta is null ? SiteSnapshotBuilder.HealthyBody : $"<html><head><meta name=\"referrer\" content=\"{meta}\"></head></html>";
        ObservatoryAssert.Test(Healthy.WithHeader("Referrer-Policy", values).WithBody(body), ReferrerPolicy, result, modifier, pass);
    }

    [Theory]
    [InlineData(new[] { "same-origin" }, CorpImplementedWithSameOrigin, 10, true)]
    [InlineData(new[] { "Same-Site" }, CorpImplementedWithSameSite, 10, true)]
    [InlineData(new[] { "cross-origin" }, CorpImplementedWithCrossOrigin, 0, true)]
    [InlineData(new[] { "same" }, CorpHeaderInvalid, -5, false)]
    [InlineData(new[] { "same-origin", "same-origin" }, CorpHeaderInvalid, -5, false)]
    [InlineData(new string[0], CorpNotImplemented, 0, true)]
    public void CrossOriginResourcePolicy_IsJudged(string[] values, string result, int modifier, bool pass) =>
        ObservatoryAssert.Test(Healthy.WithHeader("Cross-Origin-Resource-Policy", values), CrossOriginResourcePolicy, result, modifier, pass);

    [Theory]
    [InlineData(200, "*", CorsImplementedWithPublicAccess)]
    [InlineData(204, "https://app.example.com", CorsImplementedWithRestrictedAccess)]
    [InlineData(405, "*", CorsNotImplemented)] // a non-2xx pre-flight counts as no answer
    [InlineData(200, null, CorsNotImplemented)]
    public void Cors_IsJudgedOnThePreflightAnswer(int status, string? allowOrigin, string result)
    {
        var headers = allowOrigin is null ? Array.Empty<(string, string)>() : [("Access-Control-Allow-Origin", allowOrigin)];
        ObservatoryAssert.Test(Healthy.WithCorsPreflight(status, headers), CrossOriginResourceSharing, result, 0, true);
    }

    [Fact]
    public void Cors_ReflectedOriginWithCredentials_IsRestrictedAccess_AsInLiveScans() =>
        ObservatoryAssert.Test(
            Healthy.WithCorsPreflight(204, ("Access-Control-Allow-Origin", "https://http-observatory.security.mozilla.org"), ("Access-Control-Allow-Credentials", "true")),
            CrossOriginResourceSharing, CorsImplementedWithRestrictedAccess, 0, true);
}
