using SecurityGate.Configuration;

namespace SecurityGate.Tests.Configuration;

/// <summary>The live probe's keys: min-grade (validated A+ … F) and allow-redirect-hosts (bare host names).</summary>
public class LiveProbeConfigurationTests
{
    private static readonly IReadOnlySet<string> RuleIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    private static GateOptions FromYaml(string text) =>
        GateOptionsBinder.Bind([YamlConfigLayer.Parse("cfg.yml", text, "/repo", RuleIds)], "/repo");

    [Fact]
    public void MinGradeAndRedirectHosts_AreReadFromYaml()
    {
        var options = FromYaml("min-grade: b+\nallow-redirect-hosts:\n  - Login.Example.com\n  - sso.example.net\n");
        Assert.Equal("B+", options.MinGrade);
        Assert.Equal<string>(["login.example.com", "sso.example.net"], options.AllowedRedirectHosts);
    }

    [Fact]
    public void NoMinGrade_ByDefault() => Assert.Null(GateOptionsBinder.Bind([], "/repo").MinGrade);

    [Theory]
    [InlineData("A++")]
    [InlineData("E")]
    [InlineData("90")]
    public void InvalidMinGrade_IsRejectedWithTheValidGrades(string grade)
    {
        var error = Assert.Throws<ConfigurationException>(() => FromYaml($"min-grade: \"{grade}\"\n"));
        Assert.Contains("cfg.yml:1", error.Message);
        Assert.Contains("A+, A, A-, B+, B, B-, C+, C, C-, D+, D, D-, F", error.Message);
    }

    [Theory]
    [InlineData("https://login.example.com")]
    [InlineData("login.example.com/path")]
    public void RedirectHostWithSchemeOrPath_IsRejected(string host)
    {
        var error = Assert.Throws<ConfigurationException>(() => FromYaml($"allow-redirect-hosts: [\"{host}\"]\n"));
        Assert.Contains("bare host names", error.Message);
    }

    [Fact]
    public void MinGrade_FromTheEnvironment()
    {
        var layer = EnvironmentConfigLayer.From(new Dictionary<string, string> { ["SECURITY_GATE__MIN_GRADE"] = "a-" }, RuleIds, "/work");
        Assert.Equal("A-", GateOptionsBinder.Bind([layer], "/repo").MinGrade);
    }
}
