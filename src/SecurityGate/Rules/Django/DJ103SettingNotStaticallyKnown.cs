using SecurityGate.Findings;
using SecurityGate.Sources.Django;
using SecurityGate.Sources.Python;

namespace SecurityGate.Rules.Django;

/// <summary>A security-relevant setting cannot be known without running the code or knowing the environment.</summary>
public sealed class DJ103SettingNotStaticallyKnown : IRule<DjangoSettings>
{
    public static RuleDescriptor Rule { get; } = DjangoRule.Describe("DJ103", "Setting depends on something the gate cannot see",
        Severity.Note,
        "The value comes from an environment variable with no default, a function call, or a condition that cannot be " +
        "decided statically, so the checks about it were not made. Pass the production environment with --env-file " +
        "(env-file in the configuration) to judge environment lookups.");

    public RuleDescriptor Descriptor => Rule;

    public static IReadOnlyList<string> Watched { get; } =
    [
        "DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "MIDDLEWARE", "INSTALLED_APPS", "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS",
        "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "SESSION_COOKIE_HTTPONLY", "X_FRAME_OPTIONS",
    ];

    public IEnumerable<Finding> Evaluate(DjangoSettings settings)
    {
        foreach (var name in Watched)
        {
            var setting = settings.Get(name);
            if (setting.Value is null || setting.IsKnown)
                continue;
            var why = setting.Value switch
            {
                { Origin: { NoDefault: true } origin } =>
                    $"it comes from environment variable {origin.Variable}, which has no default and is not in the production environment given",
                PythonPossibleValues possible =>
                    "it depends on a condition the gate cannot decide: " +
                    string.Join("; ", possible.Options.Select(o => $"{Show(name, o.Value)} when {o.Condition}")),
                PythonUnknown unknown => unknown.Reason,
                _ => "its value is not plain data",
            };
            yield return Rule.At(settings, setting, $"{name} cannot be judged statically: {why} (settings module {settings.Module}).");
        }
    }

    /// <summary>Longer values are summarised: a note quoting two 35-app INSTALLED_APPS lists is unreadable.</summary>
    public const int MaxShownValueLength = 120;

    /// <summary>Possible values are shown, except secrets; long lists by their size, other long values cut short.</summary>
    private static string Show(string name, PythonValue value)
    {
        if (name == "SECRET_KEY" && value is PythonString s)
            return SecretRedaction.Describe(s.Value);
        var text = value.ToString();
        if (text.Length <= MaxShownValueLength)
            return text;
        return value switch
        {
            PythonList list => $"a list of {list.Items.Count} items",
            PythonTuple tuple => $"a tuple of {tuple.Items.Count} items",
            _ => text[..MaxShownValueLength] + "…",
        };
    }
}
