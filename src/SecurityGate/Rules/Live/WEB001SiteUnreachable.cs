using SecurityGate.Findings;
using SecurityGate.Sources.Live;

namespace SecurityGate.Rules.Live;

/// <summary>Neither http:// nor https:// answered: nothing about the site could be judged.</summary>
public sealed class WEB001SiteUnreachable : IRule<LiveSite>
{
    public static RuleDescriptor Descriptor { get; } = RuleDescriptor.Create(
        id: "WEB001", title: "Site unreachable", category: RuleCategory.Live, defaultSeverity: Severity.Error,
        help: "The staging URL did not answer over HTTP or HTTPS within the probe deadline, so none of its live checks " +
              "ran; an unjudged site must not pass the gate. Check the URL, that staging is up, and --timeout.");

    RuleDescriptor IRule.Descriptor => Descriptor;

    public IEnumerable<Finding> Evaluate(LiveSite site)
    {
        var snapshot = site.Snapshot;
        if (!snapshot.Unreachable)
        {
            yield break;
        }

        yield return Descriptor.CreateFinding(
            $"Neither {snapshot.HttpsUrl} ({UntrustedText.Clean(snapshot.HttpsError ?? "no answer")}) nor {snapshot.HttpUrl} " +
            $"({UntrustedText.Clean(snapshot.HttpError ?? "no answer")}) answered; none of the live checks ran.",
            null, site.Target);
    }
}
