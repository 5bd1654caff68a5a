using SecurityGate.Sources.Live;
using SecurityGate.Sources.Live.Observatory;
using static SecurityGate.Sources.Live.Observatory.ObservatoryResults;
using static SecurityGate.Sources.Live.Observatory.ObservatoryTestNames;

namespace SecurityGate.Tests.Sources.Live.Observatory;

public sealed class ContentSecurityPolicyTestTests
{
    private static void AssertCsp(SiteSnapshotBuilder site, string result, int modifier, bool pass) =>
        ObservatoryAssert.Test(site, ObservatoryTestNames.ContentSecurityPolicy, result, modifier, pass);

    [Theory]
    [InlineData("default-src 'none'", CspImplementedWithNoUnsafeDefaultSrcNone, 10, true)]
    [InlineData("default-src 'self'", CspImplementedWithNoUnsafe, 5, true)]
    [InlineData("default-src 'self'; script-src 'self' 'unsafe-inline'", CspImplementedWithUnsafeInline, -20, false)]
    [InlineData("default-src 'self'; script-src 'self' 'unsafe-eval'", CspImplementedWithUnsafeEval, -10, false)]
    [InlineData("default-src *", CspImplementedWithUnsafeInline, -20, false)]
    [InlineData("default-src https:", CspImplementedWithUnsafeInline, -20, false)]
    [InlineData("default-src 'self' data:", CspImplementedWithUnsafeInline, -20, false)]
    [InlineData("script-src 'self'", CspImplementedWithUnsafeInline, -20, false)] // object-src falls back to *
    [InlineData("script-src 'self'; object-src 'none'", CspImplementedWithUnsafeInlineInStyleSrcOnly, 0, true)] // style-src falls back to *
    [InlineData("default-src 'self'; object-src *", CspImplementedWithUnsafeInline, -20, false)]
    [InlineData("default-src 'self'; connect-src http://api.example.com", CspImplementedWithInsecureScheme, -20, false)]
    [InlineData("default-src 'self'; report-uri http://report.example.com", CspImplementedWithInsecureScheme, -20, false)]
    [InlineData("default-src 'self'; img-src 'self' http:", CspImplementedWithInsecureSchemeInPassiveContentOnly, -10, true)]
    [InlineData("default-src 'self'; media-src ftp://x.example", CspImplementedWithInsecureSchemeInPassiveContentOnly, -10, true)]
    [InlineData("default-src 'self'; style-src 'self' 'unsafe-inline'", CspImplementedWithUnsafeInlineInStyleSrcOnly, 0, true)]
    [InlineData("default-src 'none'; script-src 'nonce-abc' 'unsafe-inline'", CspImplementedWithNoUnsafeDefaultSrcNone, 10, true)]
    [InlineData("default-src 'none'; script-src 'strict-dynamic'", CspHeaderInvalid, -25, false)]
    [InlineData("object-src 'none'; script-src 'nonce-abc' 'strict-dynamic' https: 'unsafe-inline'", CspImplementedWithUnsafeInlineInStyleSrcOnly, 0, true)]
    [InlineData("default-src 'self'; default-src 'none'", CspHeaderInvalid, -25, false)]
    [InlineData("default-src 'none'; report-uri /a; report-uri /b", CspImplementedButDuplicateDirectives, 0, true)]
    [InlineData("a", CspHeaderInvalid, -25, false)]
    [InlineData("DEFAULT-SRC 'NONE'", CspImplementedWithNoUnsafeDefaultSrcNone, 10, true)]
    [InlineData("default-src 'self'; script-src", CspImplementedWithNoUnsafe, 5, true)] // an empty *-src means 'none'
    [InlineData("default-src http https:", CspImplementedWithNoUnsafe, 5, true)] // "https:" starts with "http": dropped
    public void HeaderPolicy_IsJudged(string policy, string result, int modifier, bool pass) =>
        AssertCsp(SiteSnapshotBuilder.Healthy().WithHeader("Content-Security-Policy", policy), result, modifier, pass);

    [Fact]
    public void NoPolicy_IsNotImplemented() =>
        AssertCsp(SiteSnapshotBuilder.Healthy().WithoutHeader("Content-Security-Policy"), CspNotImplemented, -25, false);

    [Fact]
    public void ReportOnlyPolicy_IsNotImplementedButReporting() =>
        AssertCsp(SiteSnapshotBuilder.Healthy().WithoutHeader("Content-Security-Policy")
            .AddHeader("Content-Security-Policy-Report-Only", "default-src 'self'"), CspNotImplementedButReportingEnabled, -25, false);

    [Fact]
    public void TwoHeaderLines_AreReadAsOneCommaJoinedPolicy()
    {
        // "default-src 'none', script-src 'self'": default-src holds three sources, so no +10.
        AssertCsp(SiteSnapshotBuilder.Healthy().WithHeader("Content-Security-Policy", "default-src 'none'", "script-src 'self'"),
            CspImplementedWithNoUnsafe, 5, true);
    }

    [Fact]
    public void MetaTagPolicy_Counts()
    {
        var site = SiteSnapshotBuilder.Healthy().WithoutHeader("Content-Security-Policy")
            .WithBody("<html><head><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'\"></head></html>");

        AssertCsp(site, CspImplementedWithNoUnsafeDefaultSrcNone, 10, true);
    }

    [Fact]
    public void MetaTagWithOnlyHeaderOnlyDirectives_IsNotImplemented()
    {
        var site = SiteSnapshotBuilder.Healthy().WithoutHeader("Content-Security-Policy")
            .WithBody("<html><head><meta http-equiv=\"Content-Security-Policy\" content=\"frame-ancestors 'none'\"></head></html>");

        AssertCsp(site, CspNotImplemented, -25, false);
    }

    [Fact]
    public void HeaderAndMeta_AreIntersected()
    {
        // header script-src 'self' https://a.example  ∩  meta script-src 'self'  →  'self'
        var site = SiteSnapshotBuilder.Healthy()
            .WithHeader("Content-Security-Policy", "default-src 'self'; script-src 'self' https:")
            .WithBody("<html><head><meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'self'\"></head></html>");

        AssertCsp(site, CspImplementedWithNoUnsafe, 5, true);
    }

    [Fact]
    public void InsecureSchemes_AreNotJudged_OnAPlainHttpSite()
    {
        var site = SiteSnapshotBuilder.Healthy().WithoutHttps()
            .WithHeader("Content-Security-Policy", "default-src 'self'; connect-src http://api.example.com");

        AssertCsp(site, CspImplementedWithNoUnsafe, 5, true);
    }
}
