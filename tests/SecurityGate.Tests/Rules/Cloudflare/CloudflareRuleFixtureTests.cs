using SecurityGate.Findings;
using SecurityGate.Rules.Cloudflare;
using SecurityGate.Sources.Terraform;
using SecurityGate.Tests.TestSupport;

namespace SecurityGate.Tests.Rules.Cloudflare;

/// <summary>
/// Runs the CF rules over Fixtures/CFnnn/{bad,good}_* (single .tf files or module folders with .tfvars); see
/// <see cref="TerraformFixtures"/> for the <c># expect:</c> convention.
/// </summary>
public sealed class CloudflareRuleFixtureTests
{
    private static readonly string FixtureRoot = Path.Combine(AppContext.BaseDirectory, "Rules", "Cloudflare", "Fixtures");

    public static TheoryData<string, string> BadFixtures() => TerraformFixtures.Entries(FixtureRoot, "bad_");
    public static TheoryData<string, string> GoodFixtures() => TerraformFixtures.Entries(FixtureRoot, "good_");

    [Theory]
    [MemberData(nameof(BadFixtures))]
    public void Bad_fixture_produces_exactly_the_expected_findings(string ruleId, string entry) =>
        TerraformFixtures.AssertBadFixture(FixtureRoot, ruleId, entry, CloudflareRules.All);

    [Theory]
    [MemberData(nameof(GoodFixtures))]
    public void Good_fixture_produces_nothing_from_its_rule(string ruleId, string entry) =>
        TerraformFixtures.AssertGoodFixture(FixtureRoot, ruleId, entry, CloudflareRules.All);

    [Fact]
    public void Every_rule_has_a_bad_and_a_good_fixture_and_survives_an_empty_module()
    {
        TerraformFixtures.AssertEveryRuleHasFixtures(FixtureRoot, CloudflareRules.All);
        Assert.All(CloudflareRules.All, r => Assert.Equal(RuleCategory.Cloudflare, r.Descriptor.Category));
    }
}
