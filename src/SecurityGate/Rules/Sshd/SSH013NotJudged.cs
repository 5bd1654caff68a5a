using SecurityGate.Findings;
using SecurityGate.Sources.Sshd;

namespace SecurityGate.Rules.Sshd;

/// <summary>
/// Parts of a config the gate cannot judge: templated values, Includes it cannot follow, ignored keywords.
/// These do not make sshd fail (that is SSH000); they mark where the verdict may be incomplete.
/// </summary>
public sealed class SSH013NotJudged : IRule<SshdConfigModel>
{
    public static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "SSH013",
        title: "Part of the sshd configuration was not judged",
        category: RuleCategory.Ssh,
        defaultSeverity: Severity.Warning,
        help: "A templated value ({{ }} in a Jinja template), an Include of files outside the repository or matching " +
              "none, an algorithm this OpenSSH does not know, or a deprecated keyword sshd ignores. Render the template " +
              "or commit the included files so the gate can judge what will be deployed.");

    public RuleDescriptor Descriptor => Rule;

    /// <summary>
    /// One finding per problem, with the problem's own severity: a missing named Include or an unknown algorithm is
    /// a warning; a templated value, a glob matching nothing or a deprecated keyword is a note.
    /// </summary>
    public IEnumerable<Finding> Evaluate(SshdConfigModel model)
    {
        foreach (var problem in model.Problems.Where(p => p.Kind == SshdProblemKind.NotJudged))
            yield return Rule.CreateFinding(problem.Message, problem.Location, model.Target).WithSeverity(problem.Severity);
    }
}
