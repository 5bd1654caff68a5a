using SecurityGate.Docker.DjangoCheck;
using SecurityGate.Findings;
using SecurityGate.Rules;

namespace SecurityGate.Docker.Rules;

/// <summary>django-check-in-image was asked for but Django's check produced no report.</summary>
public sealed class DOC108DjangoCheckInImageFailed : IRule<DjangoCheckRun>
{
    public static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "DOC108",
        title: "Django's check --deploy could not run in the app image",
        category: RuleCategory.Container,
        defaultSeverity: Severity.Error,
        help: "The check was requested (django-check-in-image) but printed no check report: the image has no python/python3 " +
              "or no manage.py in its WORKDIR (or /app), the settings failed to import (often a variable the image needs: " +
              "pass it with image-env-file), or it ran past the timeout. The message names the cause. Blocking, so that a " +
              "requested check never passes silently.");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(DjangoCheckRun run)
    {
        if (run.Failure is { } failure)
            yield return Rule.CreateFinding($"`{run.Command}` in image {run.Image}: {failure}.", location: null, run.Target);
    }
}
