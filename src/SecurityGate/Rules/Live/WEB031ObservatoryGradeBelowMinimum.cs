using SecurityGate.Findings;
using SecurityGate.Sources.Live;
using SecurityGate.Sources.Live.Observatory;

namespace SecurityGate.Rules.Live;

/// <summary>The site's MDN Observatory grade is lower than the configured min-grade.</summary>
public sealed class WEB031ObservatoryGradeBelowMinimum : IRule<LiveSite>
{
    private const int MaxFailedTestsShown = 5;

    public static RuleDescriptor Descriptor { get; } = RuleDescriptor.Create(
        id: "WEB031", title: "Observatory grade below min-grade", category: RuleCategory.Live, defaultSeverity: Severity.Error,
        help: "The site's grade by the MDN HTTP Observatory's scoring (1.4.x) is lower than min-grade in the configuration " +
              "(--min-grade). The report's sites[] block lists each Observatory test; fix the failing ones, or lower min-grade.",
        references: new Dictionary<string, string> { [LiveRuleSupport.ObservatoryReference] = "grade" });

    RuleDescriptor IRule.Descriptor => Descriptor;

    public IEnumerable<Finding> Evaluate(LiveSite site)
    {
        if (site.MinGrade is not { } minimum)
        {
            yield break;
        }

        var result = site.Observatory;
        if (result.Grade is null)
        {
            yield return Descriptor.CreateFinding(
                $"min-grade is {minimum}, but the Observatory would not grade {site.Url}: {UntrustedText.Clean(result.Error ?? "no answer")}",
                null, site.Target);
        }
        else if (!ObservatoryScoring.IsAtLeast(result.Grade, minimum))
        {
            var failed = result.Tests.Where(t => !t.Pass).Select(t => t.Result).ToList();
            var shown = string.Join(", ", failed.Take(MaxFailedTestsShown)) + (failed.Count > MaxFailedTestsShown ? ", …" : "");
            yield return Descriptor.CreateFinding(
                $"Observatory grade {LiveRuleSupport.Grade(result)} is below min-grade {minimum}" +
                (failed.Count > 0 ? $"; failing: {shown}." : "."),
                null, site.Target);
        }
    }
}
