using SecurityGate.Sources.Live.Observatory;

namespace SecurityGate.Tests.Sources.Live.Observatory;

public sealed class ObservatoryScoringTests
{
    [Theory]
    [InlineData(145, "A+")]
    [InlineData(100, "A+")]
    [InlineData(99, "A")]
    [InlineData(90, "A")]
    [InlineData(89, "A-")]
    [InlineData(85, "A-")]
    [InlineData(84, "B+")]
    [InlineData(80, "B+")]
    [InlineData(79, "B")]
    [InlineData(70, "B")]
    [InlineData(69, "B-")]
    [InlineData(65, "B-")]
    [InlineData(64, "C+")]
    [InlineData(60, "C+")]
    [InlineData(59, "C")]
    [InlineData(50, "C")]
    [InlineData(49, "C-")]
    [InlineData(45, "C-")]
    [InlineData(44, "D+")]
    [InlineData(40, "D+")]
    [InlineData(39, "D")]
    [InlineData(30, "D")]
    [InlineData(29, "D-")]
    [InlineData(25, "D-")]
    [InlineData(24, "F")]
    [InlineData(0, "F")]
    public void GradeFor_FollowsTheGradeChart(int score, string grade) =>
        Assert.Equal(grade, ObservatoryScoring.GradeFor(score));

    [Theory]
    [InlineData(new[] { -5, -5, 10, 5 }, 105)] // penalties leave 90: bonuses count
    [InlineData(new[] { -5, -10, 10, 5 }, 85)] // penalties leave 85: bonuses ignored
    [InlineData(new[] { -60, 25 }, 40)]
    [InlineData(new[] { -50, -50, -40 }, 0)] // never below 0
    [InlineData(new[] { 10, 5, 5, 5, 5, 10 }, 140)] // never capped
    public void FinalScore_CountsBonusesOnlyFrom90Up(int[] modifiers, int expected) =>
        Assert.Equal(expected, ObservatoryScoring.FinalScore(modifiers));

    [Fact]
    public void Modifiers_CoverEveryResultName()
    {
        var names = typeof(ObservatoryResults).GetFields().Select(f => (string)f.GetValue(null)!).ToList();

        Assert.Equal(66, names.Count);
        Assert.All(names, n => Assert.True(ObservatoryScoring.Modifiers.ContainsKey(n), n));
        Assert.Equal(names.Count, ObservatoryScoring.Modifiers.Count);
    }
}
