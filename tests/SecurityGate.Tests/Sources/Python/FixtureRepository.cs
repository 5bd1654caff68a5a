using SecurityGate.Sources.Discovery;

namespace SecurityGate.Tests.Sources.Python;

/// <summary>Loads a folder under Sources/Python/Fixtures into an in-memory repository (paths relative to that folder).</summary>
internal static class FixtureRepository
{
    public static InMemoryRepositoryFiles Load(string name)
    {
        string root = Path.Combine(AppContext.BaseDirectory, "Sources", "Python", "Fixtures", name);
        var files = new InMemoryRepositoryFiles();
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            files.Add(Path.GetRelativePath(root, file).Replace('\\', '/'), File.ReadAllText(file));
        return files;
    }

    public static string Text(string name, string path) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Sources", "Python", "Fixtures", name, path));
}
