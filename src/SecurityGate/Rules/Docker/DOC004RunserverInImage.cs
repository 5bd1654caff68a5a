using SecurityGate.Findings;
using SecurityGate.Sources.Docker;

namespace SecurityGate.Rules.Docker;

/// <summary>The image starts Django's development server (<c>manage.py runserver</c>).</summary>
public sealed class DOC004RunserverInImage : IRule<DockerfileModel>
{
    public static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "DOC004",
        title: "Image runs Django's development server",
        category: RuleCategory.Container,
        defaultSeverity: Severity.Error,
        help: "Serve with a WSGI/ASGI server, e.g. `CMD [\"gunicorn\", \"shop.wsgi\", \"--bind\", \"0.0.0.0:8000\"]`. " +
              "Django's documentation: runserver \"has not gone through security audits or performance tests\" and must " +
              "not be used in production. Only the final stage's CMD/ENTRYPOINT is judged.");

    private const string Runserver = "runserver";

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(DockerfileModel dockerfile)
    {
        if (dockerfile.FinalStage is not { } final || dockerfile.IsDevelopment)
            yield break;
        // Only the last CMD and the last ENTRYPOINT of a stage take effect.
        foreach (var keyword in new[] { DockerfileKeywords.Entrypoint, DockerfileKeywords.Cmd })
        {
            if (final.All(keyword).LastOrDefault() is not { } instruction)
                continue;
            var words = instruction.ExecForm?.SelectMany(w => w.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                ?? instruction.Words.Select(w => w.Value);
            if (words.Any(w => w == Runserver || w.EndsWith(":" + Runserver, StringComparison.Ordinal)))
                yield return Rule.CreateFinding(
                    $"{keyword} starts 'manage.py runserver', Django's development server, in the deployed image.",
                    instruction.Location, dockerfile.Target);
        }
    }
}
