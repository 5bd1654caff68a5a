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

    public IEnumerable<Finding> Evaluate(SshdConfigModel model) =>
        model.Problems
            .Where(p => p.Kind == SshdProblemKind.Invalid)
            .Select(p => Rule.CreateFinding(p.Message, p.Location, model.Target));
}
