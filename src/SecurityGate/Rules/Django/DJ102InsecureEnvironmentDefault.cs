using SecurityGate.Findings;
using SecurityGate.Sources.Django;
using SecurityGate.Sources.Python;

namespace SecurityGate.Rules.Django;

/// <summary>
/// A setting is secure only because the production environment sets a variable whose default is insecure: the day the
/// variable goes missing (a new host, a typo in the deploy), the site silently becomes insecure.
/// </summary>
public sealed class DJ102InsecureEnvironmentDefault : IRule<DjangoSettings>
{
    public static RuleDescriptor Rule { get; } = DjangoRule.Describe("DJ102", "Environment lookup has an insecure default",
        Severity.Warning,
        "Make the default of every security-relevant environment lookup the safe value (DEBUG False, SSL redirect and " +
        "secure cookies True, no literal SECRET_KEY), so a missing variable fails safe instead of open.");

    public RuleDescriptor Descriptor => Rule;

    /// <summary>Settings whose insecure default matters, and how to tell the default is insecure.</summary>
    private static readonly (string Name, Func<PythonValue, bool> IsInsecure, string Why)[] Watched =
    [
        ("DEBUG", v => PythonOperations.Truthiness(v) == true, "would turn DEBUG on"),
        ("SECRET_KEY", v => v is PythonString { Value.Length: > 0 }, "is a key committed to the repository"),
        ("SECURE_SSL_REDIRECT", v => PythonOperations.Truthiness(v) == false, "would stop redirecting HTTP to HTTPS"),
        ("SESSION_COOKIE_SECURE", v => PythonOperations.Truthiness(v) == false, "would send the session cookie over HTTP"),
        ("CSRF_COOKIE_SECURE", v => PythonOperations.Truthiness(v) == false, "would send the CSRF cookie over HTTP"),
    ];

    public IEnumerable<Finding> Evaluate(DjangoSettings settings)
    {
        foreach (var (name, isInsecure, why) in Watched)
        {
            var setting = settings.Get(name);
            if (setting.Value?.Origin is not { FromEnvironment: true, HasDefault: true, DefaultValue: { } defaultValue } origin)
                continue;
            if (!isInsecure(defaultValue))
                continue;
            var shown = name == "SECRET_KEY" && defaultValue is PythonString key ? SecretRedaction.Describe(key.Value) : origin.DefaultText;
            yield return Rule.At(settings, setting,
                $"{name} comes from environment variable {origin.Variable}; its default {shown} {why} if the variable is " +
                $"missing in production (settings module {settings.Module}).");
        }
    }
}
