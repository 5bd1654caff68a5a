using SecurityGate.Findings;
using SecurityGate.Sources.Django;

namespace SecurityGate.Rules.Django;

/// <summary>DEBUG is on in a production settings module (Django's security.W018).</summary>
public sealed class DJ001DebugEnabled : IRule<DjangoSettings>
{
    public static RuleDescriptor Rule { get; } = DjangoRule.Describe("DJ001", "DEBUG is enabled", Severity.Error,
        "With DEBUG on, Django shows tracebacks, settings and SQL to anyone who triggers an error. Set DEBUG = False in " +
        "the production settings, and make an environment lookup default to False, not True.", "security.W018");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(DjangoSettings settings)
    {
        var debug = settings.Get("DEBUG");
        if (debug.IsTruthy == true)
            yield return Rule.At(settings, debug, $"DEBUG is {debug.Value} {DjangoRule.In(settings, debug)}.");
    }
}
