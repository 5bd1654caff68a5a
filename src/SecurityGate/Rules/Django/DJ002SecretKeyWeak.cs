using SecurityGate.Findings;
using SecurityGate.Sources.Django;
using SecurityGate.Sources.Python;

namespace SecurityGate.Rules.Django;

/// <summary>SECRET_KEY is missing, empty, short, low-entropy or a startproject development key (security.W009).</summary>
public sealed class DJ002SecretKeyWeak : IRule<DjangoSettings>
{
    public static RuleDescriptor Rule { get; } = DjangoRule.Describe("DJ002", "SECRET_KEY is missing or weak", Severity.Error,
        "Django signs sessions, password-reset tokens and messages with SECRET_KEY. Use at least 50 random characters " +
        "(not a 'django-insecure-' development key), read it from the environment, and rotate it if it was ever committed.",
        "security.W009");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(DjangoSettings settings)
    {
        var key = settings.Get("SECRET_KEY");
        var weakness = key.Value switch
        {
            PythonString s => SecretKeyStrength.Weakness(s.Value),
            PythonNone => "it is None",
            { IsKnown: true } when key.IsTruthy == false => "it is empty",
            _ => null,
        };
        if (key.IsDefault)
            weakness = "it is not set";
        if (weakness is not null)
            yield return Rule.At(settings, key, $"SECRET_KEY is weak: {weakness} ({key.Provenance}, settings module {settings.Module}).");
    }
}
