using BenchmarkDotNet.Attributes;
using SecurityGate.Sources.Discovery;

namespace SecurityGate.Benchmarks;

/// <summary>File discovery over a generated 10,000-file tree (target: well under 1 s).</summary>
[MemoryDiagnoser]
public class DiscoveryBenchmarks
{
    private string _root = "";

    [GlobalSetup]
    public void Setup() => _root = GeneratedTree.Create(10_000);

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_root, recursive: true);

    [Benchmark]
    public int Discover10000Files() => FileDiscovery.Discover(_root, new DiscoveryOptions()).Files.Length;

    [Benchmark]
    public int Discover10000FilesWithExcludes() =>
        FileDiscovery.Discover(_root, new DiscoveryOptions { Exclude = ["pkg1*/**", "*.bak"] }).Files.Length;
}
