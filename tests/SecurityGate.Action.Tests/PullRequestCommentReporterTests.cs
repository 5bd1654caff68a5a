using Microsoft.AspNetCore.Http;
using SecurityGate.Configuration;

namespace SecurityGate.Action.Tests;

/// <summary>
/// The sticky PR comment through the whole action (real Octokit against the fake API): pull requests found from a
/// pushed commit, and duplicates left by concurrent runs. Every test asserts the exact requests GitHub received.
/// </summary>
public sealed class PullRequestCommentReporterTests : IAsyncLifetime
{
    private const string Repo = "/api/v3/repos/octo-org/webapp";
    private const string Bot = "github-actions[bot]";
    private const string Marker = "<!-- security-gate:SecurityGate -->";
    private static readonly string Pulls = $"{Repo}/commits/{ActionHarness.PushSha}/pulls?per_page=100";
    private FakeGitHub _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeGitHub.StartAsync();

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    private static string CommentsOf(int pr) => $"{Repo}/issues/{pr}/comments?sort=created&direction=asc&per_page=100";

    private static string Comment(long id) => $"{Repo}/issues/comments/{id}";

    private static string Body(System.Text.Json.Nodes.JsonObject comment) => (string)comment["body"]!;

    private static readonly (string, string, string?) CheckRun = ("POST", $"{Repo}/check-runs", null);
    private static readonly (string, string, string?) PullsLookup = ("GET", Pulls, "");
    private static readonly (string, string, string?) User = ("GET", "/api/v3/user", "");

    /// <summary>A first comment on a PR: the search, the create, and the search for a concurrent run's duplicate.</summary>
    private static (string, string, string?)[] Created(int pr, string body) =>
        [("GET", CommentsOf(pr), ""), ("POST", $"{Repo}/issues/{pr}/comments", body), ("GET", CommentsOf(pr), "")];

    /// <summary>
    /// The requests in order: method, path with query, and body. A body of "" means none was sent; any other text is the
    /// comment text, which must be the request's only field; null (check runs only) is asserted by the caller.
    /// </summary>
    private void AssertRequests(params (string Method, string Path, string? Body)[] expected)
    {
        var actual = _fake.Requests;
        // As text, so that a failure shows both lists whole.
        Assert.Equal(string.Join("\n", expected.Select(e => $"{e.Method} {e.Path}")), string.Join("\n", actual.Select(r => $"{r.Method} {r.Path}{r.Query}")));
        foreach (var (e, r) in expected.Zip(actual))
        {
            if (e.Body == "")
                Assert.Equal("", r.Body);
            else if (e.Body is not null)
                Assert.Equal([("body", e.Body)], r.Json.AsObject().Select(p => (p.Key, (string)p.Value!)));
        }
    }

    [Fact]
    public async Task Push_OfTheHeadOfAnOpenPullRequest_CommentsOnIt_AndUpdatesInPlaceOnTheNextRun()
    {
        _fake.AddPullRequest(12, ActionHarness.PushSha, alsoContains: ActionHarness.PullRequestHead);
        // Also listed for the commit, but not ours to comment on: a merged PR that contains it, an open PR whose head
        // has moved on, and a fork's PR whose head happens to be the same commit.
        _fake.AddPullRequest(3, "1111111111111111111111111111111111111111", state: "closed", alsoContains: ActionHarness.PushSha);
        _fake.AddPullRequest(5, "2222222222222222222222222222222222222222", alsoContains: ActionHarness.PushSha);
        _fake.AddPullRequest(9, ActionHarness.PushSha, headRepo: "mallory/webapp", headRef: "main");
        using var step = new ActionHarness(_fake, "push", "push_pr_branch.json");

        var run = await step.RunCliAsync();

        Assert.Equal(ExitCodes.Blocked, run.ExitCode);
        var comment = Assert.Single(_fake.Comments.Values);
        Assert.Equal(12, (int)comment["issue"]!);
        var id = (long)comment["id"]!;
        var first = Body(comment);
        Assert.StartsWith(Marker + "\n", first);
        Assert.Contains($"/octo-org/webapp/blob/{ActionHarness.PushSha}/app/settings.py#L1", first);
        Assert.Contains($"commit `{ActionHarness.PushSha}`", first);
        AssertRequests([CheckRun, PullsLookup, User, .. Created(12, first)]);
        Assert.Equal(ActionHarness.PushSha, (string?)_fake.Requests[0].Json["head_sha"]);
        Assert.Contains("security-gate: PR comment: commit 0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c is the head of #12.", run.Out);

        // The next push of the same commit (a re-run): the same comment, updated in place.
        _fake.ClearRequests();
        Assert.Equal(ExitCodes.Blocked, (await step.RunAsync()).ExitCode);
        comment = Assert.Single(_fake.Comments.Values);
        Assert.Equal(id, (long)comment["id"]!);
        Assert.Contains("Since the previous run: **0 new**, **0 fixed**.", Body(comment));
        AssertRequests(
            CheckRun, PullsLookup, User,
            ("GET", CommentsOf(12), ""),
            ("PATCH", Comment(id), Body(comment)));
    }

    [Fact]
    public async Task Push_OfACommitHeadingTwoOpenPullRequests_CommentsOnEach()
    {
        _fake.AddPullRequest(12, ActionHarness.PushSha);
        _fake.AddPullRequest(14, ActionHarness.PushSha, headRef: "harden-settings-2");
        using var step = new ActionHarness(_fake, "push", "push_pr_branch.json");

        Assert.Equal(ExitCodes.Blocked, (await step.RunAsync()).ExitCode);

        var on12 = Assert.Single(_fake.CommentsOn(12));
        var on14 = Assert.Single(_fake.CommentsOn(14));
        AssertRequests([CheckRun, PullsLookup, User, .. Created(12, Body(on12)), .. Created(14, Body(on14))]);
    }

    [Theory]
    [InlineData("workflow_dispatch", "workflow_dispatch.json")]
    [InlineData("schedule", "push.json")]
    public async Task ManualAndScheduledRuns_OnABranch_CommentOnTheOpenPullRequestOfTheirCommit(string eventName, string fixture)
    {
        _fake.AddPullRequest(12, ActionHarness.PushSha, headRef: "main");
        using var step = new ActionHarness(_fake, eventName, fixture);
        Assert.Equal(ExitCodes.Blocked, (await step.RunAsync()).ExitCode);
        var comment = Assert.Single(_fake.CommentsOn(12));
        AssertRequests([CheckRun, PullsLookup, User, .. Created(12, Body(comment))]);
    }

    [Fact]
    public async Task Push_WithoutAnOpenPullRequest_PostsNoComment_AndReportsNoError()
    {
        // Only a merged PR contains the commit (a push to main after the merge).
        _fake.AddPullRequest(3, ActionHarness.PushSha, state: "closed");
        using var step = new ActionHarness(_fake, "push", "push.json");

        var run = await step.RunAsync();

        Assert.Equal(ExitCodes.Blocked, run.ExitCode);
        Assert.Empty(_fake.Comments);
        AssertRequests(
            CheckRun, PullsLookup);
        Assert.Contains("security-gate: PR comment: commit 0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c is not the head of an open pull request " +
                        "of octo-org/webapp; none posted.", run.Out);
        Assert.DoesNotContain("PR comment failed", run.Out);
        Assert.DoesNotContain("PR comment skipped", run.Out);
        Assert.Contains("> PR comment: commit 0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c is not the head of an open pull request.", step.Summary);
    }

    [Fact]
    public async Task TagPush_DoesNotLookForPullRequests()
    {
        _fake.AddPullRequest(12, ActionHarness.PushSha);
        using var step = new ActionHarness(_fake, "push", "push_tag.json");
        Assert.Equal(ExitCodes.Blocked, (await step.RunAsync()).ExitCode);
        AssertRequests(CheckRun);
    }

    [Fact]
    public async Task Push_RespectsTheCommentInput()
    {
        _fake.AddPullRequest(12, ActionHarness.PushSha);
        using var step = new ActionHarness(_fake, "push", "push_pr_branch.json");
        step.SetInput("comment", "never");
        Assert.Equal(ExitCodes.Blocked, (await step.RunAsync()).ExitCode);
        AssertRequests(CheckRun);

        _fake.ClearRequests();
        step.SetInput("comment", "on-failure");
        step.WritePassingRepository();
        var run = await step.RunAsync();
        Assert.Equal(ExitCodes.Pass, run.ExitCode);
        Assert.Empty(_fake.Comments);
        AssertRequests(
            CheckRun, PullsLookup, User,
            ("GET", CommentsOf(12), ""));
        Assert.Contains("security-gate: PR comment: none posted on #12 (passing, input comment is 'on-failure').", run.Out);
    }

    [Theory]
    [InlineData(403, "Resource not accessible by integration", false, "403 Resource not accessible by integration")]
    [InlineData(403, "Resource not accessible by integration", true, "403 Resource not accessible by integration")]
    // Octokit words 404s itself.
    [InlineData(404, "Not Found", false, "404 repos/octo-org/webapp/commits/0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c/pulls was not found.")]
    [InlineData(500, "Server Error", false, "500 Server Error")]
    [InlineData(500, "Server Error", true, "500 Server Error")]
    public async Task PullRequestLookupFailing_IsOneLogLine_AndTheExitCodeStaysTheVerdict(int status, string message, bool passing, string described)
    {
        _fake.AddPullRequest(12, ActionHarness.PushSha);
        _fake.Fail("GET", "/pulls", status, message, times: 100);
        using var step = new ActionHarness(_fake, "push", "push_pr_branch.json");
        if (passing)
            step.WritePassingRepository();

        var run = await step.RunAsync();

        Assert.Equal(passing ? ExitCodes.Pass : ExitCodes.Blocked, run.ExitCode);
        Assert.Equal(passing ? "pass" : "fail", ActionHarness.ParseOutputs(step.Outputs)["verdict"]);
        Assert.Empty(_fake.Comments);
        // 5xx on a GET is retried (4 attempts); 403 and 404 are not.
        var lookups = status >= 500 ? 4 : 1;
        AssertRequests([CheckRun, .. Enumerable.Repeat(PullsLookup, lookups)]);
        var lines = run.Out.Split('\n').Where(l => l.Contains("PR comment")).ToList();
        Assert.Equal(
            $"security-gate: PR comment skipped: the pull requests of commit {ActionHarness.PushSha} could not be listed ({described}); " +
            "the job needs 'permissions: pull-requests: write' to find and comment on them. The verdict is unaffected.",
            Assert.Single(lines));
        Assert.Contains($"> PR comment: the pull requests of the commit could not be listed ({described}).", step.Summary);
    }

    [Fact]
    public async Task Duplicates_TheOldestOfOursIsUpdated_TheNewerOnesDeleted_OthersUntouched()
    {
        var human = _fake.AddComment(7, "octocat", Marker + "\nquoted by a human");
        var oldest = _fake.AddComment(7, Bot, Marker + "\nfrom run 1");
        var second = _fake.AddComment(7, Bot, Marker + "\nfrom run 2");
        var otherCheck = _fake.AddComment(7, Bot, "<!-- security-gate:SecurityGate (api) -->\nanother gate");
        var third = _fake.AddComment(7, Bot, Marker + "\nfrom run 3");
        using var step = new ActionHarness(_fake);

        var run = await step.RunAsync();

        Assert.Equal(ExitCodes.Blocked, run.ExitCode);
        Assert.Equal([human, oldest, otherCheck], _fake.CommentsOn(7).Select(c => (long)c["id"]!));
        var kept = Body(_fake.Comments[oldest]);
        Assert.StartsWith(Marker + "\n", kept);
        Assert.Contains("### ❌ SecurityGate", kept);
        Assert.Equal(Marker + "\nquoted by a human", Body(_fake.Comments[human]));
        Assert.Equal("<!-- security-gate:SecurityGate (api) -->\nanother gate", Body(_fake.Comments[otherCheck]));
        AssertRequests(
            CheckRun, User,
            ("GET", CommentsOf(7), ""),
            ("PATCH", Comment(oldest), kept),
            ("DELETE", Comment(second), ""),
            ("DELETE", Comment(third), ""));
        Assert.Contains($"security-gate: PR comment: 2 of 2 duplicate comment(s) on #7 removed (concurrent runs); kept {oldest}, the oldest.", run.Out);
    }

    [Fact]
    public async Task ACommentCreatedConcurrently_IsFoundAfterCreating_AndTheOlderOneWins()
    {
        // Another run created its comment after our search saw none: the search after our create finds both.
        var theirs = _fake.AddComment(7, Bot, Marker + "\nfrom the concurrent run");
        _fake.AddFault("GET", "/issues/7/comments", 1, http => http.Response.WriteAsJsonAsync(Array.Empty<object>()));
        using var step = new ActionHarness(_fake);

        var run = await step.RunAsync();

        Assert.Equal(ExitCodes.Blocked, run.ExitCode);
        var kept = Assert.Single(_fake.CommentsOn(7));
        Assert.Equal(theirs, (long)kept["id"]!);
        var ours = _fake.Requests.Single(r => r.Method == "POST" && r.Path.EndsWith("/comments", StringComparison.Ordinal));
        var ourId = long.Parse(run.Out.Split('\n').Single(l => l.EndsWith(" on #7 created.", StringComparison.Ordinal)).Split(' ')[3]);
        Assert.Equal((string)ours.Json["body"]!, Body(kept));
        AssertRequests(
            CheckRun, User,
            ("GET", CommentsOf(7), ""),
            ("POST", $"{Repo}/issues/7/comments", Body(kept)),
            ("GET", CommentsOf(7), ""),
            ("PATCH", Comment(theirs), Body(kept)),
            ("DELETE", Comment(ourId), ""));
        Assert.Contains($"security-gate: PR comment: 1 of 1 duplicate comment(s) on #7 removed (concurrent runs); kept {theirs}, the oldest.", run.Out);
    }

    [Fact]
    public async Task FailedDeletes_AreLogged_TheCommentIsStillUpdated_AndTheVerdictIsUnchanged()
    {
        var oldest = _fake.AddComment(7, Bot, Marker + "\nfrom run 1");
        var second = _fake.AddComment(7, Bot, Marker + "\nfrom run 2");
        var third = _fake.AddComment(7, Bot, Marker + "\nfrom run 3");
        _fake.Fail("DELETE", $"/issues/comments/{second}", 403, GitHubErrors.NotAccessibleByIntegration);
        _fake.Fail("DELETE", $"/issues/comments/{third}", 502, "Bad Gateway", times: 100);
        using var step = new ActionHarness(_fake);

        var run = await step.RunAsync();

        Assert.Equal(ExitCodes.Blocked, run.ExitCode);
        Assert.Equal("fail", ActionHarness.ParseOutputs(step.Outputs)["verdict"]);
        Assert.Equal([oldest, second, third], _fake.CommentsOn(7).Select(c => (long)c["id"]!));
        var kept = Body(_fake.Comments[oldest]);
        Assert.Contains("### ❌ SecurityGate", kept);
        // DELETE is idempotent: a 502 is retried (4 attempts); the 403 is not.
        AssertRequests(
            CheckRun, User,
            ("GET", CommentsOf(7), ""),
            ("PATCH", Comment(oldest), kept),
            ("DELETE", Comment(second), ""),
            ("DELETE", Comment(third), ""),
            ("DELETE", Comment(third), ""),
            ("DELETE", Comment(third), ""),
            ("DELETE", Comment(third), ""));
        var lines = run.Out.Split('\n');
        Assert.Contains($"security-gate: PR comment: deleting duplicate comment {second} on #7 failed (403 {GitHubErrors.NotAccessibleByIntegration}); it stays.", lines);
        Assert.Contains($"security-gate: PR comment: deleting duplicate comment {third} on #7 failed (502 Bad Gateway); it stays.", lines);
        Assert.Contains($"security-gate: PR comment: 0 of 2 duplicate comment(s) on #7 removed (concurrent runs); kept {oldest}, the oldest.", lines);
        Assert.DoesNotContain("PR comment failed", run.Out);
        Assert.DoesNotContain("PR comment skipped", run.Out);
    }

}
