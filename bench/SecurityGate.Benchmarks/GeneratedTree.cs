namespace SecurityGate.Benchmarks;

/// <summary>A synthetic repository of N files in nested folders, with some folders discovery must skip.</summary>
public static class GeneratedTree
{
    public static string Create(int fileCount)
    {
        var root = Directory.CreateTempSubdirectory($"sg-bench-{fileCount}-").FullName;
        for (var i = 0; i < fileCount; i++)
        {
            var folder = Path.Combine(root, $"pkg{i % 50}", $"mod{i % 7}");
            if (i % 10 == 0)
                folder = Path.Combine(root, "node_modules", $"dep{i % 13}");
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, $"file{i}.py"), "X = 1\n");
        }
        return root;
    }
}
