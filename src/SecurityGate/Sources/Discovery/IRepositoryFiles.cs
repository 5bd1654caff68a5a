namespace SecurityGate.Sources.Discovery;

/// <summary>
/// The scanned repository as sources see it: the discovered file list and a way to read one file.
/// Paths are repo-relative with forward slashes and sorted ordinally. Sources never touch the disk directly,
/// so every parser can be tested on an <see cref="InMemoryRepositoryFiles"/>.
/// </summary>
public interface IRepositoryFiles
{
    IReadOnlyList<string> Paths { get; }

    bool Exists(string path);

    /// <summary>Reads a discovered file as UTF-8 text; never throws for a missing, binary or oversized file.</summary>
    FileReadResult Read(string path);

    /// <summary>The files read successfully so far, in order of first read: what was actually scanned.</summary>
    IReadOnlyList<string> PathsRead { get; }
}

public enum FileReadStatus
{
    Ok,
    Missing,
    Binary,
    TooLarge,
    Unreadable,
}

public sealed record FileReadResult(FileReadStatus Status, string Text, string? Problem)
{
    public bool Ok => Status == FileReadStatus.Ok;

    public static FileReadResult Success(string text) => new(FileReadStatus.Ok, text, null);
    public static FileReadResult Failure(FileReadStatus status, string problem) => new(status, "", problem);
}
