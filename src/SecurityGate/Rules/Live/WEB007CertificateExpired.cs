using SecurityGate.Findings;
using SecurityGate.Sources.Live;

namespace SecurityGate.Rules.Live;

/// <summary>The certificate is outside its validity period at the time of the probe.</summary>
public sealed class WEB007CertificateExpired : IRule<LiveSite>
{
    public static RuleDescriptor Descriptor { get; } = RuleDescriptor.Create(
        id: "WEB007", title: "Certificate expired or not yet valid", category: RuleCategory.Live,
        defaultSeverity: Severity.Error,
        help: "Browsers refuse an expired (or not yet valid) certificate outright. Renew it and automate renewal " +
              "(ACME/certbot, your load balancer's managed certificates), then reload the server that terminates TLS.");

    RuleDescriptor IRule.Descriptor => Descriptor;

    public IEnumerable<Finding> Evaluate(LiveSite site)
    {
        if (site.Snapshot.Tls?.Certificate is not { } certificate)
        {
            yield break;
        }

        var at = site.Snapshot.CapturedAt;
        var host = site.Snapshot.HttpsUrl.Host;
        if (certificate.IsExpiredAt(at))
        {
            yield return Descriptor.CreateFinding(
                $"The certificate of {host} expired on {certificate.NotAfter:yyyy-MM-dd} ({-certificate.DaysUntilExpiry(at)} days before the probe).",
                null, site.Target);
        }
        else if (certificate.IsNotYetValidAt(at))
        {
            yield return Descriptor.CreateFinding(
                $"The certificate of {host} is not valid before {certificate.NotBefore:yyyy-MM-dd HH:mm} UTC.", null, site.Target);
        }
    }
}
