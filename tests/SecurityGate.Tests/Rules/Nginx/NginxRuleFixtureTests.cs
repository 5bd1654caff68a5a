using SecurityGate.Findings;
using SecurityGate.Gate;
using SecurityGate.Rules.Nginx;
using SecurityGate.Sources.Nginx;
using SecurityGate.Tests.TestSupport;

namespace SecurityGate.Tests.Rules.Nginx;

/// <summary>The NGX rules over Fixtures/NGXnnn/{bad,good}_*.conf through the nginx analyzer (see <see cref="RuleFixtures"/>).</summary>
public sealed class NginxRuleFixtureTests
{
    private const string Family = "Nginx";
    private static readonly IAnalyzer[] Analyzers = [NginxAnalyzer.Create()];

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
