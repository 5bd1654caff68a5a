using SecurityGate.Findings;
using SecurityGate.Rules;

namespace SecurityGate.Docker.Rules;

/// <summary>The image declares EXPOSE 22: an SSH server inside an app container.</summary>
public sealed class DOC104ImageExposesSsh : IRule<ImageFacts>
{
    public static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "DOC104",
        title: "App image exposes SSH (port 22)",
        category: RuleCategory.Container,
        defaultSeverity: Severity.Warning,
        help: "Do not run sshd in an app container; use `docker exec` / `kubectl exec` for access. An SSH server adds " +
              "credentials to manage and a second way in that bypasses the app's own controls.");

    private const string SshPort = "22/tcp";

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(ImageFacts image)
    {
        if (image.ExposedPorts.Contains(SshPort, StringComparer.OrdinalIgnoreCase))
            yield return Rule.CreateFinding($"Image {image.Image} exposes {SshPort}.", image.Location, image.Target);
    }
}
