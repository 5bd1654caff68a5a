using SecurityGate.Findings;
using SecurityGate.Sources.Live;

namespace SecurityGate.Rules.Live;

/// <summary>No enforced Content-Security-Policy (header or meta tag).</summary>
public sealed class WEB022CspMissing : IRule<LiveSite>
{
    public static RuleDescriptor Descriptor { get; } = RuleDescriptor.Create(
        id: "WEB022", title: "Content-Security-Policy missing", category: RuleCategory.Live, defaultSeverity: Severity.Warning,
        help: "A Content-Security-Policy is the main defence in depth against cross-site scripting: it decides which " +
              "scripts may run. Start with \"default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'\" " +
              "(django-csp, or Django 6's ContentSecurityPolicyMiddleware), tried first as Content-Security-Policy-Report-Only.",
        references: LiveRuleSupport.Observatory("content-security-policy"));

    RuleDescriptor IRule.Descriptor => Descriptor;

    public IEnumerable<Finding> Evaluate(LiveSite site)
    {
        if (site.Snapshot.GradedResponse is not { } page || page.Headers.Contains("Content-Security-Policy")
            || page.Html.Metas.Any(m => string.Equals(m.HttpEquiv, "Content-Security-Policy", StringComparison.OrdinalIgnoreCase)))
        {
            yield break;
        }

        var reportOnly = page.Headers.Contains("Content-Security-Policy-Report-Only")
            ? " (only Content-Security-Policy-Report-Only, which enforces nothing)"
            : "";
        yield return Descriptor.CreateFinding($"{page.Url} sends no Content-Security-Policy{reportOnly}.", null, site.Target);
    }
}
