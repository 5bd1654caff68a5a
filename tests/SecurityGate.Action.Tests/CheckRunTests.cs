using SecurityGate.Findings;
using SecurityGate.Gate;

namespace SecurityGate.Action.Tests;

/// <summary>The check run reporter through real Octokit against the fake API.</summary>
public sealed class CheckRunTests : IAsyncLifetime
{
    private FakeGitHub _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeGitHub.StartAsync();

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    private async Task Report(GateResult result)
    {
        var context = Sample.Context(_fake.ApiUrl);
        var client = GitHubApi.CreateClient(context, new RetryPolicy(), _ => { });
        var outcome = await new CheckRunReporter(client, new ReportView(context, "SecurityGate"), new ActionLog(TextWriter.Null)).ReportAsync(result);
        Assert.True(outcome.Done);
    }

    [Fact]
    public async Task AllAnnotations_InBatchesOf50_CreateThenUpdateTheSameRun()
    {
        var findings = Enumerable.Range(0, 120).Select(i => Sample.Finding(i, i % 3 == 0 ? Severity.Error : Severity.Warning, blocking: i % 3 == 0))
            .Append(Sample.Finding(500, path: null))
            .ToArray();
        await Report(Sample.Of(findings));

        var requests = _fake.Requests.Where(r => r.Path.Contains("/check-runs")).ToList();
        Assert.Equal(["POST", "PATCH", "PATCH"], requests.Select(r => r.Method));
        Assert.Equal([50, 50, 20], requests.Select(r => r.Json["output"]!["annotations"]!.AsArray().Count));
        var id = (long)Assert.Single(_fake.CheckRuns).Value["id"]!;
        Assert.All(requests.Skip(1), r => Assert.EndsWith($"/check-runs/{id}", r.Path));
        Assert.Equal("in_progress", (string?)requests[0].Json["status"]);
        Assert.Null(requests[1].Json["conclusion"]);
        Assert.Equal("failure", (string?)requests[2].Json["conclusion"]);
        Assert.Equal(120, (int)_fake.CheckRuns[id]["annotation_count"]!);
        // The finding without a file is in the summary, not an annotation.
        Assert.Contains("`url:https://staging.example/`", (string?)requests[0].Json["output"]!["summary"]);
        var first = requests[0].Json["output"]!["annotations"]![0]!;
        Assert.Equal(("app/settings.py", 1, 1, 3, 9, "failure", "DJ001: Rule 0"),
            ((string?)first["path"], (int)first["start_line"]!, (int)first["end_line"]!, (int)first["start_column"]!, (int)first["end_column"]!,
                (string?)first["annotation_level"], (string?)first["title"]));
    }

    [Fact]
    public async Task SmallResults_AreOneCompletedCreate_WithoutColumnsOnMultiLineRanges()
    {
        await Report(Sample.Of(Sample.Finding(1, Severity.Note, blocking: false, endLine: 5)));
        var request = Assert.Single(_fake.Requests);
        Assert.Equal(("completed", "success"), ((string?)request.Json["status"], (string?)request.Json["conclusion"]));
        var annotation = request.Json["output"]!["annotations"]![0]!;
        Assert.Equal(("notice", 2, 5), ((string?)annotation["annotation_level"], (int)annotation["start_line"]!, (int)annotation["end_line"]!));
        Assert.Null(annotation["start_column"]);
        Assert.StartsWith("Passed: 0 blocking", (string?)request.Json["output"]!["title"]);
    }

    [Fact]
    public async Task HugeSummaries_StayUnderTheLimit()
    {
        var findings = Enumerable.Range(0, 2000).Select(i => Sample.Finding(i, message: new string('m', 200))).ToArray();
        await Report(Sample.Of(findings));
        var summary = (string)_fake.Requests[0].Json["output"]!["summary"]!;
        Assert.InRange(summary.Length, 50_000, GitHubLimits.CheckRunSummaryMaxChars);
        Assert.Matches(@"…and \d+ more", summary);
        Assert.Equal(40, _fake.Requests.Count);
    }
}
