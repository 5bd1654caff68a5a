namespace SecurityGate.Configuration;

/// <summary>Canonical configuration keys (M.E.Configuration paths, ':'-separated).</summary>
public static class ConfigKeys
{
    public const string FailOn = "fail-on";
    public const string PathsInclude = "paths:include";
    public const string PathsExclude = "paths:exclude";
    public const string Rules = "rules";
    public const string RuleSeveritySuffix = "severity";
    public const string DjangoSettingsModule = "django:settings-module";
    public const string DjangoVersion = "django:version";
    public const string Urls = "urls";
    public const string EnvFile = "env-file";
    public const string Timeout = "timeout";
    public const string MinGrade = "min-grade";
    public const string AllowRedirectHosts = "allow-redirect-hosts";

    public static string RuleSeverity(string ruleId) => $"{Rules}:{ruleId.ToUpperInvariant()}:{RuleSeveritySuffix}";
}
