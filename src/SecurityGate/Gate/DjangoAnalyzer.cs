using SecurityGate.Rules;
using SecurityGate.Rules.Django;
using SecurityGate.Sources.Django;

namespace SecurityGate.Gate;

/// <summary>Django settings modules and the rules over them.</summary>
public static class DjangoAnalyzer
{
    public static IReadOnlyList<IRule<DjangoSettings>> Rules { get; } =
    [
        new DJ001DebugEnabled(),
        new DJ002SecretKeyWeak(),
        new DJ003AllowedHostsEmpty(),
        new DJ004SecurityMiddlewareMissing(),
        new DJ005ClickjackingMiddlewareMissing(),
        new DJ006CsrfMiddlewareMissing(),
        new DJ007HstsNotEnabled(),
        new DJ008HstsWithoutSubdomains(),
        new DJ009NosniffDisabled(),
        new DJ010SslRedirectDisabled(),
        new DJ011SessionCookieNotSecure(),
        new DJ012SessionCookieNotHttpOnly(),
        new DJ013CsrfCookieNotSecure(),
        new DJ014FrameOptionsNotDeny(),
        new DJ015HstsPreloadNotSet(),
        new DJ016ReferrerPolicyNotSet(),
        new DJ017ReferrerPolicyInvalid(),
        new DJ018CrossOriginOpenerPolicyInvalid(),
        new DJ019SecretKeyFallbackWeak(),
        new DJ020HashingAlgorithmInvalid(),
        new DJ021CsrfFailureViewNotImportable(),
        new DJ101SecretKeyCommitted(),
        new DJ102InsecureEnvironmentDefault(),
        new DJ103SettingNotStaticallyKnown(),
        new DJ104XssFilterObsolete(),
        new DJ105LegacySecuritySetting(),
        new DJ106MisspelledSecuritySetting(),
        new DJ107CsrfCookieNotHttpOnly(),
        new DJ108HstsShorterThanAYear(),
        new DJ109HstsPreloadWithoutSubdomains(),
        new DJ110AllowedHostsWildcard(),
        new DJ111CsrfTrustedOriginsUnsafe(),
        new DJ112SameSiteNoneWithoutSecure(),
        new DJ113ProxySslHeaderMissing(),
        new DJ114CorsAllowsAllOrigins(),
        new DJ115WeakPasswordHasher(),
        new DJ116HardCodedPassword(),
        new DJ117DebugPropagateExceptions(),
        new DJ118SecurityChecksSilenced(),
    ];

    public static IAnalyzer Create() => new ModelAnalyzer<DjangoSettings>("django", DjangoSettingsExpectations.LoadOnce, Rules,
        keep: (settings, finding) => !finding.References.TryGetValue("django", out var check) || !settings.IsSilenced(check),
        describe: settings => new DjangoProjectReport(settings.Module, settings.ModulePath, settings.ChosenBecause,
            settings.Version.ToString(), settings.VersionSource, settings.Configuration?.ClassName, settings.Configuration?.ChosenBecause));
}
