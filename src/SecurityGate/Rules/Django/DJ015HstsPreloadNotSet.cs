using SecurityGate.Findings;
using SecurityGate.Sources.Django;

namespace SecurityGate.Rules.Django;

/// <summary>HSTS is on without the preload flag (security.W021).</summary>
public sealed class DJ015HstsPreloadNotSet : IRule<DjangoSettings>
{
    public static RuleDescriptor Rule { get; } = DjangoRule.Describe("DJ015", "HSTS preload is not set", Severity.Note,
        "With SECURE_HSTS_PRELOAD = True (and a year's max-age with subdomains) the site can join browsers' preload " +
        "lists, protecting even the first visit. Preloading is hard to undo: decide deliberately.", "security.W021");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(DjangoSettings settings) =>
        HstsRule.FlagNotTrue(Rule, settings, "SECURE_HSTS_PRELOAD", "the site cannot be submitted to the HSTS preload list");
}
