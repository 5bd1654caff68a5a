using SecurityGate.Findings;
using SecurityGate.Sources.Live;

namespace SecurityGate.Rules.Live;

/// <summary>The HTTPS page sends no usable Strict-Transport-Security header.</summary>
public sealed class WEB011HstsMissing : IRule<LiveSite>
{
    public static RuleDescriptor Descriptor { get; } = RuleDescriptor.Create(
        id: "WEB011", title: "HSTS missing or invalid", category: RuleCategory.Live, defaultSeverity: Severity.Error,
        help: "Without Strict-Transport-Security a browser may still try http:// first, where an attacker can strip " +
              "TLS. Send 'Strict-Transport-Security: max-age=31536000; includeSubDomains' (Django: SECURE_HSTS_SECONDS, " +
              "and SECURE_PROXY_SSL_HEADER behind a TLS-terminating proxy).",
        references: LiveRuleSupport.Observatory("strict-transport-security"));

    RuleDescriptor IRule.Descriptor => Descriptor;

    public IEnumerable<Finding> Evaluate(LiveSite site)
    {
        if (site.Snapshot.FinalHttpsResponse is not { } page)
        {
            yield break;
        }

        var hsts = LiveRuleSupport.Hsts(site.Snapshot);
        if (hsts is null)
        {
            yield return Descriptor.CreateFinding($"{page.Url} sends no Strict-Transport-Security header.", null, site.Target);
        }
        else if (!hsts.IsValid)
        {
            yield return Descriptor.CreateFinding(
                $"Browsers ignore the Strict-Transport-Security header of {page.Url}: {hsts.Problem} " +
                $"(value {LiveRuleSupport.Q(page.Headers.GetFirst("Strict-Transport-Security"))}).",
                null, site.Target);
        }
    }
}
