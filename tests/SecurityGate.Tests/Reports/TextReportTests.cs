using SecurityGate.Reports;
using SecurityGate.Tests.TestSupport;

namespace SecurityGate.Tests.Reports;

public class TextReportTests
{
    [Fact]
    public void MixedResult_MatchesGolden_WithoutColour() =>
        Golden.AssertMatches(TextReport.Render(SampleResults.Mixed(), useColor: false), "report.txt");

    [Fact]
    public void Colour_IsOnlyAddedWhenAsked()
    {
        Assert.DoesNotContain("\u001b[", TextReport.Render(SampleResults.Mixed(), useColor: false));
        Assert.Contains("\u001b[31m", TextReport.Render(SampleResults.Mixed(), useColor: true));
    }

    [Fact]
    public void ControlCharactersFromTheRepository_CannotDriveTheTerminal() =>
        Assert.Equal("a?[31mred?b", TextReport.Sanitize("a\u001b[31mred\u0007b"));
}
