using SecurityGate.Findings;
using SecurityGate.Sources.Django;

namespace SecurityGate.Rules.Django;

/// <summary>DEBUG_PROPAGATE_EXCEPTIONS hands exceptions to the WSGI server instead of Django's error handling.</summary>
public sealed class DJ117DebugPropagateExceptions : IRule<DjangoSettings>
{
    public static RuleDescriptor Rule { get; } = DjangoRule.Describe("DJ117", "DEBUG_PROPAGATE_EXCEPTIONS is on", Severity.Warning,
        "With DEBUG_PROPAGATE_EXCEPTIONS, errors bypass Django's 500 handling and go to the server, which may show " +
        "tracebacks to visitors. It is meant for test setups; leave it False in production.");

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(DjangoSettings settings)
    {
        var setting = settings.Get("DEBUG_PROPAGATE_EXCEPTIONS");
        if (setting.IsTruthy == true)
            yield return Rule.At(settings, setting, $"DEBUG_PROPAGATE_EXCEPTIONS is {setting.Value} {DjangoRule.In(settings, setting)}.");
    }
}
