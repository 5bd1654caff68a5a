using BenchmarkDotNet.Attributes;
using SecurityGate.Configuration;
using SecurityGate.Gate;

namespace SecurityGate.Benchmarks;

/// <summary>A whole in-process scan of the bundled example (discovery, every analyzer, policy).</summary>
[MemoryDiagnoser]
public class ScanBenchmarks
{
    private readonly GateRunner _runner = new(AnalyzerCatalog.All());
    private GateOptions _options = null!;

    [GlobalSetup]
    public void Setup()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SecurityGate.sln")))
            directory = directory.Parent;
        _options = new GateOptions { RepositoryPath = Path.Combine(directory!.FullName, "examples", "insecure-django") };
    }

    [Benchmark]
    public async Task<int> ScanInsecureDjangoExample() =>
        (await _runner.RunAsync(_options, CancellationToken.None)).Findings.Length;
}
