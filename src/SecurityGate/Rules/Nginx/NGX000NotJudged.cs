using SecurityGate.Findings;
using SecurityGate.Sources.Nginx;

namespace SecurityGate.Rules.Nginx;

/// <summary>nginx -t would reject the file, or an include names a file the repository does not hold.</summary>
public sealed class NGX000NotJudged : IRule<NginxConfig>
{
    public static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "NGX000",
        title: "nginx configuration could not be fully judged",
        category: RuleCategory.Nginx,
        defaultSeverity: Severity.Warning,
        help: "A syntax error nginx would reject (unbalanced braces, a missing ';', an unterminated quote: the reload " +
              "fails and the old configuration stays), or an include that matches no file in the repository (a note: " +
              "commit the included file so the gate can judge it). Check with `nginx -t`.");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(NginxConfig config)
    {
        foreach (var problem in config.Problems)
        {
            var finding = Rule.CreateFinding(problem.Message + NginxRuleSupport.IncludedFrom(config, problem.Location), problem.Location, config.Target);
            yield return problem.Kind == NginxProblemKind.Syntax ? finding : finding with { Severity = Severity.Note };
        }
    }
}
