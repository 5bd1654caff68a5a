using SecurityGate.Sources.Docker;

namespace SecurityGate.Rules.Docker;

/// <summary>The container rules, by the model each judges: Dockerfiles, compose files, environment assignments.</summary>
public static class DockerRules
{
    public static IReadOnlyList<IRule<DockerfileModel>> Dockerfile { get; } =
    [
        new DOC001ContainerRunsAsRoot(),
        new DOC004RunserverInImage(),
        new DOC005SshPortExposed(),
    ];

    public static IReadOnlyList<IRule<EnvironmentModel>> Environment { get; } =
    [
        new DOC002SecretInEnvironment(),
        new DOC003DebugInEnvironment(),
    ];

    public static IReadOnlyList<IRule<ComposeModel>> Compose { get; } =
    [
        new DOC006DatabasePortPublished(),
    ];

    public static IEnumerable<IRule> All => [.. Dockerfile, .. Environment, .. Compose];
}
