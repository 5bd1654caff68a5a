using Docker.DotNet;
using Docker.DotNet.Models;

namespace SecurityGate.Docker;

/// <summary>Removes containers this tool created, whatever happened before: cancellation must not leak containers.</summary>
public static class ContainerCleanup
{
    /// <summary>How long removal may take; it runs after the caller's token may already be cancelled.</summary>
    public static readonly TimeSpan RemoveTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Force-removes (kills if running) the container; a container already gone is fine.</summary>
    public static async Task RemoveAsync(IDockerClient client, string containerId)
    {
        // Deliberately not the caller's token: cleanup runs in finally blocks, often because that token fired.
        using var timeout = new CancellationTokenSource(RemoveTimeout);
        try
        {
            await client.Containers.RemoveContainerAsync(containerId,
                new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, timeout.Token);
        }
        catch (DockerContainerNotFoundException)
        {
        }
    }
}
