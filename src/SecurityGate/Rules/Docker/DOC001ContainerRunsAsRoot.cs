using SecurityGate.Findings;
using SecurityGate.Sources.Docker;

namespace SecurityGate.Rules.Docker;

/// <summary>The deployed image's final stage runs as root: no USER, or USER root/0.</summary>
public sealed class DOC001ContainerRunsAsRoot : IRule<DockerfileModel>
{
    public static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "DOC001",
        title: "Container runs as root",
        category: RuleCategory.Container,
        defaultSeverity: Severity.Warning,
        help: "Create an unprivileged user and switch to it at the end of the final stage (`RUN useradd --create-home app` " +
              "then `USER app`). A process running as root in the container turns any code-execution bug in the app into " +
              "root inside the container and makes a container escape far more dangerous. Only the final stage is judged.",
        references: new Dictionary<string, string> { ["hadolint"] = "DL3002" });

    private static readonly HashSet<string> RootUsers = ["root", "0"];

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(DockerfileModel dockerfile)
    {
        if (dockerfile.FinalStage is not { } final || dockerfile.IsDevelopment)
            yield break;
        var user = dockerfile.EffectiveUser();
        if (user is null)
        {
            yield return Rule.CreateFinding(
                $"The final stage (FROM {final.BaseImage}) never sets USER, so the container runs as the base image's user: root for " +
                "python, debian and most official images.",
                final.From.Location, dockerfile.Target);
            yield break;
        }
        var name = user.Words.FirstOrDefault()?.Value.Split(':')[0] ?? "";
        if (RootUsers.Contains(name))
            yield return Rule.CreateFinding($"USER {user.Arguments.Trim()} is the last user of the final stage: the container runs as root.",
                user.Location, dockerfile.Target);
    }
}
