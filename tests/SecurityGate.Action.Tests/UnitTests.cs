using SecurityGate.Configuration;
using SecurityGate.Findings;
using SecurityGate.Gate;

namespace SecurityGate.Action.Tests;

public sealed class WorkflowCommandTests
{
    [Theory]
    [InlineData("100% done", "100%25 done")]
    [InlineData("a\r\nb", "a%0D%0Ab")]
    [InlineData("%0A::error::x", "%250A::error::x")]
    [InlineData("a:b,c", "a:b,c")]
    public void Data_EscapesPercentFirst_ThenCrLf(string input, string expected) =>
        Assert.Equal(expected, WorkflowCommand.EscapeData(input));

    [Fact]
    public void Properties_AlsoEscapeColonAndComma() =>
        Assert.Equal("a%3Ab%2Cc%25%0A", WorkflowCommand.EscapeProperty("a:b,c%\n"));

    [Fact]
    public void Format_BuildsOneLine()
    {
        var line = WorkflowCommand.Format("error", [("file", "app/x,y.py"), ("line", "3"), ("title", "DJ001: t")], "m\n::set-output name=a::b");
        Assert.Equal("::error file=app/x%2Cy.py,line=3,title=DJ001%3A t::m%0A::set-output name=a::b", line);
    }

    [Fact]
    public void LogLines_CannotStartACommand_AndUntrustedBlocksStopCommands()
    {
        var output = new StringWriter();
        var log = new ActionLog(output);
        log.Info("::error::pwned\n::add-mask::x");
        log.Untrusted("::set-output name=verdict::pass\n%0A::error::x\n");
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith(ActionLog.Prefix, lines[0]);
        Assert.Single(lines[0..1]);
        Assert.Matches("^::stop-commands::sg[0-9a-f]{32}$", lines[1]);
        var token = lines[1]["::stop-commands::".Length..];
        Assert.Equal($"::{token}::", lines[^1]);
        Assert.Equal(5, lines.Length);

        var other = new StringWriter();
        new ActionLog(other).Untrusted("x");
        Assert.DoesNotContain(token, other.ToString());
    }

    [Fact]
    public void Annotations_AtMostTenPerLevel_ChosenBySeverityAndBlocking_WithACount()
    {
        var findings = Enumerable.Range(0, 25).Select(i => Sample.Finding(i, Severity.Error, blocking: i >= 5))
            .Concat(Enumerable.Range(30, 3).Select(i => Sample.Finding(i, Severity.Warning, blocking: false)))
            .Concat([Sample.Finding(40, Severity.Note, blocking: false, path: null)])
            .ToArray();
        var output = new StringWriter();
        var hidden = WorkflowAnnotations.Write(new ActionLog(output), Sample.Of(findings), new ReportView(Sample.Context(), "SecurityGate"));
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(15, hidden);
        Assert.Equal(10, lines.Count(l => l.StartsWith("::error ")));
        Assert.Equal(3, lines.Count(l => l.StartsWith("::warning ")));
        Assert.Single(lines, l => l.StartsWith("::notice title=DJ041%3A Rule 40::Finding number 40. (url:https://staging.example/)"));
        Assert.All(lines.Where(l => l.StartsWith("::error ")), l => Assert.Contains("[blocking]", l));
        Assert.Contains("::error file=app/settings.py,line=6,endLine=6,col=3,endColumn=9,title=DJ006%3A Rule 5::[blocking] Finding number 5.", lines);
        Assert.Contains(lines, l => l.StartsWith(ActionLog.Prefix + "15 more finding(s) not shown"));
    }

    [Fact]
    public void AnnotationLines_MatchTheGoldenFile()
    {
        var output = new StringWriter();
        var result = Sample.Of(
            Sample.Finding(1, message: "Line one\r\n::set-output name=verdict::pass\n100% %0A::error::pwn"),
            Sample.Finding(2, Severity.Warning, blocking: false, path: "deploy/a,b:c/nginx.conf"),
            Sample.Finding(3, Severity.Note, blocking: false, path: null, endLine: 4));
        WorkflowAnnotations.Write(new ActionLog(output), result, new ReportView(Sample.Context(), "SecurityGate"));
        CommentBodyTests.Golden("workflow-commands.txt", output.ToString().Replace("\r\n", "\n"));
    }

    [Fact]
    public void Annotations_MultiLineRange_HasNoColumns()
    {
        var output = new StringWriter();
        WorkflowAnnotations.Write(new ActionLog(output), Sample.Of(Sample.Finding(1, endLine: 9)), new ReportView(Sample.Context(), "x", "sub/"));
        Assert.Equal("::error file=sub/app/settings.py,line=2,endLine=9,title=DJ002%3A Rule 1::[blocking] Finding number 1.", output.ToString().Trim());
    }
}

public sealed class FileCommandTests
{
    [Fact]
    public void Outputs_UseARandomDelimiter_PerValue()
    {
        var text = OutputsFile.Render([("verdict", "fail"), ("report", "a\nghadelimiter_x\nb")]);
        var lines = text.Split('\n');
        Assert.Matches("^verdict<<ghadelimiter_[0-9a-f]{32}$", lines[0]);
        Assert.Equal("fail", lines[1]);
        Assert.Equal(lines[0]["verdict<<".Length..], lines[2]);
        Assert.Matches("^report<<ghadelimiter_[0-9a-f]{32}$", lines[3]);
        Assert.NotEqual(lines[2], lines[3]["report<<".Length..]);
        Assert.EndsWith("\n", text);
    }

    [Fact]
    public void StepSummary_IsCutCleanlyUnderTheByteLimit()
    {
        var findings = Enumerable.Range(0, 3000).Select(i => Sample.Finding(i, message: new string('é', 200))).ToArray();
        var markdown = StepSummary.Render(Sample.Of(findings), new ReportView(Sample.Context(), "SecurityGate"), ["a note"], maxBytes: 100_000);
        Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(markdown), 50_000, 100_000);
        Assert.Contains("…and ", markdown);
        Assert.Contains("> a note", markdown);
        Assert.EndsWith("`\n", markdown);
    }
}

public sealed class ContextTests : IDisposable
{
    private readonly FakeGitHub _fake = FakeGitHub.StartAsync().GetAwaiter().GetResult();

    public void Dispose() => _fake.DisposeAsync().AsTask().GetAwaiter().GetResult();

    private GitHubContext Read(string eventName, string fixture, Action<ActionHarness>? change = null)
    {
        using var harness = new ActionHarness(_fake, eventName, fixture);
        change?.Invoke(harness);
        return GitHubContext.Read(harness.Environment, harness.Workspace, ActionInputs.Get(harness.Environment, "github-token"));
    }

    [Fact]
    public void PullRequest_UsesTheHeadSha_NotTheMergeCommit()
    {
        var context = Read("pull_request", "pull_request.json");
        Assert.Equal((7, ActionHarness.PullRequestHead, "9049f1265b7d61be4a8904a9a27120d2064dab3b", false),
            (context.PullRequestNumber, context.HeadSha, context.BaseSha, context.IsFork));
        Assert.Equal("https://github.example/octo-org/webapp/actions/runs/4242", context.RunUrl);
        Assert.Equal(ActionHarness.Token, context.Token);
        Assert.Equal(("octo-org", "webapp"), (context.Owner, context.Name));
    }

    [Theory]
    [InlineData("pull_request", "pull_request_fork.json")]
    [InlineData("pull_request_target", "pull_request_target.json")]
    [InlineData("pull_request", "pull_request_deleted_fork.json")]
    public void Forks_AreDetected(string eventName, string fixture)
    {
        var context = Read(eventName, fixture);
        Assert.True(context.IsFork);
        Assert.Equal(ActionHarness.PullRequestHead, context.HeadSha);
        Assert.Equal(7, context.PullRequestNumber);
    }

    [Theory]
    [InlineData("push", "push.json")]
    [InlineData("workflow_dispatch", "workflow_dispatch.json")]
    public void OtherEvents_UseGitHubSha_AndHaveNoPullRequest(string eventName, string fixture)
    {
        var context = Read(eventName, fixture);
        Assert.Equal((null, ActionHarness.PushSha, false), (context.PullRequestNumber, context.HeadSha, context.IsFork));
    }

    [Theory]
    [InlineData("push", "push_pr_branch.json", null, "refs/heads/harden-settings", true)]
    [InlineData("push", "push.json", null, "refs/heads/main", true)]
    [InlineData("workflow_dispatch", "workflow_dispatch.json", null, "refs/heads/main", true)]
    [InlineData("schedule", "push.json", "refs/heads/main", "refs/heads/main", true)]
    [InlineData("push", "push_tag.json", null, "refs/tags/v1.4.0", false)]
    [InlineData("workflow_dispatch", "workflow_dispatch.json", "refs/tags/v1.4.0", "refs/tags/v1.4.0", false)]
    [InlineData("release", "push.json", null, "refs/heads/main", false)]
    [InlineData("pull_request", "pull_request.json", null, "refs/pull/7/merge", false)]
    public void BranchRuns_MayBeThePullRequestHead(string eventName, string fixture, string? gitHubRef, string expectedRef, bool expected)
    {
        var context = Read(eventName, fixture, h =>
        {
            if (gitHubRef is not null)
                h.Environment["GITHUB_REF"] = gitHubRef;
        });
        Assert.Equal((expectedRef, expected), (context.Ref, context.MayBePullRequestHead));
    }

    [Fact]
    public void TokenFallsBackToGitHubToken()
    {
        var context = Read("push", "push.json", h =>
        {
            h.SetInput("github-token", "");
            h.Environment["GITHUB_TOKEN"] = "ghs_fromenv";
        });
        Assert.Equal("ghs_fromenv", context.Token);
    }

    [Fact]
    public void ApiUrl_IsUsedVerbatim_ForGheDotCom()
    {
        var client = (Octokit.GitHubClient)GitHubApi.CreateClient(Sample.Context("https://api.acme.ghe.com"), new RetryPolicy(), _ => { });
        Assert.Equal(new Uri("https://api.acme.ghe.com/"), client.Connection.BaseAddress);
        var ghes = (Octokit.GitHubClient)GitHubApi.CreateClient(Sample.Context("https://ghes.example/api/v3/"), new RetryPolicy(), _ => { });
        Assert.Equal(new Uri("https://ghes.example/api/v3/"), ghes.Connection.BaseAddress);
    }
}

public sealed class CommentBodyTests
{
    private static readonly ReportView View = new(Sample.Context(), "SecurityGate");

    internal static void Golden(string name, string actual)
    {
        var source = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "Golden", name);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(source)!);
            File.WriteAllText(source, actual);
        }
        Assert.Equal(File.ReadAllText(source), actual);
    }

    private static GateResult Hostile() => Sample.Of(
        Sample.Finding(1, message: "Pinging @octo-org/security <img src=x onerror=alert(1)> `code` | pipe | ::set-output name=verdict::pass %0A::error::x"),
        Sample.Finding(2, Severity.Warning, blocking: false, path: "deploy/@org/team <b>x</b> `a|b`.conf"),
        Sample.Finding(3, Severity.Note, blocking: false, path: null));

    [Fact]
    public void FirstComment_MatchesTheGoldenFile() => Golden("comment-first.md", PullRequestComment.Render(Hostile(), View, null));

    [Fact]
    public void NowPassing_AfterAFailure_MatchesTheGoldenFile()
    {
        var previous = PullRequestComment.ParseState(PullRequestComment.Render(Hostile(), View, null))!;
        Assert.Equal(Verdict.Fail, previous.Verdict);
        var passing = Sample.Of(Sample.Finding(2, Severity.Warning, blocking: false, path: "deploy/@org/team <b>x</b> `a|b`.conf"));
        Golden("comment-now-passing.md", PullRequestComment.Render(passing, View, previous));
    }

    [Fact]
    public void HostileText_CannotPingOrInjectHtml()
    {
        var body = PullRequestComment.Render(Hostile(), View, null);
        Assert.DoesNotContain("@octo-org", body);
        Assert.Contains("@\u200Docto-org", body);
        Assert.DoesNotContain("<img", body);
        Assert.DoesNotContain("<b>", body);
        Assert.StartsWith("<!-- security-gate:SecurityGate -->\n", body);
    }

    [Fact]
    public void LongReports_StayUnderTheCommentLimit_WithAndNMore()
    {
        var findings = Enumerable.Range(0, 3000).Select(i => Sample.Finding(i, message: new string('x', 100))).ToArray();
        var body = PullRequestComment.Render(Sample.Of(findings), View, null);
        Assert.True(body.Length < GitHubLimits.CommentBodyMaxChars, body.Length.ToString());
        Assert.Matches(@"…and \d+ more", body);
        var state = PullRequestComment.ParseState(body)!;
        Assert.Equal(PullRequestComment.MaxStoredFingerprints, state.Fingerprints.Count);
        Assert.False(state.Complete);
    }
}

public sealed class ActionMetadataTests
{
    /// <summary>A declared input that the code reads under another name silently keeps its default: keep both lists equal.</summary>
    [Fact]
    public void ActionYml_DeclaresExactlyTheInputsTheActionReads()
    {
        var root = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..");
        var lines = File.ReadAllLines(Path.Combine(root, "action.yml"));
        var start = Array.IndexOf(lines, "inputs:");
        var end = Array.IndexOf(lines, "outputs:");
        var declared = lines[(start + 1)..end]
            .Where(l => System.Text.RegularExpressions.Regex.IsMatch(l, "^  [a-z-]+:$"))
            .Select(l => l.Trim().TrimEnd(':'))
            .Order().ToList();
        Assert.Equal(ActionHarness.InputIds.Order().ToList(), declared);
        var source = string.Join('\n', Directory.GetFiles(Path.Combine(root, "action", "SecurityGate.Action"), "*.cs").Select(File.ReadAllText));
        Assert.All(declared, id => Assert.Contains($"\"{id}\"", source));
    }

    /// <summary>Every input has a row in README's input table (by its id in backticks), so users can find it.</summary>
    [Fact]
    public void Readme_DocumentsEveryInput()
    {
        var root = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..");
        var readme = File.ReadAllLines(Path.Combine(root, "README.md"));
        var table = readme.SkipWhile(l => !l.StartsWith("| Input |", StringComparison.Ordinal)).TakeWhile(l => l.StartsWith('|')).ToList();
        Assert.NotEmpty(table);
        Assert.All(ActionHarness.InputIds, id => Assert.Contains(table, row => row.Contains($"`{id}`", StringComparison.Ordinal)));
    }
}
