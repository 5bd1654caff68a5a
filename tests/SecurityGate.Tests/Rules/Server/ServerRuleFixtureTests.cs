using SecurityGate.Findings;
using SecurityGate.Gate;
using SecurityGate.Rules.Server;
using SecurityGate.Sources.CloudInit;
using SecurityGate.Sources.Sudoers;
using SecurityGate.Tests.TestSupport;

namespace SecurityGate.Tests.Rules.Server;

/// <summary>The SRV rules over Fixtures/SRVnnn/{bad,good}_* through the sudoers and cloud-init analyzers (see <see cref="RuleFixtures"/>).</summary>
public sealed class ServerRuleFixtureTests : RuleFixtureTests<ServerRuleFixtureTests>, IRuleFixtureFamily
{
    public static string Family => "Server";
    public static IReadOnlyList<IAnalyzer> Analyzers { get; } = ServerAnalyzers.Create();

    [Fact]
    public void Every_rule_has_a_bad_and_a_good_fixture_and_survives_empty_models()
    {
        RuleFixtures.AssertEveryRuleHasFixtures(Family, ServerRules.All);
        Assert.All(ServerRules.All, rule => Assert.Equal(RuleCategory.Server, rule.Descriptor.Category));
        Assert.All(ServerRules.Sudoers, rule => Assert.Empty(rule.Evaluate(SudoersFile.Empty())));
        Assert.All(ServerRules.CloudInit, rule => Assert.Empty(rule.Evaluate(CloudInitModel.Empty())));
    }
}
