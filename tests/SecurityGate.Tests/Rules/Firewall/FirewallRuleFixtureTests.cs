using SecurityGate.Findings;
using SecurityGate.Gate;
using SecurityGate.Rules.Firewall;
using SecurityGate.Sources.Ufw;
using SecurityGate.Tests.TestSupport;

namespace SecurityGate.Tests.Rules.Firewall;

/// <summary>The FW rules over Fixtures/FWnnn/{bad,good}_* through the ufw analyzer (see <see cref="RuleFixtures"/>).</summary>
public sealed class FirewallRuleFixtureTests : RuleFixtureTests<FirewallRuleFixtureTests>, IRuleFixtureFamily
{
    public static string Family => "Firewall";
    public static IReadOnlyList<IAnalyzer> Analyzers { get; } = [FirewallAnalyzer.Create()];

    [Fact]
    public void Every_rule_has_a_bad_and_a_good_fixture_and_survives_an_empty_model()
    {
        RuleFixtures.AssertEveryRuleHasFixtures(Family, FirewallRules.All);
        Assert.All(FirewallRules.All, rule =>
        {
            Assert.Equal(RuleCategory.Firewall, rule.Descriptor.Category);
            Assert.Empty(rule.Evaluate(FirewallModel.Empty));
        });
    }
}
