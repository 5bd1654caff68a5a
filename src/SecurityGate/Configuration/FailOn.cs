using SecurityGate.Findings;

namespace SecurityGate.Configuration;

/// <summary>The lowest severity that blocks; <see cref="Never"/> reports without ever blocking.</summary>
public enum FailOn
{
    Error,
    Warning,
    Note,
    Never,
}

public static class FailOnNames
{
    public static IReadOnlyList<string> All { get; } = ["error", "warning", "note", "never"];

    public static string ToName(this FailOn failOn) => failOn.ToString().ToLowerInvariant();

    public static bool TryParse(string? text, out FailOn failOn)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "error": failOn = FailOn.Error; return true;
            case "warning": failOn = FailOn.Warning; return true;
            case "note": failOn = FailOn.Note; return true;
            case "never": failOn = FailOn.Never; return true;
            default: failOn = default; return false;
        }
    }

    public static bool Blocks(this FailOn failOn, Severity severity) => failOn switch
    {
        FailOn.Never => false,
        FailOn.Error => severity >= Severity.Error,
        FailOn.Warning => severity >= Severity.Warning,
        _ => true,
    };
}
