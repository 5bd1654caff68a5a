using System.Runtime.CompilerServices;
using SecurityGate.Gate;
using SecurityGate.Sources.Live;
using SecurityGate.Sources.Python;

namespace SecurityGate.Sources.Django;

/// <summary>
/// What the judged settings module says the live site should do, for the settings ↔ live drift rules. Only values
/// known statically are given; with several deploy targets in one repository the drift is ambiguous and none is given.
/// </summary>
public static class DjangoSettingsExpectations
{
    /// <summary>One evaluation per scan, shared by the Django analyzer and the live probe's drift rules.</summary>
    private static readonly ConditionalWeakTable<ScanContext, SourceOutput<DjangoSettings>> Loaded = new();

    public static SourceOutput<DjangoSettings> LoadOnce(ScanContext context) =>
        Loaded.GetValue(context, DjangoSettingsSource.Load);

    public static ISettingsExpectations? ForScan(ScanContext context) =>
        LoadOnce(context).Models is [var only] ? From(only) : null;

    public static ISettingsExpectations From(DjangoSettings settings) => new SettingsExpectations(settings.Module)
    {
        Debug = Bool(settings, "DEBUG"),
        SecureSslRedirect = Bool(settings, "SECURE_SSL_REDIRECT"),
        SecureHstsSeconds = settings.Get("SECURE_HSTS_SECONDS") is { Value: PythonInt { Value: var seconds } } hsts &&
                            seconds >= long.MinValue && seconds <= long.MaxValue
            ? new SettingValue<long>(hsts.Name, (long)seconds, hsts.Location)
            : null,
        SecureHstsIncludeSubdomains = Bool(settings, "SECURE_HSTS_INCLUDE_SUBDOMAINS"),
        SessionCookieSecure = Bool(settings, "SESSION_COOKIE_SECURE"),
        SessionCookieName = Text(settings, "SESSION_COOKIE_NAME"),
        CsrfCookieSecure = Bool(settings, "CSRF_COOKIE_SECURE"),
        CsrfCookieName = Text(settings, "CSRF_COOKIE_NAME"),
    };

    private static SettingValue<bool>? Bool(DjangoSettings settings, string name)
    {
        var setting = settings.Get(name);
        return setting.IsTruthy is { } truthy ? new SettingValue<bool>(name, truthy, setting.Location) : null;
    }

    private static SettingValue<string>? Text(DjangoSettings settings, string name)
    {
        var setting = settings.Get(name);
        return setting.AsString is { } text ? new SettingValue<string>(name, text, setting.Location) : null;
    }
}
