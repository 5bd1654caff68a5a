using SecurityGate.Sources.Live;

namespace SecurityGate.Tests.Sources.Live;

public sealed class ContentSecurityPolicyParserTests
{
    [Fact]
    public void Parse_LowerCasesAndSortsSources()
    {
        var policy = ContentSecurityPolicyParser.Parse(["Default-Src 'SELF' https://B.example https://a.example"]);

        Assert.Equal<string>(["'self'", "https://a.example", "https://b.example"], policy.Get("default-src")!.Value);
    }

    [Fact]
    public void Parse_EmptySourceList_MeansNone() =>
        Assert.Equal<string>(["'none'"], ContentSecurityPolicyParser.Parse(["default-src 'self'; img-src"]).Get("img-src")!.Value);

    [Fact]
    public void Parse_DropsSourcesHiddenByAShorterPrefix() =>
        Assert.Equal<string>(["'self'", "https:"], ContentSecurityPolicyParser.Parse(["script-src 'self' https: https://a.example"]).Get("script-src")!.Value);

    [Theory]
    [InlineData("a")]
    [InlineData("default-src 'self'; default-src 'none'")]
    public void Parse_InvalidPolicy_Throws(string policy) =>
        Assert.Throws<ContentSecurityPolicyException>(() => ContentSecurityPolicyParser.Parse([policy]));

    [Fact]
    public void Parse_RepeatedReportUri_IsRecorded_NotInvalid()
    {
        var policy = ContentSecurityPolicyParser.Parse(["default-src 'none'; report-uri /a; report-uri /b"]);

        Assert.Equal<string>(["report-uri"], policy.DuplicateDirectives);
        Assert.Equal<string>(["/b"], policy.Get("report-uri")!.Value);
    }

    [Fact]
    public void Parse_SeveralPolicies_KeepsOnlySourcesAllowedByAll()
    {
        var policy = ContentSecurityPolicyParser.Parse(["default-src 'self'; script-src 'self' https://a.example", "script-src 'self'"]);

        Assert.Equal<string>(["'self'"], policy.Get("script-src")!.Value);
        Assert.Equal<string>(["'self'"], policy.Get("default-src")!.Value);
    }

    [Fact]
    public void ParseMeta_DropsHeaderOnlyDirectives() =>
        Assert.True(ContentSecurityPolicyParser.ParseMeta(["frame-ancestors 'none'; report-uri /r"]).IsEmpty);
}
