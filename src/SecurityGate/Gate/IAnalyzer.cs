using System.Collections.Immutable;
using SecurityGate.Findings;

namespace SecurityGate.Gate;

/// <summary>What an analyzer contributes to the result.</summary>
public sealed record AnalyzerOutput(ImmutableArray<Finding> Findings, ImmutableArray<SiteResult> Sites)
{
    /// <summary>The Django settings modules judged (the report's <c>django</c> block).</summary>
    public ImmutableArray<DjangoProjectReport> DjangoProjects { get; init; } = [];

    public static AnalyzerOutput Of(IEnumerable<Finding> findings) => new([.. findings], []);
}

/// <summary>
/// A source and the rules over its model: reads what it needs through <see cref="ScanContext.Files"/>, builds
/// immutable models, runs its rules on them. Sources do the I/O; rules stay pure.
/// </summary>
public interface IAnalyzer
{
    string Name { get; }

    /// <summary>Descriptors of every rule this analyzer can report (for the catalog and SARIF).</summary>
    IReadOnlyList<RuleDescriptor> Rules { get; }

    Task<AnalyzerOutput> AnalyzeAsync(ScanContext context, CancellationToken cancellationToken);
}
