using SecurityGate.Findings;
using SecurityGate.Sources.Django;
using SecurityGate.Sources.Python;

namespace SecurityGate.Rules.Django;

/// <summary>A cookie is SameSite=None without Secure: browsers reject it, and it would ride on every cross-site request.</summary>
public sealed class DJ112SameSiteNoneWithoutSecure : IRule<DjangoSettings>
{
    public static RuleDescriptor Rule { get; } = DjangoRule.Describe("DJ112", "SameSite=None cookie is not Secure", Severity.Warning,
        "SameSite=None sends the cookie with cross-site requests; browsers only accept it with Secure. Set the matching " +
        "*_COOKIE_SECURE = True, or use 'Lax' unless cross-site use is really needed.");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(DjangoSettings settings)
    {
        foreach (var cookie in new[] { "SESSION", "CSRF", "LANGUAGE" })
        {
            var sameSite = settings.Get($"{cookie}_COOKIE_SAMESITE");
            if (sameSite.Value is not PythonString { Value: "None" })
                continue;
            if (settings.Get($"{cookie}_COOKIE_SECURE").IsTruthy == false)
                yield return Rule.At(settings, sameSite,
                    $"{cookie}_COOKIE_SAMESITE is 'None' but {cookie}_COOKIE_SECURE is off (settings module {settings.Module}).");
        }
    }
}
