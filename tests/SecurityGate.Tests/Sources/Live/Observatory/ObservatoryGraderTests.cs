using System.Text;
using System.Text.Json;
using SecurityGate.Sources.Live;
using SecurityGate.Sources.Live.Observatory;
using static SecurityGate.Sources.Live.Observatory.ObservatoryResults;
using static SecurityGate.Sources.Live.Observatory.ObservatoryTestNames;

namespace SecurityGate.Tests.Sources.Live.Observatory;

public sealed class ObservatoryGraderTests
{
    [Fact]
    public void HealthySite_ScoresAPlus140_WithEveryBonus()
    {
        var result = ObservatoryGrader.Score(SiteSnapshotBuilder.Healthy().Build());

        Assert.Null(result.Error);
        Assert.Equal(140, result.Score);
        Assert.Equal("A+", result.Grade);
        Assert.Equal(10, result.TestsPassed);
        Assert.Equal(
            [
                (ObservatoryTestNames.ContentSecurityPolicy, CspImplementedWithNoUnsafeDefaultSrcNone, 10),
                (Cookies, CookiesSecureWithHttponlySessionsAndSamesite, 5),
                (CrossOriginResourceSharing, CorsNotImplemented, 0),
                (Redirection, RedirectionToHttps, 0),
                (ReferrerPolicy, ReferrerPolicyPrivate, 5),
                (StrictTransportSecurity, HstsImplementedMaxAgeAtLeastSixMonths, 0),
                (SubresourceIntegrity, SriImplementedAndAllScriptsLoadedSecurely, 5),
                (XContentTypeOptions, XContentTypeOptionsNosniff, 0),
                (XFrameOptions, XFrameOptionsImplementedViaCsp, 5),
                (CrossOriginResourcePolicy, CorpImplementedWithSameOrigin, 10),
            ],
            result.Tests.Select(t => (t.Name, t.Result, t.ScoreModifier)));
    }

    [Fact]
    public void Bonuses_DoNotCount_WhenPenaltiesBringTheScoreBelow90()
    {
        // Healthy bonuses are +40; without HSTS (-20) the penalties alone give 80 < 90, so the score is 80, not 120.
        var result = ObservatoryGrader.Score(SiteSnapshotBuilder.Healthy().WithoutHeader("Strict-Transport-Security").Build());

        Assert.Equal(80, result.Score);
        Assert.Equal("B+", result.Grade);
    }

    [Fact]
    public void Bonuses_Count_WhenPenaltiesLeaveExactly90()
    {
        // X-Content-Type-Options missing (-5) and referrer unsafe (-5, and its +5 gone): 90 + remaining bonuses 35.
        var result = ObservatoryGrader.Score(SiteSnapshotBuilder.Healthy()
            .WithoutHeader("X-Content-Type-Options").WithHeader("Referrer-Policy", "unsafe-url").Build());

        Assert.Equal(125, result.Score);
        Assert.Equal("A+", result.Grade);
    }

    [Fact]
    public void SiteThatDoesNotAnswer_IsAnError()
    {
        var result = ObservatoryGrader.Score(SiteSnapshotBuilder.Healthy().WithoutHttp().WithoutHttps().Build());

        Assert.Equal("The site seems to be down.", result.Error);
        Assert.Null(result.Grade);
        Assert.Empty(result.Tests);
    }

    [Theory]
    [InlineData(404, "Site did respond with an unexpected HTTP status code 404.")]
    [InlineData(500, "Site did respond with an unexpected HTTP status code 500.")]
    [InlineData(199, "Site did respond with an unexpected HTTP status code 199.")]
    public void UnexpectedStatus_IsAnError(int status, string error)
    {
        Assert.Equal(error, ObservatoryGrader.Score(SiteSnapshotBuilder.Healthy().WithStatus(status).Build()).Error);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(302)]
    public void LoginWallsAndRedirects_AreGraded(int status)
    {
        var result = ObservatoryGrader.Score(SiteSnapshotBuilder.Healthy().WithStatus(status).Build());

        Assert.Null(result.Error);
        Assert.Equal(140, result.Score);
    }

    [Fact]
    public void WriteJson_WritesScoreGradeAndTestsWithTheObservatoryNames()
    {
        var result = ObservatoryGrader.Score(SiteSnapshotBuilder.Healthy().Build());
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            result.WriteJson(writer);
        }

        using var json = JsonDocument.Parse(Encoding.UTF8.GetString(stream.ToArray()));
        var root = json.RootElement;
        Assert.Equal(140, root.GetProperty("score").GetInt32());
        Assert.Equal("A+", root.GetProperty("grade").GetString());
        var hsts = root.GetProperty("tests").GetProperty("strict-transport-security");
        Assert.Equal("hsts-implemented-max-age-at-least-six-months", hsts.GetProperty("result").GetString());
        Assert.Equal(0, hsts.GetProperty("scoreModifier").GetInt32());
        Assert.True(hsts.GetProperty("pass").GetBoolean());
        Assert.Equal(ObservatoryTestNames.All, root.GetProperty("tests").EnumerateObject().Select(p => p.Name));
    }
}
