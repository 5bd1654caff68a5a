using SecurityGate.Findings;
using SecurityGate.Gate;
using SecurityGate.Rules.Server;
using SecurityGate.Sources.CloudInit;
using SecurityGate.Sources.Sudoers;
using SecurityGate.Tests.TestSupport;

namespace SecurityGate.Tests.Rules.Server;

/// <summary>The SRV rules over Fixtures/SRVnnn/{bad,good}_* through the sudoers and cloud-init analyzers (see <see cref="RuleFixtures"/>).</summary>
public sealed class ServerRuleFixtureTests
{
    private const string Family = "Server";
    private static readonly IReadOnlyList<IAnalyzer> Analyzers = ServerAnalyzers.Create();

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
        RuleFixtures.AssertEveryRuleHasFixtures(Family, ServerRules.All);
        Assert.All(ServerRules.All, rule => Assert.Equal(RuleCategory.Server, rule.Descriptor.Category));
        Assert.All(ServerRules.Sudoers, rule => Assert.Empty(rule.Evaluate(SudoersFile.Empty())));
        Assert.All(ServerRules.CloudInit, rule => Assert.Empty(rule.Evaluate(CloudInitModel.Empty())));
    }
}
