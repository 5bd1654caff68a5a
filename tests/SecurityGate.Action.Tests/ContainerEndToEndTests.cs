using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SecurityGate.Configuration;

namespace SecurityGate.Action.Tests;

/// <summary>
/// The whole action as GitHub runs it: the image built offline from the unmodified Dockerfile, started with
/// `docker run --network host` and the runner's mounts, INPUT_* and GITHUB_* variables and a pull_request event
/// (.ci/docker/e2e.sh in action mode), reporting to the fake GitHub API on 127.0.0.1. Needs a Docker engine
/// (CI starts one): without it the script fails and so does this test — it is never skipped.
/// </summary>
public sealed class ContainerEndToEndTests : IAsyncLifetime
{
    private const string HeadSha = "0000000000000000000000000000000000000001";
    private const int PullRequest = 7;
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(15);
    private FakeGitHub _fake = null!;

    private WebApplication _staging = null!;
    private string _stagingUrl = "";

    public async Task InitializeAsync()
    {
        _fake = await FakeGitHub.StartAsync();
        // A plain-HTTP staging server on 127.0.0.1 (the container shares the host network): the probe must find that
        // HTTP is not redirected to HTTPS and that HTTPS does not answer.
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _staging = builder.Build();
        _staging.MapGet("/{**path}", (HttpContext http) =>
        {
            http.Response.Headers["Set-Cookie"] = "sessionid=abc; Path=/";
            return Results.Content("<html><body>shop</body></html>", "text/html");
        });
        await _staging.StartAsync();
        _stagingUrl = _staging.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/";
    }

    public async Task DisposeAsync()
    {
        await _staging.DisposeAsync();
        await _fake.DisposeAsync();
    }

    private static string RepositoryRoot => Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));

    [Fact]
    public async Task ActionImage_RunAsTheRunnerRunsIt_GatesAndReportsToGitHub()
    {
        var output = Path.Combine(RepositoryRoot, "artifacts", "e2e-action");
        var (exitCode, log) = await RunScriptAsync(new Dictionary<string, string>
        {
            ["E2E_MODE"] = "action",
            ["E2E_OUT"] = output,
            ["E2E_GITHUB_API_URL"] = _fake.ApiUrl,
            ["ACTION_IMAGE"] = "securitygate-action:e2e-action",
            ["E2E_STAGING_URL"] = _stagingUrl,
        });
        Assert.True(exitCode == 0, $"e2e.sh (action mode) exited with {exitCode}:\n{log}");

        // Exit codes by the findings alone: blocking with the defaults, passing with fail-on: never.
        Assert.Equal(ExitCodes.Blocked.ToString(), File.ReadAllText(Path.Combine(output, "blocking", "exit-code")).Trim());
        Assert.Equal(ExitCodes.Pass.ToString(), File.ReadAllText(Path.Combine(output, "relaxed", "exit-code")).Trim());

        // The check run is on the pull request's head commit, not the merge commit in GITHUB_SHA.
        var created = _fake.Requests.Where(r => r.Method == "POST" && r.Path.EndsWith("/check-runs", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, created.Count);
        Assert.All(created, r => Assert.Equal(HeadSha, (string?)r.Json["head_sha"]));
        Assert.Contains(_fake.CheckRuns.Values, run => (string?)run["conclusion"] == "failure");
        Assert.Contains(_fake.CheckRuns.Values, run => (string?)run["conclusion"] == "success");

        // One pull-request comment, updated in place by the second run.
        var comment = Assert.Single(_fake.CommentsOn(PullRequest));
        Assert.StartsWith("<!-- security-gate:SecurityGate -->", (string)comment["body"]!);

        // The live probe reached the staging server from inside the container and judged it.
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "blocking", "workspace", "securitygate-report.json")));
        var site = Assert.Single(report.RootElement.GetProperty("sites").EnumerateArray());
        Assert.Equal(_stagingUrl, site.GetProperty("url").GetString());
        var liveRules = report.RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("target").GetString() == "url:" + _stagingUrl)
            .Select(f => f.GetProperty("ruleId").GetString()).ToHashSet();
        Assert.NotEmpty(liveRules);
        Assert.True(liveRules.Contains("WEB002") || liveRules.Contains("WEB003"),
            $"expected HTTPS-unreachable or no-redirect findings, got {string.Join(", ", liveRules)}");

        // Outputs and the step summary as the runner would read them.
        var outputs = File.ReadAllText(Path.Combine(output, "blocking", "runner_temp", "_runner_file_commands", "set_output_e2e"));
        Assert.Matches(@"(?m)^verdict<<(ghadelimiter_[0-9a-f]+)\nfail\n\1$", outputs.ReplaceLineEndings("\n"));
        var summary = File.ReadAllText(Path.Combine(output, "blocking", "runner_temp", "_runner_file_commands", "step_summary_e2e"));
        Assert.Contains("SecurityGate", summary);
    }

    [Fact]
    public async Task ImageMode_FromInsideTheActionContainer_AuditsStartsProbesAndRunsDjangosCheck()
    {
        const string image = "securitygate-test/django-dynamic:latest";
        const string secretKey = "e2e-shop-secret-kq3v8x2longandrandom0f9e8d7c6b5a";
        var output = Path.Combine(RepositoryRoot, "artifacts", "e2e-image");
        Directory.CreateDirectory(output);
        var envFile = Path.Combine(output, "image.env");
        await File.WriteAllTextAsync(envFile, $"SHOP_SECRET_KEY={secretKey}\n");
        var port = FreeLoopbackPort();

        var (exitCode, log) = await RunScriptAsync(new Dictionary<string, string>
        {
            ["E2E_MODE"] = "action",
            ["E2E_CASES"] = "image",
            ["E2E_OUT"] = output,
            ["E2E_GITHUB_API_URL"] = _fake.ApiUrl,
            ["ACTION_IMAGE"] = "securitygate-action:e2e-action",
            ["E2E_IMAGE"] = image,
            ["E2E_IMAGE_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["E2E_IMAGE_COMMAND"] = $"python3 site/manage.py runserver 127.0.0.1:{port} --noreload",
            ["E2E_IMAGE_ENV_FILE"] = envFile,
        });
        Assert.True(exitCode == 0, $"e2e.sh (image case) exited with {exitCode}:\n{log}");
        Assert.Equal(ExitCodes.Blocked.ToString(), File.ReadAllText(Path.Combine(output, "image", "exit-code")).Trim());

        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "image", "workspace", "securitygate-report.json")));
        var findings = report.RootElement.GetProperty("findings").EnumerateArray().ToList();
        string? Reference(JsonElement f) =>
            f.TryGetProperty("refs", out var refs) && refs.TryGetProperty("django", out var id) ? id.GetString() : null;

        // The action container had no network of its own beyond loopback (--network none), like GitHub's bridge where
        // 127.0.0.1 is not the runner: the app joined the gate's network namespace and was reached on 127.0.0.1.
        var stdout = File.ReadAllText(Path.Combine(output, "image", "stdout.txt"));
        Assert.Matches(@"network container:[0-9a-f]{64}: sharing the network of the gate's own container", stdout);
        // The started app was probed like a staging URL (Django's debug page for the disallowed Host among the findings).
        var appUrl = $"http://127.0.0.1:{port}/";
        Assert.Contains(report.RootElement.GetProperty("sites").EnumerateArray(), s => s.GetProperty("url").GetString() == appUrl);
        Assert.Contains(findings, f => f.GetProperty("target").GetString() == "url:" + appUrl);
        // The settings read out of the image: DEBUG = True (DJ001) at its line in the image.
        Assert.Contains(findings, f => f.GetProperty("ruleId").GetString() == "DJ001"
                                       && f.GetProperty("location").GetProperty("path").GetString() == "/srv/site/config/settings.py");
        // Django's own check, run in the image: HSTS (computed in a loop) and the custom check come from it; DEBUG is
        // not repeated because DJ001 already reports security.W018.
        var fromDjango = findings.Where(f => f.GetProperty("ruleId").GetString() == "DOC107").Select(Reference).ToList();
        Assert.Contains("security.W004", fromDjango);
        Assert.Contains("shop.W001", fromDjango);
        Assert.DoesNotContain("security.W018", fromDjango);
        Assert.DoesNotContain(findings, f => f.GetProperty("ruleId").GetString() == "DOC108");

        // The secret from image-env-file, printed by the project's custom check, appears in no report, log, output or summary.
        var everything = string.Join("\n", Directory.EnumerateFiles(Path.Combine(output, "image"), "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith("image.env", StringComparison.Ordinal)).Select(File.ReadAllText));
        Assert.DoesNotContain(secretKey, everything);
        Assert.Contains("[redacted]", report.RootElement.GetRawText());

        // Every container this run of the gate started (audit, app, Django check) is gone; the log names the run's label.
        var label = System.Text.RegularExpressions.Regex.Match(stdout, @"org\.securitygate\.run=[0-9a-f]{32}");
        Assert.True(label.Success, "the action log does not name the run's container label:\n" + stdout);
        var (_, leftovers) = await RunAsync("docker", "ps", "-aq", "--filter", "label=" + label.Value);
        Assert.Equal("", leftovers.Trim());
    }

    [Fact]
    public async Task CancelledRun_DockerStop_RemovesTheAppContainer_AndExits130()
    {
        // The gate waits for an app that never answers; `docker stop` (SIGTERM, as when a workflow run is cancelled)
        // must make it remove the app container itself and exit with 130, writing no report (asserted by the script).
        var output = Path.Combine(RepositoryRoot, "artifacts", "e2e-interrupt");
        var (exitCode, log) = await RunScriptAsync(new Dictionary<string, string>
        {
            ["E2E_MODE"] = "action",
            ["E2E_CASES"] = "interrupt",
            ["E2E_OUT"] = output,
            ["ACTION_IMAGE"] = "securitygate-action:e2e-action",
            ["E2E_IMAGE"] = "securitygate-test/django-dynamic:latest",
        });
        Assert.True(exitCode == 0, $"e2e.sh (interrupt case) exited with {exitCode}:\n{log}");
        Assert.Equal(ExitCodes.Cancelled.ToString(), File.ReadAllText(Path.Combine(output, "interrupt", "exit-code")).Trim());
        Assert.Contains("security-gate: cancelled", File.ReadAllText(Path.Combine(output, "interrupt", "stderr.txt")));
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, stdout);
    }

    private static async Task<(int ExitCode, string Log)> RunScriptAsync(IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = RepositoryRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(".ci/docker/e2e.sh");
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(ScriptTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($".ci/docker/e2e.sh did not finish within {ScriptTimeout}");
        }
        return (process.ExitCode, await stdout + await stderr);
    }
}
