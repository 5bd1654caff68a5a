using SecurityGate.Findings;
using SecurityGate.Sources.Live;

namespace SecurityGate.Rules.Live;

/// <summary>Plain HTTP answers but HTTPS does not: the site can only be used unencrypted.</summary>
public sealed class WEB002HttpsUnreachable : IRule<LiveSite>
{
    public static RuleDescriptor Descriptor { get; } = RuleDescriptor.Create(
        id: "WEB002", title: "HTTPS unreachable", category: RuleCategory.Live, defaultSeverity: Severity.Error,
        help: "The site answers over plain HTTP but no TLS connection could be made, so every session cookie and " +
              "password travels in clear text. Serve the site over HTTPS (port 443) with a valid certificate.",
        references: LiveRuleSupport.Observatory("strict-transport-security"));

    RuleDescriptor IRule.Descriptor => Descriptor;

    public IEnumerable<Finding> Evaluate(LiveSite site)
    {
        var snapshot = site.Snapshot;
        if (snapshot.Https is null && snapshot.Http is not null)
        {
            yield return Descriptor.CreateFinding(
                $"{snapshot.HttpsUrl} did not answer ({UntrustedText.Clean(snapshot.HttpsError ?? "no answer")}) " +
                $"while {snapshot.HttpUrl} did: the site is only usable over plain HTTP.",
                null, site.Target);
        }
    }
}
