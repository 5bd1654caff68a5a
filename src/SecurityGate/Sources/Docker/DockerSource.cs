using System.Collections.Immutable;
using SecurityGate.Findings;
using SecurityGate.Rules.Engine;
using SecurityGate.Sources.Discovery;

namespace SecurityGate.Sources.Docker;

/// <summary>
/// Finds the container files of a repository: Dockerfiles (<c>Dockerfile</c>, <c>Dockerfile.*</c>, <c>*.Dockerfile</c>,
/// <c>Containerfile</c>), compose files (<c>docker-compose*.yml</c>, <c>compose*.yaml</c>) and committed .env files
/// (<c>.env</c>, <c>.env.*</c>, <c>*.env</c>; not examples, samples or templates). Reads only through
/// <see cref="IRepositoryFiles"/>; a compose file that is not YAML is an SG001 problem.
/// </summary>
public static class DockerSource
{
    private static readonly string[] ExampleSuffixes = ["example", "sample", "template", "dist", "defaults", "tpl", "j2", "md"];

    public static bool IsDockerfile(string path)
    {
        var name = FileName(path);
        return name is "Dockerfile" or "Containerfile" || name.StartsWith("Dockerfile.", StringComparison.Ordinal)
            || name.EndsWith(".Dockerfile", StringComparison.Ordinal) || name.EndsWith(".dockerfile", StringComparison.Ordinal);
    }

    public static bool IsCompose(string path)
    {
        var name = FileName(path);
        return (name.StartsWith("docker-compose", StringComparison.Ordinal) || name.StartsWith("compose", StringComparison.Ordinal))
            && (name.EndsWith(".yml", StringComparison.Ordinal) || name.EndsWith(".yaml", StringComparison.Ordinal));
    }

    public static bool IsCommittedDotEnv(string path)
    {
        var name = FileName(path);
        var isEnv = name == ".env" || name.StartsWith(".env.", StringComparison.Ordinal) || (name.EndsWith(".env", StringComparison.Ordinal) && name.Length > 4);
        var lastSegment = name[(name.LastIndexOf('.') + 1)..].ToLowerInvariant();
        return isEnv && !ExampleSuffixes.Contains(lastSegment) && !name.Contains("example", StringComparison.OrdinalIgnoreCase);
    }

    public static ImmutableArray<DockerfileModel> LoadDockerfiles(IRepositoryFiles files) =>
        [.. Read(files, IsDockerfile).Select(f => DockerfileParser.Parse(f.Path, f.Text))];

    public static (ImmutableArray<ComposeModel> Models, ImmutableArray<Finding> Problems) LoadCompose(IRepositoryFiles files)
    {
        var results = Read(files, IsCompose).Select(f => ComposeParser.Parse(f.Path, f.Text)).ToList();
        var problems = results.Where(r => r.Problem is not null)
            .Select(r => SG001UnparseableFile.Create($"{r.Compose.Path}: {r.Problem}", SourceLocation.At(r.Compose.Path, r.ProblemLine)));
        return ([.. results.Select(r => r.Compose)], [.. problems]);
    }

    /// <summary>The environment assignments of every Dockerfile, compose file and committed .env file.</summary>
    public static ImmutableArray<EnvironmentModel> LoadEnvironments(IRepositoryFiles files) =>
    [
        .. LoadDockerfiles(files).Select(DockerfileEnvironment.Of),
        .. Read(files, IsCompose).Select(f => ComposeParser.Parse(f.Path, f.Text).Environment),
        .. Read(files, IsCommittedDotEnv).Select(f => DotEnvAssignments.Parse(f.Path, f.Text)),
    ];

    private static IEnumerable<(string Path, string Text)> Read(IRepositoryFiles files, Func<string, bool> select)
    {
        foreach (var path in files.Paths.Where(select))
        {
            if (files.Read(path) is { Ok: true } read)
                yield return (path, read.Text);
        }
    }

    private static string FileName(string path) => path[(path.LastIndexOf('/') + 1)..];
}
