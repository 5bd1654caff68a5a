using System.Text.Json;
using SecurityGate.Reports;
using SecurityGate.Tests.TestSupport;

namespace SecurityGate.Tests.Reports;

public class JsonReportTests
{
    [Fact]
    public void MixedResult_MatchesTheGoldenContract() =>
        Golden.AssertMatches(JsonReport.Render(SampleResults.Mixed()), "report.json");

    [Fact]
    public void CleanResult_MatchesTheGoldenContract() =>
        Golden.AssertMatches(JsonReport.Render(SampleResults.Clean()), "report-clean.json");

    [Fact]
    public void TopLevelShape_IsExactlyTheDocumentedOne()
    {
        using var document = JsonDocument.Parse(JsonReport.Render(SampleResults.Mixed()));
        Assert.Equal(["version", "tool", "verdict", "failOn", "findings", "sites", "django", "stats"],
            document.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["ruleId", "title", "severity", "blocking", "message", "location", "target", "refs", "fingerprint", "suppressed"],
            document.RootElement.GetProperty("findings")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal("fail", document.RootElement.GetProperty("verdict").GetString());
        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("findings")[3].GetProperty("location").ValueKind);
    }
}
