using SecurityGate.Findings;
using SecurityGate.Sources.Django;

namespace SecurityGate.Rules.Django;

/// <summary>django-cors-headers lets every origin read responses (worst with credentials).</summary>
public sealed class DJ114CorsAllowsAllOrigins : IRule<DjangoSettings>
{
    public static RuleDescriptor Rule { get; } = DjangoRule.Describe("DJ114", "CORS allows every origin", Severity.Warning,
        "CORS_ALLOW_ALL_ORIGINS (CORS_ORIGIN_ALLOW_ALL before django-cors-headers 3.5) lets any site read your API's " +
        "responses; with CORS_ALLOW_CREDENTIALS it reads them as the logged-in user. List CORS_ALLOWED_ORIGINS instead.");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(DjangoSettings settings)
    {
        foreach (var name in new[] { "CORS_ALLOW_ALL_ORIGINS", "CORS_ORIGIN_ALLOW_ALL" })
        {
            var setting = settings.Get(name);
            if (setting.IsDefault || setting.IsTruthy != true)
                continue;
            var credentials = settings.Get("CORS_ALLOW_CREDENTIALS").IsTruthy == true;
            var finding = Rule.At(settings, setting, credentials
                ? $"{name} is on together with CORS_ALLOW_CREDENTIALS: any website can make authenticated requests and read the answers (settings module {settings.Module})."
                : $"{name} is on: any website can read the responses (settings module {settings.Module}).");
            yield return credentials ? finding with { Severity = Severity.Error } : finding;
        }
    }
}
