using System.Collections.Immutable;
using SecurityGate.Configuration;
using SecurityGate.Findings;
using SecurityGate.Gate;
using SecurityGate.Rules;
using SecurityGate.Sources.Discovery;

namespace SecurityGate.Tests.Gate;

/// <summary>The gate end to end over an in-memory repository with a small line-matching rule.</summary>
public class GateRunnerTests
{
    /// <summary>A test rule: flags every line containing "DEBUG = True".</summary>
    private sealed class DebugLineRule : IRule<(string Path, string Text)>
    {
        public static RuleDescriptor Rule { get; } = RuleDescriptor.Create("TS001", "Debug line", RuleCategory.Django,
            Severity.Error, "Test rule.", new Dictionary<string, string> { ["django"] = "security.W018" });

        public RuleDescriptor Descriptor => Rule;

        public IEnumerable<Finding> Evaluate((string Path, string Text) file) =>
            file.Text.Split('\n').Select((line, i) => (line, i))
                .Where(p => p.line.Contains("DEBUG = True"))
                .Select(p => Rule.CreateFinding("DEBUG is True.", SourceLocation.At(file.Path, p.i + 1, 1, 13), "django:test"));
    }

    private sealed class ThrowingRule : IRule<(string Path, string Text)>
    {
        public RuleDescriptor Descriptor { get; } = RuleDescriptor.Create("TS002", "Throws", RuleCategory.Django, Severity.Note, "Test.");
        public IEnumerable<Finding> Evaluate((string Path, string Text) model) => throw new InvalidOperationException("boom");
    }

    private static GateRunner Runner(params IRule<(string, string)>[] rules) => new(
    [
        new ModelAnalyzer<(string Path, string Text)>("test",
            context => new SourceOutput<(string Path, string Text)>(
                [.. context.Files.Paths.Where(p => p.EndsWith(".py")).Select(p => (p, context.Files.Read(p).Text))], []),
            rules.Length == 0 ? [new DebugLineRule()] : rules),
    ]);

    private static Task<GateResult> Run(InMemoryRepositoryFiles files, GateOptions? options = null, GateRunner? runner = null) =>
        (runner ?? Runner()).RunAsync(options ?? new GateOptions { RepositoryPath = "/repo", Today = new DateOnly(2026, 11, 24) },
            files, [], null, CancellationToken.None);

    [Fact]
    public async Task AFindingAtOrAboveFailOn_Blocks_AndFailsTheVerdict()
    {
        var result = await Run(new InMemoryRepositoryFiles().Add("app/settings.py", "X = 1\nDEBUG = True\n"));
        var finding = Assert.Single(result.Findings);
        Assert.Equal(("TS001", "app/settings.py", 2), (finding.RuleId, finding.Location!.Path, finding.Location.Line));
        Assert.True(finding.Blocking);
        Assert.Equal(Verdict.Fail, result.Verdict);
        Assert.Equal(ExitCodes.Blocked, result.ExitCode);
        Assert.Equal(1, result.Stats.FilesScanned);
    }

    [Theory]
    [InlineData(FailOn.Never, false)]
    [InlineData(FailOn.Error, true)]
    [InlineData(FailOn.Note, true)]
    public async Task FailOn_DecidesWhatBlocks(FailOn failOn, bool blocks)
    {
        var result = await Run(new InMemoryRepositoryFiles().Add("s.py", "DEBUG = True\n"),
            new GateOptions { RepositoryPath = "/repo", FailOn = failOn });
        Assert.Equal(blocks, Assert.Single(result.Findings).Blocking);
    }

    [Fact]
    public async Task ConfiguredSeverity_ReLevelsAFinding_AndOffDropsIt()
    {
        var files = new InMemoryRepositoryFiles().Add("s.py", "DEBUG = True\n");
        var relevelled = await Run(files, new GateOptions
        {
            RepositoryPath = "/repo",
            RuleSeverities = ImmutableDictionary<string, RuleSeverityOverride>.Empty.Add("TS001", new(Severity.Warning)),
        });
        Assert.Equal((Severity.Warning, false), (relevelled.Findings[0].Severity, relevelled.Findings[0].Blocking));

        var dropped = await Run(files, new GateOptions
        {
            RepositoryPath = "/repo",
            RuleSeverities = ImmutableDictionary<string, RuleSeverityOverride>.Empty.Add("TS001", new(null)),
        });
        Assert.Empty(dropped.Findings);
        Assert.Equal(Verdict.Pass, dropped.Verdict);
    }

    [Fact]
    public async Task SuppressionOnTheLineAbove_SilencesButKeepsTheFinding()
    {
        var result = await Run(new InMemoryRepositoryFiles().Add("s.py",
            "# security-gate: ignore[TS001] staging image only\nDEBUG = True\n"));
        var finding = Assert.Single(result.Findings);
        Assert.Equal("staging image only", finding.Suppression!.Reason);
        Assert.False(finding.Blocking);
        Assert.Equal(Verdict.Pass, result.Verdict);
    }

    [Fact]
    public async Task SuppressionOnTheSameLine_Silences()
    {
        var result = await Run(new InMemoryRepositoryFiles().Add("s.py", "DEBUG = True  # security-gate: ignore[TS001] demo app\n"));
        Assert.NotNull(Assert.Single(result.Findings).Suppression);
    }

    [Fact]
    public async Task SuppressionTwoLinesAbove_DoesNotApply()
    {
        var result = await Run(new InMemoryRepositoryFiles().Add("s.py", "# security-gate: ignore[TS001] why\n\nDEBUG = True\n"));
        Assert.Null(Assert.Single(result.Findings).Suppression);
    }

    [Fact]
    public async Task SuppressionWithoutReason_SilencesNothing_AndIsAWarning()
    {
        var result = await Run(new InMemoryRepositoryFiles().Add("s.py", "DEBUG = True  # security-gate: ignore[TS001]\n"));
        Assert.Equal(["SG003", "TS001"], result.Findings.Select(f => f.RuleId).Order());
        Assert.True(result.Findings.Single(f => f.RuleId == "TS001").Blocking);
        var invalid = result.Findings.Single(f => f.RuleId == "SG003");
        Assert.Equal((Severity.Warning, 1), (invalid.Severity, invalid.Location!.Line));
        Assert.Contains("a reason is required", invalid.Message);
    }

    [Fact]
    public async Task ExpiredSuppression_SilencesNothing_AndIsReported()
    {
        var result = await Run(new InMemoryRepositoryFiles().Add("s.py",
            "# security-gate: ignore[TS001] temporary until=2026-11-23\nDEBUG = True\n"));
        var debug = result.Findings.Single(f => f.RuleId == "TS001");
        Assert.Null(debug.Suppression);
        Assert.True(debug.Blocking);
        var expired = result.Findings.Single(f => f.RuleId == "SG004");
        Assert.Equal(1, expired.Location!.Line);
        Assert.Contains("expired on 2026-11-23", expired.Message);
    }

    [Fact]
    public async Task SuppressionExpiringToday_StillSilences()
    {
        var result = await Run(new InMemoryRepositoryFiles().Add("s.py",
            "# security-gate: ignore[TS001] temporary until=2026-11-24\nDEBUG = True\n"));
        Assert.Equal(new DateOnly(2026, 11, 24), Assert.Single(result.Findings).Suppression!.Until);
    }

    [Fact]
    public async Task SuppressionOfAnUnknownRule_IsReported()
    {
        var result = await Run(new InMemoryRepositoryFiles().Add("s.py", "# security-gate: ignore[ZZ999] typo\nX = 1\n"));
        var finding = Assert.Single(result.Findings);
        Assert.Equal("SG003", finding.RuleId);
        Assert.Contains("unknown rule ZZ999", finding.Message);
    }

    [Fact]
    public async Task ARuleThatThrows_BecomesABlockingInternalError_NotACrash()
    {
        var result = await Run(new InMemoryRepositoryFiles().Add("s.py", "X = 1\n"), runner: Runner(new ThrowingRule()));
        var finding = Assert.Single(result.Findings);
        Assert.Equal("SG000", finding.RuleId);
        Assert.Contains("rule TS002 failed: InvalidOperationException: boom", finding.Message);
        Assert.True(finding.Blocking);
    }

    [Fact]
    public async Task Fingerprints_SurviveUnrelatedLinesMoving_AndDifferForRepeats()
    {
        var before = await Run(new InMemoryRepositoryFiles().Add("s.py", "DEBUG = True\nDEBUG = True\n"));
        var after = await Run(new InMemoryRepositoryFiles().Add("s.py", "# a comment\nX = 1\nDEBUG = True\nDEBUG = True\n"));
        Assert.Equal(before.Findings.Select(f => f.Fingerprint), after.Findings.Select(f => f.Fingerprint));
        Assert.NotEqual(before.Findings[0].Fingerprint, before.Findings[1].Fingerprint);
        Assert.Matches("^[0-9a-f]{32}$", before.Findings[0].Fingerprint);
    }

    [Fact]
    public async Task FindingsAreOrderedByFileThenLine()
    {
        var result = await Run(new InMemoryRepositoryFiles()
            .Add("b.py", "DEBUG = True\n")
            .Add("a.py", "X = 1\nDEBUG = True\nDEBUG = True\n"));
        Assert.Equal(["a.py:2", "a.py:3", "b.py:1"], result.Findings.Select(f => $"{f.Location!.Path}:{f.Location.Line}"));
    }
}
