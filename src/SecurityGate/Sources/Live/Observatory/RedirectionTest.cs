using static SecurityGate.Sources.Live.Observatory.ObservatoryResults;

namespace SecurityGate.Sources.Live.Observatory;

/// <summary>
/// redirection: judged on the chain that starts at http://site. No HTTP answer → not needed; a hop with a bad
/// certificate → invalid-cert; no redirect → missing; ends on http → not-to-https; first hop to http → not on
/// initial redirection; first hop to another host name (ports ignored) → off-host; else to-https.
/// </summary>
internal static class RedirectionTest
{
    public static TestVerdict Run(ObservatoryContext context)
    {
        var chain = context.Snapshot.Http;
        if (chain is null)
        {
            return new TestVerdict(RedirectionNotNeededNoHttp, true);
        }

        if (!chain.CertificateVerified)
        {
            return new TestVerdict(RedirectionInvalidCert, false);
        }

        var route = chain.Hops;
        if (route.All(hop => context.PreloadList.Find(hop.Host) is not null))
        {
            return new TestVerdict(RedirectionAllRedirectsPreloaded, true);
        }

        var result = route.Length == 1 ? RedirectionMissing
            : route[^1].Scheme != Uri.UriSchemeHttps ? RedirectionNotToHttps
            : route[1].Scheme == Uri.UriSchemeHttp ? RedirectionNotToHttpsOnInitialRedirection
            : route[0].Scheme == Uri.UriSchemeHttp && route[1].Scheme == Uri.UriSchemeHttps && route[0].Host != route[1].Host ? RedirectionOffHostFromHttp
            : RedirectionToHttps;
        return new TestVerdict(result, result == RedirectionToHttps);
    }
}
