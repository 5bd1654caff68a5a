using System.Text.RegularExpressions;

namespace SecurityGate.Sources.Docker;

/// <summary>
/// How the container rules read environment variables: which names hold secrets, which turn on Django's debug
/// mode, which values are truthy, and what a <c>${VAR:-default}</c> reference leaves as a literal.
/// </summary>
public static partial class EnvironmentValues
{
    /// <summary>Name parts that mark a secret wherever they appear (SECRET_KEY, DB_PASSWORD, GITHUB_TOKEN).</summary>
    private static readonly string[] SecretWords = ["SECRET", "PASSWORD", "PASSWD", "TOKEN", "CREDENTIAL", "PRIVATE"];

    /// <summary>Name segments (between underscores) that mark a secret: API_KEY, DB_PASS, AWS_ACCESS_KEY.</summary>
    private static readonly HashSet<string> SecretSegments = ["KEY", "APIKEY", "PASS", "PWD"];

    /// <summary>
    /// A last segment that makes the variable about a secret rather than the secret itself:
    /// POSTGRES_PASSWORD_FILE, SECRET_KEY_PATH, AWS_ACCESS_KEY_ID, TOKEN_LIFETIME.
    /// </summary>
    private static readonly HashSet<string> NonSecretSuffixes =
    [
        "FILE", "PATH", "DIR", "ID", "NAME", "USER", "USERNAME", "HOST", "PORT", "LENGTH", "TTL", "LIFETIME", "EXPIRY",
        "EXPIRE", "EXPIRES", "TIMEOUT", "ALGORITHM", "ENABLED", "HEADER", "PREFIX", "BACKEND", "MIN", "MAX", "AGE",
    ];

    /// <summary>Names that contain a secret word but hold public data (the python image's GPG_KEY is a fingerprint).</summary>
    private static readonly HashSet<string> PublicNames = ["GPG_KEY", "PUBLIC_KEY", "STRIPE_PUBLISHABLE_KEY", "RECAPTCHA_SITE_KEY"];

    /// <summary>The environment names Django projects read DEBUG from.</summary>
    private static readonly HashSet<string> DebugNames = new(StringComparer.OrdinalIgnoreCase) { "DEBUG", "DJANGO_DEBUG" };

    /// <summary>What django-environ, python-decouple and the usual <c>os.environ.get(...) in (...)</c> read as true.</summary>
    private static readonly HashSet<string> TruthyValues = new(StringComparer.OrdinalIgnoreCase) { "1", "true", "yes", "on", "y", "t", "ok" };

    [GeneratedRegex(@"^\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?<op>:?[-?+])(?<default>[^}]*)\}$", RegexOptions.CultureInvariant)]
    private static partial Regex ReferenceWithDefault();

    [GeneratedRegex(@"\$(\{[A-Za-z_]|[A-Za-z_])", RegexOptions.CultureInvariant)]
    private static partial Regex AnyReference();

    [GeneratedRegex(@"^[a-z][a-z0-9+.-]*://[^:/@\s]+:(?<password>[^@\s]+)@", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlWithPassword();

    public static bool IsSecretName(string name)
    {
        var upper = name.ToUpperInvariant();
        if (PublicNames.Contains(upper) || upper.Contains("PUBLIC", StringComparison.Ordinal))
            return false;
        var segments = upper.Split('_', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0 || NonSecretSuffixes.Contains(segments[^1]))
            return false;
        return SecretWords.Any(w => upper.Contains(w, StringComparison.Ordinal)) || segments.Any(SecretSegments.Contains);
    }

    public static bool IsDebugName(string name) => DebugNames.Contains(name);

    public static bool IsTruthy(string value) => TruthyValues.Contains(value.Trim());

    /// <summary>The password in <c>postgres://user:password@host/db</c>, if the value is such a URL.</summary>
    public static string? UrlPassword(string value) =>
        UrlWithPassword().Match(value) is { Success: true } match && !AnyReference().IsMatch(match.Groups["password"].Value)
            ? match.Groups["password"].Value
            : null;

    /// <summary>
    /// The literal a value leaves once interpolation is applied: the value itself when it references nothing; the
    /// default of a lone <c>${VAR:-default}</c> (<see cref="Literal.IsDefault"/>); null when it comes from elsewhere.
    /// <c>$$</c> is an escaped dollar (compose).
    /// </summary>
    public static Literal? LiteralOf(string value)
    {
        var unescaped = value.Replace("$$", "");
        if (!AnyReference().IsMatch(unescaped))
            return new Literal(value.Replace("$$", "$"), false);
        var match = ReferenceWithDefault().Match(value.Trim());
        return match.Success && match.Groups["op"].Value.EndsWith('-') && match.Groups["default"].Value.Length > 0
            && !AnyReference().IsMatch(match.Groups["default"].Value)
            ? new Literal(match.Groups["default"].Value, true)
            : null;
    }

    public sealed record Literal(string Value, bool IsDefault);

    /// <summary>
    /// Files meant for development, judged by neither the secret nor the debug rule: a name with a segment such as
    /// dev, local, test or override (<c>docker-compose.dev.yml</c>, <c>.env.local</c>, <c>Dockerfile.test</c>).
    /// </summary>
    public static bool IsDevelopmentFile(string path)
    {
        var slash = path.LastIndexOf('/');
        var name = path[(slash + 1)..].ToLowerInvariant();
        var segments = name.Split(['.', '-', '_'], StringSplitOptions.RemoveEmptyEntries);
        if (segments.Any(s => s is "dev" or "develop" or "development" or "local" or "test" or "tests" or "testing" or "ci" or "override" or "debug"))
            return true;
        // Folders that hold only development setups: VS Code dev containers, test and dev trees.
        var folders = slash < 0 ? [] : path[..slash].ToLowerInvariant().Split('/');
        return folders.Any(f => f is ".devcontainer" or "dev" or "development" or "test" or "tests" or "testing");
    }
}
