using System.Runtime.CompilerServices;
using System.Text.Json;
using SecurityGate.Configuration;

namespace SecurityGate.Cli.Tests;

/// <summary>The README's first command: the gate on the bundled insecure Django project.</summary>
public class ExampleProjectTests
{
    private static string ExamplePath([CallerFilePath] string callerPath = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(callerPath)!, "..", "..", "examples", "insecure-django"));

    [Fact]
    public async Task InsecureDjangoExample_Fails_WithTheSeedsMistakesOnTheirLines()
    {
        var run = await CliRun.Start(ExamplePath(), null, "scan", ".", "--format", "json");
        Assert.Equal(ExitCodes.Blocked, run.ExitCode);

        var findings = JsonDocument.Parse(run.Out).RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => (Rule: f.GetProperty("ruleId").GetString(),
                Where: f.GetProperty("location").ValueKind == JsonValueKind.Null ? null
                    : $"{f.GetProperty("location").GetProperty("path").GetString()}:{f.GetProperty("location").GetProperty("line").GetInt32()}",
                Target: f.GetProperty("target").GetString(),
                Message: f.GetProperty("message").GetString()!))
            .ToList();

        // DEBUG comes from an environment lookup whose default is "True" (the production env sets nothing).
        var debug = Assert.Single(findings, f => f.Rule == "DJ001");
        Assert.Equal(("shop/settings/production.py:4", "django:shop.settings.production"), (debug.Where, debug.Target));
        Assert.Contains("environment variable DJANGO_DEBUG", debug.Message);

        // The committed startproject key: reported where it is set, never printed.
        var key = Assert.Single(findings, f => f.Rule == "DJ002");
        Assert.Equal("shop/settings/base.py:8", key.Where);
        Assert.DoesNotContain("7n#q!c2w", run.Out);

        // The "fix" appended at the end of sshd_config never takes effect: sshd keeps the first value.
        var password = Assert.Single(findings, f => f.Rule == "SSH001" && f.Where == "deploy/sshd_config:6");
        Assert.Contains("deploy/sshd_config:11 sets 'no' but sshd keeps the first value it reads", password.Message);
        Assert.Contains(findings, f => f.Rule == "SSH002" && f.Where == "deploy/sshd_config:5");
        // dev.py is not a deploy target: nothing is reported against it.
        Assert.DoesNotContain(findings, f => f.Target == "django:shop.settings.dev");
    }
}
