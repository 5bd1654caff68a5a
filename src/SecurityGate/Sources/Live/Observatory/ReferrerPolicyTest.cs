using static SecurityGate.Sources.Live.Observatory.ObservatoryResults;

namespace SecurityGate.Sources.Live.Observatory;

/// <summary>
/// referrer-policy: the header values and <c>&lt;meta name="referrer"&gt;</c> are read as one comma-separated
/// list (meta last); the last value a browser knows decides: private (+5), unsafe (−5), none known → invalid (−5).
/// Absent → not implemented (0, pass).
/// </summary>
internal static class ReferrerPolicyTest
{
    private const string HeaderName = "referrer-policy";

    private static readonly string[] PrivatePolicies = ["no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"];
    private static readonly string[] UnsafePolicies = ["origin", "origin-when-cross-origin", "unsafe-url", "no-referrer-when-downgrade"];

    public static TestVerdict Run(ObservatoryContext context)
    {
        if (context.Auto is null)
        {
            return new TestVerdict(ReferrerPolicyNotImplemented, false);
        }

        var values = new List<string>();
        if (context.AutoHeaders.Get(HeaderName) is { } header)
        {
            values.Add(header);
        }

        if (context.MetaReferrer is { } meta)
        {
            values.Add(meta);
        }

        if (values.Count == 0)
        {
            return new TestVerdict(ReferrerPolicyNotImplemented, true);
        }

        var policy = string.Join(", ", values).Split(',')
            .Select(v => v.Trim().ToLowerInvariant())
            .LastOrDefault(v => PrivatePolicies.Contains(v) || UnsafePolicies.Contains(v));

        return policy switch
        {
            not null when PrivatePolicies.Contains(policy) => new TestVerdict(ReferrerPolicyPrivate, true),
            not null => new TestVerdict(ReferrerPolicyUnsafe, false),
            null => new TestVerdict(ReferrerPolicyHeaderInvalid, false),
        };
    }
}
