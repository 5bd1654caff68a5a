namespace SecurityGate.Sources.Discovery;

/// <summary>A repository held in memory: for tests and benchmarks of sources and the gate.</summary>
public sealed class InMemoryRepositoryFiles : IRepositoryFiles
{
    private readonly SortedDictionary<string, string> _files = new(StringComparer.Ordinal);
    private readonly List<string> _read = [];

    public InMemoryRepositoryFiles(IEnumerable<KeyValuePair<string, string>>? files = null)
    {
        foreach (var (path, text) in files ?? [])
            _files[Normalize(path)] = text;
    }

    public InMemoryRepositoryFiles Add(string path, string text)
    {
        _files[Normalize(path)] = text;
        return this;
    }

    public IReadOnlyList<string> Paths => _files.Keys.ToList();

    public bool Exists(string path) => _files.ContainsKey(Normalize(path));

    public IReadOnlyList<string> PathsRead
    {
        get { lock (_read) return _read.ToList(); }
    }

    public FileReadResult Read(string path)
    {
        var normalized = Normalize(path);
        if (!_files.TryGetValue(normalized, out var text))
            return FileReadResult.Failure(FileReadStatus.Missing, $"{path}: file not found");
        lock (_read)
            if (!_read.Contains(normalized))
                _read.Add(normalized);
        return FileReadResult.Success(text);
    }

    private static string Normalize(string path) => path.Replace('\\', '/').TrimStart('/');
}
