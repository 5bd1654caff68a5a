using SecurityGate.Configuration;
using SecurityGate.Findings;
using SecurityGate.Sources.Django;
using SecurityGate.Sources.Python;

namespace SecurityGate.Rules.Django;

/// <summary>An entry of SECRET_KEY_FALLBACKS is weak (security.W025, Django 4.1+), one finding per entry.</summary>
public sealed class DJ019SecretKeyFallbackWeak : IRule<DjangoSettings>
{
    public static RuleDescriptor Rule { get; } = DjangoRule.Describe("DJ019", "A SECRET_KEY_FALLBACKS entry is weak", Severity.Warning,
        "Old keys in SECRET_KEY_FALLBACKS still validate signatures. Each must be as strong as SECRET_KEY; drop fallbacks " +
        "once sessions signed with them have expired.", "security.W025");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(DjangoSettings settings)
    {
        if (settings.Version < new DjangoVersion(4, 1))
            yield break;
        var setting = settings.Get("SECRET_KEY_FALLBACKS");
        var items = setting.Value is { IsKnown: true } value ? PythonOperations.Iterate(value) : null;
        if (items is null)
            yield break;
        for (var i = 0; i < items.Count; i++)
        {
            var weakness = items[i] switch
            {
                PythonString s => SecretKeyStrength.Weakness(s.Value),
                PythonNone => "it is None",
                _ => null,
            };
            if (weakness is not null)
                yield return Rule.At(settings, setting,
                    $"SECRET_KEY_FALLBACKS[{i}] is weak: {weakness} {DjangoRule.In(settings, setting)}.");
        }
    }
}
