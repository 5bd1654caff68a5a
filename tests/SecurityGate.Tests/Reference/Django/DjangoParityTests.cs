using System.Collections.Immutable;
using System.Text;
using SecurityGate.Gate;
using SecurityGate.Sources.Discovery;
using GateDjangoVersion = SecurityGate.Configuration.DjangoVersion;
using GateOptions = SecurityGate.Configuration.GateOptions;

namespace SecurityGate.Tests.Reference.Django;

/// <summary>
/// The promise of the Django analysis: on the same settings and environment, the set of <c>refs.django</c> ids the gate
/// reports equals what Django's real <c>check --deploy</c> prints, for Django 3.2, 4.2 and 5.2 — over generated settings
/// packages (split settings, environment lookups, mutations, the 4.1 truthiness change, …) that no rule was tuned on.
/// </summary>
public class DjangoParityTests
{
    /// <summary>Projects per version in CI; SECURITYGATE_DJANGO_PARITY_CASES raises it for a deeper run.</summary>
    private static int Cases => int.TryParse(System.Environment.GetEnvironmentVariable("SECURITYGATE_DJANGO_PARITY_CASES"), out var n) ? n : 120;

    private static int FirstSeed => int.TryParse(System.Environment.GetEnvironmentVariable("SECURITYGATE_DJANGO_PARITY_SEED"), out var s) ? s : 1;

    private const string EmptySecretKeyCrash = "The SECRET_KEY setting must not be empty";

    public static TheoryData<DjangoVersion> Versions() => new(DjangoVersions.All);

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task GateReportsExactlyTheChecksDjangoPrints(DjangoVersion version)
    {
        var root = Directory.CreateTempSubdirectory($"sg-parity-{version}-").FullName;
        try
        {
            var projects = Enumerable.Range(FirstSeed, Cases).Select(DjangoSettingsGenerator.Generate).ToList();
            var jobs = projects.Select((p, i) => p.ToJob(p.WriteTo(Path.Combine(root, $"p{i}")))).ToList();
            var django = DjangoReference.RunCheckDeployBatch(version, jobs);

            var mismatches = new StringBuilder();
            var compared = 0;
            for (var i = 0; i < projects.Count; i++)
            {
                var reference = django[i];
                if (!reference.Completed)
                {
                    // Django 3.2 with django.contrib.admin crashes on an empty SECRET_KEY while loading apps instead of
                    // printing W009 (4.2+ print W009). The gate cannot crash the same way: it must report W009.
                    if (version == DjangoVersion.V3_2 && reference.Crash?.Contains(EmptySecretKeyCrash, StringComparison.Ordinal) == true)
                    {
                        var gate = await GateIds(projects[i], version);
                        var silenced = projects[i].Files.Values.Any(text => text.Contains("SILENCED_SYSTEM_CHECKS") && text.Contains("'security.W009'"));
                        if (gate.Contains("security.W009") == silenced)
                            mismatches.Append($"\nseed {projects[i].Seed}: Django 3.2 crashed on an empty SECRET_KEY; the gate must report " +
                                              $"security.W009 unless it is silenced, but reports [{string.Join(", ", gate.Order())}]\n{projects[i].Dump()}");
                        compared++;
                        continue;
                    }
                    mismatches.Append($"\nseed {projects[i].Seed}: Django did not complete: {reference.Crash}\n{projects[i].Dump()}");
                    continue;
                }
                var expected = reference.CheckIdSet.Where(id => id.StartsWith("security.", StringComparison.Ordinal)).ToHashSet();
                var actual = await GateIds(projects[i], version);
                compared++;
                if (!expected.SetEquals(actual))
                    mismatches.Append($"\nseed {projects[i].Seed}: Django [{string.Join(", ", expected.Order())}] " +
                                      $"gate [{string.Join(", ", actual.Order())}]\n{projects[i].Dump()}");
            }

            Assert.True(compared == projects.Count && mismatches.Length == 0,
                $"{compared}/{projects.Count} compared on Django {version.Series()}; mismatches:{mismatches}");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>The gate on the same files and environment, never running them: the refs.django of what it reports.</summary>
    private static async Task<HashSet<string>> GateIds(DjangoSettingsProject project, DjangoVersion version)
    {
        var files = new InMemoryRepositoryFiles(project.Files);
        var envFile = Path.Combine(Path.GetTempPath(), $"sg-parity-{Guid.NewGuid():N}.env");
        File.WriteAllLines(envFile, project.Environment.Select(e => $"{e.Key}='{e.Value.Replace("'", "")}'"));
        try
        {
            GateDjangoVersion.TryParse(version.Series(), out var gateVersion);
            var options = new GateOptions
            {
                RepositoryPath = "/project",
                DjangoSettingsModule = project.SettingsModule,
                DjangoVersion = gateVersion,
                EnvFile = envFile,
            };
            var result = await new GateRunner([DjangoAnalyzer.Create()]).RunAsync(options, files, [], null, CancellationToken.None);
            Assert.DoesNotContain(result.Findings, f => f.RuleId is "SG000" or "SG001");
            return result.Findings
                .Where(f => f.Suppression is null && f.References.ContainsKey("django"))
                .Select(f => f.References["django"])
                .ToHashSet();
        }
        finally
        {
            File.Delete(envFile);
        }
    }
}
