using static SecurityGate.Sources.Live.Observatory.ObservatoryResults;

namespace SecurityGate.Sources.Live.Observatory;

/// <summary>
/// cross-origin-resource-sharing: only the pre-flight answer's Access-Control-Allow-Origin counts: absent →
/// not implemented, <c>*</c> → public, anything else → restricted. The Observatory would report universal access
/// (−50) for an origin reflected with credentials, but in its live scans it cannot read the request's Origin, so
/// that result never occurs; we reproduce the live behaviour.
/// </summary>
internal static class CrossOriginResourceSharingTest
{
    private const string AllowOriginHeader = "access-control-allow-origin";
    private const int MaxValueLength = 256;

    public static TestVerdict Run(ObservatoryContext context)
    {
        var allowOrigin = context.CorsHeaders?.GetNonEmpty(AllowOriginHeader);
        if (allowOrigin is null)
        {
            return new TestVerdict(CorsNotImplemented, true);
        }

        var value = Truncate(allowOrigin, MaxValueLength).Trim().ToLowerInvariant();
        return new TestVerdict(value == "*" ? CorsImplementedWithPublicAccess : CorsImplementedWithRestrictedAccess, true);
    }

    private static string Truncate(string text, int length) => text.Length > length ? text[..length] : text;
}
