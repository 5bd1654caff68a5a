using System.Collections.Immutable;
using System.Diagnostics;
using SecurityGate.Configuration;
using SecurityGate.Findings;
using SecurityGate.Rules.Engine;
using SecurityGate.Sources.Discovery;
using SecurityGate.Sources.DotEnv;
using SecurityGate.Sources.Suppressions;

namespace SecurityGate.Gate;

/// <summary>Sources → rules → suppressions → policy: the whole scan, with no knowledge of how results are shown.</summary>
public sealed class GateRunner(IReadOnlyList<IAnalyzer> analyzers)
{
    /// <summary>Rules the gate itself reports, besides the analyzers' rules.</summary>
    public static IReadOnlyList<RuleDescriptor> EngineRules { get; } =
    [
        SG000InternalError.Descriptor,
        SG001UnparseableFile.Descriptor,
        SG002FileSkipped.Descriptor,
        SG003InvalidSuppression.Descriptor,
        SG004ExpiredSuppression.Descriptor,
    ];

    public IReadOnlyList<RuleDescriptor> Rules { get; } =
        [.. EngineRules.Concat(analyzers.SelectMany(a => a.Rules)).OrderBy(r => r.Id, StringComparer.Ordinal)];

    public IReadOnlySet<string> RuleIds => Rules.Select(r => r.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Discovers the repository on disk, then scans it.</summary>
    public async Task<GateResult> RunAsync(GateOptions options, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var discovery = FileDiscovery.Discover(options.RepositoryPath,
            new DiscoveryOptions { Include = options.Include, Exclude = options.Exclude });
        var files = new FileSystemRepositoryFiles(discovery);
        return await RunAsync(options, files, discovery.Skipped, stopwatch, cancellationToken);
    }

    public async Task<GateResult> RunAsync(GateOptions options, IRepositoryFiles files, IEnumerable<SkippedFile> skipped,
        Stopwatch? stopwatch, CancellationToken cancellationToken)
    {
        stopwatch ??= Stopwatch.StartNew();
        var environment = options.EnvFile is { } envFile ? DotEnvFile.Load(envFile) : ImmutableDictionary<string, string>.Empty;
        var context = new ScanContext(options, files, environment);

        var findings = new List<Finding>(skipped.Select(SG002FileSkipped.Create));
        var sites = new List<SiteResult>();
        var djangoProjects = new List<DjangoProjectReport>();
        // Analyzers are independent: run them on the thread pool so parsing (and, in a fresh process, JIT and type
        // loading) of different file families uses every core.
        var outputs = await Task.WhenAll(analyzers.Select(a => Task.Run(() => RunAnalyzerAsync(a, context, cancellationToken), cancellationToken)));
        foreach (var output in outputs)
        {
            findings.AddRange(output.Findings);
            sites.AddRange(output.Sites);
            djangoProjects.AddRange(output.DjangoProjects);
        }

        var commentPaths = files.PathsRead.Concat(findings.Where(f => f.Location is not null).Select(f => f.Location!.Path))
            .Distinct(StringComparer.Ordinal);
        var comments = new Dictionary<string, IReadOnlyList<SuppressionComment>>(StringComparer.Ordinal);
        foreach (var path in commentPaths)
            if (files.Read(path) is { Ok: true } read && SuppressionCommentParser.Parse(read.Text, path) is { IsEmpty: false } parsed)
                comments[path] = parsed;

        var suppressed = SuppressionFilter.Apply(findings, comments, RuleIds, options.Today);
        var leveled = GatePolicy.Apply(suppressed, options).ToList();
        leveled.Sort(GatePolicy.Compare);
        var fingerprinted = Fingerprints.Assign(leveled, (path, line) => LineText(files, path, line));

        return new GateResult([.. fingerprinted], [.. sites], options.FailOn,
            new ScanStats(files.PathsRead.Count, stopwatch.ElapsedMilliseconds), [.. Rules])
        {
            DjangoProjects = [.. djangoProjects.OrderBy(p => p.SettingsModule, StringComparer.Ordinal)],
        };
    }

    private static async Task<AnalyzerOutput> RunAnalyzerAsync(IAnalyzer analyzer, ScanContext context, CancellationToken ct)
    {
        try
        {
            return await analyzer.AnalyzeAsync(context, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException && e is not ConfigurationException)
        {
            return AnalyzerOutput.Of([SG000InternalError.Create(analyzer.Name, e)]);
        }
    }

    private static string? LineText(IRepositoryFiles files, string path, int line)
    {
        var read = files.Read(path);
        if (!read.Ok)
            return null;
        var text = read.Text.AsSpan();
        for (var current = 1; current < line; current++)
        {
            var next = text.IndexOf('\n');
            if (next < 0)
                return null;
            text = text[(next + 1)..];
        }
        var end = text.IndexOf('\n');
        return (end < 0 ? text : text[..end]).ToString();
    }
}
