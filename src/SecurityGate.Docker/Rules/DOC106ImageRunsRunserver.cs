using SecurityGate.Findings;
using SecurityGate.Rules;

namespace SecurityGate.Docker.Rules;

/// <summary>The image starts Django's development server (<c>manage.py runserver</c>).</summary>
public sealed class DOC106ImageRunsRunserver : IRule<ImageFacts>
{
    public static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "DOC106",
        title: "App image starts Django's development server",
        category: RuleCategory.Container,
        defaultSeverity: Severity.Error,
        help: "Start a production server (gunicorn, uvicorn, uWSGI) instead of `manage.py runserver`. Django's own docs: the " +
              "development server has not gone through security audits or performance tests and must not be used in production.");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(ImageFacts image)
    {
        var words = image.Entrypoint.Concat(image.Cmd).SelectMany(w => w.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        var manage = words.FindIndex(w => w == "manage.py" || w.EndsWith("/manage.py", StringComparison.Ordinal));
        if (manage >= 0 && words.Skip(manage + 1).Contains("runserver"))
            yield return Rule.CreateFinding($"Image {image.Image} starts with `{image.CommandLine}`.", image.Location, image.Target);
    }
}
