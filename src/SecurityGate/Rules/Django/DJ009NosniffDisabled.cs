using SecurityGate.Findings;
using SecurityGate.Sources.Django;

namespace SecurityGate.Rules.Django;

/// <summary>X-Content-Type-Options: nosniff is not sent (security.W006).</summary>
public sealed class DJ009NosniffDisabled : IRule<DjangoSettings>
{
    public static RuleDescriptor Rule { get; } = DjangoRule.Describe("DJ009", "nosniff is disabled", Severity.Warning,
        "Set SECURE_CONTENT_TYPE_NOSNIFF = True (the default since Django 3.0) so browsers do not guess content types and " +
        "run an uploaded file as script.", "security.W006");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(DjangoSettings settings) =>
        SecurityMiddlewareFlagRule.NotTrue(Rule, settings, "SECURE_CONTENT_TYPE_NOSNIFF",
            "responses are sent without X-Content-Type-Options: nosniff");
}
