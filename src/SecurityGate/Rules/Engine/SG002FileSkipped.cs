using SecurityGate.Findings;
using SecurityGate.Sources.Discovery;

namespace SecurityGate.Rules.Engine;

/// <summary>A file was left out of the scan (too large, or a symlink leaving the repository).</summary>
public static class SG002FileSkipped
{
    public static RuleDescriptor Descriptor { get; } = RuleDescriptor.Create(
        id: "SG002", title: "File skipped", category: RuleCategory.Engine,
        defaultSeverity: Severity.Note,
        help: "The file was not scanned: it is over the size limit for configuration files, or it is a symbolic " +
              "link that points outside the repository (never followed). Exclude it with paths.exclude to silence this.");

    public static Finding Create(SkippedFile skipped) =>
        Descriptor.CreateFinding($"{skipped.Path} was not scanned: {skipped.Detail}.",
            SourceLocation.At(skipped.Path, 1), Finding.FileTarget(skipped.Path));
}
