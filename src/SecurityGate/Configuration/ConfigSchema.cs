using System.Globalization;
using SecurityGate.Findings;
using SecurityGate.Sources.Live.Observatory;

namespace SecurityGate.Configuration;

/// <summary>
/// What the configuration may contain and what each value must look like. Every layer validates through here,
/// so a bad value is reported with its origin (file:line, variable or option) and the valid choices.
/// </summary>
public static class ConfigSchema
{
    public const string RuleSeverityOff = "off";

    /// <summary>Largest accepted probe timeout; a deploy gate that waits longer than this is misconfigured.</summary>
    public const int MaxTimeoutSeconds = 600;

    public static IReadOnlyList<string> RuleSeverityChoices { get; } = [.. SeverityNames.All, RuleSeverityOff];

    /// <summary>Keys at the top level of the YAML file, with the keys they may contain.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Sections { get; } =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            ["fail-on"] = [],
            ["paths"] = ["include", "exclude"],
            ["rules"] = [],
            ["django"] = ["settings-module", "version"],
            ["urls"] = [],
            ["env-file"] = [],
            ["timeout"] = [],
            ["min-grade"] = [],
            ["allow-redirect-hosts"] = [],
        };

    public static IReadOnlySet<string> ListKeys { get; } =
        new HashSet<string>([ConfigKeys.PathsInclude, ConfigKeys.PathsExclude, ConfigKeys.Urls, ConfigKeys.AllowRedirectHosts], StringComparer.OrdinalIgnoreCase);

    public static bool IsList(string key) => ListKeys.Contains(key);

    public static string CanonicalKey(string key)
    {
        var parts = key.Split(':');
        if (parts.Length == 3 && parts[0].Equals(ConfigKeys.Rules, StringComparison.OrdinalIgnoreCase))
            return ConfigKeys.RuleSeverity(parts[1]);
        return key.ToLowerInvariant();
    }

    /// <summary>Validates one value and returns it normalised; throws <see cref="ConfigurationException"/> naming the origin.</summary>
    public static string Validate(string key, string value, string origin, IReadOnlySet<string> knownRuleIds)
    {
        var canonical = CanonicalKey(key);
        key = key.Replace(':', '.');
        switch (canonical)
        {
            case ConfigKeys.FailOn:
                if (!FailOnNames.TryParse(value, out var failOn))
                    throw Invalid(origin, key, value, FailOnNames.All);
                return failOn.ToName();

            case ConfigKeys.PathsInclude or ConfigKeys.PathsExclude:
                foreach (var glob in ConfigLayer.SplitList(value))
                    if (glob.Trim().Length == 0)
                        throw new ConfigurationException($"{origin}: '{key}' contains an empty glob.");
                return value;

            case ConfigKeys.DjangoSettingsModule:
                if (!IsDottedModuleName(value))
                    throw new ConfigurationException(
                        $"{origin}: '{key}' must be a dotted Python module name such as 'mysite.settings.production', got '{value}'.");
                return value.Trim();

            case ConfigKeys.DjangoVersion:
                if (!DjangoVersion.TryParse(value, out var version))
                    throw new ConfigurationException($"{origin}: '{key}' must be a Django version X.Y such as 4.2, got '{value}'.");
                return version.ToString();

            case ConfigKeys.Urls:
                foreach (var url in ConfigLayer.SplitList(value))
                    ValidateUrl(url, origin, key);
                return value;

            case ConfigKeys.MinGrade:
                var grade = ObservatoryScoring.Grades.FirstOrDefault(g => g.Equals(value.Trim(), StringComparison.OrdinalIgnoreCase));
                if (grade is null)
                    throw Invalid(origin, key, value, ObservatoryScoring.Grades);
                return grade;

            case ConfigKeys.AllowRedirectHosts:
                foreach (var host in ConfigLayer.SplitList(value))
                    if (Uri.CheckHostName(host.Trim()) == UriHostNameType.Unknown)
                        throw new ConfigurationException(
                            $"{origin}: '{key}' must list bare host names such as 'login.example.com' (no scheme, port or path), got '{host}'.");
                return value;

            case ConfigKeys.EnvFile:
                if (value.Trim().Length == 0)
                    throw new ConfigurationException($"{origin}: '{key}' must name a file.");
                return value;

            case ConfigKeys.Timeout:
                if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) ||
                    seconds <= 0 || seconds > MaxTimeoutSeconds)
                    throw new ConfigurationException(
                        $"{origin}: '{key}' must be a number of seconds between 0 and {MaxTimeoutSeconds}, got '{value}'.");
                return seconds.ToString(CultureInfo.InvariantCulture);
        }

        if (canonical.StartsWith(ConfigKeys.Rules + ":", StringComparison.Ordinal))
        {
            var ruleId = canonical.Split(':')[1];
            if (!knownRuleIds.Contains(ruleId))
                throw new ConfigurationException(
                    $"{origin}: unknown rule '{ruleId}' under 'rules'. Run 'security-gate rules' for the list of rule ids.");
            var severity = value.Trim().ToLowerInvariant();
            if (!RuleSeverityChoices.Contains(severity))
                throw Invalid(origin, key, value, RuleSeverityChoices);
            return severity;
        }

        throw new ConfigurationException($"{origin}: unknown configuration key '{key.Replace(':', '.')}'.");
    }

    public static Uri ValidateUrl(string url, string origin, string key)
    {
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) ||
            (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) ||
            string.IsNullOrEmpty(uri.Host))
            throw new ConfigurationException(
                $"{origin}: '{key}' must be an absolute http:// or https:// URL, got '{url}'.");
        if (!string.IsNullOrEmpty(uri.UserInfo))
            throw new ConfigurationException(
                $"{origin}: '{key}' must not contain credentials; pass them with --header instead.");
        return uri;
    }

    private static bool IsDottedModuleName(string value)
    {
        var parts = value.Trim().Split('.');
        return parts.All(p => p.Length > 0 && (char.IsLetter(p[0]) || p[0] == '_') && p.All(c => char.IsLetterOrDigit(c) || c == '_'));
    }

    private static ConfigurationException Invalid(string origin, string key, string value, IEnumerable<string> choices) =>
        new($"{origin}: invalid value '{value}' for '{key.Replace(':', '.')}'; valid values: {string.Join(", ", choices)}.");
}
