using System.Collections.Immutable;
using static SecurityGate.Sources.Live.Observatory.ObservatoryResults;

namespace SecurityGate.Sources.Live.Observatory;

/// <summary>The CSP test's verdict plus the combined policy, which the X-Frame-Options test reads.</summary>
internal sealed record CspVerdict(string Result, bool Pass, ContentSecurityPolicy? Policy);

/// <summary>
/// content-security-policy: the CSP header (repeated lines arrive comma-joined, i.e. as ONE policy) and every
/// meta-tag CSP are combined; then the first matching rule wins: strict-dynamic without nonce/hash → invalid;
/// unsafe script-src or broad object-src → unsafe-inline; http:/ftp: in an active directive of an https site →
/// insecure-scheme; 'unsafe-eval' → unsafe-eval; http:/ftp: in img-src/media-src → passive-only; unsafe
/// style-src → style-only; default-src 'none' → +10; else +5. Passing results become duplicate-directives
/// when report-uri/report-to was repeated.
/// </summary>
internal static class ContentSecurityPolicyTest
{
    private const string HeaderName = "content-security-policy";
    private const string ReportOnlyHeaderName = "content-security-policy-report-only";
    private const string None = "'none'";
    private const string UnsafeInline = "'unsafe-inline'";
    private const string UnsafeEval = "'unsafe-eval'";
    private const string StrictDynamic = "'strict-dynamic'";
    private const string Self = "'self'";

    /// <summary>Sources that allow (nearly) any origin.</summary>
    private static readonly ImmutableHashSet<string> DangerouslyBroad =
        ["ftp:", "http:", "https:", "*", "http://*", "http://*.*", "https://*", "https://*.*"];

    /// <summary>Sources that allow inline code.</summary>
    private static readonly ImmutableHashSet<string> InlineSources = [UnsafeInline, "data:"];

    private static readonly ImmutableHashSet<string> BroadOrInline = DangerouslyBroad.Union(InlineSources);

    /// <summary>img-src and media-src only load passive content.</summary>
    private static readonly string[] PassiveDirectives = ["img-src", "media-src"];

    private static readonly string[] NonceOrHashPrefixes = ["'sha256-", "'sha384-", "'sha512-", "'nonce-"];

    private static readonly string[] InsecureSchemePrefixes = ["http:", "ftp:"];

    /// <summary>The result the test hopes for (its "expectation"); together with the ones below it passes.</summary>
    private static readonly ImmutableHashSet<string> PassingResults =
    [
        CspImplementedWithNoUnsafe, CspImplementedWithNoUnsafeDefaultSrcNone,
        CspImplementedWithUnsafeInlineInStyleSrcOnly, CspImplementedWithInsecureSchemeInPassiveContentOnly,
    ];

    public static CspVerdict Run(ObservatoryContext context)
    {
        if (context.Auto is null)
        {
            return new CspVerdict(CspNotImplemented, false, null);
        }

        var headerPolicies = context.AutoHeaders.Get(HeaderName) is { } value ? new[] { value } : [];
        var metaPolicies = context.MetaCsp;

        ContentSecurityPolicy combined;
        try
        {
            combined = ContentSecurityPolicyParser.Parse([.. headerPolicies, .. metaPolicies]);
        }
        catch (ContentSecurityPolicyException)
        {
            return new CspVerdict(CspHeaderInvalid, false, null);
        }

        // "Is there a CSP" ignores meta-only directives that a meta tag may not set.
        var headerOnly = ParseOrEmpty(() => ContentSecurityPolicyParser.Parse(headerPolicies));
        var metaOnly = ParseOrEmpty(() => ContentSecurityPolicyParser.ParseMeta(metaPolicies));
        if (EntryCount(headerOnly) + EntryCount(metaOnly) == 0)
        {
            var reporting = context.AutoHeaders.GetNonEmpty(ReportOnlyHeaderName) is not null;
            return new CspVerdict(reporting ? CspNotImplementedButReportingEnabled : CspNotImplemented, false, null);
        }

        var result = Judge(combined, context.SessionUrl.Scheme == Uri.UriSchemeHttps);
        var pass = PassingResults.Contains(result);
        if (pass && !combined.DuplicateDirectives.IsEmpty)
        {
            result = CspImplementedButDuplicateDirectives;
        }

        return new CspVerdict(result, pass, combined);
    }

    private static string Judge(ContentSecurityPolicy policy, bool siteIsHttps)
    {
        // Mutable copies; like the Observatory, a fallback shares the default-src set, so edits show through.
        var directives = policy.Directives.ToDictionary(kv => kv.Key, kv => new HashSet<string>(kv.Value), StringComparer.Ordinal);
        var defaultSrc = directives.GetValueOrDefault("default-src");
        var scriptSrc = directives.GetValueOrDefault("script-src") ?? defaultSrc ?? ["*"];
        var objectSrc = directives.GetValueOrDefault("object-src") ?? defaultSrc ?? ["*"];
        var styleSrc = directives.GetValueOrDefault("style-src") ?? defaultSrc ?? ["*"];

        // CSP2: a nonce or hash makes browsers ignore 'unsafe-inline'.
        foreach (var sources in new[] { scriptSrc, styleSrc })
        {
            if (HasNonceOrHash(sources))
            {
                sources.Remove(UnsafeInline);
            }
        }

        string? result = null;

        // CSP3: with 'strict-dynamic' (and a nonce/hash) host sources, 'self' and 'unsafe-inline' are ignored.
        if (HasNonceOrHash(scriptSrc) && scriptSrc.Contains(StrictDynamic))
        {
            scriptSrc.RemoveWhere(s => DangerouslyBroad.Any(b => s.StartsWith(b, StringComparison.Ordinal)) || s is Self or UnsafeInline);
        }
        else if (scriptSrc.Contains(StrictDynamic))
        {
            result = CspHeaderInvalid; // 'strict-dynamic' alone blocks every script
        }

        var activeSources = directives
            .Where(kv => !PassiveDirectives.Contains(kv.Key) && kv.Key != "script-src")
            .SelectMany(kv => kv.Value)
            .Concat(policy.DuplicateDirectives) // the Observatory keeps its duplicate marker among the directives
            .Concat(scriptSrc)
            .ToList();
        var passiveSources = PassiveDirectives
            .SelectMany(d => directives.GetValueOrDefault(d) ?? defaultSrc ?? [])
            .ToList();

        if (scriptSrc.Any(BroadOrInline.Contains) || objectSrc.Any(DangerouslyBroad.Contains))
        {
            result ??= CspImplementedWithUnsafeInline;
        }

        if (siteIsHttps && activeSources.Any(IsInsecureScheme))
        {
            result ??= CspImplementedWithInsecureScheme;
        }

        if (scriptSrc.Contains(UnsafeEval) || styleSrc.Contains(UnsafeEval))
        {
            result ??= CspImplementedWithUnsafeEval;
        }

        if (siteIsHttps && passiveSources.Any(IsInsecureScheme))
        {
            result ??= CspImplementedWithInsecureSchemeInPassiveContentOnly;
        }

        if (styleSrc.Any(BroadOrInline.Contains))
        {
            result ??= CspImplementedWithUnsafeInlineInStyleSrcOnly;
        }

        var defaultNone = defaultSrc is { Count: 1 } && defaultSrc.Contains(None);
        return result ?? (defaultNone ? CspImplementedWithNoUnsafeDefaultSrcNone : CspImplementedWithNoUnsafe);
    }

    private static bool HasNonceOrHash(IEnumerable<string> sources) =>
        sources.Any(s => NonceOrHashPrefixes.Any(p => s.StartsWith(p, StringComparison.Ordinal)));

    private static bool IsInsecureScheme(string source) =>
        InsecureSchemePrefixes.Any(p => source.StartsWith(p, StringComparison.Ordinal));

    private static ContentSecurityPolicy ParseOrEmpty(Func<ContentSecurityPolicy> parse)
    {
        try
        {
            return parse();
        }
        catch (ContentSecurityPolicyException)
        {
            return ContentSecurityPolicy.Empty;
        }
    }

    // The Observatory counts its duplicate marker as one more entry of the map.
    private static int EntryCount(ContentSecurityPolicy policy) =>
        policy.Directives.Count + (policy.DuplicateDirectives.IsEmpty ? 0 : 1);
}
