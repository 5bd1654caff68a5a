using SecurityGate.Configuration;
using SecurityGate.Findings;
using SecurityGate.Sources.Django;
using SecurityGate.Sources.Python;

namespace SecurityGate.Rules.Django;

/// <summary>DEFAULT_HASHING_ALGORITHM is neither 'sha1' nor 'sha256' (security.E100, Django 3.1–3.2 only).</summary>
public sealed class DJ020HashingAlgorithmInvalid : IRule<DjangoSettings>
{
    public static RuleDescriptor Rule { get; } = DjangoRule.Describe("DJ020", "DEFAULT_HASHING_ALGORITHM is invalid", Severity.Error,
        "On Django 3.1 and 3.2 the transitional DEFAULT_HASHING_ALGORITHM must be 'sha1' or 'sha256'; remove it when " +
        "upgrading to 4.0.", "security.E100");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(DjangoSettings settings)
    {
        if (settings.Version < new DjangoVersion(3, 1) || settings.Version >= new DjangoVersion(4, 0))
            yield break;
        var setting = settings.Get("DEFAULT_HASHING_ALGORITHM");
        if (setting.Value is { IsKnown: true } value && value is not PythonString { Value: "sha1" or "sha256" })
            yield return Rule.At(settings, setting,
                $"DEFAULT_HASHING_ALGORITHM is {value}; it must be 'sha1' or 'sha256' {DjangoRule.In(settings, setting)}.");
    }
}
