using SecurityGate.Findings;
using SecurityGate.Rules;
using SecurityGate.Sources.Docker;

namespace SecurityGate.Docker.Rules;

/// <summary>A secret-looking variable has a value baked into the image's ENV (readable by anyone who can pull it).</summary>
public sealed class DOC102SecretInImageEnvironment : IRule<ImageFacts>
{
    public static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "DOC102",
        title: "Secret baked into the image environment",
        category: RuleCategory.Container,
        defaultSeverity: Severity.Error,
        help: "Remove the value from `ENV`/`ARG` and pass it at run time (orchestrator secret, --env-file, mounted file). " +
              "Image configuration is readable by everyone who can pull the image (`docker image inspect`), and rotating the " +
              "secret means rebuilding every tag. The value is never printed.");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(ImageFacts image)
    {
        foreach (var (name, value) in image.Environment.OrderBy(p => p.Key, StringComparer.Ordinal))
            if (value.Length > 0 && EnvironmentValues.IsSecretName(name))
                yield return Rule.CreateFinding(
                    $"Image {image.Image} sets {name} in its environment ({value.Length} characters, value not shown).",
                    image.Location, image.Target);
    }
}
