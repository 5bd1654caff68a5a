using SecurityGate.Findings;
using SecurityGate.Sources.Django;
using SecurityGate.Sources.Python;

namespace SecurityGate.Rules.Django;

/// <summary>The SECRET_KEY in effect is a literal from the repository: anyone with the code (or its history) has it.</summary>
public sealed class DJ101SecretKeyCommitted : IRule<DjangoSettings>
{
    public static RuleDescriptor Rule { get; } = DjangoRule.Describe("DJ101", "SECRET_KEY is committed to the repository",
        Severity.Error,
        "A key in the code is in every clone and in git history forever, however strong it is. Read SECRET_KEY from the " +
        "environment or a secret store with no literal fallback, and rotate the committed key.");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(DjangoSettings settings)
    {
        var key = settings.Get("SECRET_KEY");
        if (key.IsDefault || key.Value is not PythonString { Value.Length: > 0 } literal || key.Value.Origin?.FromEnvironment == true)
            yield break;
        var how = key.Value.Origin is { } origin
            ? $"it is the default of environment variable {origin.Variable}, which the production environment does not set"
            : "it is a literal";
        yield return Rule.At(settings, key,
            $"SECRET_KEY ({SecretRedaction.Describe(literal.Value)}) is committed to the repository: {how} " +
            $"({key.Provenance}, settings module {settings.Module}).");
    }
}
