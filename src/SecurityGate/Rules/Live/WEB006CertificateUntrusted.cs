using SecurityGate.Findings;
using SecurityGate.Sources.Live;

namespace SecurityGate.Rules.Live;

/// <summary>The certificate does not chain to a trusted root (self-signed, unknown CA, incomplete chain).</summary>
public sealed class WEB006CertificateUntrusted : IRule<LiveSite>
{
    public static RuleDescriptor Descriptor { get; } = RuleDescriptor.Create(
        id: "WEB006", title: "Certificate not trusted", category: RuleCategory.Live, defaultSeverity: Severity.Error,
        help: "Browsers show a full-page warning for a certificate that does not chain to a trusted root, and users who " +
              "click through can be intercepted. Use a certificate from a public CA (and serve its intermediates); for a " +
              "staging site behind a private CA pass the CA with --ca-file.",
        references: LiveRuleSupport.Observatory("strict-transport-security"));

    RuleDescriptor IRule.Descriptor => Descriptor;

    public IEnumerable<Finding> Evaluate(LiveSite site)
    {
        if (site.Snapshot.Tls?.Certificate is not { ChainTrusted: false } certificate)
        {
            yield break;
        }

        var kind = certificate.SelfSigned ? "is self-signed" : "does not chain to a trusted root";
        var problems = certificate.ChainProblems.IsEmpty ? "" : $" ({string.Join(", ", certificate.ChainProblems)})";
        yield return Descriptor.CreateFinding(
            $"The certificate of {site.Snapshot.HttpsUrl.Host} (subject {UntrustedText.Quote(certificate.Subject)}, issuer " +
            $"{UntrustedText.Quote(certificate.Issuer)}) {kind}{problems}.",
            null, site.Target);
    }
}
