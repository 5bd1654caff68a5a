using SecurityGate.Sources.Live;
using SecurityGate.Sources.Live.Observatory;
using Xunit.Abstractions;

namespace SecurityGate.Tests.Sources.Live.Observatory.Reference;

/// <summary>
/// The production probe's snapshot of a real server must grade exactly like the real MDN Observatory scans the same
/// server: a handful of generated configurations served on 127.0.0.1, captured by <see cref="LiveProbe"/> (not the
/// reference capture), graded by our grader, compared test by test with the real scanner.
/// </summary>
public sealed class ProbeObservatoryParityTests(ITestOutputHelper output)
{
    private const int Seed = 20261124;
    private const int DefaultCaseCount = 40;

    // Exploratory runs may ask for more; CI uses the default.
    private static int CaseCount =>
        int.TryParse(System.Environment.GetEnvironmentVariable("SECURITYGATE_PROBE_PARITY_CASES"), out var c) ? c : DefaultCaseCount;

    [Fact]
    public async Task ProbeSnapshots_GradeLikeTheRealObservatory()
    {
        var scanner = ReferenceScanner.Locate();
        using var certificates = new LoopbackCertificates();
        await using var server = new CaseServer(certificates.Server);
        await using var untrustedServer = new CaseServer(certificates.Untrusted);
        var cases = new ConfigurationGenerator(Seed, server.Port, untrustedServer.Port).Generate(CaseCount);
        foreach (var (path, behavior) in cases.SelectMany(c => c.Paths))
        {
            server.Serve(path, behavior);
            untrustedServer.Serve(path, behavior);
        }

        var references = (await scanner.ScanAsync([.. cases.Select(c => c.Target)], certificates.AuthorityPemPath))
            .ToDictionary(r => r.Target);

        // The Observatory follows off-host redirects; the generated ones go to localhost, which we allow.
        var probe = new LiveProbe(new LiveProbeOptions
        {
            CaFile = certificates.AuthorityPemPath,
            AllowedRedirectHosts = ["localhost"],
            CheckLegacyTls = false,
        });
        var mismatches = new List<string>();
        foreach (var generated in cases)
        {
            var snapshot = await probe.ProbeAsync(new Uri("https://" + generated.Target), CancellationToken.None);
            var differences = ObservatoryReferenceTests.Compare(ObservatoryGrader.Score(snapshot), references[generated.Target]);
            if (differences.Count > 0)
            {
                mismatches.Add($"{generated.Description}\n    " + string.Join("\n    ", differences));
            }
        }

        output.WriteLine($"{cases.Count - mismatches.Count} of {cases.Count} probe snapshots grade exactly like the real Observatory {ReferenceScanner.Version}.");
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {cases.Count} differ:\n" + string.Join("\n", mismatches.Take(15)));
    }
}
