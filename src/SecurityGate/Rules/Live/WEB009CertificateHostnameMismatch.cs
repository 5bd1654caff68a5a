using SecurityGate.Findings;
using SecurityGate.Sources.Live;

namespace SecurityGate.Rules.Live;

/// <summary>The certificate does not name the host it was served for.</summary>
public sealed class WEB009CertificateHostnameMismatch : IRule<LiveSite>
{
    private const int MaxNamesShown = 5;

    public static RuleDescriptor Descriptor { get; } = RuleDescriptor.Create(
        id: "WEB009", title: "Certificate does not match the host name", category: RuleCategory.Live,
        defaultSeverity: Severity.Error,
        help: "Browsers reject a certificate whose subject alternative names do not include the host. Issue the " +
              "certificate for this exact name (or a matching wildcard) and check the server picks it for this name (SNI).");

    RuleDescriptor IRule.Descriptor => Descriptor;

    public IEnumerable<Finding> Evaluate(LiveSite site)
    {
        if (site.Snapshot.Tls?.Certificate is not { HostnameMatches: false } certificate)
        {
            yield break;
        }

        var names = certificate.SubjectAlternativeNames.IsEmpty
            ? "no subject alternative names"
            : "names " + string.Join(", ", certificate.SubjectAlternativeNames.Take(MaxNamesShown).Select(n => UntrustedText.Clean(n)))
              + (certificate.SubjectAlternativeNames.Length > MaxNamesShown ? ", …" : "");
        yield return Descriptor.CreateFinding(
            $"The certificate served for {site.Snapshot.HttpsUrl.Host} does not name it ({names}).", null, site.Target);
    }
}
