using SecurityGate.Findings;

namespace SecurityGate.Sources.Live;

/// <summary>One setting's statically known value and where it is set (null location: a default).</summary>
public sealed record SettingValue<T>(string Name, T Value, SourceLocation? Location)
{
    /// <summary>"SECURE_HSTS_SECONDS = 31536000 (mysite/settings/production.py:42)".</summary>
    public string Describe(string valueText) =>
        $"{Name} = {valueText} ({(Location is null ? "Django's default" : Location.ToString())})";
}

/// <summary>
/// What the repository's production settings say the live site should do, for the settings ↔ live drift rules.
/// Each property is null when the value is not known statically (e.g. it depends on an environment variable the
/// production dotenv does not set). Implemented by the Django source; the live analyzer only reads it.
/// </summary>
public interface ISettingsExpectations
{
    /// <summary>The settings module the values come from, e.g. <c>mysite.settings.production</c>.</summary>
    string SettingsModule { get; }

    SettingValue<bool>? Debug { get; }
    SettingValue<bool>? SecureSslRedirect { get; }
    SettingValue<long>? SecureHstsSeconds { get; }
    SettingValue<bool>? SecureHstsIncludeSubdomains { get; }
    SettingValue<bool>? SessionCookieSecure { get; }
    SettingValue<string>? SessionCookieName { get; }
    SettingValue<bool>? CsrfCookieSecure { get; }
    SettingValue<string>? CsrfCookieName { get; }
}

/// <summary>A plain implementation of <see cref="ISettingsExpectations"/> (tests, or a source that fills it field by field).</summary>
public sealed record SettingsExpectations(string SettingsModule) : ISettingsExpectations
{
    public SettingValue<bool>? Debug { get; init; }
    public SettingValue<bool>? SecureSslRedirect { get; init; }
    public SettingValue<long>? SecureHstsSeconds { get; init; }
    public SettingValue<bool>? SecureHstsIncludeSubdomains { get; init; }
    public SettingValue<bool>? SessionCookieSecure { get; init; }
    public SettingValue<string>? SessionCookieName { get; init; }
    public SettingValue<bool>? CsrfCookieSecure { get; init; }
    public SettingValue<string>? CsrfCookieName { get; init; }
}
