using System.Text.RegularExpressions;
using SecurityGate.Findings;
using SecurityGate.Rules;
using SecurityGate.Rules.Sshd;
using SecurityGate.Sources.Discovery;
using SecurityGate.Sources.Sshd;

namespace SecurityGate.Tests.Rules.Sshd;

/// <summary>
/// Runs the SSH rules over Fixtures/SSHnnn/{bad,good}_*.conf. In a bad fixture, <c># expect: SSH001, SSH002</c>
/// names the findings on the next non-expect line, and <c># expect-default: SSH002</c> one on line 1 (where a
/// finding about a compiled-in default points). The exact set of (rule, line) pairs must come out, for the folder's
/// rule and every rule named in the file. A good fixture must produce nothing from its folder's rule.
/// </summary>
public sealed partial class SshdRuleFixtureTests
{
    private static readonly string FixtureRoot = Path.Combine(AppContext.BaseDirectory, "Rules", "Sshd", "Fixtures");

    [GeneratedRegex(@"^\s*#\s*expect(?<default>-default)?:\s*(?<ids>[A-Z0-9, ]+)$")]
    private static partial Regex ExpectPattern();

    public static TheoryData<string, string> BadFixtures() => Fixtures("bad_");
    public static TheoryData<string, string> GoodFixtures() => Fixtures("good_");

    [Theory]
    [MemberData(nameof(BadFixtures))]
    public void Bad_fixture_produces_exactly_the_expected_findings(string ruleId, string file)
    {
        var (text, mainPath) = ReadFixture(ruleId, file);
        var expected = ParseExpectations(text);
        Assert.Contains(expected, e => e.RuleId == ruleId);
        var scope = expected.Select(e => e.RuleId).Append(ruleId).ToHashSet();

        var model = SshdConfigModel.FromText(mainPath, text);
        var actual = SshdRules.All
            .Where(rule => scope.Contains(rule.Descriptor.Id))
            .SelectMany(rule => rule.Evaluate(model))
            .Select(f => (f.RuleId, f.Location!.Line))
            .ToHashSet();

        Assert.Equal(expected.OrderBy(e => e).ToList(), actual.OrderBy(e => e).ToList());
    }

    [Theory]
    [MemberData(nameof(GoodFixtures))]
    public void Good_fixture_produces_nothing_from_its_rule(string ruleId, string file)
    {
        var (text, mainPath) = ReadFixture(ruleId, file);
        var rule = SshdRules.All.Single(r => r.Descriptor.Id == ruleId);
        var findings = rule.Evaluate(SshdConfigModel.FromText(mainPath, text)).ToList();
        Assert.True(findings.Count == 0, string.Join("\n", findings.Select(f => $"{f.Location}: {f.Message}")));
    }

    [Fact]
    public void Every_rule_has_a_bad_and_a_good_fixture_and_survives_an_empty_model()
    {
        foreach (var rule in SshdRules.All)
        {
            var id = rule.Descriptor.Id;
            var folder = Path.Combine(FixtureRoot, id);
            Assert.True(Directory.Exists(folder), $"{id} has no fixture folder");
            Assert.Contains(Directory.GetFiles(folder), f => Path.GetFileName(f).StartsWith("bad_", StringComparison.Ordinal));
            Assert.Contains(Directory.GetFiles(folder), f => Path.GetFileName(f).StartsWith("good_", StringComparison.Ordinal));
            _ = rule.Evaluate(SshdConfigModel.Empty()).ToList();
        }
    }

    [Fact]
    public void Rule_ids_are_unique_and_refs_name_a_known_directive()
    {
        Assert.Equal(SshdRules.All.Count, SshdRules.All.Select(r => r.Descriptor.Id).Distinct().Count());
        foreach (var rule in SshdRules.All)
        {
            Assert.Equal(RuleCategory.Ssh, rule.Descriptor.Category);
            if (rule.Descriptor.References.TryGetValue("sshd", out var directive))
                Assert.NotNull(SshdKeywords.Find(directive));
        }
    }

    [Fact]
    public void Findings_target_the_main_config_and_carry_refs_only_from_effective_rules()
    {
        var model = SshdConfigModel.FromText("deploy/etc/ssh/sshd_config",
            "PermitRootLogin no\nPasswordAuthentication no\nMatch User deploy\n  PasswordAuthentication yes\n");
        var findings = SshdRules.All.SelectMany(r => r.Evaluate(model)).ToList();
        var matchFinding = Assert.Single(findings, f => f.RuleId == "SSH010");
        Assert.Equal("file:deploy/etc/ssh/sshd_config", matchFinding.Target);
        Assert.False(matchFinding.References.ContainsKey("sshd"));
        Assert.Contains("Match User deploy", matchFinding.Message);
        Assert.Contains("line 3", matchFinding.Message);
    }

    [Fact]
    public void A_connection_view_judges_what_that_connection_gets()
    {
        var text = "PasswordAuthentication no\nPermitRootLogin no\nMatch User deploy\n  PasswordAuthentication yes\n";
        var forDeploy = SshdConfigModel.FromText("sshd_config", text, SshdConnection.Parse("user=deploy,addr=10.0.0.1"));
        var finding = Assert.Single(new SSH001PasswordAuthentication().Evaluate(forDeploy));
        Assert.Equal(4, finding.Location!.Line);
        Assert.Equal("PasswordAuthentication", finding.References["sshd"]);
        Assert.Contains("user=deploy,addr=10.0.0.1", finding.Message);
        Assert.Empty(new SSH001PasswordAuthentication().Evaluate(SshdConfigModel.FromText("sshd_config", text)));
    }

    [Fact]
    public void Root_login_severity_depends_on_the_value()
    {
        Finding Judge(string text) => Assert.Single(new SSH002PermitRootLogin().Evaluate(SshdConfigModel.FromText("c/sshd_config", text)));
        Assert.Equal(Severity.Error, Judge("PermitRootLogin yes\n").Severity);
        Assert.Equal(Severity.Warning, Judge("PermitRootLogin forced-commands-only\n").Severity);
        var byDefault = Judge("# nothing\n");
        Assert.Equal(Severity.Warning, byDefault.Severity);
        Assert.Equal(new SourceLocation("c/sshd_config", 1, 1, 1, 1), byDefault.Location);
    }

    private static (string Text, string MainPath) ReadFixture(string ruleId, string file)
    {
        var text = File.ReadAllText(Path.Combine(FixtureRoot, ruleId, file));
        var mainPath = SshdTemplate.IsTemplatePath(file) ? "sshd_config.j2" : "sshd_config";
        return (text, mainPath);
    }

    private static List<(string RuleId, int Line)> ParseExpectations(string text)
    {
        var lines = text.Split('\n');
        var expected = new List<(string, int)>();
        var pending = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var match = ExpectPattern().Match(lines[i].TrimEnd('\r'));
            if (!match.Success)
            {
                expected.AddRange(pending.Select(id => (id, i + 1)));
                pending.Clear();
                continue;
            }
            var ids = match.Groups["ids"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (match.Groups["default"].Success)
                expected.AddRange(ids.Select(id => (id, 1)));
            else
                pending.AddRange(ids);
        }
        return expected;
    }

    private static TheoryData<string, string> Fixtures(string prefix)
    {
        var data = new TheoryData<string, string>();
        foreach (var folder in Directory.GetDirectories(FixtureRoot).OrderBy(f => f, StringComparer.Ordinal))
        {
            foreach (var file in Directory.GetFiles(folder).OrderBy(f => f, StringComparer.Ordinal))
            {
                if (Path.GetFileName(file).StartsWith(prefix, StringComparison.Ordinal))
                    data.Add(Path.GetFileName(folder), Path.GetFileName(file));
            }
        }
        return data;
    }
}
