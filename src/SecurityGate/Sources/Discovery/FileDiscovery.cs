using System.Collections.Immutable;

namespace SecurityGate.Sources.Discovery;

/// <summary>Why a file was left out of the scan, reported to the user as a note.</summary>
public enum SkipReason
{
    TooLarge,
    SymlinkOutsideRepository,
    Unreadable,
}

public sealed record SkippedFile(string Path, SkipReason Reason, string Detail);

public sealed record DiscoveredFile(string Path, string FullPath, long Length);

public sealed record DiscoveryOptions
{
    /// <summary>Configuration files are small; anything bigger is generated data or a mistake.</summary>
    public const long DefaultMaxFileBytes = 1024 * 1024;

    public ImmutableArray<string> Include { get; init; } = [];
    public ImmutableArray<string> Exclude { get; init; } = [];
    public long MaxFileBytes { get; init; } = DefaultMaxFileBytes;
}

public sealed record DiscoveryResult(ImmutableArray<DiscoveredFile> Files, ImmutableArray<SkippedFile> Skipped);

/// <summary>
/// Walks the repository once, deterministically (ordinal order), skipping VCS folders, dependency and build
/// output, virtualenvs and excluded paths, and never following a symlink out of the repository.
/// </summary>
public static class FileDiscovery
{
    /// <summary>Folders that never hold the project's own configuration.</summary>
    public static IReadOnlySet<string> SkippedFolderNames { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        ".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", "site-packages",
        ".tox", ".nox", ".mypy_cache", ".pytest_cache", ".ruff_cache", ".eggs", "htmlcov", "build", "dist",
    };

    /// <summary>A folder holding this file is a Python virtual environment, whatever its name (e.g. <c>env/</c>).</summary>
    public const string VirtualEnvMarker = "pyvenv.cfg";

    public static DiscoveryResult Discover(string root, DiscoveryOptions options)
    {
        var rootFull = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar);
        var rootReal = RealPath(rootFull);
        var include = options.Include.Select(p => new Glob(p)).ToArray();
        var exclude = options.Exclude.Select(p => new Glob(p)).ToArray();
        var files = new List<DiscoveredFile>();
        var skipped = new List<SkippedFile>();
        var visited = new HashSet<string>(StringComparer.Ordinal) { rootReal };

        Walk(new DirectoryInfo(rootFull), "");
        files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        skipped.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return new DiscoveryResult([.. files], [.. skipped]);

        void Walk(DirectoryInfo directory, string relative)
        {
            FileSystemInfo[] entries;
            try
            {
                entries = directory.GetFileSystemInfos();
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                skipped.Add(new SkippedFile(relative, SkipReason.Unreadable, e.Message));
                return;
            }
            if (relative.Length > 0 && entries.Any(e => e.Name == VirtualEnvMarker))
                return;
            Array.Sort(entries, (a, b) => string.CompareOrdinal(a.Name, b.Name));

            foreach (var entry in entries)
            {
                var path = relative.Length == 0 ? entry.Name : relative + "/" + entry.Name;
                if (exclude.Any(g => g.IsMatch(path)))
                    continue;
                var isLink = entry.LinkTarget is not null;
                var isDirectory = (entry.Attributes & FileAttributes.Directory) != 0;

                if (isLink)
                {
                    var target = RealPath(entry.FullName);
                    if (!IsInside(target, rootReal))
                    {
                        skipped.Add(new SkippedFile(path, SkipReason.SymlinkOutsideRepository,
                            "symbolic link points outside the repository"));
                        continue;
                    }
                    isDirectory = Directory.Exists(target);
                    if (isDirectory && !visited.Add(target))
                        continue; // a link back into a folder already walked: avoid cycles and duplicates
                }

                if (isDirectory)
                {
                    if (!SkippedFolderNames.Contains(entry.Name))
                        Walk(new DirectoryInfo(entry.FullName), path);
                    continue;
                }

                if (include.Length > 0 && !include.Any(g => g.IsMatch(path)))
                    continue;
                var length = isLink ? new FileInfo(RealPath(entry.FullName)).Length : ((FileInfo)entry).Length;
                if (length > options.MaxFileBytes)
                {
                    skipped.Add(new SkippedFile(path, SkipReason.TooLarge,
                        $"{length} bytes is over the {options.MaxFileBytes}-byte limit"));
                    continue;
                }
                files.Add(new DiscoveredFile(path, entry.FullName, length));
            }
        }
    }

    private static bool IsInside(string path, string root) =>
        path == root || path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>Resolves every symlink in the path (the final target of chains too).</summary>
    private static string RealPath(string path)
    {
        try
        {
            var info = new FileInfo(path);
            var resolved = info.LinkTarget is not null ? info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path : path;
            var parent = Path.GetDirectoryName(resolved);
            if (parent is null || parent == resolved)
                return resolved;
            return Path.Combine(RealPath(parent), Path.GetFileName(resolved));
        }
        catch (IOException)
        {
            return path;
        }
    }
}
