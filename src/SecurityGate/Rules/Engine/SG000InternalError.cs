using SecurityGate.Findings;

namespace SecurityGate.Rules.Engine;

/// <summary>A rule or source failed unexpectedly. The gate fails closed: what was not checked must not pass.</summary>
public static class SG000InternalError
{
    public static RuleDescriptor Descriptor { get; } = RuleDescriptor.Create(
        id: "SG000", title: "Internal error", category: RuleCategory.Engine,
        defaultSeverity: Severity.Error,
        help: "SecurityGate hit an unexpected error while checking; part of the repository was not judged. " +
              "Please report it with the message. Blocking by default so that an unchecked change cannot pass.");

    public static Finding Create(string component, Exception error) =>
        Descriptor.CreateFinding($"{component} failed: {error.GetType().Name}: {error.Message}", null, "engine:" + component);
}
