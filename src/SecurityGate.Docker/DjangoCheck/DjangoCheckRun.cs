using System.Collections.Immutable;

namespace SecurityGate.Docker.DjangoCheck;

/// <summary>Django's message levels as <c>check</c> groups them (CRITICALS, ERRORS, WARNINGS, INFOS, DEBUGS).</summary>
public enum DjangoCheckLevel
{
    Debug,
    Info,
    Warning,
    Error,
    Critical,
}

/// <summary>One message of <c>manage.py check</c>: <c>obj: (id) text</c> plus an optional hint.</summary>
/// <param name="CheckId">Django's id, e.g. <c>security.W004</c>; empty for a custom check without one.</param>
/// <param name="Object">What the message is about; <c>?</c> for project-wide checks such as the security ones.</param>
public sealed record DjangoCheckMessage(DjangoCheckLevel Level, string CheckId, string Object, string Text, string Hint);

/// <summary>
/// What <c>manage.py check --deploy</c> said inside a throwaway container of the app image: its messages, or why it
/// did not produce a check report (no Python, no manage.py, the settings would not import, a timeout).
/// </summary>
public sealed record DjangoCheckRun
{
    public required string Image { get; init; }
    /// <summary>The command line as run, for messages (<c>python3 manage.py check --deploy …</c> in <c>/app</c>).</summary>
    public required string Command { get; init; }
    public ImmutableArray<DjangoCheckMessage> Messages { get; init; } = [];
    /// <summary>Null when Django printed its check report; else what went wrong, secrets already redacted.</summary>
    public string? Failure { get; init; }

    public string Target => "image:" + Image;
}
