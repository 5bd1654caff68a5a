using SecurityGate.Configuration;
using SecurityGate.Findings;

namespace SecurityGate.Tests.Configuration;

/// <summary>Later layers win: defaults &lt; YAML &lt; SECURITY_GATE__ variables &lt; action inputs &lt; command line.</summary>
public class GateOptionsBinderTests
{
    private static readonly IReadOnlySet<string> RuleIds = new HashSet<string>(["DJ001", "SG003"], StringComparer.OrdinalIgnoreCase);

    private static ConfigLayer Yaml(string text) => YamlConfigLayer.Parse("cfg.yml", text, "/repo", RuleIds);

    private static ConfigLayer Env(params (string Name, string Value)[] variables) =>
        EnvironmentConfigLayer.From(variables.ToDictionary(v => v.Name, v => v.Value), RuleIds, "/work");

    private static ConfigLayer Layer(string name, params (string Key, string Value)[] entries)
    {
        var builder = new ConfigLayerBuilder(name, RuleIds);
        foreach (var (key, value) in entries)
            builder.Set(key, value, name);
        return builder.Build();
    }

    [Fact]
    public void NoLayers_GiveTheBuiltInDefaults()
    {
        var options = GateOptionsBinder.Bind([], "/repo");
        Assert.Equal(FailOn.Error, options.FailOn);
        Assert.Empty(options.Urls);
        Assert.Null(options.EnvFile);
        Assert.Equal(TimeSpan.FromSeconds(20), options.ProbeTimeout);
    }

    [Fact]
    public void YamlOverridesDefaults()
    {
        var options = GateOptionsBinder.Bind([Yaml("fail-on: note\n")], "/repo");
        Assert.Equal(FailOn.Note, options.FailOn);
    }

    [Fact]
    public void EnvironmentOverridesYaml()
    {
        var options = GateOptionsBinder.Bind([Yaml("fail-on: note\n"), Env(("SECURITY_GATE__FAIL_ON", "warning"))], "/repo");
        Assert.Equal(FailOn.Warning, options.FailOn);
    }

    [Fact]
    public void InputsOverrideEnvironment()
    {
        var options = GateOptionsBinder.Bind(
            [Yaml("fail-on: note\n"), Env(("SECURITY_GATE__FAIL_ON", "warning")), Layer("inputs", ("fail-on", "never"))], "/repo");
        Assert.Equal(FailOn.Never, options.FailOn);
    }

    [Fact]
    public void CommandLineOverridesEverything()
    {
        var options = GateOptionsBinder.Bind(
            [Yaml("fail-on: note\n"), Env(("SECURITY_GATE__FAIL_ON", "warning")), Layer("inputs", ("fail-on", "never")),
             Layer("command line", ("fail-on", "error"))], "/repo");
        Assert.Equal(FailOn.Error, options.FailOn);
    }

    [Fact]
    public void ALaterList_ReplacesAnEarlierListWhole()
    {
        var options = GateOptionsBinder.Bind(
            [Yaml("urls:\n  - https://a.example/\n  - https://b.example/\n"),
             Layer("command line", ("urls", "https://c.example/"))], "/repo");
        Assert.Equal(["https://c.example/"], options.Urls.Select(u => u.ToString()));
    }

    [Fact]
    public void RuleSeverities_BindPerRule_AndOffDropsTheRule()
    {
        var options = GateOptionsBinder.Bind(
            [Yaml("rules:\n  DJ001:\n    severity: off\n  SG003:\n    severity: error\n"),
             Env(("SECURITY_GATE__RULES__SG003__SEVERITY", "note"))], "/repo");
        Assert.True(options.RuleSeverities["DJ001"].Off);
        Assert.Equal(Severity.Note, options.RuleSeverities["SG003"].Severity);
    }

    [Fact]
    public void EnvironmentVariables_MapDoubleUnderscoreToSections_AndUnderscoreToDash()
    {
        var options = GateOptionsBinder.Bind(
            [Env(("SECURITY_GATE__DJANGO__SETTINGS_MODULE", "shop.settings.prod"), ("SECURITY_GATE__DJANGO__VERSION", "3.2"),
                 ("SECURITY_GATE__URLS", "https://a.example/, https://b.example/"), ("SECURITY_GATE__ENV_FILE", "prod.env"),
                 ("UNRELATED", "x"))], "/repo");
        Assert.Equal("shop.settings.prod", options.DjangoSettingsModule);
        Assert.Equal(new DjangoVersion(3, 2), options.DjangoVersion);
        Assert.Equal(2, options.Urls.Length);
        Assert.Equal("/work/prod.env", options.EnvFile);
    }

    [Fact]
    public void BadEnvironmentValue_NamesTheVariable()
    {
        var error = Assert.Throws<ConfigurationException>(() => Env(("SECURITY_GATE__FAIL_ON", "sometimes")));
        Assert.Equal("environment variable SECURITY_GATE__FAIL_ON: invalid value 'sometimes' for 'fail-on'; valid values: error, warning, note, never.",
            error.Message);
    }

    [Fact]
    public void UnknownEnvironmentKey_IsAnError()
    {
        var error = Assert.Throws<ConfigurationException>(() => Env(("SECURITY_GATE__FAILON", "error")));
        Assert.Equal("environment variable SECURITY_GATE__FAILON: unknown configuration key 'failon'.", error.Message);
    }
}
