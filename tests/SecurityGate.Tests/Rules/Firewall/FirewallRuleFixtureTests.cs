using SecurityGate.Findings;
using SecurityGate.Gate;
using SecurityGate.Rules.Firewall;
using SecurityGate.Sources.Ufw;
using SecurityGate.Tests.TestSupport;

namespace SecurityGate.Tests.Rules.Firewall;

/// <summary>The FW rules over Fixtures/FWnnn/{bad,good}_* through the ufw analyzer (see <see cref="RuleFixtures"/>).</summary>
public sealed class FirewallRuleFixtureTests
{
    private const string Family = "Firewall";
    private static readonly IAnalyzer[] Analyzers = [FirewallAnalyzer.Create()];

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
