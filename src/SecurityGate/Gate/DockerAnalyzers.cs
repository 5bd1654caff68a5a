using SecurityGate.Rules.Docker;
using SecurityGate.Rules.Engine;
using SecurityGate.Sources.Docker;

namespace SecurityGate.Gate;

/// <summary>
/// Container files: Dockerfiles, compose files, and the environment both give (with committed .env files).
/// Three analyzers over one source; only the first two report files they cannot read, so nothing is said twice.
/// </summary>
public static class DockerAnalyzers
{
    public static IReadOnlyList<IAnalyzer> Create() =>
    [
        new ModelAnalyzer<DockerfileModel>("dockerfile",
            context =>
            {
                var models = DockerSource.LoadDockerfiles(context.Files);
                var problems = models.SelectMany(m => m.Problems).Select(p => SG001UnparseableFile.Create($"{p.Location.Path}: {p.Message}", p.Location));
                return new SourceOutput<DockerfileModel>(models, [.. problems]);
            },
            DockerRules.Dockerfile),
        new ModelAnalyzer<ComposeModel>("compose",
            context =>
            {
                var (models, problems) = DockerSource.LoadCompose(context.Files);
                return new SourceOutput<ComposeModel>(models, problems);
            },
            DockerRules.Compose),
        new ModelAnalyzer<EnvironmentModel>("container-environment",
            context => new SourceOutput<EnvironmentModel>(DockerSource.LoadEnvironments(context.Files), []),
            DockerRules.Environment),
    ];
}
