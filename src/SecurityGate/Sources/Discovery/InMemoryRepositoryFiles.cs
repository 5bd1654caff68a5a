namespace SecurityGate.Sources.Discovery;

/// <summary>A repository held in memory: for tests and benchmarks of sources and the gate.</summary>
public sealed class InMemoryRepositoryFiles : IRepositoryFiles
{
    private readonly SortedDictionary<string, string> _files = new(StringComparer.Ordinal);

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

    public FileReadResult Read(string path) =>
        _files.TryGetValue(Normalize(path), out var text)
            ? FileReadResult.Success(text)
            : FileReadResult.Failure(FileReadStatus.Missing, $"{path}: file not found");

    private static string Normalize(string path) => path.Replace('\\', '/').TrimStart('/');
}
