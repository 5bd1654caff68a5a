using SecurityGate.Findings;
using SecurityGate.Sources.Live;

namespace SecurityGate.Rules.Live;

/// <summary>The certificate expires within 30 days.</summary>
public sealed class WEB008CertificateExpiresSoon : IRule<LiveSite>
{
    /// <summary>Let's Encrypt renews at 30 days left; anything below means renewal is not happening.</summary>
    public const int WarningDays = 30;

    public static RuleDescriptor Descriptor { get; } = RuleDescriptor.Create(
        id: "WEB008", title: "Certificate expires within 30 days", category: RuleCategory.Live,
        defaultSeverity: Severity.Warning,
        help: "Automated renewal normally replaces a certificate 30 days before it expires; one this close to expiry " +
              "suggests renewal is failing. Check the ACME client or managed-certificate status and renew now.");

    RuleDescriptor IRule.Descriptor => Descriptor;

    public IEnumerable<Finding> Evaluate(LiveSite site)
    {
        var at = site.Snapshot.CapturedAt;
        if (site.Snapshot.Tls?.Certificate is not { } certificate || certificate.IsExpiredAt(at)
            || certificate.DaysUntilExpiry(at) >= WarningDays)
        {
            yield break;
        }

        yield return Descriptor.CreateFinding(
            $"The certificate of {site.Snapshot.HttpsUrl.Host} expires on {certificate.NotAfter:yyyy-MM-dd}, " +
            $"in {certificate.DaysUntilExpiry(at)} days.",
            null, site.Target);
    }
}
