using System.Text.Json;
using SecurityGate.Configuration;

namespace SecurityGate.Cli.Tests;

public sealed class ScanCommandTests : IDisposable
{
    private readonly string _repo = Directory.CreateTempSubdirectory("sg-cli-repo-").FullName;
    private readonly string _work = Directory.CreateTempSubdirectory("sg-cli-work-").FullName;

    public ScanCommandTests()
    {
        Write("app/settings.py", "DEBUG = False\n");
    }

    public void Dispose()
    {
        Directory.Delete(_repo, recursive: true);
        Directory.Delete(_work, recursive: true);
    }

    private void Write(string relative, string text)
    {
        var full = Path.Combine(_repo, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    private Task<CliRun> Run(params string[] args) => CliRun.Start(_work, null, args);

    [Fact]
    public async Task Version_PrintsTheToolVersion()
    {
        var run = await Run("--version");
        Assert.Equal((ExitCodes.Pass, "0.1.0"), (run.ExitCode, run.Out.Trim()));
    }

    [Fact]
    public async Task CancelledScan_Exits130_AndWritesNoReport()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var run = await CliRun.Start(_repo, null, cancelled.Token, "scan", _repo, "--format", "json", "--output", "r.json");

        Assert.Equal(ExitCodes.Cancelled, run.ExitCode);
        Assert.Contains("security-gate: cancelled", run.Error);
        Assert.False(File.Exists(Path.Combine(_repo, "r.json")));
    }

    [Fact]
    public async Task CleanRepository_Passes_WithAVerdictLine()
    {
        var run = await Run("scan", _repo);
        Assert.Equal(ExitCodes.Pass, run.ExitCode);
        Assert.StartsWith("PASS: no blocking findings", run.Out.Trim().Split('\n')[^1]);
    }

    [Fact]
    public async Task JsonAndSarif_AreWrittenToTheirOwnFiles_AndTextStillSummarises()
    {
        var run = await Run("scan", _repo, "--format", "json", "--output", "r.json", "--format=sarif", "--output", "out/r.sarif");
        Assert.Equal(ExitCodes.Pass, run.ExitCode);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_work, "r.json")));
        Assert.Equal("pass", json.RootElement.GetProperty("verdict").GetString());
        using var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(_work, "out", "r.sarif")));
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        Assert.StartsWith("PASS", run.Out);
        Assert.Empty(Directory.GetFiles(_work, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task AFormatWithoutOutput_GoesToStdout()
    {
        var run = await Run("scan", _repo, "--format", "json");
        Assert.Equal("pass", JsonDocument.Parse(run.Out).RootElement.GetProperty("verdict").GetString());
    }

    [Theory]
    [InlineData(new[] { "--fail-on", "sometimes" }, "option --fail-on: invalid value 'sometimes' for 'fail-on'; valid values: error, warning, note, never.")]
    [InlineData(new[] { "--format", "xml" }, "option --format: invalid value 'xml'; valid values: text, json, sarif, markdown.")]
    [InlineData(new[] { "--output", "r.json" }, "option --output r.json: put a --format before it, e.g. '--format json --output r.json'.")]
    [InlineData(new[] { "--format", "json", "--format", "sarif" }, "option --format: only one report can go to stdout; give the others an --output FILE.")]
    [InlineData(new[] { "--django-version", "latest" }, "option --django-version: 'django.version' must be a Django version X.Y such as 4.2, got 'latest'.")]
    [InlineData(new[] { "--url", "staging.example.com" }, "option --url: 'urls' must be an absolute http:// or https:// URL, got 'staging.example.com'.")]
    [InlineData(new[] { "--timeout", "-3" }, "option --timeout: 'timeout' must be a number of seconds between 0 and 600, got '-3'.")]
    [InlineData(new[] { "--sshd-connection", "user=deploy,planet=mars" }, "option --sshd-connection: Unknown key 'planet' in the sshd connection spec; expected one of user, host, addr, laddr, lport, rdomain.")]
    [InlineData(new[] { "--min-grade", "E" }, "option --min-grade: invalid value 'E' for 'min-grade'; valid values: A+, A, A-, B+, B, B-, C+, C, C-, D+, D, D-, F.")]
    [InlineData(new[] { "--allow-redirect-host", "https://sso.example.com" }, "option --allow-redirect-host: 'allow-redirect-hosts' must list bare host names such as 'login.example.com' (no scheme, port or path), got 'https://sso.example.com'.")]
    [InlineData(new[] { "--header", "Authorization Bearer s3cret" }, "option --header: expected 'Name: value' with a valid header name, got '(no colon)'.")]
    public async Task BadOptions_ExitWith2_AndNameTheOption(string[] options, string message)
    {
        var run = await Run(["scan", _repo, .. options]);
        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Equal($"security-gate: error: {message}", run.Error.Trim());
        Assert.DoesNotContain("s3cret", run.Error);
    }

    [Fact]
    public async Task UnknownOption_ExitsWith2()
    {
        var run = await Run("scan", _repo, "--fail-level", "error");
        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("--fail-level", run.Error);
    }

    [Fact]
    public async Task MissingPath_ExitsWith2()
    {
        var run = await Run("scan", Path.Combine(_repo, "nope"));
        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("is not a directory", run.Error);
    }

    [Fact]
    public async Task MissingEnvFile_ExitsWith2()
    {
        var run = await Run("scan", _repo, "--env-file", "prod.env");
        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Equal($"security-gate: error: env-file: {Path.Combine(_work, "prod.env")} does not exist.", run.Error.Trim());
    }

    [Fact]
    public async Task BadConfigFile_ExitsWith2_NamingFileAndLine_AndWritesNoReport()
    {
        Write(".security-gate.yml", "fail-on: error\npaths:\n  exclude: legacy/**\n  inclde: [app]\n");
        var run = await Run("scan", _repo, "--format", "json", "--output", "r.json");
        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains(".security-gate.yml:4: unknown key 'paths.inclde'; valid keys under 'paths': include, exclude.", run.Error);
        Assert.False(File.Exists(Path.Combine(_work, "r.json")));
    }

    [Fact]
    public async Task ExplicitConfig_OverridesTheDefaultFile_AndTheCommandLineOverridesBoth()
    {
        Write(".security-gate.yml", "fail-on: never\n");
        File.WriteAllText(Path.Combine(_work, "strict.yml"), "fail-on: note\n");
        Write("data/dump.json", new string('x', 2 * 1024 * 1024));   // skipped as too large: an SG002 note

        Assert.Equal(ExitCodes.Pass, (await Run("scan", _repo)).ExitCode);
        Assert.Equal(ExitCodes.Blocked, (await Run("scan", _repo, "--config", "strict.yml")).ExitCode);
        Assert.Equal(ExitCodes.Pass, (await Run("scan", _repo, "--config", "strict.yml", "--fail-on", "warning")).ExitCode);
    }

    [Fact]
    public async Task EnvironmentVariables_AreALayer()
    {
        Write("data/dump.json", new string('x', 2 * 1024 * 1024));
        var run = await CliRun.Start(_work, new Dictionary<string, string> { ["SECURITY_GATE__FAIL_ON"] = "note" }, "scan", _repo);
        Assert.Equal(ExitCodes.Blocked, run.ExitCode);
        Assert.Contains("data/dump.json:1:1  NOTE     SG002", run.Out);
    }

    [Fact]
    public async Task AnUnwritableOutput_ExitsWith2_AndLeavesNoOtherReportBehind()
    {
        File.WriteAllText(Path.Combine(_work, "blocker"), "a file where a folder is needed");
        var run = await Run("scan", _repo, "--format", "json", "--output", "r.json", "--format", "sarif", "--output", "blocker/r.sarif");
        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.False(File.Exists(Path.Combine(_work, "r.json")));
        Assert.Empty(Directory.GetFiles(_work, "*.tmp"));
    }
}
