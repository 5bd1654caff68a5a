using SecurityGate.Findings;

namespace SecurityGate.Rules.Engine;

/// <summary>An inline suppression whose <c>until=</c> date has passed no longer silences its finding.</summary>
public static class SG004ExpiredSuppression
{
    public static RuleDescriptor Descriptor { get; } = RuleDescriptor.Create(
        id: "SG004", title: "Suppression has expired", category: RuleCategory.Engine,
        defaultSeverity: Severity.Warning,
        help: "The suppression's until= date has passed, so the finding it silenced is reported again. Fix the " +
              "finding, or renew the suppression with a new reason and date.");

    public static Finding Create(string message, SourceLocation location) =>
        Descriptor.CreateFinding(message, location, Finding.FileTarget(location.Path));
}
