using SecurityGate.Findings;
using SecurityGate.Sources.Sshd;

namespace SecurityGate.Rules.Sshd;

/// <summary>Lines sshd would reject: it refuses to start, so the deploy would lock everyone out or keep the old config.</summary>
public sealed class SSH000InvalidConfig : IRule<SshdConfigModel>
{
    public static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "SSH000",
        title: "sshd would reject this configuration",
        category: RuleCategory.Ssh,
        defaultSeverity: Severity.Error,
        help: "sshd exits on an unknown keyword, a missing or malformed argument, an unterminated quote, a directive " +
              "not allowed inside Match, a bad Match condition or an Include loop. Fix the line; check with `sshd -t -f FILE`.");

    public RuleDescriptor Descriptor => Rule;

    /// <summary>
    /// One finding per rejected line. Problems that only applying a Match block reveals (e.g. an
    /// AuthenticationMethods "any" after a block set it) are reported for the view that reveals them.
    /// </summary>
    public IEnumerable<Finding> Evaluate(SshdConfigModel model)
    {
        foreach (var problem in model.Problems.Where(p => p.Kind == SshdProblemKind.Invalid))
        {
            var where = problem.Location.Path == model.Config.MainPath
                ? ""
                : $" (in {problem.Location.Path}, included by {model.Config.MainPath})";
            yield return Rule.CreateFinding(problem.Message + where, problem.Location, model.Target);
        }
    }
}
