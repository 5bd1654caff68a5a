using System.Collections.Immutable;
using System.Text.RegularExpressions;
using SecurityGate.Configuration;
using SecurityGate.Findings;
using SecurityGate.Gate;
using SecurityGate.Rules;
using SecurityGate.Sources.Discovery;

namespace SecurityGate.Tests.TestSupport;

/// <summary>
/// The fixture harness of the rule families that read whole repositories (nginx, Docker, server, firewall):
/// a fixture <c>Fixtures/RULE/{bad,good}_*</c> is placed in an in-memory repository at the path named by its first
/// line (<c># path: deploy/nginx/shop.conf</c>; default <c>deploy/&lt;file name&gt;</c>) and the family's analyzers run
/// over it. <c># expect: NGX001, NGX004</c> names the findings on the next non-expect line; the exact set of
/// (rule, line) pairs in that file must come out for the folder's rule and every rule the file names. A good fixture
/// must produce nothing from its folder's rule.
/// </summary>
public static partial class RuleFixtures
{
    [GeneratedRegex(@"^\s*#\s*expect:\s*(?<ids>[A-Z0-9, ]+)$")]
    private static partial Regex ExpectPattern();

    [GeneratedRegex(@"^\s*#\s*path:\s*(?<path>\S+)\s*$")]
    private static partial Regex PathPattern();

    public static string Root(string family) => Path.Combine(AppContext.BaseDirectory, "Rules", family, "Fixtures");

    public static TheoryData<string, string> Files(string family, string prefix)
    {
        var data = new TheoryData<string, string>();
        foreach (var folder in Directory.GetDirectories(Root(family)).OrderBy(f => f, StringComparer.Ordinal))
            foreach (var file in Directory.GetFiles(folder).OrderBy(f => f, StringComparer.Ordinal))
                if (Path.GetFileName(file).StartsWith(prefix, StringComparison.Ordinal))
                    data.Add(Path.GetFileName(folder), Path.GetFileName(file));
        return data;
    }

    public static (string RepositoryPath, string Text) Read(string family, string ruleId, string file)
    {
        var text = File.ReadAllText(Path.Combine(Root(family), ruleId, file));
        var firstLine = text.Split('\n')[0].TrimEnd('\r');
        var match = PathPattern().Match(firstLine);
        return (match.Success ? match.Groups["path"].Value : "deploy/" + file, text);
    }

    /// <summary>Runs the analyzers over a repository holding only this file; returns the findings located in it.</summary>
    public static List<Finding> Run(IEnumerable<IAnalyzer> analyzers, string repositoryPath, string text)
    {
        var files = new InMemoryRepositoryFiles().Add(repositoryPath, text);
        var context = new ScanContext(new GateOptions { RepositoryPath = "/repo" }, files, ImmutableDictionary<string, string>.Empty);
        return analyzers
            .SelectMany(a => a.AnalyzeAsync(context, CancellationToken.None).GetAwaiter().GetResult().Findings)
            .Where(f => f.Location?.Path == repositoryPath)
            .ToList();
    }

    public static void AssertBad(string family, IEnumerable<IAnalyzer> analyzers, string ruleId, string file)
    {
        var (path, text) = Read(family, ruleId, file);
        var expected = Expectations(text);
        Assert.Contains(expected, e => e.RuleId == ruleId);
        var scope = expected.Select(e => e.RuleId).Append(ruleId).ToHashSet();
        var findings = Run(analyzers, path, text).Where(f => scope.Contains(f.RuleId)).ToList();
        var actual = findings.Select(f => (f.RuleId, f.Location!.Line)).ToHashSet();
        Assert.True(expected.OrderBy(e => e).SequenceEqual(actual.OrderBy(e => e)),
            $"expected {Show(expected)}\nactual   {Show(actual)}\n" + string.Join("\n", findings.Select(f => $"  {f.RuleId} {f.Location}: {f.Message}")));
    }

    public static void AssertGood(string family, IEnumerable<IAnalyzer> analyzers, string ruleId, string file)
    {
        var (path, text) = Read(family, ruleId, file);
        var findings = Run(analyzers, path, text).Where(f => f.RuleId == ruleId).ToList();
        Assert.True(findings.Count == 0, string.Join("\n", findings.Select(f => $"{f.Location}: {f.Message}")));
    }

    /// <summary>Every rule of the family has a folder with at least one bad_ and one good_ fixture.</summary>
    public static void AssertEveryRuleHasFixtures(string family, IEnumerable<IRule> rules)
    {
        foreach (var rule in rules)
        {
            var folder = Path.Combine(Root(family), rule.Descriptor.Id);
            Assert.True(Directory.Exists(folder), $"{rule.Descriptor.Id} has no fixture folder");
            Assert.True(Directory.GetFiles(folder).Any(f => Path.GetFileName(f).StartsWith("bad_", StringComparison.Ordinal)), $"{rule.Descriptor.Id} has no bad_ fixture");
            Assert.True(Directory.GetFiles(folder).Any(f => Path.GetFileName(f).StartsWith("good_", StringComparison.Ordinal)), $"{rule.Descriptor.Id} has no good_ fixture");
        }
    }

    public static HashSet<(string RuleId, int Line)> Expectations(string text)
    {
        var lines = text.Split('\n');
        var expected = new HashSet<(string, int)>();
        var pending = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var match = ExpectPattern().Match(lines[i].TrimEnd('\r'));
            if (!match.Success)
            {
                foreach (var id in pending)
                    expected.Add((id, i + 1));
                pending.Clear();
                continue;
            }
            pending.AddRange(match.Groups["ids"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        }
        return expected;
    }

    private static string Show(IEnumerable<(string RuleId, int Line)> pairs) =>
        string.Join(", ", pairs.OrderBy(p => p).Select(p => $"{p.RuleId}@{p.Line}"));
}
