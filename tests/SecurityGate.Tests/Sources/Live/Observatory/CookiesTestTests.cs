using SecurityGate.Sources.Live;
using static SecurityGate.Sources.Live.Observatory.ObservatoryResults;
using static SecurityGate.Sources.Live.Observatory.ObservatoryTestNames;

namespace SecurityGate.Tests.Sources.Live.Observatory;

public sealed class CookiesTestTests
{
    private static void AssertCookies(SiteSnapshotBuilder site, string result, int modifier, bool pass) =>
        ObservatoryAssert.Test(site, Cookies, result, modifier, pass);

    private static SiteSnapshotBuilder WithCookies(params string[] cookies) =>
        SiteSnapshotBuilder.Healthy().WithHeader("Set-Cookie", cookies);

    [Theory]
    [InlineData("sessionid=1; Path=/; Secure; HttpOnly; SameSite=Lax", CookiesSecureWithHttponlySessionsAndSamesite, 5, true)]
    [InlineData("sessionid=1; Path=/; Secure; HttpOnly", CookiesSecureWithHttponlySessions, 0, true)]
    [InlineData("pref=1; Path=/; Secure; SameSite=None", CookiesSecureWithHttponlySessionsAndSamesite, 5, true)]
    [InlineData("pref=1; Path=/; SameSite=None", CookiesSamesiteFlagInvalid, -20, false)]
    [InlineData("pref=1; Path=/; Secure; SameSite=Foo", CookiesSamesiteFlagInvalid, -20, false)]
    [InlineData("pref=1; Path=/; Secure; SameSite", CookiesSamesiteFlagInvalid, -20, false)]
    [InlineData("csrftoken=1; Path=/; Secure", CookiesAnticsrfWithoutSamesiteFlag, -20, false)]
    [InlineData("sessionid=1; Path=/; Secure; SameSite=Lax", CookiesSessionWithoutHttponlyFlag, -30, false)]
    [InlineData("LoginToken=1; Path=/; Secure; SameSite=Lax", CookiesSessionWithoutHttponlyFlag, -30, false)]
    [InlineData("heroku-session-affinity=1; Path=/", CookiesNotFound, 0, true)]
    [InlineData("tracker=1; Domain=other.example; Path=/", CookiesNotFound, 0, true)] // rejected by the jar
    [InlineData("__Secure-id=1; Path=/", CookiesNotFound, 0, true)] // prefix rule broken: dropped
    [InlineData("sessionid=; Max-Age=0; Path=/; HttpOnly", CookiesSessionWithoutSecureFlagButProtectedByHsts, -10, false)] // deletions are graded
    public void OneCookie_IsJudged(string cookie, string result, int modifier, bool pass) =>
        AssertCookies(WithCookies(cookie), result, modifier, pass);

    [Fact]
    public void NoCookies_AreNotFound() =>
        AssertCookies(SiteSnapshotBuilder.Healthy().WithoutHeader("Set-Cookie"), CookiesNotFound, 0, true);

    [Fact]
    public void MissingSecure_IsSoftened_ByPassingHsts() =>
        AssertCookies(WithCookies("pref=1; Path=/; SameSite=Lax"), CookiesWithoutSecureFlagButProtectedByHsts, -5, false);

    [Fact]
    public void MissingSecure_WithoutHsts_IsWithoutSecureFlag() =>
        AssertCookies(WithCookies("pref=1; Path=/; SameSite=Lax").WithoutHeader("Strict-Transport-Security"),
            CookiesWithoutSecureFlag, -20, false);

    [Fact]
    public void DjangoDefaults_WithoutHsts_AreSessionWithoutSecureFlag() =>
        AssertCookies(
            WithCookies("csrftoken=x; expires=Thu, 01 Jan 2037 00:00:00 GMT; Max-Age=31449600; Path=/; SameSite=Lax",
                "sessionid=y; expires=Thu, 01 Jan 2037 00:00:00 GMT; HttpOnly; Max-Age=1209600; Path=/; SameSite=Lax")
                .WithoutHeader("Strict-Transport-Security"),
            CookiesSessionWithoutSecureFlag, -40, false);

    [Fact]
    public void WorstFinding_WinsByBadnessOrder_NotByModifier()
    {
        // samesite-invalid (-20) ranks above without-secure-but-hsts (-5) and below anticsrf (-20).
        AssertCookies(WithCookies("pref=1; Path=/; SameSite=None", "csrftoken=1; Path=/; Secure"),
            CookiesAnticsrfWithoutSamesiteFlag, -20, false);
    }

    [Fact]
    public void OneCookieWithoutSameSite_LosesTheBonus() =>
        AssertCookies(WithCookies("sessionid=1; Path=/; Secure; HttpOnly; SameSite=Lax", "pref=1; Path=/; Secure"),
            CookiesSecureWithHttponlySessions, 0, true);
}
