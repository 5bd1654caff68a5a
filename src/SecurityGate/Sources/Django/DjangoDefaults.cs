using SecurityGate.Configuration;
using SecurityGate.Sources.Python;

namespace SecurityGate.Sources.Django;

/// <summary>
/// The values Django uses for security-relevant settings a project does not set, per version
/// (django/conf/global_settings.py; see shared/reference/django-deploy-checks.md §5).
/// </summary>
public static class DjangoDefaults
{
    private static readonly DjangoVersion V3_0 = new(3, 0);
    private static readonly DjangoVersion V3_1 = new(3, 1);
    private static readonly DjangoVersion V4_0 = new(4, 0);
    private static readonly DjangoVersion V4_1 = new(4, 1);

    /// <summary>The default, or null when the setting does not exist in that version (or is not modelled).</summary>
    public static PythonValue? Get(string name, DjangoVersion version) => name switch
    {
        "DEBUG" or "SECURE_HSTS_INCLUDE_SUBDOMAINS" or "SECURE_HSTS_PRELOAD" or "SECURE_SSL_REDIRECT"
            or "SESSION_COOKIE_SECURE" or "CSRF_COOKIE_SECURE" or "CSRF_COOKIE_HTTPONLY" or "CSRF_USE_SESSIONS"
            or "DEBUG_PROPAGATE_EXCEPTIONS" or "USE_X_FORWARDED_HOST" => new PythonBool(false),
        "SESSION_COOKIE_HTTPONLY" => new PythonBool(true),
        "ALLOWED_HOSTS" or "MIDDLEWARE" or "INSTALLED_APPS" or "CSRF_TRUSTED_ORIGINS" or "SECURE_REDIRECT_EXEMPT"
            or "SILENCED_SYSTEM_CHECKS" => new PythonList([]),
        "SECRET_KEY" => new PythonString(""),
        "SECURE_HSTS_SECONDS" => new PythonInt(0),
        "SECURE_PROXY_SSL_HEADER" or "SECURE_SSL_HOST" => new PythonNone(),
        "X_FRAME_OPTIONS" => new PythonString(version >= V3_0 ? "DENY" : "SAMEORIGIN"),
        "SECURE_CONTENT_TYPE_NOSNIFF" => new PythonBool(version >= V3_0),
        "SECURE_BROWSER_XSS_FILTER" => version >= V4_0 ? null : new PythonBool(false),
        "SECURE_REFERRER_POLICY" => version >= V3_1 ? new PythonString("same-origin") : version >= V3_0 ? new PythonNone() : null,
        "SECURE_CROSS_ORIGIN_OPENER_POLICY" => version >= V4_0 ? new PythonString("same-origin") : null,
        "SECRET_KEY_FALLBACKS" => version >= V4_1 ? new PythonList([]) : null,
        "DEFAULT_HASHING_ALGORITHM" => version >= V3_1 && version < V4_0 ? new PythonString("sha256") : null,
        "CSRF_FAILURE_VIEW" => new PythonString(DjangoNames.DefaultCsrfFailureView),
        "SESSION_COOKIE_SAMESITE" or "CSRF_COOKIE_SAMESITE" => new PythonString("Lax"),
        "SESSION_COOKIE_NAME" => new PythonString("sessionid"),
        "CSRF_COOKIE_NAME" => new PythonString("csrftoken"),
        _ => null,
    };

    /// <summary>Since 4.1 several checks require the value to be exactly True; before, truthiness was enough.</summary>
    public static bool RequiresExactTrue(DjangoVersion version) => version >= V4_1;
}
