using SecurityGate.Findings;
using SecurityGate.Rules;
using SecurityGate.Sources.Docker;

namespace SecurityGate.Docker.Rules;

/// <summary>DEBUG / DJANGO_DEBUG set to a true value in the image's ENV.</summary>
public sealed class DOC103DebugInImageEnvironment : IRule<ImageFacts>
{
    public static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "DOC103",
        title: "Debug mode switched on in the image environment",
        category: RuleCategory.Container,
        defaultSeverity: Severity.Error,
        help: "Remove DEBUG=1 / DJANGO_DEBUG=True from the image's ENV. Every container started from the image without an " +
              "explicit override runs with Django's debug pages, which show settings, SQL and stack traces.",
        references: new Dictionary<string, string> { ["django"] = "security.W018" });

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(ImageFacts image)
    {
        foreach (var (name, value) in image.Environment.OrderBy(p => p.Key, StringComparer.Ordinal))
            if (EnvironmentValues.IsDebugName(name) && EnvironmentValues.IsTruthy(value))
                yield return Rule.CreateFinding($"Image {image.Image} sets {name}={value} in its environment.",
                    image.Location, image.Target);
    }
}
