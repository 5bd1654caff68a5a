using SecurityGate.Findings;
using SecurityGate.Sources.Django;

namespace SecurityGate.Rules.Django;

/// <summary>SILENCED_SYSTEM_CHECKS hides Django's security checks (the gate honours it, so say so).</summary>
public sealed class DJ118SecurityChecksSilenced : IRule<DjangoSettings>
{
    public static RuleDescriptor Rule { get; } = DjangoRule.Describe("DJ118", "Security checks are silenced in settings", Severity.Note,
        "SILENCED_SYSTEM_CHECKS hides the listed checks from Django and from this gate, with no reason and no expiry. " +
        "Prefer an inline '# security-gate: ignore[…] reason until=…' suppression, which reviewers see.");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(DjangoSettings settings)
    {
        var silenced = settings.StringItems("SILENCED_SYSTEM_CHECKS")?.Where(id => id.StartsWith("security.", StringComparison.Ordinal)).ToList();
        if (silenced is { Count: > 0 })
        {
            var setting = settings.Get("SILENCED_SYSTEM_CHECKS");
            yield return Rule.At(settings, setting,
                $"SILENCED_SYSTEM_CHECKS silences {string.Join(", ", silenced)}; those findings are not reported (settings module {settings.Module}).");
        }
    }
}
