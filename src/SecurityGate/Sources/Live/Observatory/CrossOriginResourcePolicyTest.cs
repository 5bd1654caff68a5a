using static SecurityGate.Sources.Live.Observatory.ObservatoryResults;

namespace SecurityGate.Sources.Live.Observatory;

/// <summary>cross-origin-resource-policy: same-origin/same-site +10, cross-origin 0, other −5, absent 0.</summary>
internal static class CrossOriginResourcePolicyTest
{
    private const string HeaderName = "cross-origin-resource-policy";
    private const int MaxValueLength = 256;

    public static TestVerdict Run(ObservatoryContext context)
    {
        var header = context.AutoHeaders.GetNonEmpty(HeaderName);
        if (header is null)
        {
            return new TestVerdict(CorpNotImplemented, true);
        }

        var value = (header.Length > MaxValueLength ? header[..MaxValueLength] : header).Trim().ToLowerInvariant();
        return value switch
        {
            "same-site" => new TestVerdict(CorpImplementedWithSameSite, true),
            "same-origin" => new TestVerdict(CorpImplementedWithSameOrigin, true),
            "cross-origin" => new TestVerdict(CorpImplementedWithCrossOrigin, true),
            _ => new TestVerdict(CorpHeaderInvalid, false),
        };
    }
}
