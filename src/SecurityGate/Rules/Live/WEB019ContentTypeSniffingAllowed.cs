using SecurityGate.Findings;
using SecurityGate.Sources.Live;

namespace SecurityGate.Rules.Live;

/// <summary>X-Content-Type-Options is missing or not nosniff.</summary>
public sealed class WEB019ContentTypeSniffingAllowed : IRule<LiveSite>
{
    public static RuleDescriptor Descriptor { get; } = RuleDescriptor.Create(
        id: "WEB019", title: "X-Content-Type-Options is not nosniff", category: RuleCategory.Live,
        defaultSeverity: Severity.Warning,
        help: "Without 'X-Content-Type-Options: nosniff' browsers may guess a response's type, so an uploaded file can " +
              "run as script or style. Keep SECURE_CONTENT_TYPE_NOSNIFF = True (Django's default) and make the proxy " +
              "add the header to static and media files too.",
        references: LiveRuleSupport.Observatory("x-content-type-options"));

    RuleDescriptor IRule.Descriptor => Descriptor;

    public IEnumerable<Finding> Evaluate(LiveSite site)
    {
        if (site.Snapshot.GradedResponse is not { } page)
        {
            yield break;
        }

        // Browsers use the first value of the list.
        var value = page.Headers.GetFirst("X-Content-Type-Options");
        var first = value?.Split(',')[0].Trim();
        if (string.Equals(first, "nosniff", StringComparison.OrdinalIgnoreCase))
        {
            yield break;
        }

        yield return Descriptor.CreateFinding(value is null
                ? $"{page.Url} sends no X-Content-Type-Options header."
                : $"{page.Url} sends X-Content-Type-Options {LiveRuleSupport.Q(value)} instead of 'nosniff'.",
            null, site.Target);
    }
}
