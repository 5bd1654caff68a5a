using SecurityGate.Findings;
using SecurityGate.Sources.Django;

namespace SecurityGate.Rules.Django;

/// <summary>A module-level name is one typo away from a security setting: Django ignores it and the protection is off.</summary>
public sealed class DJ106MisspelledSecuritySetting : IRule<DjangoSettings>
{
    public static RuleDescriptor Rule { get; } = DjangoRule.Describe("DJ106", "Security setting name is misspelled", Severity.Warning,
        "Django silently ignores settings it does not know, so a typo such as SECURE_HSTS_SECOND or SESSION_COOKIES_SECURE " +
        "leaves the protection off. Rename it to the setting named in the message.");

    public RuleDescriptor Descriptor => Rule;

    /// <summary>The settings a typo would silently disable.</summary>
    public static IReadOnlyList<string> SecuritySettings { get; } =
    [
        "DEBUG", "SECRET_KEY", "SECRET_KEY_FALLBACKS", "ALLOWED_HOSTS", "SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "SECURE_HSTS_PRELOAD", "SECURE_SSL_REDIRECT", "SECURE_SSL_HOST", "SECURE_PROXY_SSL_HEADER", "SECURE_CONTENT_TYPE_NOSNIFF",
        "SECURE_REFERRER_POLICY", "SECURE_CROSS_ORIGIN_OPENER_POLICY", "SECURE_REDIRECT_EXEMPT", "SESSION_COOKIE_SECURE",
        "SESSION_COOKIE_HTTPONLY", "SESSION_COOKIE_SAMESITE", "CSRF_COOKIE_SECURE", "CSRF_COOKIE_HTTPONLY", "CSRF_COOKIE_SAMESITE",
        "CSRF_TRUSTED_ORIGINS", "CSRF_USE_SESSIONS", "X_FRAME_OPTIONS", "MIDDLEWARE", "PASSWORD_HASHERS",
        "AUTH_PASSWORD_VALIDATORS", "SILENCED_SYSTEM_CHECKS", "LANGUAGE_COOKIE_SECURE", "USE_X_FORWARDED_HOST",
    ];

    /// <summary>Real Django settings that are close to a security setting and must not be reported.</summary>
    private static readonly HashSet<string> KnownNeighbours = new(StringComparer.Ordinal)
    {
        "SECURE_CSP", "DEBUG_PROPAGATE_EXCEPTIONS", "SESSION_COOKIE_AGE", "SESSION_COOKIE_PATH", "SESSION_COOKIE_NAME",
        "CSRF_COOKIE_AGE", "CSRF_COOKIE_PATH", "CSRF_COOKIE_NAME", "CSRF_COOKIE_DOMAIN", "SESSION_COOKIE_DOMAIN",
        "CSRF_HEADER_NAME", "USE_X_FORWARDED_PORT", "LANGUAGE_COOKIE_AGE", "LANGUAGE_COOKIE_PATH", "LANGUAGE_COOKIE_NAME",
    };

    public const int MaxTypoDistance = 2;

    public IEnumerable<Finding> Evaluate(DjangoSettings settings)
    {
        foreach (var (name, _) in settings.Evaluation.Bindings.OrderBy(b => b.Key, StringComparer.Ordinal))
        {
            if (name.Length < 5 || name != name.ToUpperInvariant() || SecuritySettings.Contains(name) || KnownNeighbours.Contains(name))
                continue;
            var intended = SecuritySettings
                .Select(s => (Setting: s, Distance: EditDistance(name, s)))
                .Where(c => c.Distance <= MaxTypoDistance && c.Distance < c.Setting.Length / 4)
                .OrderBy(c => c.Distance).Select(c => c.Setting).FirstOrDefault();
            if (intended is null)
                continue;
            var setting = settings.Get(name);
            yield return Rule.At(settings, setting,
                $"{name} is not a Django setting; did you mean {intended}? Django ignores {name}, so {intended} keeps " +
                $"{(settings.IsSet(intended) ? "the value set elsewhere" : "its default")} (settings module {settings.Module}).");
        }
    }

    /// <summary>Levenshtein distance with an early exit: names here are short.</summary>
    public static int EditDistance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > MaxTypoDistance)
            return MaxTypoDistance + 1;
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
            previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
