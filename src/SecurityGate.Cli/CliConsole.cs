namespace SecurityGate.Cli;

/// <summary>The process's surroundings, passed in so the whole command line runs in-process in tests.</summary>
public sealed record CliConsole(
    TextWriter Out,
    TextWriter Error,
    IReadOnlyDictionary<string, string> Environment,
    string WorkingDirectory,
    bool StdoutIsTerminal)
{
    /// <summary>Colour on a terminal unless NO_COLOR is set (https://no-color.org).</summary>
    public bool UseColor => StdoutIsTerminal && !Environment.ContainsKey("NO_COLOR");

    public string ResolvePath(string path) => Path.GetFullPath(path, WorkingDirectory);
}
