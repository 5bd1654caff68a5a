using SecurityGate.Docker.DjangoCheck;
using SecurityGate.Findings;
using SecurityGate.Rules;

namespace SecurityGate.Docker.Rules;

/// <summary>
/// A message of Django's own <c>check --deploy</c> run inside the app image. The image audit drops those whose Django
/// check id (refs.django) the static findings on the image's settings already carry.
/// </summary>
public sealed class DOC107DjangoCheckInImage : IRule<DjangoCheckRun>
{
    public static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "DOC107",
        title: "Django's check --deploy in the app image reports an issue",
        category: RuleCategory.Container,
        defaultSeverity: Severity.Warning,
        help: "With django-check-in-image, the gate runs `manage.py check --deploy` inside the app image with the image's " +
              "own environment. Messages the static analysis of the settings in the image already reported are not repeated; " +
              "what remains is what only " +
              "running the settings shows (values computed at import time, settings from packages). Django's errors are " +
              "errors, its warnings warnings, its infos notes. Fix them as Django's hint says.");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(DjangoCheckRun run)
    {
        foreach (var message in run.Messages)
        {
            var id = message.CheckId.Length > 0 ? message.CheckId : "(no id)";
            var text = $"Django's check --deploy in image {run.Image} reports {id} for {message.Object}: {message.Text}" +
                       (message.Hint.Length > 0 ? $" Hint: {message.Hint}" : "");
            var references = message.CheckId.Length > 0 ? new Dictionary<string, string> { ["django"] = message.CheckId } : null;
            // The id is part of the target so that each message keeps its own fingerprint across runs.
            yield return Rule.CreateFinding(text, location: null, $"{run.Target} django-check:{id}", references) with
            {
                Severity = SeverityOf(message.Level),
            };
        }
    }

    public static Severity SeverityOf(DjangoCheckLevel level) => level switch
    {
        DjangoCheckLevel.Critical or DjangoCheckLevel.Error => Severity.Error,
        DjangoCheckLevel.Warning => Severity.Warning,
        _ => Severity.Note,
    };
}
