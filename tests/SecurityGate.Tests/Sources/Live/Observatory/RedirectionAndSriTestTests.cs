using SecurityGate.Sources.Live;
using static SecurityGate.Sources.Live.Observatory.ObservatoryResults;
using static SecurityGate.Sources.Live.Observatory.ObservatoryTestNames;

namespace SecurityGate.Tests.Sources.Live.Observatory;

public sealed class RedirectionAndSriTestTests
{
    private static SiteSnapshotBuilder Healthy => SiteSnapshotBuilder.Healthy();

    [Fact]
    public void HttpRedirectingToHttpsOnTheSameHost_IsToHttps() =>
        ObservatoryAssert.Test(Healthy, Redirection, RedirectionToHttps, 0, true);

    [Fact]
    public void HttpServingThePage_IsMissing() =>
        ObservatoryAssert.Test(Healthy.WithHttpRedirects(), Redirection, RedirectionMissing, -20, false);

    [Fact]
    public void NoHttpAtAll_IsNotNeeded() =>
        ObservatoryAssert.Test(Healthy.WithoutHttp(), Redirection, RedirectionNotNeededNoHttp, 0, true);

    [Fact]
    public void FirstHopToHttp_IsNotToHttpsOnInitialRedirection() =>
        ObservatoryAssert.Test(Healthy.WithHttpRedirects(("http://staging.example.com", 302), ("http://staging.example.com/home", 301)),
            Redirection, RedirectionNotToHttpsOnInitialRedirection, -10, false);

    [Fact]
    public void FirstHopToAnotherHost_IsOffHost() =>
        ObservatoryAssert.Test(Healthy.WithHttpRedirects(("http://staging.example.com", 301)).WithHttpsRedirectTo("https://www.example.com/"),
            Redirection, RedirectionOffHostFromHttp, -5, false);

    [Fact]
    public void ChainEndingOnHttp_IsNotToHttps() =>
        ObservatoryAssert.Test(Healthy.WithoutHttps().WithHttpRedirects(("http://staging.example.com", 301)).WithBody("")
                with { FinalUrl = "http://staging.example.com/home" },
            Redirection, RedirectionNotToHttps, -20, false);

    [Fact]
    public void BadCertificateOnTheHttpsHop_IsInvalidCert() =>
        ObservatoryAssert.Test(Healthy.WithUnverifiedCertificate(), Redirection, RedirectionInvalidCert, -20, false);

    private static void AssertSri(string scripts, string result, int modifier, bool pass) =>
        ObservatoryAssert.Test(Healthy.WithBody($"<html><body>{scripts}</body></html>"), SubresourceIntegrity, result, modifier, pass);

    [Theory]
    [InlineData("", SriNotImplementedButNoScriptsLoaded, 0, true)]
    [InlineData("<script>var a;</script>", SriNotImplementedButAllScriptsLoadedFromSecureOrigin, 0, true)]
    [InlineData("<script src=\"/app.js\"></script>", SriNotImplementedButAllScriptsLoadedFromSecureOrigin, 0, true)]
    [InlineData("<script src=\"/app.js\" integrity=\"sha384-a\"></script>", SriImplementedAndAllScriptsLoadedSecurely, 5, true)]
    [InlineData("<script src=\"https://static.example.com/app.js\" integrity=\"sha384-a\"></script>", SriImplementedAndAllScriptsLoadedSecurely, 5, true)] // same registrable domain
    [InlineData("<script src=\"https://cdn.example.net/a.js\"></script>", SriNotImplementedButExternalScriptsLoadedSecurely, -5, false)]
    [InlineData("<script src=\"https://cdn.example.net/a.js\" integrity=\"sha384-x\"></script>", SriImplementedAndExternalScriptsLoadedSecurely, 5, true)]
    [InlineData("<script src=\"http://cdn.example.net/a.js\"></script>", SriNotImplementedAndExternalScriptsNotLoadedSecurely, -50, false)]
    [InlineData("<script src=\"//cdn.example.net/a.js\" integrity=\"sha384-x\"></script>", SriImplementedButExternalScriptsNotLoadedSecurely, -20, false)]
    [InlineData("<!-- <script src=\"http://evil.example/x.js\"></script> --><script src=\"/a.js\"></script>", SriNotImplementedButAllScriptsLoadedFromSecureOrigin, 0, true)]
    [InlineData("<script src=\"/a.js\" integrity=\"sha384-a\"></script><script src=\"https://cdn.example.net/b.js\"></script>", SriNotImplementedButExternalScriptsLoadedSecurely, -5, false)]
    public void Scripts_AreJudged(string scripts, string result, int modifier, bool pass) => AssertSri(scripts, result, modifier, pass);

    [Fact]
    public void NonHtmlResponse_IsNotHtml() =>
        ObservatoryAssert.Test(Healthy.WithHeader("Content-Type", "application/json"), SubresourceIntegrity, SriNotImplementedResponseNotHtml, 0, true);

    [Fact]
    public void ContentTypeMatch_IsCaseSensitive_AsInTheObservatory() =>
        ObservatoryAssert.Test(Healthy.WithHeader("Content-Type", "TEXT/HTML"), SubresourceIntegrity, SriNotImplementedResponseNotHtml, 0, true);
}
