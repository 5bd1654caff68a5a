using System.Text.RegularExpressions;
using SecurityGate.Findings;
using SecurityGate.Gate;
using SecurityGate.Reports;
using SecurityGate.Rules;
using SecurityGate.Tests.TestSupport;

namespace SecurityGate.Tests.Rules;

/// <summary>Checks every rule at once: ids, descriptors, file names, README's table.</summary>
public partial class RuleCatalogTests
{
    private static readonly IReadOnlyList<RuleDescriptor> Catalog = new GateRunner(AnalyzerCatalog.All()).Rules;

    [GeneratedRegex("^(SG|DJ|SSH|SRV|FW|NET|CF|NGX|DOC|WEB)[0-9]{3}$")]
    private static partial Regex IdPattern();

    [Fact]
    public void IdsAreUnique_AndWellFormed()
    {
        Assert.Equal(Catalog.Count, Catalog.Select(r => r.Id).Distinct().Count());
        Assert.All(Catalog, r => Assert.Matches(IdPattern(), r.Id));
    }

    [Fact]
    public void EveryDescriptor_HasTitleAndHelp_AndAHelpLinkDerivedFromItsId()
    {
        Assert.All(Catalog, r =>
        {
            Assert.False(string.IsNullOrWhiteSpace(r.Title));
            Assert.True(r.Help.Length >= 40, $"{r.Id}: help should say why it matters and how to fix it");
            Assert.EndsWith("#" + r.Id.ToLowerInvariant(), r.HelpUri);
        });
    }

    [Fact]
    public void EveryRuleClass_IsNamedAfterItsId_AndLivesInAFileOfTheSameName()
    {
        var ruleTypes = typeof(IRule).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(IRule).IsAssignableFrom(t)).ToList();
        foreach (var type in ruleTypes)
        {
            var rule = (IRule)Activator.CreateInstance(type)!;
            Assert.StartsWith(rule.Descriptor.Id, type.Name);
            var file = Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "src"), type.Name + ".cs", SearchOption.AllDirectories);
            Assert.Single(file);
            Assert.Contains(rule.Descriptor, Catalog);
        }
    }

    [Fact]
    public void ReadmeRuleTable_MatchesTheCatalog()
    {
        const string start = "<!-- rules:start -->\n";
        const string end = "<!-- rules:end -->";
        var readmePath = Path.Combine(RepositoryRoot.Path, "README.md");
        var readme = File.ReadAllText(readmePath).ReplaceLineEndings("\n");
        var from = readme.IndexOf(start, StringComparison.Ordinal) + start.Length;
        var to = readme.IndexOf(end, StringComparison.Ordinal);
        Assert.True(from >= start.Length && to > from - 1, "README.md must contain the rules:start/rules:end markers");
        var expected = RuleCatalogReport.Markdown(Catalog);
        if (System.Environment.GetEnvironmentVariable("UPDATE_README") == "1")
            File.WriteAllText(readmePath, readme[..from] + expected + readme[to..]);
        else
            Assert.True(expected == readme[from..to],
                "README's rule table is out of date: run 'UPDATE_README=1 dotnet test --filter RuleCatalogTests' and commit README.md.");
    }
}
