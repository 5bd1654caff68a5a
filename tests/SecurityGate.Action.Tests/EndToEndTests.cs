using Microsoft.AspNetCore.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using SecurityGate.Configuration;

namespace SecurityGate.Action.Tests;

/// <summary>The whole action in-process against the fake GitHub API: what GitHub receives, and what the step leaves behind.</summary>
public sealed class EndToEndTests : IAsyncLifetime
{
    private FakeGitHub _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeGitHub.StartAsync();

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    private List<RecordedRequest> Requests(string method, string pathContains) =>
        [.. _fake.Requests.Where(r => r.Method == method && r.Path.Contains(pathContains, StringComparison.Ordinal))];

    [Fact]
    public async Task PullRequest_Failing_ReportsEverywhere_AndExitsOne()
    {
        using var step = new ActionHarness(_fake);
        step.SetInput("json-report", "reports/security-gate.json");
        step.SetInput("sarif-report", "reports/security-gate.sarif");
        var run = await step.RunCliAsync();

        Assert.Equal(ExitCodes.Blocked, run.ExitCode);
        // Check run on the PR head, not the merge commit, named by check-name, completed as failure.
        var create = Assert.Single(Requests("POST", "/check-runs"));
        Assert.Equal("/api/v3/repos/octo-org/webapp/check-runs", create.Path);
        Assert.Equal(ActionHarness.PullRequestHead, (string?)create.Json["head_sha"]);
        Assert.Equal("SecurityGate", (string?)create.Json["name"]);
        Assert.Equal("failure", (string?)create.Json["conclusion"]);
        Assert.StartsWith("Blocked: 3 blocking", (string?)create.Json["output"]!["title"]);
        var annotations = create.Json["output"]!["annotations"]!.AsArray();
        Assert.Equal(8, annotations.Count);
        Assert.Contains(annotations, a => (string?)a!["path"] == "app/settings.py" && (string?)a["annotation_level"] == "failure");
        Assert.Equal("Token " + ActionHarness.Token, create.Authorization);

        // One PR comment with the marker, permalinks at the head sha.
        var comment = Assert.Single(_fake.CommentsOn(7));
        var body = (string)comment["body"]!;
        Assert.StartsWith("<!-- security-gate:SecurityGate -->", body);
        Assert.Contains($"/octo-org/webapp/blob/{ActionHarness.PullRequestHead}/app/settings.py#L1", body);
        Assert.Contains("per_page=100", Requests("GET", "/issues/7/comments")[0].Query);

        // Workflow commands: masks first, annotations, nothing unescaped.
        Assert.StartsWith($"::add-mask::{ActionHarness.Token}", run.Out);
        Assert.Equal(1, run.Out.Split('\n').Count(l => l.Contains(ActionHarness.Token)));
        Assert.Contains("::error file=app/settings.py,line=1,", run.Out);
        Assert.Contains("::stop-commands::", run.Out);

        // Step summary and outputs.
        Assert.Contains("### ❌ SecurityGate: 3 blocking findings", step.Summary);
        var outputs = ActionHarness.ParseOutputs(step.Outputs);
        Assert.Equal("fail", outputs["verdict"]);
        Assert.Equal("3", outputs["blocking-count"]);
        Assert.Equal("8", outputs["finding-count"]);
        Assert.Equal("", outputs["grade"]);
        Assert.Equal(Path.Combine(step.Workspace, "reports", "security-gate.json"), outputs["report-json"]);
        using var json = JsonDocument.Parse(File.ReadAllText(outputs["report-json"]));
        Assert.Equal("fail", json.RootElement.GetProperty("verdict").GetString());
        Assert.True(File.Exists(outputs["report-sarif"]));
    }

    [Fact]
    public async Task RepeatedRuns_UpdateOneComment_WithNewAndFixed_AndSayWhenPassingAgain()
    {
        using var step = new ActionHarness(_fake);
        for (var i = 0; i < 3; i++)
            Assert.Equal(ExitCodes.Blocked, (await step.RunAsync()).ExitCode);
        var comment = Assert.Single(_fake.CommentsOn(7));
        Assert.Single(Requests("POST", "/issues/7/comments"));
        Assert.Equal(2, Requests("PATCH", "/issues/comments/").Count);
        Assert.Contains("Since the previous run: **0 new**, **0 fixed**.", (string)comment["body"]!);

        step.WritePassingRepository();
        Assert.Equal(ExitCodes.Pass, (await step.RunAsync()).ExitCode);
        var body = (string)Assert.Single(_fake.CommentsOn(7))["body"]!;
        Assert.Contains("**Now passing.**", body);
        Assert.Contains("### ✅ SecurityGate: no blocking findings", body);
        Assert.Matches(@"\*\*\d+ fixed\*\*", body);
        Assert.Equal(4, Requests("POST", "/check-runs").Count);
        Assert.Equal("success", (string?)Requests("POST", "/check-runs")[^1].Json["conclusion"]);
    }

    [Fact]
    public async Task Passing_WithCommentOnFailure_PostsNoComment()
    {
        using var step = new ActionHarness(_fake);
        step.WritePassingRepository();
        step.SetInput("comment", "on-failure");
        Assert.Equal(ExitCodes.Pass, (await step.RunAsync()).ExitCode);
        Assert.Empty(_fake.CommentsOn(7));
        step.SetInput("comment", "always");
        await step.RunAsync();
        Assert.Single(_fake.CommentsOn(7));
    }

    [Fact]
    public async Task Passing_WithTheDefaultCommentInput_PostsTheSummaryComment()
    {
        using var step = new ActionHarness(_fake);
        step.WritePassingRepository();
        Assert.Equal(ExitCodes.Pass, (await step.RunAsync()).ExitCode);
        Assert.Single(_fake.CommentsOn(7));
    }

    [Fact]
    public async Task SomeoneElsesMarkerComment_IsNotAdopted_AndAllPagesAreSearched()
    {
        using var step = new ActionHarness(_fake);
        for (var i = 0; i < 150; i++)
            _fake.AddComment(7, "octocat", $"comment {i}");
        _fake.AddComment(7, "mallory", "<!-- security-gate:SecurityGate -->\nfake all clear");
        for (var i = 0; i < 100; i++)
            _fake.AddComment(7, "octocat", $"later comment {i}");

        await step.RunAsync();
        await step.RunAsync();
        var ours = _fake.CommentsOn(7).Where(c => (string?)c["user"]!["login"] == "github-actions[bot]").ToList();
        Assert.Single(ours);
        Assert.Contains("fake all clear", (string)_fake.CommentsOn(7).Single(c => (string?)c["user"]!["login"] == "mallory")["body"]!);
        Assert.Single(Requests("POST", "/issues/7/comments"));
        // Each search pages through all 252+ comments, 100 per page: the first run searches, creates and searches
        // again for a concurrent run's duplicate; the second run searches once and updates.
        Assert.Equal(3 + 3 + 3, Requests("GET", "/issues/7/comments").Count);
    }

    [Fact]
    public async Task PersonalToken_FindsItsOwnCommentByLogin()
    {
        using var step = new ActionHarness(_fake);
        _fake.UserLogin = "release-bot";
        _fake.CommentAuthor = "release-bot";
        _fake.AddComment(7, "github-actions[bot]", "<!-- security-gate:SecurityGate -->\nfrom another workflow's token");
        await step.RunAsync();
        await step.RunAsync();
        Assert.Single(_fake.CommentsOn(7), c => (string?)c["user"]!["login"] == "release-bot");
        Assert.Contains("another workflow", (string)_fake.CommentsOn(7).First()["body"]!);
    }

    [Fact]
    public async Task ForkToken403_DegradesWithOneClearLineEach_AndExitsByFindings()
    {
        using var step = new ActionHarness(_fake, "pull_request", "pull_request_fork.json");
        _fake.Fail("POST", "/check-runs", 403, GitHubErrors.NotAccessibleByIntegration);
        _fake.Fail("POST", "/issues/7/comments", 403, GitHubErrors.NotAccessibleByIntegration);
        var run = await step.RunAsync();

        Assert.Equal(ExitCodes.Blocked, run.ExitCode);
        var lines = run.Out.Split('\n');
        Assert.Single(lines, l => l.Contains("check run skipped") && l.Contains("permissions: checks: write") && l.Contains("workflow_run"));
        Assert.Single(lines, l => l.Contains("PR comment skipped") && l.Contains("permissions: pull-requests: write"));
        Assert.Single(Requests("POST", "/check-runs"));
        Assert.Contains("::error file=app/settings.py", run.Out);
        Assert.Contains("check run skipped", step.Summary);
        Assert.Contains("### ❌ SecurityGate", step.Summary);
        Assert.Equal("fail", ActionHarness.ParseOutputs(step.Outputs)["verdict"]);

        // And a passing fork PR still passes.
        step.WritePassingRepository();
        _fake.Fail("POST", "/check-runs", 403, GitHubErrors.NotAccessibleByIntegration);
        Assert.Equal(ExitCodes.Pass, (await step.RunAsync()).ExitCode);
    }

    [Fact]
    public async Task ServerErrors_AreRetried_ForIdempotentCalls_AndAFailedCreateIsNotDuplicated()
    {
        using var step = new ActionHarness(_fake);
        _fake.Fail("GET", "/issues/7/comments", 502, "Bad Gateway", times: 2);
        // The comment create "fails" after GitHub stored it: the reporter must find it instead of posting twice.
        _fake.AddFault("POST", "/issues/7/comments", 1, async http =>
        {
            _fake.AddComment(7, "github-actions[bot]", "<!-- security-gate:SecurityGate -->\nstored before the 500");
            http.Response.StatusCode = 500;
            await http.Response.WriteAsync("{\"message\":\"Server Error\"}");
        });
        var run = await step.RunAsync();

        Assert.Equal(ExitCodes.Blocked, run.ExitCode);
        Assert.Equal(2, step.Delays.Count);
        var comment = Assert.Single(_fake.CommentsOn(7));
        Assert.Contains("### ❌ SecurityGate", (string)comment["body"]!);
        Assert.Single(Requests("POST", "/issues/7/comments"));
    }

    [Fact]
    public async Task FailedCheckRunCreate_IsFoundByExternalId_NotCreatedTwice()
    {
        using var step = new ActionHarness(_fake);
        _fake.AddFault("POST", "/check-runs", 1, async http =>
        {
            http.Request.Body.Position = 0;
            var json = JsonNode.Parse(await new StreamReader(http.Request.Body).ReadToEndAsync())!;
            _fake.CheckRuns[1] = new JsonObject
            {
                ["id"] = 1, ["name"] = (string?)json["name"], ["head_sha"] = (string?)json["head_sha"],
                ["external_id"] = (string?)json["external_id"], ["status"] = "completed", ["annotation_count"] = 0,
            };
            http.Response.StatusCode = 502;
            await http.Response.WriteAsync("{\"message\":\"Bad Gateway\"}");
        });
        await step.RunAsync();
        Assert.Single(Requests("POST", "/check-runs"));
        Assert.Single(Requests("GET", "/check-runs"));
        Assert.Single(_fake.CheckRuns);
    }

    [Fact]
    public async Task RateLimits_HonourRetryAfter_AndReset_OnAnyMethod()
    {
        using var step = new ActionHarness(_fake);
        _fake.Fail("POST", "/check-runs", 429, "Too many requests", 1, ("Retry-After", "7"));
        _fake.Fail("GET", "/issues/7/comments", 403, "You have exceeded a secondary rate limit. Please wait a few minutes.", 1, ("Retry-After", "3"));
        _fake.Fail("POST", "/issues/7/comments", 403, "You have exceeded a secondary rate limit.", 1);
        var run = await step.RunAsync();

        Assert.Equal(ExitCodes.Blocked, run.ExitCode);
        Assert.Equal([TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(60)], step.Delays.ToArray());
        Assert.Equal(2, Requests("POST", "/check-runs").Count);
        Assert.Single(_fake.CheckRuns);
        Assert.Single(_fake.CommentsOn(7));
        Assert.Contains("rate limited (429); retry 1 in 7 s", run.Out);
    }

    [Fact]
    public async Task PrimaryRateLimit_WaitsUntilReset()
    {
        using var step = new ActionHarness(_fake);
        var reset = DateTimeOffset.UtcNow.AddSeconds(30).ToUnixTimeSeconds().ToString();
        _fake.Fail("GET", "/issues/7/comments", 403, "API rate limit exceeded", 1, ("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", reset));
        await step.RunAsync();
        Assert.InRange(Assert.Single(step.Delays).TotalSeconds, 25, 31);
        Assert.Single(_fake.CommentsOn(7));
    }

    [Fact]
    public async Task SlowResponses_TimeOut_AndAreRetried()
    {
        using var step = new ActionHarness(_fake);
        _fake.AddFault("GET", "/issues/7/comments", 1, async http =>
        {
            await Task.Delay(TimeSpan.FromSeconds(3));
            http.Response.StatusCode = 200;
            await http.Response.WriteAsync("[]");
        });
        var run = await step.RunAsync(step.FastRetries(attemptTimeout: TimeSpan.FromMilliseconds(400)));
        Assert.Equal(ExitCodes.Blocked, run.ExitCode);
        Assert.Contains("timed out; retry 1", run.Out);
        Assert.Single(_fake.CommentsOn(7));
    }

    [Fact]
    public async Task ASlowCommentCreate_TimesOut_ThenIsSearchedFor_BeforeCreatingAgain()
    {
        using var step = new ActionHarness(_fake);
        _fake.AddFault("POST", "/issues/7/comments", 1, async http =>
        {
            await Task.Delay(TimeSpan.FromSeconds(3));
            http.Response.StatusCode = 500;
        });
        var run = await step.RunAsync(step.FastRetries(attemptTimeout: TimeSpan.FromMilliseconds(400)));
        Assert.Equal(ExitCodes.Blocked, run.ExitCode);
        Assert.Contains("creating the PR comment failed", run.Out);
        // Search, (create times out), search again, create, search once more for a concurrent duplicate.
        Assert.Equal(3, Requests("GET", "/issues/7/comments").Count);
        Assert.Single(_fake.CommentsOn(7));
    }

    [Fact]
    public async Task AnExhaustedBudget_GivesUpOnTheChannel_NotOnTheVerdict()
    {
        using var step = new ActionHarness(_fake);
        _fake.Fail("POST", "/check-runs", 503, "unavailable", times: 100);
        _fake.Fail("GET", "/check-runs", 503, "unavailable", times: 100);
        _fake.Fail("GET", "/issues/7/comments", 429, "slow down", 100, ("Retry-After", "600"));
        var run = await step.RunAsync(step.FastRetries(budget: TimeSpan.FromSeconds(120)));
        Assert.Equal(ExitCodes.Blocked, run.ExitCode);
        Assert.Contains("check run failed", run.Out);
        Assert.Contains("PR comment failed", run.Out);
        Assert.Empty(_fake.CheckRuns);
        Assert.Equal("fail", ActionHarness.ParseOutputs(step.Outputs)["verdict"]);
        Assert.Contains("### ❌ SecurityGate", step.Summary);
    }

    [Fact]
    public async Task PushEvent_ChecksGitHubSha_AndDoesNotComment()
    {
        using var step = new ActionHarness(_fake, "push", "push.json");
        Assert.Equal(ExitCodes.Blocked, (await step.RunCliAsync()).ExitCode);
        Assert.Equal(ActionHarness.PushSha, (string?)Assert.Single(Requests("POST", "/check-runs")).Json["head_sha"]);
        Assert.Empty(Requests("GET", "/comments"));
    }

    [Fact]
    public async Task CheckName_NamesTheRunAndTheMarker_AndPathPrefixesFiles()
    {
        using var step = new ActionHarness(_fake);
        step.Write("services/api/app/settings.py", File.ReadAllText(Path.Combine(step.Workspace, "app", "settings.py")));
        File.Delete(Path.Combine(step.Workspace, "app", "settings.py"));
        step.SetInput("check-name", "SecurityGate (api)");
        step.SetInput("path", "services/api");
        var run = await step.RunAsync();
        var create = Assert.Single(Requests("POST", "/check-runs"));
        Assert.Equal("SecurityGate (api)", (string?)create.Json["name"]);
        Assert.All(create.Json["output"]!["annotations"]!.AsArray(), a => Assert.Equal("services/api/app/settings.py", (string?)a!["path"]));
        Assert.StartsWith("<!-- security-gate:SecurityGate (api) -->", (string)Assert.Single(_fake.CommentsOn(7))["body"]!);
    }

    [Theory]
    [InlineData("image-port", "http", "input image-port")]
    [InlineData("image-port", "70000", "input image-port")]
    [InlineData("image-health-path", "health", "input image-health-path")]
    [InlineData("image-env-file", "missing.env", "input image-env-file")]
    [InlineData("django-check-in-image", "yes", "input django-check-in-image")]
    [InlineData("image-network", "bridge", "input image-network")]
    public async Task BadImageInputs_ExitTwo_BeforeAnyContainerStarts(string input, string value, string named)
    {
        using var step = new ActionHarness(_fake);
        step.WritePassingRepository();
        step.SetInput("image", "shop:pr");
        step.SetInput(input, value);
        var run = await step.RunCliAsync();
        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains(named, run.Error);
    }

    [Fact]
    public async Task ImageRules_CanBeConfigured_LikeEveryOtherRule()
    {
        using var step = new ActionHarness(_fake);
        step.WritePassingRepository();
        step.Write(".security-gate.yml", "rules:\n  DOC105:\n    severity: off\n  DOC107:\n    severity: error\n");
        var run = await step.RunCliAsync();
        Assert.Equal(ExitCodes.Pass, run.ExitCode);

        step.Write(".security-gate.yml", "rules:\n  DOC199:\n    severity: off\n");
        run = await step.RunCliAsync();
        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("DOC199", run.Error);
    }

    [Fact]
    public async Task ImageMode_WithoutAReachableDockerEngine_ExitsTwo_NamingTheInput_AndWritesNoReport()
    {
        using var step = new ActionHarness(_fake);
        step.WritePassingRepository();
        step.SetInput("image", "shop:pr");
        step.SetInput("json-report", "gate.json");
        step.Environment["DOCKER_HOST"] = "unix:///nonexistent/securitygate-test.sock";
        var run = await step.RunCliAsync();
        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("input image: shop:pr could not be audited and started", run.Error);
        Assert.False(File.Exists(Path.Combine(step.Workspace, "gate.json")));
        Assert.DoesNotContain(_fake.Requests, r => r.Method == "POST");
    }

    [Fact]
    public async Task DjangoCheckInImage_WithoutAnImage_ExitsTwo_InsteadOfSkippingTheCheck()
    {
        using var step = new ActionHarness(_fake);
        step.WritePassingRepository();
        step.SetInput("django-check-in-image", "true");
        var run = await step.RunCliAsync();
        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("input django-check-in-image: true needs input image", run.Error);
    }

    [Theory]
    [InlineData("fail-on", "sometimes", "input fail-on")]
    [InlineData("comment", "loud", "input comment")]
    [InlineData("timeout", "forever", "input timeout")]
    [InlineData("url", "ftp://x", "input url")]
    [InlineData("json-report", "../../escape.json", "input json-report")]
    [InlineData("path", "missing-dir", "input path")]
    [InlineData("config", "nope.yml", "input config")]
    [InlineData("headers", "no colon here", "input headers")]
    public async Task BadInputs_ExitTwo_NamingTheInput(string input, string value, string named)
    {
        using var step = new ActionHarness(_fake);
        step.SetInput(input, value);
        var run = await step.RunCliAsync();
        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains(named, run.Error);
        Assert.Contains("::error title=SecurityGate%3A invalid input::", run.Out);
        Assert.Empty(_fake.Requests);
    }

    [Fact]
    public async Task OutsideActions_ExitsTwo()
    {
        using var step = new ActionHarness(_fake);
        step.Environment.Remove("GITHUB_ACTIONS");
        var run = await step.RunCliAsync();
        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("GITHUB_ACTIONS=true", run.Error);
    }

    [Fact]
    public async Task HeaderValues_AreMaskedBeforeAnythingElse_AndNeverPrinted()
    {
        using var step = new ActionHarness(_fake);
        step.SetInput("headers", "Authorization: Bearer staging-secret-123\nX-Env: qa");
        var run = await step.RunAsync();
        var lines = run.Out.Split('\n');
        Assert.Contains("::add-mask::Bearer staging-secret-123", lines);
        Assert.Equal(1, lines.Count(l => l.Contains("staging-secret-123")));
        Assert.DoesNotContain("staging-secret-123", step.Summary + step.Outputs + run.Error);
        Assert.DoesNotContain(_fake.Requests, r => r.Body.Contains("staging-secret-123"));
    }

    [Fact]
    public async Task HostileRepositoryText_CannotIssueCommands_OrPing()
    {
        using var step = new ActionHarness(_fake);
        var hostile = "x@org-team <img src=x onerror=alert(1)> `a|b` ::set-output name=verdict::pass %0A::error::pwn";
        step.Write($"{hostile}/settings.py", File.ReadAllText(Path.Combine(step.Workspace, "app", "settings.py")) + "# ::warning::from a file\n");
        File.Delete(Path.Combine(step.Workspace, "app", "settings.py"));
        step.SetInput("comment", "always");
        var run = await step.RunAsync();

        // Every stdout line that starts a command is one of ours.
        var allowed = new[] { "::add-mask::", "::error ", "::warning ", "::notice ", "::group::", "::endgroup::", "::stop-commands::" };
        var lines = run.Out.Split('\n').Select(l => l.TrimStart()).ToList();
        var stop = lines.First(l => l.StartsWith("::stop-commands::"))["::stop-commands::".Length..];
        var inStop = false;
        foreach (var line in lines)
        {
            if (line.StartsWith("::stop-commands::"))
                inStop = true;
            else if (line == $"::{stop}::")
                inStop = false;
            else if (!inStop && line.StartsWith("::"))
                Assert.Contains(allowed, a => line.StartsWith(a, StringComparison.Ordinal));
        }
        Assert.DoesNotContain(lines, l => l.StartsWith("::set-output") || l.StartsWith("::error::pwn"));
        Assert.Contains("%250A::error::pwn", run.Out);

        var body = (string)Assert.Single(_fake.CommentsOn(7))["body"]!;
        foreach (var text in new[] { body, step.Summary, (string)Requests("POST", "/check-runs")[0].Json["output"]!["summary"]! })
        {
            Assert.DoesNotContain("<img", text);
            Assert.DoesNotContain("x@org-team", text);
        }
    }
}
