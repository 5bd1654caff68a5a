using static SecurityGate.Sources.Live.Observatory.ObservatoryResults;

namespace SecurityGate.Sources.Live.Observatory;

/// <summary>x-content-type-options: the (merged) value must be exactly <c>nosniff</c>; sent twice reads "nosniff, nosniff" → invalid.</summary>
internal static class XContentTypeOptionsTest
{
    private const string HeaderName = "x-content-type-options";
    private const int MaxValueLength = 256;

    public static TestVerdict Run(ObservatoryContext context)
    {
        var header = context.AutoHeaders.GetNonEmpty(HeaderName);
        if (header is null)
        {
            return new TestVerdict(XContentTypeOptionsNotImplemented, false);
        }

        var value = header.Length > MaxValueLength ? header[..MaxValueLength] : header;
        return value.Trim().ToLowerInvariant() == "nosniff"
            ? new TestVerdict(XContentTypeOptionsNosniff, true)
            : new TestVerdict(XContentTypeOptionsHeaderInvalid, false);
    }
}
