using SecurityGate.Findings;
using SecurityGate.Rules;

namespace SecurityGate.Docker.Rules;

/// <summary>The built image's configured user is root (empty, root or uid 0).</summary>
public sealed class DOC101ImageRunsAsRoot : IRule<ImageFacts>
{
    public static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "DOC101",
        title: "App image runs as root",
        category: RuleCategory.Container,
        defaultSeverity: Severity.Warning,
        help: "Add `USER` with an unprivileged user at the end of the image's Dockerfile (or run the container with --user). " +
              "This judges the built image itself, so it also covers base images and build tools that never show a Dockerfile.",
        references: new Dictionary<string, string> { ["hadolint"] = "DL3002" });

    private static readonly HashSet<string> RootUsers = ["", "root", "0"];

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(ImageFacts image)
    {
        var user = image.User.Split(':')[0];
        if (RootUsers.Contains(user))
            yield return Rule.CreateFinding(
                image.User.Length == 0
                    ? $"Image {image.Image} sets no user, so its containers run as root."
                    : $"Image {image.Image} runs as user '{image.User}' (root).",
                image.Location, image.Target);
    }
}
