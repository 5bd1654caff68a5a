using SecurityGate.Findings;
using SecurityGate.Sources.Live;

namespace SecurityGate.Rules.Live;

/// <summary>No Referrer-Policy header and no referrer meta tag.</summary>
public sealed class WEB020ReferrerPolicyMissing : IRule<LiveSite>
{
    public static RuleDescriptor Descriptor { get; } = RuleDescriptor.Create(
        id: "WEB020", title: "Referrer-Policy missing", category: RuleCategory.Live, defaultSeverity: Severity.Note,
        help: "Without a Referrer-Policy the browser's default (strict-origin-when-cross-origin in current browsers) " +
              "applies, and older browsers send full URLs, including tokens in query strings, to other sites. Django sends " +
              "'same-origin' by default (SECURE_REFERRER_POLICY); a missing header means it was disabled or stripped.",
        references: LiveRuleSupport.Observatory("referrer-policy"));

    RuleDescriptor IRule.Descriptor => Descriptor;

    public IEnumerable<Finding> Evaluate(LiveSite site)
    {
        if (site.Snapshot.GradedResponse is not { } page || page.Headers.Contains("Referrer-Policy")
            || page.Html.Metas.Any(m => string.Equals(m.Name, "referrer", StringComparison.OrdinalIgnoreCase)))
        {
            yield break;
        }

        yield return Descriptor.CreateFinding($"{page.Url} sends no Referrer-Policy.", null, site.Target);
    }
}
