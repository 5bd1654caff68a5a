using System.Text.RegularExpressions;
using SecurityGate.Findings;
using SecurityGate.Rules;
using SecurityGate.Sources.Discovery;
using SecurityGate.Sources.Terraform;

namespace SecurityGate.Tests.TestSupport;

/// <summary>
/// Fixture harness for rules over Terraform. Fixtures/RULEID/ holds <c>bad_*</c> and <c>good_*</c> entries: a single
/// <c>.tf</c> file, or a folder holding a whole module (<c>.tf</c> and <c>.tfvars</c> files). In any of its files,
/// <c># expect: NET001, NET002</c> names the findings on the next non-expect line of that file.
/// </summary>
public static partial class TerraformFixtures
{
    [GeneratedRegex(@"^\s*(#|//)\s*expect:\s*(?<ids>[A-Z0-9, ]+)$")]
    private static partial Regex ExpectPattern();

    /// <summary>(rule folder, entry name) for every entry starting with <paramref name="prefix"/>.</summary>
    public static TheoryData<string, string> Entries(string root, string prefix)
    {
        var data = new TheoryData<string, string>();
        foreach (var folder in Directory.GetDirectories(root).OrderBy(f => f, StringComparer.Ordinal))
            foreach (var entry in Directory.GetFileSystemEntries(folder).OrderBy(f => f, StringComparer.Ordinal))
                if (Path.GetFileName(entry).StartsWith(prefix, StringComparison.Ordinal))
                    data.Add(Path.GetFileName(folder), Path.GetFileName(entry));
        return data;
    }

    /// <summary>The entry as a repository: a file at its own name, or a folder's files below the folder's name.</summary>
    public static InMemoryRepositoryFiles Load(string root, string ruleId, string entry)
    {
        var path = Path.Combine(root, ruleId, entry);
        var files = new InMemoryRepositoryFiles();
        if (File.Exists(path))
            return files.Add(entry, File.ReadAllText(path));
        foreach (var file in Directory.GetFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            files.Add(entry + "/" + Path.GetRelativePath(path, file).Replace('\\', '/'), File.ReadAllText(file));
        return files;
    }

    public static HashSet<(string RuleId, string Path, int Line)> Expectations(IRepositoryFiles files)
    {
        var expected = new HashSet<(string, string, int)>();
        foreach (var path in files.Paths)
        {
            var lines = files.Read(path).Text.Split('\n');
            var pending = new List<string>();
            for (var i = 0; i < lines.Length; i++)
            {
                var match = ExpectPattern().Match(lines[i].TrimEnd('\r'));
                if (match.Success)
                {
                    pending.AddRange(match.Groups["ids"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
                    continue;
                }
                expected.UnionWith(pending.Select(id => (id, path, i + 1)));
                pending.Clear();
            }
        }
        return expected;
    }

    /// <summary>The source's problems (SG001) and every finding of <paramref name="rules"/> over each module.</summary>
    public static List<Finding> Run(IRepositoryFiles files, IEnumerable<IRule<TerraformModule>> rules)
    {
        var output = TerraformSource.Load(files);
        var ruleList = rules.ToList();
        return [.. output.Problems, .. output.Models.SelectMany(m => ruleList.SelectMany(r => r.Evaluate(m)))];
    }

    /// <summary>Runs a bad fixture and compares the exact set of (rule, file, line) for the folder's rule and every rule it names.</summary>
    public static void AssertBadFixture(string root, string ruleId, string entry, IReadOnlyList<IRule<TerraformModule>> rules)
    {
        var files = Load(root, ruleId, entry);
        var expected = Expectations(files);
        Assert.Contains(expected, e => e.RuleId == ruleId);
        var scope = expected.Select(e => e.RuleId).Append(ruleId).ToHashSet();
        var findings = Run(files, rules).Where(f => scope.Contains(f.RuleId)).ToList();
        var actual = findings.Select(f => (f.RuleId, f.Location!.Path, f.Location.Line)).ToHashSet();
        Assert.True(expected.SetEquals(actual),
            $"expected:\n  {string.Join("\n  ", expected.Order())}\nactual:\n  {string.Join("\n  ", findings.Select(f => $"{f.RuleId} {f.Location}: {f.Message}"))}");
        Assert.Equal(findings.Count, actual.Count); // one finding per offending rule: no duplicates on a line
    }

    public static void AssertGoodFixture(string root, string ruleId, string entry, IReadOnlyList<IRule<TerraformModule>> rules)
    {
        var findings = Run(Load(root, ruleId, entry), rules).Where(f => f.RuleId == ruleId || f.RuleId == "SG001").ToList();
        Assert.True(findings.Count == 0, string.Join("\n", findings.Select(f => $"{f.RuleId} {f.Location}: {f.Message}")));
    }

    /// <summary>Every rule has a folder with a bad and a good entry, and runs on an empty module.</summary>
    public static void AssertEveryRuleHasFixtures(string root, IReadOnlyList<IRule<TerraformModule>> rules)
    {
        foreach (var rule in rules)
        {
            var id = rule.Descriptor.Id;
            var folder = Path.Combine(root, id);
            Assert.True(Directory.Exists(folder), $"{id} has no fixture folder");
            var names = Directory.GetFileSystemEntries(folder).Select(Path.GetFileName).ToList();
            Assert.True(names.Any(n => n!.StartsWith("bad_", StringComparison.Ordinal)), $"{id} has no bad_ fixture");
            Assert.True(names.Any(n => n!.StartsWith("good_", StringComparison.Ordinal)), $"{id} has no good_ fixture");
            Assert.Empty(rule.Evaluate(TerraformModule.Empty));
        }
        Assert.Equal(rules.Select(r => r.Descriptor.Id).Order(StringComparer.Ordinal),
            Directory.GetDirectories(root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
