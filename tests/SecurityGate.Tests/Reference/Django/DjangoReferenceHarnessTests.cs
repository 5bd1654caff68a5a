using System.Diagnostics;
using Xunit.Abstractions;

namespace SecurityGate.Tests.Reference.Django;

/// <summary>
/// Proves the plumbing around Django's REAL <c>check --deploy</c> (3.2, 4.2, 5.2). Needs
/// <c>.ci/install-django-reference.sh</c> to have run; without it these tests FAIL with that instruction.
/// </summary>
public sealed class DjangoReferenceHarnessTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _tmp = Directory.CreateTempSubdirectory("sg-djref-").FullName;

    public static TheoryData<DjangoVersion> Versions => new(DjangoVersions.All);

    public void Dispose() => Directory.Delete(_tmp, recursive: true);

    [Theory]
    [MemberData(nameof(Versions))]
    public void Startproject_settings_yield_exactly_W004_W008_W009_W012_W016_W018_W020(DjangoVersion version)
    {
        var dir = DjangoSettingsSamples.WriteDemoProject(_tmp);

        var result = DjangoReference.RunCheckDeploy(version, dir, "demo.settings").EnsureCompleted();

        Assert.Equal(
            ["security.W004", "security.W008", "security.W009", "security.W012", "security.W016", "security.W018", "security.W020"],
            result.CheckIds);
        Assert.Equal(0, result.ExitCode); // warnings only: Django exits 0
        Assert.StartsWith(version.Series() + ".", result.DjangoVersionString, StringComparison.Ordinal);
        output.WriteLine($"{result} in {result.Elapsed.TotalMilliseconds:F0} ms");
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void Hardened_startproject_settings_yield_no_issues(DjangoVersion version)
    {
        var dir = DjangoSettingsSamples.WriteDemoProject(_tmp);

        var result = DjangoReference.RunCheckDeploy(version, dir, "demo.hardened").EnsureCompleted();

        Assert.Empty(result.CheckIds);
        Assert.Equal(0, result.Output.ReportedIssueCount);
        Assert.Contains("System check identified no issues (0 silenced).", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void Errors_make_Django_exit_1_and_are_reported_before_warnings(DjangoVersion version)
    {
        var dir = DjangoSettingsSamples.WriteDemoProject(_tmp, new Dictionary<string, string>
        {
            ["bad_referrer"] = "from demo.settings import *\nSECURE_REFERRER_POLICY = ''\nSILENCED_SYSTEM_CHECKS = ['security.W018']\n",
        });

        var result = DjangoReference.RunCheckDeploy(version, dir, "demo.bad_referrer").EnsureCompleted();

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            ["security.E023", "security.W004", "security.W008", "security.W009", "security.W012", "security.W016", "security.W020"],
            result.CheckIds);
        Assert.Equal(1, result.Output.SilencedCount);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void Truthy_cookie_flags_pass_only_in_3_2_because_4_1_requires_identity_with_True(DjangoVersion version)
    {
        var dir = DjangoSettingsSamples.WriteDemoProject(_tmp, new Dictionary<string, string>
        {
            ["truthy"] = "from demo.hardened import *\nSESSION_COOKIE_SECURE = '1'\nCSRF_COOKIE_SECURE = 1\n",
        });

        var result = DjangoReference.RunCheckDeploy(version, dir, "demo.truthy").EnsureCompleted();

        string[] expected = version.RequiresIdentityTrueForCookieFlags() ? ["security.W012", "security.W016"] : [];
        Assert.Equal(expected, result.CheckIds);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void The_environment_is_clean_so_async_E001_appears_only_when_DJANGO_ALLOW_ASYNC_UNSAFE_is_passed(DjangoVersion version)
    {
        var dir = DjangoSettingsSamples.WriteDemoProject(_tmp);

        var without = DjangoReference.RunCheckDeploy(version, dir, "demo.hardened").EnsureCompleted();
        var with = DjangoReference.RunCheckDeploy(version, dir, "demo.hardened",
            new Dictionary<string, string> { ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true" }).EnsureCompleted();

        Assert.Empty(without.CheckIds);
        Assert.Equal(["async.E001"], with.CheckIds);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void Thirty_generated_projects_give_stable_ids_and_the_batch_driver_matches_one_process_per_module(DjangoVersion version)
    {
        var projects = Enumerable.Range(1, 30).Select(DjangoSettingsGenerator.Generate).ToList();
        var jobs = projects.Select(p => p.ToJob(p.WriteTo(Path.Combine(_tmp, "p" + p.Seed)))).ToList();

        var sw = Stopwatch.StartNew();
        var batch1 = DjangoReference.RunCheckDeployBatch(version, jobs);
        var batchTime = sw.Elapsed;
        var batch2 = DjangoReference.RunCheckDeployBatch(version, jobs, parallelism: 1);
        sw.Restart();
        var single = jobs.Select(j => DjangoReference.RunCheckDeploy(version, j.SettingsDirectory, j.SettingsModule, j.Environment)).ToList();
        var singleTime = sw.Elapsed;

        for (var i = 0; i < projects.Count; i++)
        {
            var context = $"seed {projects[i].Seed}:\n{projects[i].Dump()}\n--- single-process stderr:\n{single[i].Stderr}";
            Assert.True(single[i].Outcome == batch1[i].Outcome, $"{context}\nsingle: {single[i].Outcome}\nbatch:  {batch1[i].Outcome}");
            Assert.True(batch1[i].Outcome == batch2[i].Outcome, $"{context}\nbatch 1: {batch1[i].Outcome}\nbatch 2: {batch2[i].Outcome}");
            Assert.Equal(single[i].ExitCode, batch1[i].ExitCode);
            if (!single[i].Completed)
            {
                // The only way a generated project may stop Django from completing the check: Django 3.2 with
                // the admin installed and an empty SECRET_KEY (auth's token generator reads it at import time).
                Assert.True(version == DjangoVersion.V3_2 && single[i].Crash ==
                            "django.core.exceptions.ImproperlyConfigured: The SECRET_KEY setting must not be empty.",
                    $"{context}\nunexpected crash: {single[i].Crash}");
            }
        }

        var crashes = single.Count(r => !r.Completed);
        Assert.True(crashes <= jobs.Count / 3, $"{crashes} of {jobs.Count} runs crashed");

        // the generated variety actually reaches Django's deploy checks
        var seen = single.Where(r => r.Completed).SelectMany(r => r.CheckIdSet).ToHashSet(StringComparer.Ordinal);
        Assert.True(seen.Count >= 10, "too little variety: " + string.Join(", ", seen.Order(StringComparer.Ordinal)));

        output.WriteLine($"Django {single[0].DjangoVersionString}: {jobs.Count} modules; one process per module {singleTime.TotalSeconds:F2} s " +
                         $"({singleTime.TotalMilliseconds / jobs.Count:F0} ms/module); batch driver (parallel {Environment.ProcessorCount}) " +
                         $"{batchTime.TotalSeconds:F2} s ({batchTime.TotalMilliseconds / jobs.Count:F0} ms/module)");
        output.WriteLine("ids seen: " + string.Join(" ", seen.Order(StringComparer.Ordinal)));
        output.WriteLine($"runs that did not complete (real Django behaviour): {crashes}");
    }

    [Fact]
    public void A_missing_installation_fails_with_a_message_naming_the_installer()
    {
        var ex = Assert.Throws<DjangoReferenceUnavailableException>(
            () => DjangoReference.Locate(DjangoVersion.V5_2, Path.Combine(_tmp, "no-such-prefix")));

        Assert.Contains(".ci/install-django-reference.sh", ex.Message, StringComparison.Ordinal);
        Assert.Contains("5.2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Variables_that_would_change_what_is_checked_cannot_be_passed_in()
    {
        var dir = DjangoSettingsSamples.WriteDemoProject(_tmp);

        Assert.Throws<ArgumentException>(() => DjangoReference.RunCheckDeploy(DjangoVersion.V3_2, dir, "demo.settings",
            new Dictionary<string, string> { ["PYTHONPATH"] = "/elsewhere" }));
    }
}
