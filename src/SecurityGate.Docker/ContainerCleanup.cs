using System.Globalization;
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

    /// <summary>
    /// Removes the containers of gates that are gone: a gate killed outright (SIGKILL, an OOM kill, a runner that lost
    /// its VM) cannot clean up after itself, so the next gate on the same engine does. A container's owner is gone when
    /// its owner container no longer runs, or its owner process on this host has exited. Owners on other hosts and
    /// live gates (including this one) are left alone. Returns the ids removed.
    /// </summary>
    public static async Task<IReadOnlyList<string>> RemoveOrphansAsync(IDockerClient client, CancellationToken cancellationToken)
    {
        var self = await GateIdentity.ResolveAsync(client, cancellationToken);
        var containers = await client.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [ContainerLabels.Owner] = true } },
        }, cancellationToken);
        var removed = new List<string>();
        var verdicts = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var container in containers)
        {
            var owner = container.Labels[ContainerLabels.Owner];
            if (owner == self.Label)
                continue;
            if (!verdicts.TryGetValue(owner, out var gone))
                verdicts[owner] = gone = await IsGoneAsync(client, owner, self, cancellationToken);
            if (!gone)
                continue;
            await RemoveAsync(client, container.ID);
            removed.Add(container.ID);
        }
        return removed;
    }

    private static async Task<bool> IsGoneAsync(IDockerClient client, string owner, GateIdentity self, CancellationToken cancellationToken)
    {
        if (owner.StartsWith(GateIdentity.ContainerPrefix, StringComparison.Ordinal))
        {
            try
            {
                var state = (await client.Containers.InspectContainerAsync(owner[GateIdentity.ContainerPrefix.Length..], cancellationToken)).State;
                return !state.Running;
            }
            catch (DockerContainerNotFoundException)
            {
                return true;
            }
        }
        // process:HOST:PIDNS:PID:START — judged only on this host in this PID namespace; START tells a reused pid from the gate.
        var parts = owner.Split(':');
        if (parts is not [_, var ownerHost, var pidNamespace, var pidText, var startText]
            || ownerHost != self.Host || pidNamespace != self.PidNamespace || pidNamespace == GateIdentity.UnknownNamespace
            || !int.TryParse(pidText, NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            || !long.TryParse(startText, NumberStyles.None, CultureInfo.InvariantCulture, out var start))
            return false;
        return GateIdentity.ProcessStartTicks(pid) != start;
    }
}
