using SecurityGate.Gate;

namespace SecurityGate.Tests.TestSupport;

/// <summary>A rule family whose fixtures run through <see cref="RuleFixtures"/>: its folder under Rules/ and its analyzers.</summary>
public interface IRuleFixtureFamily
{
    static abstract string Family { get; }
    static abstract IReadOnlyList<IAnalyzer> Analyzers { get; }
}

/// <summary>
/// The bad/good fixture theories every such family runs, written once: a family's test class derives from this with
/// itself as <typeparamref name="TFamily"/> and adds only its own checks (empty models, categories).
/// </summary>
public abstract class RuleFixtureTests<TFamily> where TFamily : IRuleFixtureFamily
{
    public static TheoryData<string, string> BadFixtures() => RuleFixtures.Files(TFamily.Family, "bad_");
    public static TheoryData<string, string> GoodFixtures() => RuleFixtures.Files(TFamily.Family, "good_");

    [Theory]
    [MemberData(nameof(BadFixtures))]
    public void Bad_fixture_produces_exactly_the_expected_findings(string ruleId, string file) =>
        RuleFixtures.AssertBad(TFamily.Family, TFamily.Analyzers, ruleId, file);

    [Theory]
    [MemberData(nameof(GoodFixtures))]
    public void Good_fixture_produces_nothing_from_its_rule(string ruleId, string file) =>
        RuleFixtures.AssertGood(TFamily.Family, TFamily.Analyzers, ruleId, file);
}
