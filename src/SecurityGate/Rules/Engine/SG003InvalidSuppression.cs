using SecurityGate.Findings;

namespace SecurityGate.Rules.Engine;

/// <summary>An inline suppression that gives no reason (or a malformed one) silences nothing.</summary>
public static class SG003InvalidSuppression
{
    public static RuleDescriptor Descriptor { get; } = RuleDescriptor.Create(
        id: "SG003", title: "Suppression is invalid", category: RuleCategory.Engine,
        defaultSeverity: Severity.Warning,
        help: "Write '# security-gate: ignore[RULE] why this is acceptable' (optionally 'until=YYYY-MM-DD'). " +
              "A suppression without a reason, with an unknown rule id or with a malformed date silences nothing.");

    public static Finding Create(string message, SourceLocation location) =>
        Descriptor.CreateFinding(message, location, Finding.FileTarget(location.Path));
}
