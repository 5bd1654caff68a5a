using SecurityGate.Configuration;

namespace SecurityGate.Tests.Configuration;

public class YamlConfigLayerTests
{
    private static readonly IReadOnlySet<string> RuleIds = new HashSet<string>(["DJ001", "SG003"], StringComparer.OrdinalIgnoreCase);

    private static ConfigLayer Parse(string yaml) => YamlConfigLayer.Parse(".security-gate.yml", yaml, "/repo", RuleIds);

    private static string ErrorOf(string yaml) => Assert.Throws<ConfigurationException>(() => Parse(yaml)).Message;

    [Fact]
    public void EverySupportedKey_IsReadWithItsLine()
    {
        var layer = Parse("""
            fail-on: warning
            paths:
              include: ["app/**"]
              exclude:
                - legacy/**
                - "*.bak"
            rules:
              DJ001:
                severity: off
            django:
              settings-module: app.settings.production
              version: "4.2"
            urls:
              - https://staging.example.com/
            env-file: deploy/production.env
            timeout: 12.5
            """);

        Assert.Equal("warning", layer.Entries["fail-on"].Value);
        Assert.Equal(".security-gate.yml:1", layer.Entries["fail-on"].Origin);
        Assert.Equal("app/**", layer.Entries["paths:include"].Value);
        Assert.Equal("legacy/**\n*.bak", layer.Entries["paths:exclude"].Value);
        Assert.Equal("off", layer.Entries["rules:DJ001:severity"].Value);
        Assert.Equal(".security-gate.yml:9", layer.Entries["rules:DJ001:severity"].Origin);
        Assert.Equal("app.settings.production", layer.Entries["django:settings-module"].Value);
        Assert.Equal("4.2", layer.Entries["django:version"].Value);
        Assert.Equal("https://staging.example.com/", layer.Entries["urls"].Value);
        Assert.Equal("/repo/deploy/production.env", layer.Entries["env-file"].Value);
        Assert.Equal("12.5", layer.Entries["timeout"].Value);
    }

    [Fact]
    public void EmptyFile_IsAnEmptyLayer() => Assert.Empty(Parse("# nothing yet\n").Entries);

    [Fact]
    public void UnknownTopLevelKey_NamesLineAndValidKeys()
    {
        var message = ErrorOf("fail-on: error\nfail_on: warning\n");
        Assert.StartsWith(".security-gate.yml:2: unknown key 'fail_on'; valid keys: fail-on, paths, rules, django, urls, env-file, timeout", message);
    }

    [Fact]
    public void UnknownNestedKey_NamesSectionAndChoices()
    {
        var message = ErrorOf("django:\n  settings_module: app.settings\n");
        Assert.Equal(".security-gate.yml:2: unknown key 'django.settings_module'; valid keys under 'django': settings-module, version.", message);
    }

    [Fact]
    public void BadFailOnValue_NamesLineAndValidValues()
    {
        var message = ErrorOf("\n\nfail-on: critical\n");
        Assert.Equal(".security-gate.yml:3: invalid value 'critical' for 'fail-on'; valid values: error, warning, note, never.", message);
    }

    [Fact]
    public void WrongType_ListWhereValueExpected_IsReported()
    {
        var message = ErrorOf("fail-on:\n  - error\n");
        Assert.Equal(".security-gate.yml:2: 'fail-on' must be a single value, got a list.", message);
    }

    [Fact]
    public void WrongType_MappingWhereListExpected_IsReported()
    {
        var message = ErrorOf("urls:\n  staging: https://x.example/\n");
        Assert.Equal(".security-gate.yml:2: 'urls' must be a list of strings, got a mapping.", message);
    }

    [Fact]
    public void UnknownRuleId_IsReportedWithLine()
    {
        var message = ErrorOf("rules:\n  DJ999:\n    severity: off\n");
        Assert.StartsWith(".security-gate.yml:3: unknown rule 'DJ999' under 'rules'", message);
    }

    [Fact]
    public void BadRuleSeverity_ListsChoices()
    {
        var message = ErrorOf("rules:\n  DJ001:\n    severity: critical\n");
        Assert.Equal(".security-gate.yml:3: invalid value 'critical' for 'rules.DJ001.severity'; valid values: error, warning, note, off.", message);
    }

    [Fact]
    public void BadUrl_IsReported()
    {
        var message = ErrorOf("urls: [\"ftp://example.com\"]\n");
        Assert.Equal(".security-gate.yml:1: 'urls' must be an absolute http:// or https:// URL, got 'ftp://example.com'.", message);
    }

    [Fact]
    public void BadDjangoVersion_IsReported()
    {
        var message = ErrorOf("django:\n  version: four\n");
        Assert.Equal(".security-gate.yml:2: 'django.version' must be a Django version X.Y such as 4.2, got 'four'.", message);
    }

    [Fact]
    public void InvalidYaml_NamesTheLine()
    {
        var message = ErrorOf("fail-on: error\npaths:\n  include: [a, b\n");
        Assert.StartsWith(".security-gate.yml:", message);
        Assert.Contains("invalid YAML", message);
    }

    [Fact]
    public void DuplicateKey_IsAnError()
    {
        var message = ErrorOf("fail-on: error\nfail-on: note\n");
        Assert.StartsWith(".security-gate.yml:2: invalid YAML", message);
    }

    [Fact]
    public void RootMustBeAMapping()
    {
        var message = ErrorOf("- fail-on\n");
        Assert.Equal(".security-gate.yml:1: the configuration must be a mapping of keys such as 'fail-on: error'.", message);
    }
}
