using System.Collections.Immutable;

namespace SecurityGate.Sources.Live.Observatory;

/// <summary>The Observatory's test names (its JSON keys), in its output order.</summary>
public static class ObservatoryTestNames
{
    public const string ContentSecurityPolicy = "content-security-policy";
    public const string Cookies = "cookies";
    public const string CrossOriginResourceSharing = "cross-origin-resource-sharing";
    public const string Redirection = "redirection";
    public const string ReferrerPolicy = "referrer-policy";
    public const string StrictTransportSecurity = "strict-transport-security";
    public const string SubresourceIntegrity = "subresource-integrity";
    public const string XContentTypeOptions = "x-content-type-options";
    public const string XFrameOptions = "x-frame-options";
    public const string CrossOriginResourcePolicy = "cross-origin-resource-policy";

    /// <summary>The 10 tests of algorithm version 4 (npm 1.4.x), in output order.</summary>
    public static ImmutableArray<string> All { get; } =
    [
        ContentSecurityPolicy, Cookies, CrossOriginResourceSharing, Redirection, ReferrerPolicy,
        StrictTransportSecurity, SubresourceIntegrity, XContentTypeOptions, XFrameOptions, CrossOriginResourcePolicy,
    ];
}

/// <summary>The Observatory's result names (1.4.x), exactly as it reports them. Modifiers: <see cref="ObservatoryScoring"/>.</summary>
public static class ObservatoryResults
{
    public const string CspImplementedWithNoUnsafeDefaultSrcNone = "csp-implemented-with-no-unsafe-default-src-none";
    public const string CspImplementedWithNoUnsafe = "csp-implemented-with-no-unsafe";
    public const string CspImplementedWithUnsafeInlineInStyleSrcOnly = "csp-implemented-with-unsafe-inline-in-style-src-only";
    public const string CspImplementedButDuplicateDirectives = "csp-implemented-but-duplicate-directives";
    public const string CspImplementedWithInsecureSchemeInPassiveContentOnly = "csp-implemented-with-insecure-scheme-in-passive-content-only";
    public const string CspImplementedWithUnsafeEval = "csp-implemented-with-unsafe-eval";
    public const string CspImplementedWithUnsafeInline = "csp-implemented-with-unsafe-inline";
    public const string CspImplementedWithInsecureScheme = "csp-implemented-with-insecure-scheme";
    public const string CspHeaderInvalid = "csp-header-invalid";
    public const string CspNotImplemented = "csp-not-implemented";
    public const string CspNotImplementedButReportingEnabled = "csp-not-implemented-but-reporting-enabled";

    public const string CookiesSecureWithHttponlySessionsAndSamesite = "cookies-secure-with-httponly-sessions-and-samesite";
    public const string CookiesSecureWithHttponlySessions = "cookies-secure-with-httponly-sessions";
    public const string CookiesNotFound = "cookies-not-found";
    public const string CookiesWithoutSecureFlagButProtectedByHsts = "cookies-without-secure-flag-but-protected-by-hsts";
    public const string CookiesSessionWithoutSecureFlagButProtectedByHsts = "cookies-session-without-secure-flag-but-protected-by-hsts";
    public const string CookiesWithoutSecureFlag = "cookies-without-secure-flag";
    public const string CookiesSamesiteFlagInvalid = "cookies-samesite-flag-invalid";
    public const string CookiesAnticsrfWithoutSamesiteFlag = "cookies-anticsrf-without-samesite-flag";
    public const string CookiesSessionWithoutHttponlyFlag = "cookies-session-without-httponly-flag";
    public const string CookiesSessionWithoutSecureFlag = "cookies-session-without-secure-flag";

    public const string CorsNotImplemented = "cross-origin-resource-sharing-not-implemented";
    public const string CorsImplementedWithPublicAccess = "cross-origin-resource-sharing-implemented-with-public-access";
    public const string CorsImplementedWithRestrictedAccess = "cross-origin-resource-sharing-implemented-with-restricted-access";
    public const string CorsImplementedWithUniversalAccess = "cross-origin-resource-sharing-implemented-with-universal-access";

    public const string RedirectionAllRedirectsPreloaded = "redirection-all-redirects-preloaded";
    public const string RedirectionToHttps = "redirection-to-https";
    public const string RedirectionNotNeededNoHttp = "redirection-not-needed-no-http";
    public const string RedirectionOffHostFromHttp = "redirection-off-host-from-http";
    public const string RedirectionNotToHttpsOnInitialRedirection = "redirection-not-to-https-on-initial-redirection";
    public const string RedirectionNotToHttps = "redirection-not-to-https";
    public const string RedirectionMissing = "redirection-missing";
    public const string RedirectionInvalidCert = "redirection-invalid-cert";

    public const string ReferrerPolicyPrivate = "referrer-policy-private";
    public const string ReferrerPolicyNotImplemented = "referrer-policy-not-implemented";
    public const string ReferrerPolicyUnsafe = "referrer-policy-unsafe";
    public const string ReferrerPolicyHeaderInvalid = "referrer-policy-header-invalid";

    public const string HstsPreloaded = "hsts-preloaded";
    public const string HstsImplementedMaxAgeAtLeastSixMonths = "hsts-implemented-max-age-at-least-six-months";
    public const string HstsImplementedMaxAgeLessThanSixMonths = "hsts-implemented-max-age-less-than-six-months";
    public const string HstsNotImplemented = "hsts-not-implemented";
    public const string HstsHeaderInvalid = "hsts-header-invalid";
    public const string HstsNotImplementedNoHttps = "hsts-not-implemented-no-https";
    public const string HstsInvalidCert = "hsts-invalid-cert";

    public const string SriImplementedAndAllScriptsLoadedSecurely = "sri-implemented-and-all-scripts-loaded-securely";
    public const string SriImplementedAndExternalScriptsLoadedSecurely = "sri-implemented-and-external-scripts-loaded-securely";
    public const string SriNotImplementedResponseNotHtml = "sri-not-implemented-response-not-html";
    public const string SriNotImplementedButNoScriptsLoaded = "sri-not-implemented-but-no-scripts-loaded";
    public const string SriNotImplementedButAllScriptsLoadedFromSecureOrigin = "sri-not-implemented-but-all-scripts-loaded-from-secure-origin";
    public const string SriNotImplementedButExternalScriptsLoadedSecurely = "sri-not-implemented-but-external-scripts-loaded-securely";
    public const string SriImplementedButExternalScriptsNotLoadedSecurely = "sri-implemented-but-external-scripts-not-loaded-securely";
    public const string SriNotImplementedAndExternalScriptsNotLoadedSecurely = "sri-not-implemented-and-external-scripts-not-loaded-securely";
    public const string HtmlNotParseable = "html-not-parseable";

    public const string XContentTypeOptionsNosniff = "x-content-type-options-nosniff";
    public const string XContentTypeOptionsNotImplemented = "x-content-type-options-not-implemented";
    public const string XContentTypeOptionsHeaderInvalid = "x-content-type-options-header-invalid";

    public const string XFrameOptionsImplementedViaCsp = "x-frame-options-implemented-via-csp";
    public const string XFrameOptionsSameoriginOrDeny = "x-frame-options-sameorigin-or-deny";
    public const string XFrameOptionsAllowFromOrigin = "x-frame-options-allow-from-origin";
    public const string XFrameOptionsNotImplemented = "x-frame-options-not-implemented";
    public const string XFrameOptionsHeaderInvalid = "x-frame-options-header-invalid";

    public const string CorpImplementedWithSameOrigin = "corp-implemented-with-same-origin";
    public const string CorpImplementedWithSameSite = "corp-implemented-with-same-site";
    public const string CorpImplementedWithCrossOrigin = "corp-implemented-with-cross-origin";
    public const string CorpNotImplemented = "corp-not-implemented";
    public const string CorpHeaderInvalid = "corp-header-invalid";
}
