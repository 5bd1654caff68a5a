using SecurityGate.Sources.Live;

namespace SecurityGate.Rules.Live;

/// <summary>The explicit list of live rules, in id order.</summary>
public static class LiveRules
{
    public static IReadOnlyList<IRule<LiveSite>> All { get; } =
    [
        new WEB001SiteUnreachable(),
        new WEB002HttpsUnreachable(),
        new WEB003HttpNotRedirectedToHttps(),
        new WEB004HttpRedirectNotStraightToHttps(),
        new WEB005HttpRedirectNotPermanent(),
        new WEB006CertificateUntrusted(),
        new WEB007CertificateExpired(),
        new WEB008CertificateExpiresSoon(),
        new WEB009CertificateHostnameMismatch(),
        new WEB010LegacyTlsAccepted(),
        new WEB011HstsMissing(),
        new WEB012HstsMaxAgeShort(),
        new WEB013HstsWithoutIncludeSubDomains(),
        new WEB014HstsPreloadNotEligible(),
        new WEB015SensitiveCookieNotSecure(),
        new WEB016SessionCookieNotHttpOnly(),
        new WEB017SameSiteNoneWithoutSecure(),
        new WEB018ClickjackingProtectionMissing(),
        new WEB019ContentTypeSniffingAllowed(),
        new WEB020ReferrerPolicyMissing(),
        new WEB021ReferrerPolicyUnsafe(),
        new WEB022CspMissing(),
        new WEB023CspWeak(),
        new WEB024CorsCredentialsFromAnyOrigin(),
        new WEB025XssProtectionEnabled(),
        new WEB026DjangoDebugPage(),
        new WEB027SensitiveFileExposed(),
        new WEB028AdminLoginReachable(),
        new WEB029ServerVersionDisclosed(),
        new WEB030CloudflareDetected(),
        new WEB031ObservatoryGradeBelowMinimum(),
        new WEB101HstsSettingNotServed(),
        new WEB102SslRedirectSettingNotEffective(),
        new WEB103CookieSecureSettingNotEffective(),
        new WEB104DebugSettingContradicted(),
    ];
}
