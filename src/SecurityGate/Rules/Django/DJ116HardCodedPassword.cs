using SecurityGate.Findings;
using SecurityGate.Sources.Django;
using SecurityGate.Sources.Python;

namespace SecurityGate.Rules.Django;

/// <summary>A database or e-mail password is a literal in the settings.</summary>
public sealed class DJ116HardCodedPassword : IRule<DjangoSettings>
{
    public static RuleDescriptor Rule { get; } = DjangoRule.Describe("DJ116", "Password is hard-coded in settings", Severity.Error,
        "Database and mail passwords in the code are in every clone and in git history. Read them from the environment " +
        "(or DATABASE_URL) and rotate the committed ones.");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(DjangoSettings settings)
    {
        if (settings.Get("DATABASES").Value is PythonDict databases)
            foreach (var (alias, config) in databases.Entries)
                if (config is PythonDict database && Literal(database.Get("PASSWORD")) is { } password)
                    yield return Rule.At(settings, settings.Get("DATABASES"),
                        $"DATABASES[{alias}]['PASSWORD'] is a literal ({SecretRedaction.Describe(password)}) in settings module {settings.Module}.");

        var mail = settings.Get("EMAIL_HOST_PASSWORD");
        if (!mail.IsDefault && Literal(mail.Value) is { } mailPassword)
            yield return Rule.At(settings, mail,
                $"EMAIL_HOST_PASSWORD is a literal ({SecretRedaction.Describe(mailPassword)}) in settings module {settings.Module}.");
    }

    /// <summary>A non-empty string that did not come from the production environment.</summary>
    private static string? Literal(PythonValue? value) =>
        value is PythonString { Value.Length: > 0 } s && value.Origin?.FromEnvironment != true ? s.Value : null;
}
