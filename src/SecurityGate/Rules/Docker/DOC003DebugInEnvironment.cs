using SecurityGate.Findings;
using SecurityGate.Sources.Docker;

namespace SecurityGate.Rules.Docker;

/// <summary>DEBUG or DJANGO_DEBUG set to a true value in what the deployed container gets.</summary>
public sealed class DOC003DebugInEnvironment : IRule<EnvironmentModel>
{
    public static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "DOC003",
        title: "Debug mode is switched on in the deploy environment",
        category: RuleCategory.Container,
        defaultSeverity: Severity.Error,
        help: "Remove DEBUG=1 / DJANGO_DEBUG=True from the Dockerfile, compose file or committed .env, or set it to False. " +
              "Django's debug pages show settings, SQL and stack traces to anyone who triggers an error. Whether the " +
              "settings module reads this variable is checked by the Django rules; files for development (dev, local, " +
              "test, override in the name, or under .devcontainer/, dev/ or tests/) are not judged.",
        references: new Dictionary<string, string> { ["django"] = "security.W018" });

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(EnvironmentModel model)
    {
        if (model.IsDevelopment)
            yield break;
        foreach (var assignment in model.Assignments)
        {
            if (!EnvironmentValues.IsDebugName(assignment.Name) || assignment.Value is not { } value || !EnvironmentValues.IsTruthy(value))
                continue;
            var how = assignment.IsDefault ? "defaults to" : "is";
            yield return Rule.CreateFinding(
                $"{assignment.Name} {how} '{value}' ({assignment.Origin}): a Django settings module reading it runs with DEBUG on.",
                assignment.Location, model.Target);
        }
    }
}
