using SecurityGate.Findings;
using SecurityGate.Gate;
using SecurityGate.Rules.Docker;
using SecurityGate.Sources.Docker;
using SecurityGate.Tests.TestSupport;

namespace SecurityGate.Tests.Rules.Docker;

/// <summary>The DOC rules over Fixtures/DOCnnn/{bad,good}_* through the container analyzers (see <see cref="RuleFixtures"/>).</summary>
public sealed class DockerRuleFixtureTests
{
    private const string Family = "Docker";
    private static readonly IReadOnlyList<IAnalyzer> Analyzers = DockerAnalyzers.Create();

    public static TheoryData<string, string> BadFixtures() => RuleFixtures.Files(Family, "bad_");
    public static TheoryData<string, string> GoodFixtures() => RuleFixtures.Files(Family, "good_");

    [Theory]
    [MemberData(nameof(BadFixtures))]
    public void Bad_fixture_produces_exactly_the_expected_findings(string ruleId, string file) =>
        RuleFixtures.AssertBad(Family, Analyzers, ruleId, file);

    [Theory]
    [MemberData(nameof(GoodFixtures))]
    public void Good_fixture_produces_nothing_from_its_rule(string ruleId, string file) =>
        RuleFixtures.AssertGood(Family, Analyzers, ruleId, file);

    [Fact]
    public void Every_rule_has_a_bad_and_a_good_fixture_and_survives_empty_models()
    {
        RuleFixtures.AssertEveryRuleHasFixtures(Family, DockerRules.All);
        Assert.All(DockerRules.All, rule => Assert.Equal(RuleCategory.Container, rule.Descriptor.Category));
        Assert.All(DockerRules.Dockerfile, rule => Assert.Empty(rule.Evaluate(DockerfileModel.Empty())));
        Assert.All(DockerRules.Environment, rule => Assert.Empty(rule.Evaluate(EnvironmentModel.Empty())));
        Assert.All(DockerRules.Compose, rule => Assert.Empty(rule.Evaluate(ComposeModel.Empty())));
    }
}
