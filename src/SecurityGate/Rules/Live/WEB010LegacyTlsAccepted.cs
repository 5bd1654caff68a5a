using SecurityGate.Findings;
using SecurityGate.Sources.Live;

namespace SecurityGate.Rules.Live;

/// <summary>The server agrees to TLS 1.0 or 1.1 (deprecated by RFC 8996).</summary>
public sealed class WEB010LegacyTlsAccepted : IRule<LiveSite>
{
    public static RuleDescriptor Descriptor { get; } = RuleDescriptor.Create(
        id: "WEB010", title: "TLS older than 1.2 accepted", category: RuleCategory.Live, defaultSeverity: Severity.Error,
        help: "TLS 1.0 and 1.1 are deprecated (RFC 8996) and rely on SHA-1 and CBC constructions with known attacks; " +
              "no current browser needs them. Allow only TLS 1.2 and 1.3 (nginx: ssl_protocols TLSv1.2 TLSv1.3; " +
              "Cloudflare: Minimum TLS Version 1.2).");

    RuleDescriptor IRule.Descriptor => Descriptor;

    public IEnumerable<Finding> Evaluate(LiveSite site)
    {
        if (site.Snapshot.Tls is not { } tls)
        {
            yield break;
        }

        var accepted = new List<string>();
        if (tls.Tls10 == LegacyProtocolSupport.Accepted)
        {
            accepted.Add("TLS 1.0");
        }

        if (tls.Tls11 == LegacyProtocolSupport.Accepted)
        {
            accepted.Add("TLS 1.1");
        }

        var host = site.Snapshot.HttpsUrl.Authority;
        if (accepted.Count > 0)
        {
            yield return Descriptor.CreateFinding($"{host} accepts {string.Join(" and ", accepted)}.", null, site.Target);
        }
        else if (tls.Tls10 == LegacyProtocolSupport.NotTestable || tls.Tls11 == LegacyProtocolSupport.NotTestable)
        {
            // Honest about the blind spot: a note, which does not block by default.
            yield return Descriptor.CreateFinding(
                $"Whether {host} accepts TLS 1.0/1.1 is unknown: {tls.LegacyProbeNote ?? LegacyTlsProbeNote}.", null, site.Target)
                with { Severity = Severity.Note };
        }
    }

    private const string LegacyTlsProbeNote = "this machine could not offer those versions";
}
