using SecurityGate.Sources.Suppressions;

namespace SecurityGate.Tests.Sources.Suppressions;

public class SuppressionCommentParserTests
{
    [Fact]
    public void ValidSuppression_HasIdsReasonAndExpiry()
    {
        var comment = Assert.Single(SuppressionCommentParser.Parse(
            "DEBUG = True  # security-gate: ignore[DJ001, dj002] staging only until=2027-01-31\n", "app/settings.py"));
        Assert.True(comment.IsValid);
        Assert.Equal(["DJ001", "DJ002"], comment.RuleIds.ToArray());
        Assert.Equal("staging only", comment.Reason);
        Assert.Equal(new DateOnly(2027, 1, 31), comment.Until);
        Assert.Equal(1, comment.Location.Line);
        Assert.Equal(15, comment.Location.Column);
    }

    [Fact]
    public void SlashSlashComments_AreRecognised()
    {
        var comment = Assert.Single(SuppressionCommentParser.Parse("a\n// security-gate: ignore[NGX001] behind the LB\n", "x.conf"));
        Assert.Equal(2, comment.Location.Line);
        Assert.Equal("behind the LB", comment.Reason);
    }

    [Theory]
    [InlineData("# security-gate: ignore[DJ001]", "a reason is required")]
    [InlineData("# security-gate: ignore[DJ001]   until=2027-01-01", "a reason is required")]
    [InlineData("# security-gate: ignore[] because", "no rule id between the brackets")]
    [InlineData("# security-gate: ignore[debug] because", "'DEBUG' is not a rule id")]
    [InlineData("# security-gate: ignore[DJ001] because until=31/01/2027", "until= must be a date YYYY-MM-DD, got '31/01/2027'")]
    public void InvalidSuppressions_SayWhy(string line, string problem)
    {
        var comment = Assert.Single(SuppressionCommentParser.Parse(line, "s.py"));
        Assert.False(comment.IsValid);
        Assert.Equal(problem, comment.Problem);
    }

    [Fact]
    public void TextWithoutTheMarker_HasNoSuppressions() =>
        Assert.Empty(SuppressionCommentParser.Parse("# ignore[DJ001] nope\nx = 'security-gate'\n", "s.py"));
}
