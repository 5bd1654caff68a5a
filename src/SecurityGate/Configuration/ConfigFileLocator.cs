namespace SecurityGate.Configuration;

/// <summary>Where the configuration file is looked for when <c>--config</c> is not given.</summary>
public static class ConfigFileLocator
{
    /// <summary>Repo-relative candidates, first match wins.</summary>
    public static IReadOnlyList<string> DefaultCandidates { get; } =
        [".github/security-gate.yml", ".github/security-gate.yaml", ".security-gate.yml", ".security-gate.yaml"];

    public static string? FindDefault(string repositoryPath) =>
        DefaultCandidates.Select(c => Path.Combine(repositoryPath, c)).FirstOrDefault(File.Exists);
}
