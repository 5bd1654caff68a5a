using SecurityGate.Sources.Live.Observatory;
using Xunit.Abstractions;

namespace SecurityGate.Tests.Sources.Live.Observatory.Reference;

/// <summary>
/// The real MDN HTTP Observatory is the reference: for many generated site configurations served over real
/// HTTP and HTTPS on 127.0.0.1, our grader must give the same score, grade and every test's result, modifier
/// and pass flag as the real scanner. Needs the scanner installed (install-observatory.sh); fails otherwise.
/// </summary>
public sealed class ObservatoryReferenceTests(ITestOutputHelper output)
{
    private const int DefaultSeed = 20261123;
    private const int DefaultCaseCount = 500;

    // Exploratory runs may pick another seed/size; CI uses the fixed defaults.
    private static int Seed => int.TryParse(System.Environment.GetEnvironmentVariable("SECURITYGATE_OBSERVATORY_SEED"), out var s) ? s : DefaultSeed;
    private static int CaseCount => int.TryParse(System.Environment.GetEnvironmentVariable("SECURITYGATE_OBSERVATORY_CASES"), out var c) ? c : DefaultCaseCount;

    [Fact]
    public async Task Grader_AgreesWithTheRealObservatory_OnEveryGeneratedConfiguration()
    {
        var scanner = ReferenceScanner.Locate();
        using var certificates = new LoopbackCertificates();
        await using var server = new CaseServer(certificates.Server);
        await using var untrustedServer = new CaseServer(certificates.Untrusted);
        using var capture = new SnapshotCapture(certificates);

        var cases = new ConfigurationGenerator(Seed, server.Port, untrustedServer.Port).Generate(CaseCount);
        foreach (var generated in cases)
        {
            foreach (var (path, behavior) in generated.Paths)
            {
                server.Serve(path, behavior);
                untrustedServer.Serve(path, behavior);
            }
        }

        var references = (await scanner.ScanAsync([.. cases.Select(c => c.Target)], certificates.AuthorityPemPath))
            .ToDictionary(r => r.Target);

        var mismatches = new List<string>();
        var seenResults = new SortedSet<string>(StringComparer.Ordinal);
        var grades = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var generated in cases)
        {
            var snapshot = await capture.CaptureAsync(generated.Target);
            var ours = ObservatoryGrader.Score(snapshot);
            Assert.True(references.TryGetValue(generated.Target, out var reference), $"no reference scan for {generated.Target}");

            var differences = Compare(ours, reference!);
            if (differences.Count > 0)
            {
                mismatches.Add($"{generated.Description}\n    " + string.Join("\n    ", differences));
            }

            foreach (var test in ours.Tests)
            {
                seenResults.Add(test.Result);
            }

            var grade = ours.Grade ?? "error";
            grades[grade] = grades.GetValueOrDefault(grade) + 1;
        }

        output.WriteLine($"Seed {Seed}: {cases.Count} configurations, {cases.Count - mismatches.Count} identical to the real Observatory {ReferenceScanner.Version}.");
        output.WriteLine("Grades: " + string.Join(", ", grades.Select(g => $"{g.Key}={g.Value}")));
        output.WriteLine($"{seenResults.Count} distinct results seen: " + string.Join(", ", seenResults));
        Assert.True(mismatches.Count == 0,
            $"{mismatches.Count} of {cases.Count} configurations differ from the real Observatory:\n" + string.Join("\n", mismatches.Take(25)));
    }

    internal static List<string> Compare(ObservatoryResult ours, ReferenceScan reference)
    {
        var differences = new List<string>();
        if (ours.Error != reference.Error)
        {
            differences.Add($"error: ours={ours.Error ?? "none"} reference={reference.Error ?? "none"}");
            return differences;
        }

        if (ours.Error is not null)
        {
            return differences;
        }

        if (ours.Score != reference.Score || ours.Grade != reference.Grade)
        {
            differences.Add($"score/grade: ours={ours.Score} {ours.Grade} reference={reference.Score} {reference.Grade}");
        }

        foreach (var name in ObservatoryTestNames.All)
        {
            var mine = ours[name];
            if (!reference.Tests.TryGetValue(name, out var theirs))
            {
                differences.Add($"{name}: missing in the reference output");
                continue;
            }

            if (mine.Result != theirs.Result || mine.ScoreModifier != theirs.ScoreModifier || mine.Pass != theirs.Pass)
            {
                differences.Add($"{name}: ours={mine.Result} {mine.ScoreModifier} {mine.Pass} reference={theirs.Result} {theirs.ScoreModifier} {theirs.Pass}");
            }
        }

        if (reference.Tests.Count != ObservatoryTestNames.All.Length)
        {
            differences.Add($"the reference ran {reference.Tests.Count} tests: {string.Join(", ", reference.Tests.Keys)}");
        }

        return differences;
    }
}
