using System.Collections.Immutable;
using SecurityGate.Configuration;
using SecurityGate.Findings;

namespace SecurityGate.Gate;

public enum Verdict
{
    Pass,
    Fail,
}

public sealed record ScanStats(int FilesScanned, long DurationMs);

/// <summary>The gate's answer: every finding (suppressed ones included), the sites probed, the verdict.</summary>
public sealed record GateResult(
    ImmutableArray<Finding> Findings,
    ImmutableArray<SiteResult> Sites,
    FailOn FailOn,
    ScanStats Stats,
    ImmutableArray<RuleDescriptor> Rules)
{
    /// <summary>The Django settings modules judged, with their Django version and where both came from.</summary>
    public ImmutableArray<DjangoProjectReport> DjangoProjects { get; init; } = [];

    public Verdict Verdict => Findings.Any(f => f.Blocking) ? Verdict.Fail : Verdict.Pass;

    public int BlockingCount => Findings.Count(f => f.Blocking);

    public IEnumerable<Finding> Active => Findings.Where(f => f.Suppression is null);

    public IEnumerable<Finding> Suppressed => Findings.Where(f => f.Suppression is not null);

    public int CountActive(Severity severity) => Active.Count(f => f.Severity == severity);

    public int ExitCode => Verdict == Verdict.Fail ? ExitCodes.Blocked : ExitCodes.Pass;
}
