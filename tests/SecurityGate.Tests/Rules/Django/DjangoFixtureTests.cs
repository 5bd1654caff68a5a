using System.Collections.Immutable;
using System.Text.RegularExpressions;
using SecurityGate.Configuration;
using SecurityGate.Gate;
using SecurityGate.Sources.Discovery;

namespace SecurityGate.Tests.Rules.Django;

/// <summary>
/// Runs every fixture in Fixtures/ as the judged settings module and compares the exact multiset of (rule, line)
/// pairs with its markers. A fixture is named after its rule: DJ001_bad_*.py must produce exactly the marked
/// findings of the rules it mentions; DJ001_good_*.py must produce no finding of DJ001.
/// Markers: "# expect: DJ001[, DJ002]" on the line above the offending line; "# expect-at-module: DJ007" for findings
/// about settings the module never sets (they point at its first line). Headers: "# django-version: 3.2",
/// "# env: NAME=value" (the production environment; "# env: (empty)" for an empty one; no header: no --env-file). Other *.py files in Fixtures/ are importable modules.
/// </summary>
public partial class DjangoFixtureTests
{
    private static readonly string FixtureFolder = Path.Combine(AppContext.BaseDirectory, "Rules", "Django", "Fixtures");

    [GeneratedRegex(@"#\s*expect(?<module>-at-module)?:\s*(?<ids>[A-Z]+[0-9]+(?:\s*,\s*[A-Z]+[0-9]+)*)")]
    private static partial Regex ExpectMarker();

    [GeneratedRegex(@"^#\s*django-version:\s*(?<v>\S+)", RegexOptions.Multiline)]
    private static partial Regex VersionHeader();

    [GeneratedRegex(@"^#\s*env:\s*(?<k>[A-Za-z_][A-Za-z0-9_]*)=(?<v>.*)$", RegexOptions.Multiline)]
    private static partial Regex EnvHeader();

    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(FixtureFolder, "DJ*_*.py").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task Fixture_ProducesExactlyItsMarkedFindings(string fixture)
    {
        var ruleId = fixture[..fixture.IndexOf('_')];
        var isGood = fixture.Contains("_good", StringComparison.Ordinal);
        var (findings, expected) = await Run(fixture);

        if (isGood)
        {
            Assert.DoesNotContain(findings, f => f.Rule == ruleId);
            return;
        }
        Assert.True(expected.Count > 0, $"{fixture} is a bad fixture without '# expect:' markers");
        var inScope = expected.Select(e => e.Rule).Append(ruleId).ToHashSet();
        var actual = findings.Where(f => inScope.Contains(f.Rule)).Select(f => $"{f.Rule}@{f.Path}:{f.Line}").Order().ToList();
        Assert.Equal(expected.Select(e => $"{e.Rule}@{e.Path}:{e.Line}").Order().ToList(), actual);
    }

    [Fact]
    public void EveryDjangoRule_HasABadAndAGoodFixture()
    {
        var names = Directory.GetFiles(FixtureFolder, "DJ*_*.py").Select(Path.GetFileName).ToList();
        foreach (var rule in DjangoAnalyzer.Rules)
        {
            Assert.Contains(names, n => n!.StartsWith(rule.Descriptor.Id + "_bad", StringComparison.Ordinal));
            Assert.Contains(names, n => n!.StartsWith(rule.Descriptor.Id + "_good", StringComparison.Ordinal));
        }
    }

    private static async Task<(List<(string Rule, string Path, int Line)> Findings, List<(string Rule, string Path, int Line)> Expected)> Run(string fixture)
    {
        var files = new InMemoryRepositoryFiles();
        var expected = new List<(string Rule, string Path, int Line)>();
        foreach (var path in Directory.GetFiles(FixtureFolder, "*.py"))
        {
            var name = Path.GetFileName(path);
            var text = File.ReadAllText(path);
            files.Add("fixtures/" + name, text);
            // Markers count in the judged fixture and in the helper modules it imports.
            var imported = File.ReadAllText(Path.Combine(FixtureFolder, fixture)).Contains($"import *") &&
                           !name.StartsWith("DJ", StringComparison.Ordinal);
            if (name != fixture && !imported)
                continue;
            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var match = ExpectMarker().Match(lines[i]);
                if (!match.Success)
                    continue;
                var line = match.Groups["module"].Success ? 1 : i + 2;
                var judgedPath = match.Groups["module"].Success ? "fixtures/" + fixture : "fixtures/" + name;
                foreach (var id in match.Groups["ids"].Value.Split(',', StringSplitOptions.TrimEntries))
                    expected.Add((id, judgedPath, line));
            }
        }
        files.Add("fixtures/__init__.py", "");

        var fixtureText = File.ReadAllText(Path.Combine(FixtureFolder, fixture));
        var envPath = Path.Combine(Path.GetTempPath(), $"sg-fixture-{Guid.NewGuid():N}.env");
        File.WriteAllLines(envPath, EnvHeader().Matches(fixtureText).Select(m => $"{m.Groups["k"].Value}={m.Groups["v"].Value.Trim()}"));
        try
        {
            var options = new GateOptions
            {
                RepositoryPath = "/fixtures",
                DjangoSettingsModule = "fixtures." + fixture[..^3],
                DjangoVersion = VersionHeader().Match(fixtureText) is { Success: true } v && DjangoVersion.TryParse(v.Groups["v"].Value, out var version)
                    ? version : new DjangoVersion(5, 2),
                // Without an "# env:" header the production environment is unknown (no --env-file).
                EnvFile = fixtureText.Contains("# env:", StringComparison.Ordinal) ? envPath : null,
            };
            var result = await new GateRunner([DjangoAnalyzer.Create()]).RunAsync(options, files, [], null, CancellationToken.None);
            Assert.DoesNotContain(result.Findings, f => f.RuleId is "SG000" or "SG001");
            return (result.Findings.Select(f => (f.RuleId, f.Location!.Path, f.Location.Line)).ToList(), expected);
        }
        finally
        {
            File.Delete(envPath);
        }
    }
}
