using System.Collections.Concurrent;
using System.Text;

namespace SecurityGate.Sources.Discovery;

/// <summary>The discovered files of a repository on disk, read lazily and at most once each.</summary>
public sealed class FileSystemRepositoryFiles : IRepositoryFiles
{
    /// <summary>How much of a file is inspected for NUL bytes to call it binary (git uses the same idea).</summary>
    public const int BinarySniffBytes = 8000;

    private readonly Dictionary<string, DiscoveredFile> _byPath;
    private readonly ConcurrentDictionary<string, FileReadResult> _cache = new(StringComparer.Ordinal);
    private readonly List<string> _read = [];

    public FileSystemRepositoryFiles(DiscoveryResult discovery)
    {
        _byPath = discovery.Files.ToDictionary(f => f.Path, StringComparer.Ordinal);
        Paths = discovery.Files.Select(f => f.Path).ToList();
    }

    public IReadOnlyList<string> Paths { get; }

    public IReadOnlyList<string> PathsRead
    {
        get { lock (_read) return _read.ToList(); }
    }

    public bool Exists(string path) => _byPath.ContainsKey(path);

    public FileReadResult Read(string path)
    {
        var result = _cache.GetOrAdd(path, ReadUncached);
        if (result.Ok)
            lock (_read)
                if (!_read.Contains(path))
                    _read.Add(path);
        return result;
    }

    private FileReadResult ReadUncached(string path)
    {
        if (!_byPath.TryGetValue(path, out var file))
            return FileReadResult.Failure(FileReadStatus.Missing, $"{path}: not found in the repository");
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file.FullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return FileReadResult.Failure(FileReadStatus.Unreadable, $"{path}: {e.Message}");
        }
        if (bytes.AsSpan(0, Math.Min(bytes.Length, BinarySniffBytes)).Contains((byte)0))
            return FileReadResult.Failure(FileReadStatus.Binary, $"{path}: binary file");
        var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false).GetString(bytes);
        return FileReadResult.Success(text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text);
    }
}
