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
