using SecurityGate.Findings;
using SecurityGate.Sources.Sshd;

namespace SecurityGate.Rules.Sshd;

/// <summary>Parts of a config the gate cannot judge: templated values, Includes it cannot follow, ignored keywords.</summary>
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

    public IEnumerable<Finding> Evaluate(SshdConfigModel model) =>
        model.Problems
            .Where(p => p.Kind == SshdProblemKind.NotJudged)
            .Select(p => Rule.CreateFinding(p.Message, p.Location, model.Target).WithSeverity(p.Severity));
}
