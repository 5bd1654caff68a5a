using SecurityGate.Sources.Discovery;

namespace SecurityGate.Sources.Python;

/// <summary>
/// Finds project modules in a repository: <c>a.b.c</c> is <c>a/b/c.py</c> or <c>a/b/c/__init__.py</c>, searched
/// from every folder holding a <c>manage.py</c> (Django puts that folder on sys.path) and then from the repository root.
/// </summary>
public sealed class RepositoryPythonModuleResolver : IPythonModuleResolver
{
    private readonly IRepositoryFiles _files;

    public RepositoryPythonModuleResolver(IRepositoryFiles files)
    {
        _files = files ?? throw new ArgumentNullException(nameof(files));
        var roots = files.Paths
            .Where(path => path == "manage.py" || path.EndsWith("/manage.py", StringComparison.Ordinal))
            .Select(path => path[..^"manage.py".Length])
            .Where(root => root.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .OrderBy(root => root, StringComparer.Ordinal)
            .ToList();
        roots.Add("");
        SearchRoots = roots;
    }

    /// <summary>Folders (ending with "/", the root as "") that module names are resolved from, in search order.</summary>
    public IReadOnlyList<string> SearchRoots { get; }

    public PythonModuleSource? Resolve(string absoluteModuleName)
    {
        if (string.IsNullOrEmpty(absoluteModuleName)) return null;
        var parts = absoluteModuleName.Split('.');
        if (parts.Any(part => part.Length == 0 || part.Contains('/') || part.Contains('\\'))) return null;
        string relative = string.Join('/', parts);
        foreach (var root in SearchRoots)
        {
            var module = TryRead(absoluteModuleName, root + relative + ".py", isPackage: false)
                         ?? TryRead(absoluteModuleName, root + relative + "/__init__.py", isPackage: true);
            if (module is not null) return module;
        }

        return null;
    }

    /// <summary>The dotted module name of a repository file, relative to the deepest search root that holds it; null for a non-.py path.</summary>
    public string? ModuleNameFor(string path)
    {
        path = Normalize(path);
        if (!path.EndsWith(".py", StringComparison.Ordinal)) return null;
        string root = SearchRoots
            .Where(r => r.Length == 0 || path.StartsWith(r, StringComparison.Ordinal))
            .OrderByDescending(r => r.Length)
            .First();
        string relative = path[root.Length..^".py".Length];
        if (relative == "__init__") return "";
        if (relative.EndsWith("/__init__", StringComparison.Ordinal)) relative = relative[..^"/__init__".Length];
        return relative.Replace('/', '.');
    }

    /// <summary>Reads a repository file as a module, named from its place in the repository; null when it cannot be read.</summary>
    public PythonModuleSource? ResolvePath(string path)
    {
        path = Normalize(path);
        string? name = ModuleNameFor(path);
        if (name is null) return null;
        bool isPackage = path == "__init__.py" || path.EndsWith("/__init__.py", StringComparison.Ordinal);
        return TryRead(name, path, isPackage);
    }

    private PythonModuleSource? TryRead(string moduleName, string path, bool isPackage)
    {
        if (!_files.Exists(path)) return null;
        var read = _files.Read(path);
        return read.Ok ? new PythonModuleSource(moduleName, path, read.Text, isPackage) : null;
    }

    private static string Normalize(string path) => path.Replace('\\', '/').TrimStart('/');
}
