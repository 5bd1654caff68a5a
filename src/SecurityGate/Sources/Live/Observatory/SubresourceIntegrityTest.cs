using System.Text.RegularExpressions;
using static SecurityGate.Sources.Live.Observatory.ObservatoryResults;

namespace SecurityGate.Sources.Live.Observatory;

/// <summary>
/// subresource-integrity: looks at <c>&lt;script src&gt;</c> of an HTML page. Relative URLs are same-origin;
/// <c>//host/…</c> counts as foreign and insecure; absolute http(s) URLs are same-origin when their registrable
/// domain equals the site's (for an IP site both are null, so every absolute script counts as same-origin).
/// Foreign scripts need integrity and https; the worst finding wins.
/// </summary>
internal static partial class SubresourceIntegrityTest
{
    private static readonly string[] BestToWorst =
    [
        SriImplementedAndAllScriptsLoadedSecurely,
        SriImplementedAndExternalScriptsLoadedSecurely,
        SriImplementedButExternalScriptsNotLoadedSecurely,
        SriNotImplementedButExternalScriptsLoadedSecurely,
        SriNotImplementedAndExternalScriptsNotLoadedSecurely,
        SriNotImplementedResponseNotHtml,
    ];

    private static readonly string[] PassingResults =
    [
        SriImplementedAndAllScriptsLoadedSecurely, SriImplementedAndExternalScriptsLoadedSecurely,
        SriNotImplementedResponseNotHtml, SriNotImplementedButAllScriptsLoadedFromSecureOrigin,
        SriNotImplementedButNoScriptsLoaded,
    ];

    [GeneratedRegex("^//[^/]")]
    private static partial Regex ProtocolRelative();

    [GeneratedRegex("^https?://")]
    private static partial Regex AbsoluteHttp();

    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex HasScheme();

    public static TestVerdict Run(ObservatoryContext context)
    {
        var page = context.Auto;
        if (page is null)
        {
            return new TestVerdict(SriNotImplementedButNoScriptsLoaded, true);
        }

        if (!page.IsHtml)
        {
            return new TestVerdict(SriNotImplementedResponseNotHtml, true);
        }

        var siteDomain = RegistrableDomain.Of(context.Snapshot.HttpUrl.Host);
        var siteIsHttps = context.SessionUrl.Scheme == Uri.UriSchemeHttps;
        string? result = null;
        var anyForeign = false;
        var scripts = context.Html.Scripts;
        foreach (var script in scripts)
        {
            var src = ResolvedSrc(script.Src);
            if (src.Length == 0)
            {
                continue; // inline script
            }

            var hasIntegrity = !string.IsNullOrEmpty(script.Integrity);
            var protocolRelative = ProtocolRelative().IsMatch(src);
            var absolute = !protocolRelative && AbsoluteHttp().IsMatch(src);
            var relative = !protocolRelative && !absolute;
            var sameDomain = protocolRelative || relative
                || RegistrableDomain.Of(new Uri(src).Host) == siteDomain;
            var secureOrigin = relative || (sameDomain && !protocolRelative);
            var secureScheme = (absolute && src.StartsWith("https:", StringComparison.Ordinal)) || (relative && siteIsHttps);

            if (!secureOrigin)
            {
                anyForeign = true;
                if (hasIntegrity && !secureScheme)
                {
                    result = WorstOf.Pick(SriImplementedButExternalScriptsNotLoadedSecurely, result, BestToWorst);
                }
                else if (!hasIntegrity)
                {
                    result = WorstOf.Pick(secureScheme ? SriNotImplementedButExternalScriptsLoadedSecurely
                        : SriNotImplementedAndExternalScriptsNotLoadedSecurely, result, BestToWorst);
                }
            }
            else if (hasIntegrity && secureScheme && result is null)
            {
                result = SriImplementedAndAllScriptsLoadedSecurely; // bonus even for same-origin SRI
            }
        }

        if (scripts.IsEmpty)
        {
            result = SriNotImplementedButNoScriptsLoaded;
        }
        else
        {
            result ??= anyForeign ? SriImplementedAndExternalScriptsLoadedSecurely : SriNotImplementedButAllScriptsLoadedFromSecureOrigin;
        }

        return new TestVerdict(result, PassingResults.Contains(result));
    }

    /// <summary>
    /// The script's <c>src</c> as the DOM returns it for a document without a base URL: absolute URLs
    /// normalised (scheme and host lower-cased), anything that needs a base left as written; "" when absent.
    /// </summary>
    private static string ResolvedSrc(string? src)
    {
        if (src is null)
        {
            return "";
        }

        var trimmed = src.Trim(' ', '\t', '\n', '\r', '\f').Replace("\t", "").Replace("\n", "").Replace("\r", "");
        if (HasScheme().IsMatch(trimmed) && Uri.TryCreate(trimmed, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            return uri.AbsoluteUri;
        }

        return HasScheme().IsMatch(trimmed) ? trimmed : src;
    }
}
