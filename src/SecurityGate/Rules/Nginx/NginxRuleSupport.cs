using SecurityGate.Findings;
using SecurityGate.Sources.Nginx;

namespace SecurityGate.Rules.Nginx;

/// <summary>What several nginx rules share: the security headers and how a redirect to HTTPS is recognised.</summary>
internal static class NginxRuleSupport
{
    public const string Hsts = "Strict-Transport-Security";

    /// <summary>Response headers whose loss weakens the site (the Observatory's header tests and HSTS).</summary>
    public static readonly IReadOnlySet<string> SecurityHeaders = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        Hsts, "Content-Security-Policy", "Content-Security-Policy-Report-Only", "X-Frame-Options", "X-Content-Type-Options",
        "Referrer-Policy", "Permissions-Policy", "Cross-Origin-Opener-Policy", "Cross-Origin-Resource-Policy",
        "Cross-Origin-Embedder-Policy",
    };

    private static readonly HashSet<string> RedirectCodes = ["301", "302", "303", "307", "308"];

    /// <summary>" (in snippets/headers.conf, included by sites-available/shop)" when the location is in another file.</summary>
    public static string IncludedFrom(NginxConfig config, SourceLocation location) =>
        location.Path == config.Path ? "" : $" (in {location.Path}, included by {config.Path})";

    public static string HeaderName(NginxDirective addHeader) => addHeader.Argument(0) ?? "";

    /// <summary>
    /// <c>return 301 https://…</c>, <c>return https://…</c> (302), <c>rewrite ^ https://… permanent</c>, or a refusal
    /// (<c>return 444</c>, any 4xx/5xx): a level that ends this way serves no content over plain HTTP.
    /// </summary>
    public static bool RedirectsOrRefuses(NginxScope scope)
    {
        foreach (var directive in scope.Directives)
        {
            if (directive.Name == NginxNames.Return && IsSecureReturn(directive))
                return true;
            if (directive.Name == NginxNames.Rewrite && directive.Argument(1) is { } target && IsHttpsUrl(target)
                && directive.Argument(2) is "permanent" or "redirect")
                return true;
            if (directive.Name == NginxNames.If && directive.Block is { } block && IsSchemeTest(directive)
                && block.Any(d => d.Name == NginxNames.Return && IsSecureReturn(d)))
                return true;
        }
        return false;
    }

    private static bool IsSecureReturn(NginxDirective directive)
    {
        var first = directive.Argument(0) ?? "";
        if (IsHttpsUrl(first))
            return true;
        if (RedirectCodes.Contains(first))
            return directive.Argument(1) is { } url && IsHttpsUrl(url);
        return first.Length == 3 && first[0] is '4' or '5';
    }

    private static bool IsHttpsUrl(string value) =>
        value.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || value.Contains(NginxTemplate.Marker);

    private static bool IsSchemeTest(NginxDirective ifDirective) =>
        ifDirective.Arguments.Any(a => a.Value.Contains("$scheme", StringComparison.Ordinal) || a.Value.Contains("$https", StringComparison.Ordinal)
            || a.Value.Contains("$http_x_forwarded_proto", StringComparison.Ordinal));
}
