using SecurityGate.Findings;
using SecurityGate.Sources.Django;

namespace SecurityGate.Rules.Django;

/// <summary>ALLOWED_HOSTS is empty: with DEBUG off, Django answers every request with 400 (security.W020).</summary>
public sealed class DJ003AllowedHostsEmpty : IRule<DjangoSettings>
{
    public static RuleDescriptor Rule { get; } = DjangoRule.Describe("DJ003", "ALLOWED_HOSTS is empty", Severity.Warning,
        "List the host names the site serves (e.g. ['shop.example.com']). Empty means every request is rejected once " +
        "DEBUG is off, which pushes people to set '*' instead.", "security.W020");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(DjangoSettings settings)
    {
        var hosts = settings.Get("ALLOWED_HOSTS");
        if (hosts.IsTruthy == false)
            yield return Rule.At(settings, hosts, $"ALLOWED_HOSTS is empty {DjangoRule.In(settings, hosts)}.");
    }
}
