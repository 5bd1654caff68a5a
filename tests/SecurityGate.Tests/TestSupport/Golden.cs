using System.Runtime.CompilerServices;

namespace SecurityGate.Tests.TestSupport;

/// <summary>
/// Golden-file comparison. Run with UPDATE_GOLDEN=1 to rewrite the files in the source tree after an intended change,
/// then review the diff like any other change.
/// </summary>
public static class Golden
{
    public static void AssertMatches(string actual, string goldenFileName, [CallerFilePath] string callerPath = "")
    {
        var sourcePath = Path.Combine(Path.GetDirectoryName(callerPath)!, "Golden", goldenFileName);
        if (System.Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(sourcePath)!);
            File.WriteAllText(sourcePath, actual);
        }
        Assert.True(File.Exists(sourcePath), $"Golden file {sourcePath} is missing; run the tests with UPDATE_GOLDEN=1 to create it.");
        var expected = File.ReadAllText(sourcePath).ReplaceLineEndings("\n");
        Assert.Equal(expected, actual.ReplaceLineEndings("\n"));
    }
}
