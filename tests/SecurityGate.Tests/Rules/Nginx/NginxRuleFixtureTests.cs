using SecurityGate.Findings;
using SecurityGate.Gate;
using SecurityGate.Rules.Nginx;
using SecurityGate.Sources.Nginx;
using SecurityGate.Tests.TestSupport;

namespace SecurityGate.Tests.Rules.Nginx;

/// <summary>The NGX rules over Fixtures/NGXnnn/{bad,good}_*.conf through the nginx analyzer (see <see cref="RuleFixtures"/>).</summary>
public sealed class NginxRuleFixtureTests : RuleFixtureTests<NginxRuleFixtureTests>, IRuleFixtureFamily
{
    public static string Family => "Nginx";
    public static IReadOnlyList<IAnalyzer> Analyzers { get; } = [NginxAnalyzer.Create()];

    [Fact]
    public void Every_rule_has_a_bad_and_a_good_fixture_and_survives_an_empty_config()
    {
        RuleFixtures.AssertEveryRuleHasFixtures(Family, NginxRules.All);
        Assert.All(NginxRules.All, rule =>
        {
            Assert.Equal(RuleCategory.Nginx, rule.Descriptor.Category);
            Assert.Empty(rule.Evaluate(NginxConfig.Empty()));
        });
    }
}
