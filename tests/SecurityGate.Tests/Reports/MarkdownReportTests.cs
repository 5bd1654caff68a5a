using SecurityGate.Reports;
using SecurityGate.Tests.TestSupport;

namespace SecurityGate.Tests.Reports;

public class MarkdownReportTests
{
    [Fact]
    public void MixedResult_MatchesGolden() =>
        Golden.AssertMatches(MarkdownReport.Render(SampleResults.Mixed()), "report.md");

    [Fact]
    public void CleanResult_SaysSoInOneLine() =>
        Assert.StartsWith("### ✅ SecurityGate: no blocking findings\n", MarkdownReport.Render(SampleResults.Clean()));

    [Fact]
    public void HostileText_CannotPingInjectHtmlOrBreakTheTable()
    {
        var markdown = MarkdownReport.Render(SampleResults.Mixed());
        Assert.DoesNotContain("@octocat", markdown);
        Assert.Contains("@\u200Doctocat", markdown);
        Assert.DoesNotContain("<b>", markdown);
        Assert.Contains("&lt;b&gt;", markdown);
        Assert.DoesNotContain("[link](http://evil)", markdown);
        var hostileRow = markdown.Split('\n').Single(l => l.Contains("DJ004"));
        Assert.Equal(5, hostileRow.Count(c => c == '|') - hostileRow.Split("\\|").Length + 1);
    }

    [Fact]
    public void LongResults_AreTruncatedWithACount()
    {
        var markdown = MarkdownReport.Render(SampleResults.Mixed(), new MarkdownOptions { MaxLength = 700 });
        Assert.Contains("…and ", markdown);
        Assert.True(markdown.Length < 1000);
    }

    [Fact]
    public void LinksUseTheGivenBuilder()
    {
        var markdown = MarkdownReport.Render(SampleResults.Mixed(),
            new MarkdownOptions { Link = l => $"https://github.com/o/r/blob/abc/{l.Path}#L{l.Line}" });
        Assert.Contains("(https://github.com/o/r/blob/abc/app/settings/base.py#L12)", markdown);
    }

    [Theory]
    [InlineData("a`b", "``a`b``")]
    [InlineData("``x", "``` ``x ```")]
    [InlineData("a|b", "`a\\|b`")]
    public void CodeSpans_CannotBeBrokenOutOf(string text, string expected) =>
        Assert.Equal(expected, MarkdownText.Code(text));
}
