using System.Text.Json;

namespace SecurityGate.Cli.Tests;

public class RulesCommandTests
{
    [Fact]
    public async Task Json_ListsEveryRuleOnce_WithItsMetadata()
    {
        var run = await CliRun.Start(".", null, "rules", "--format", "json");
        Assert.Equal(0, run.ExitCode);
        var rules = JsonDocument.Parse(run.Out).RootElement.EnumerateArray().ToList();
        var ids = rules.Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Equal(ids.Distinct().Count(), ids.Count);
        Assert.Contains("SG003", ids);
        Assert.All(rules, r => Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("help").GetString())));
    }

    [Fact]
    public async Task Markdown_IsTheDefault()
    {
        var run = await CliRun.Start(".", null, "rules");
        Assert.StartsWith("| Id | Title | Default severity | Category | References | Help |", run.Out);
    }

    [Fact]
    public async Task UnknownFormat_ExitsWith2()
    {
        var run = await CliRun.Start(".", null, "rules", "--format", "yaml");
        Assert.Equal(2, run.ExitCode);
    }
}
