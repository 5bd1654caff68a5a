using System.Runtime.CompilerServices;

namespace SecurityGate.Tests.TestSupport;

/// <summary>The checkout's root folder, found from this source file's path.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find([CallerFilePath] string callerPath = "")
    {
        var directory = new DirectoryInfo(System.IO.Path.GetDirectoryName(callerPath)!);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "SecurityGate.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("SecurityGate.sln not found above " + callerPath);
    }
}
