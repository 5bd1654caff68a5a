using SecurityGate.Findings;
using SecurityGate.Sources.Docker;

namespace SecurityGate.Rules.Docker;

/// <summary>EXPOSE 22: the image means to run an SSH server next to the app.</summary>
public sealed class DOC005SshPortExposed : IRule<DockerfileModel>
{
    public static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "DOC005",
        title: "Image exposes the SSH port",
        category: RuleCategory.Container,
        defaultSeverity: Severity.Warning,
        help: "Remove port 22 from EXPOSE and do not run sshd in an application container: use `docker exec` (or your " +
              "platform's shell access) to get in. An sshd in the container is one more login service with its own " +
              "keys and passwords to guess.",
        references: new Dictionary<string, string> { ["hadolint"] = "DL3011" });

    private const string SshPort = "22";

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(DockerfileModel dockerfile)
    {
        if (dockerfile.FinalStage is not { } final || dockerfile.IsDevelopment)
            yield break;
        foreach (var expose in final.All(DockerfileKeywords.Expose))
        {
            foreach (var word in expose.Words.Where(w => w.Value.Split('/')[0] == SshPort))
                yield return Rule.CreateFinding($"EXPOSE {word.Value}: the image offers SSH next to the app.", word.Location, dockerfile.Target);
        }
    }
}
