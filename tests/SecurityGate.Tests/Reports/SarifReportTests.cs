using NJsonSchema;
using SecurityGate.Reports;
using SecurityGate.Tests.TestSupport;

namespace SecurityGate.Tests.Reports;

public class SarifReportTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "Reports", "Schemas", "sarif-2.1.0.json")).GetAwaiter().GetResult());

    [Fact]
    public void MixedResult_MatchesGolden() =>
        Golden.AssertMatches(SarifReport.Render(SampleResults.Mixed()), "report.sarif");

    [Fact]
    public void MixedResult_ValidatesAgainstTheSarif210Schema()
    {
        var errors = Schema.Value.Validate(SarifReport.Render(SampleResults.Mixed()));
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
    }

    [Fact]
    public void CleanResult_ValidatesAgainstTheSarif210Schema() =>
        Assert.Empty(Schema.Value.Validate(SarifReport.Render(SampleResults.Clean())));

    [Fact]
    public void TheSchemaValidator_RejectsABrokenDocument()
    {
        // Proves the validation above can fail: a result whose level is not a SARIF level.
        var broken = SarifReport.Render(SampleResults.Mixed()).Replace("\"level\": \"warning\"", "\"level\": \"severe\"");
        Assert.NotEmpty(Schema.Value.Validate(broken));
    }
}
