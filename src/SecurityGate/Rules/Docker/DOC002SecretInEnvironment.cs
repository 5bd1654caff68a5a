using SecurityGate.Findings;
using SecurityGate.Sources.Docker;

namespace SecurityGate.Rules.Docker;

/// <summary>
/// A secret written as a literal into a Dockerfile ENV/ARG, a compose environment or a committed .env file. The
/// message shows only its length (and the first characters of a long value).
/// </summary>
public sealed class DOC002SecretInEnvironment : IRule<EnvironmentModel>
{
    public static readonly RuleDescriptor Rule = RuleDescriptor.Create(
        id: "DOC002",
        title: "Secret committed in a container or environment file",
        category: RuleCategory.Container,
        defaultSeverity: Severity.Error,
        help: "Rotate the secret, then supply it at deploy time: `${SECRET_KEY}` in compose with the value in the server's " +
              "environment, Docker/compose secrets, or your platform's secret store. ENV and ARG values stay in the image " +
              "and its history; a committed .env is in every clone. Only `${VAR}` references, paths and empty values pass. " +
              "Development files (a dev, local, test or override part in the name, or under .devcontainer/, dev/ or tests/) " +
              "are not judged.");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(EnvironmentModel model)
    {
        if (model.IsDevelopment)
            yield break;
        foreach (var assignment in model.Assignments)
        {
            if (assignment.Value is not { Length: > 0 } value || value.StartsWith('/'))
                continue;
            if (EnvironmentValues.IsSecretName(assignment.Name))
            {
                var how = assignment.IsDefault ? "defaults to" : "is set to";
                yield return Rule.CreateFinding(
                    $"{assignment.Name} ({assignment.Origin}) {how} {SecretRedaction.Describe(value)} committed in {model.Path}.",
                    assignment.Location, model.Target);
            }
            else if (EnvironmentValues.UrlPassword(value) is { } password)
            {
                yield return Rule.CreateFinding(
                    $"{assignment.Name} ({assignment.Origin}) is a URL with a password ({SecretRedaction.Describe(password)}) committed in {model.Path}.",
                    assignment.Location, model.Target);
            }
        }
    }
}
