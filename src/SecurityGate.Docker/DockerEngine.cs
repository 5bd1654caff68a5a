using Docker.DotNet;

namespace SecurityGate.Docker;

/// <summary>Connects to the Docker Engine the action container was given (the runner mounts the host socket).</summary>
public static class DockerEngine
{
    public const string DefaultSocket = "unix:///var/run/docker.sock";
    public const string DockerHostVariable = "DOCKER_HOST";

    /// <summary>A client for DOCKER_HOST when set, else the default socket.</summary>
    public static DockerClient Connect(IReadOnlyDictionary<string, string>? environment = null)
    {
        var endpoint = environment is not null && environment.TryGetValue(DockerHostVariable, out var host) && host.Length > 0
            ? host
            : DefaultSocket;
        return new DockerClientConfiguration(new Uri(endpoint)).CreateClient();
    }

    /// <summary>The engine's version, or a clear message why it cannot be reached.</summary>
    public static async Task<string> DescribeAsync(IDockerClient client, CancellationToken cancellationToken)
    {
        var version = await client.System.GetVersionAsync(cancellationToken);
        return $"Docker {version.Version} (API {version.APIVersion})";
    }
}
