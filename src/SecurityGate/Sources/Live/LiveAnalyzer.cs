using System.Collections.Immutable;
using SecurityGate.Findings;
using SecurityGate.Gate;
using SecurityGate.Rules;
using SecurityGate.Rules.Engine;
using SecurityGate.Rules.Live;
using SecurityGate.Sources.Live.Observatory;
using GateTestResult = SecurityGate.Gate.ObservatoryTestResult;

namespace SecurityGate.Sources.Live;

/// <summary>
/// Probes every configured URL (concurrently, each under the probe deadline), grades each snapshot like the MDN
/// Observatory and runs the live rules over it. The settings ↔ live drift rules need
/// <paramref name="expectations"/>: the Django source's view of the production settings (null: no drift checks).
/// </summary>
public sealed class LiveAnalyzer(Func<ScanContext, ISettingsExpectations?>? expectations = null) : IAnalyzer
{
    public string Name => "live";

    public IReadOnlyList<RuleDescriptor> Rules { get; } = [.. LiveRules.All.Select(r => r.Descriptor)];

    public async Task<AnalyzerOutput> AnalyzeAsync(ScanContext context, CancellationToken cancellationToken)
    {
        var options = context.Options;
        if (options.Urls.IsEmpty)
        {
            return AnalyzerOutput.Of([]);
        }

        var settings = expectations?.Invoke(context);
        var probe = new LiveProbe(LiveProbeOptions.From(options));
        var sites = await Task.WhenAll(options.Urls.Select(async url =>
        {
            var snapshot = await probe.ProbeAsync(url, cancellationToken);
            return new LiveSite(url.AbsoluteUri, snapshot, ObservatoryGrader.Score(snapshot))
            {
                MinGrade = options.MinGrade,
                Expectations = settings,
            };
        }));

        var findings = new List<Finding>();
        foreach (var site in sites)
        {
            findings.AddRange(Evaluate(site));
        }

        return new AnalyzerOutput([.. findings], [.. sites.Select(ToSiteResult)]);
    }

    /// <summary>Every live rule over one site; a rule that throws becomes an internal-error finding.</summary>
    public static IEnumerable<Finding> Evaluate(LiveSite site)
    {
        var findings = new List<Finding>();
        foreach (var rule in LiveRules.All)
        {
            try
            {
                findings.AddRange(rule.Evaluate(site));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                findings.Add(SG000InternalError.Create($"rule {rule.Descriptor.Id}", e));
            }
        }

        return findings;
    }

    /// <summary>The report's sites[] entry: reachability and the Observatory's verdict (null when it would not grade).</summary>
    public static SiteResult ToSiteResult(LiveSite site) =>
        new(site.Url, !site.Snapshot.Unreachable, ToSummary(site.Observatory));

    public static ObservatorySummary? ToSummary(ObservatoryResult result) =>
        result.Grade is null
            ? null
            : new ObservatorySummary(result.Score, result.Grade, result.Tests.ToImmutableSortedDictionary(
                t => t.Name, t => new GateTestResult(t.Result, t.ScoreModifier, t.Pass), StringComparer.Ordinal));
}
