using SecurityGate.Findings;
using SecurityGate.Sources.Django;

namespace SecurityGate.Rules.Django;

/// <summary>ALLOWED_HOSTS accepts any Host header (Django's own check does not flag '*').</summary>
public sealed class DJ110AllowedHostsWildcard : IRule<DjangoSettings>
{
    public static RuleDescriptor Rule { get; } = DjangoRule.Describe("DJ110", "ALLOWED_HOSTS accepts any host", Severity.Warning,
        "'*' turns off Host-header validation, enabling cache poisoning and password-reset links to an attacker's domain. " +
        "List the real host names (a leading dot matches subdomains).");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(DjangoSettings settings)
    {
        var hosts = settings.StringItems("ALLOWED_HOSTS");
        if (hosts is not null && hosts.Contains("*"))
        {
            var setting = settings.Get("ALLOWED_HOSTS");
            yield return Rule.At(settings, setting, $"ALLOWED_HOSTS contains '*', so any Host header is accepted {DjangoRule.In(settings, setting)}.");
        }
    }
}
