using static SecurityGate.Sources.Live.Observatory.ObservatoryResults;

namespace SecurityGate.Sources.Live.Observatory;

/// <summary>
/// x-frame-options: DENY/SAMEORIGIN (0 in 1.4.x), ALLOW-FROM… (0), anything else invalid, absent −20.
/// Override: whenever the CSP test parsed a policy with a frame-ancestors directive — any value, even <c>*</c>,
/// even from a meta tag — the result is implemented-via-csp (+5).
/// </summary>
internal static class XFrameOptionsTest
{
    private const string HeaderName = "x-frame-options";
    private const int MaxValueLength = 1024;
    private const string FrameAncestors = "frame-ancestors";

    public static TestVerdict Run(ObservatoryContext context, CspVerdict csp)
    {
        if (context.Auto is null)
        {
            return new TestVerdict(XFrameOptionsNotImplemented, false);
        }

        var result = XFrameOptionsNotImplemented;
        if (context.AutoHeaders.GetNonEmpty(HeaderName) is { } header)
        {
            var value = (header.Length > MaxValueLength ? header[..MaxValueLength] : header).Trim().ToLowerInvariant();
            result = value is "deny" or "sameorigin" ? XFrameOptionsSameoriginOrDeny
                : value.StartsWith("allow-from", StringComparison.Ordinal) ? XFrameOptionsAllowFromOrigin
                : XFrameOptionsHeaderInvalid;
        }

        if (csp.Policy?.Directives.ContainsKey(FrameAncestors) == true)
        {
            result = XFrameOptionsImplementedViaCsp;
        }

        return new TestVerdict(result, result is XFrameOptionsImplementedViaCsp or XFrameOptionsSameoriginOrDeny or XFrameOptionsAllowFromOrigin);
    }
}
