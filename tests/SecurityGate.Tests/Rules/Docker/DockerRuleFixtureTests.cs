using SecurityGate.Findings;
using SecurityGate.Gate;
using SecurityGate.Rules.Docker;
using SecurityGate.Sources.Docker;
using SecurityGate.Tests.TestSupport;

namespace SecurityGate.Tests.Rules.Docker;

/// <summary>The DOC rules over Fixtures/DOCnnn/{bad,good}_* through the container analyzers (see <see cref="RuleFixtures"/>).</summary>
public sealed class DockerRuleFixtureTests : RuleFixtureTests<DockerRuleFixtureTests>, IRuleFixtureFamily
{
    public static string Family => "Docker";
    public static IReadOnlyList<IAnalyzer> Analyzers { get; } = DockerAnalyzers.Create();

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
