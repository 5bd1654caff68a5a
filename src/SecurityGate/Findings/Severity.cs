namespace SecurityGate.Findings;

/// <summary>How serious a finding is. Ordered: a higher value is more severe.</summary>
public enum Severity
{
    Note = 1,
    Warning = 2,
    Error = 3,
}

public static class SeverityNames
{
    public const string Note = "note";
    public const string Warning = "warning";
    public const string Error = "error";

    public static IReadOnlyList<string> All { get; } = [Error, Warning, Note];

    public static string ToName(this Severity severity) => severity switch
    {
        Severity.Note => Note,
        Severity.Warning => Warning,
        Severity.Error => Error,
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, null),
    };

    public static bool TryParse(string? text, out Severity severity)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case Note: severity = Severity.Note; return true;
            case Warning: severity = Severity.Warning; return true;
            case Error: severity = Severity.Error; return true;
            default: severity = default; return false;
        }
    }
}
