using SecurityGate.Findings;

namespace SecurityGate.Rules.Engine;

/// <summary>A file a source needed could not be read or parsed: the gate could not judge it.</summary>
public static class SG001UnparseableFile
{
    public static RuleDescriptor Descriptor { get; } = RuleDescriptor.Create(
        id: "SG001", title: "File could not be parsed", category: RuleCategory.Engine,
        defaultSeverity: Severity.Warning,
        help: "SecurityGate could not read or parse this file, so nothing in it was checked. Fix the syntax error " +
              "named in the message, or exclude the file with paths.exclude if it is not deployed.");

    public static Finding Create(string message, SourceLocation location) =>
        Descriptor.CreateFinding(message, location, Finding.FileTarget(location.Path));
}
