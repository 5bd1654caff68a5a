using SecurityGate.Findings;
using SecurityGate.Sources.Live;

namespace SecurityGate.Rules.Live;

/// <summary>The effective Referrer-Policy leaks full URLs (or the origin over HTTP) to other sites.</summary>
public sealed class WEB021ReferrerPolicyUnsafe : IRule<LiveSite>
{
    private static readonly string[] KnownPolicies =
    [
        "no-referrer", "no-referrer-when-downgrade", "same-origin", "origin", "strict-origin",
        "origin-when-cross-origin", "strict-origin-when-cross-origin", "unsafe-url",
    ];

    private static readonly string[] UnsafePolicies = ["unsafe-url", "no-referrer-when-downgrade", "origin", "origin-when-cross-origin"];

    public static RuleDescriptor Descriptor { get; } = RuleDescriptor.Create(
        id: "WEB021", title: "Referrer-Policy unsafe or invalid", category: RuleCategory.Live, defaultSeverity: Severity.Warning,
        help: "unsafe-url and no-referrer-when-downgrade send full URLs (paths, query-string tokens) to every other site; " +
              "origin and origin-when-cross-origin send the origin even over plain HTTP. Use same-origin (Django's default), " +
              "strict-origin-when-cross-origin or no-referrer.",
        references: LiveRuleSupport.Observatory("referrer-policy"));

    RuleDescriptor IRule.Descriptor => Descriptor;

    public IEnumerable<Finding> Evaluate(LiveSite site)
    {
        if (site.Snapshot.GradedResponse is not { } page)
        {
            yield break;
        }

        var values = page.Headers.GetAll("Referrer-Policy");
        if (values.IsEmpty)
        {
            yield break; // WEB020
        }

        // The last policy token the browser knows wins; unknown tokens are skipped (fallbacks for old browsers).
        var tokens = values.SelectMany(v => v.Split(',')).Select(t => t.Trim().ToLowerInvariant()).ToList();
        var effective = tokens.LastOrDefault(t => KnownPolicies.Contains(t));
        var shown = LiveRuleSupport.Q(string.Join(", ", values));
        if (effective is null)
        {
            yield return Descriptor.CreateFinding(
                $"{page.Url} sends Referrer-Policy {shown}, which names no policy browsers know.", null, site.Target);
        }
        else if (UnsafePolicies.Contains(effective))
        {
            yield return Descriptor.CreateFinding(
                $"{page.Url} sends Referrer-Policy {shown}; the effective policy '{effective}' leaks URLs to other sites.",
                null, site.Target);
        }
    }
}
