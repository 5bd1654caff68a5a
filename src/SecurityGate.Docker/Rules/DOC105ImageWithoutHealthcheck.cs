using SecurityGate.Findings;
using SecurityGate.Rules;

namespace SecurityGate.Docker.Rules;

/// <summary>The image has no HEALTHCHECK (or switches it off).</summary>
public sealed class DOC105ImageWithoutHealthcheck : IRule<ImageFacts>
{
    public static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "DOC105",
        title: "App image has no health check",
        category: RuleCategory.Container,
        defaultSeverity: Severity.Note,
        help: "Add `HEALTHCHECK CMD …` (or a readiness probe in the orchestrator). Without one a hung or half-started app " +
              "keeps receiving traffic and a broken deploy is not rolled back.");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(ImageFacts image)
    {
        if (!image.HasHealthcheck)
            yield return Rule.CreateFinding(
                image.Healthcheck.IsEmpty
                    ? $"Image {image.Image} has no HEALTHCHECK."
                    : $"Image {image.Image} switches its health check off (HEALTHCHECK NONE).",
                image.Location, image.Target);
    }
}
