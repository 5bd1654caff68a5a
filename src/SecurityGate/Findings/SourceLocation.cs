namespace SecurityGate.Findings;

/// <summary>
/// A place in a repository file. <see cref="Path"/> is repo-relative with forward slashes;
/// lines and columns are 1-based, end positions inclusive of the last character's column + 1 (exclusive end).
/// </summary>
public sealed record SourceLocation(string Path, int Line, int Column, int EndLine, int EndColumn)
{
    public static SourceLocation At(string path, int line, int column = 1, int? endColumn = null) =>
        new(path, line, column, line, endColumn ?? column);

    public override string ToString() => $"{Path}:{Line}:{Column}";
}
