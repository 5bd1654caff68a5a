using System.Diagnostics;
using System.Globalization;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace SecurityGate.Docker.Tests;

/// <summary>What a killed gate leaves behind is removed by the next one; live gates' containers never are.</summary>
[Collection(DockerCollection.Name)]
public sealed class ContainerCleanupTests(DockerEnvironment docker) : IAsyncLifetime
{
    private const string TestRole = "cleanup-test";
    private readonly List<string> _created = [];
    private GateIdentity _self = null!;

    public async Task InitializeAsync() => _self = await GateIdentity.ResolveAsync(docker.Client, CancellationToken.None);

    public async Task DisposeAsync()
    {
        foreach (var id in _created)
            await ContainerCleanup.RemoveAsync(docker.Client, id);
    }

    private string ProcessOwner(int pid, long start, string? host = null) =>
        string.Create(CultureInfo.InvariantCulture, $"process:{host ?? _self.Host}:{_self.PidNamespace}:{pid}:{start}");

    /// <summary>A container labelled as if a gate with <paramref name="owner"/> had created it.</summary>
    private async Task<string> CreateOwnedAsync(string owner, IList<string>? command = null, bool start = false)
    {
        var created = await docker.Client.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Image = DockerEnvironment.HardenedImage,
            Cmd = command ?? ["sleep", "300"],
            Labels = new Dictionary<string, string> { [ContainerLabels.Role] = TestRole, [ContainerLabels.Owner] = owner },
            HostConfig = new HostConfig { NetworkMode = "none" },
        });
        _created.Add(created.ID);
        if (start)
            await docker.Client.Containers.StartContainerAsync(created.ID, new ContainerStartParameters());
        return created.ID;
    }

    private async Task<bool> ExistsAsync(string id)
    {
        try
        {
            await docker.Client.Containers.InspectContainerAsync(id);
            return true;
        }
        catch (DockerContainerNotFoundException)
        {
            return false;
        }
    }

    [Fact]
    public async Task Containers_of_an_exited_gate_process_are_removed()
    {
        using var gone = Process.Start("sleep", "0.2");
        var start = GateIdentity.ProcessStartTicks(gone.Id);
        Assert.NotNull(start);
        await gone.WaitForExitAsync();
        var orphan = await CreateOwnedAsync(ProcessOwner(gone.Id, start.Value));

        var removed = await ContainerCleanup.RemoveOrphansAsync(docker.Client, CancellationToken.None);

        Assert.Contains(orphan, removed);
        Assert.False(await ExistsAsync(orphan));
    }

    [Fact]
    public async Task A_reused_pid_is_not_mistaken_for_the_gate()
    {
        // Same pid as a live process, other start time: the owner is gone and the pid belongs to someone else now.
        var orphan = await CreateOwnedAsync(ProcessOwner(Environment.ProcessId, _self.ProcessStart + 1));

        await ContainerCleanup.RemoveOrphansAsync(docker.Client, CancellationToken.None);

        Assert.False(await ExistsAsync(orphan));
    }

    [Fact]
    public async Task Live_gates_and_gates_elsewhere_keep_their_containers()
    {
        using var live = Process.Start("sleep", "60");
        try
        {
            var mine = await CreateOwnedAsync(_self.Label);
            var otherLiveProcess = await CreateOwnedAsync(ProcessOwner(live.Id, GateIdentity.ProcessStartTicks(live.Id)!.Value));
            var otherHost = await CreateOwnedAsync(ProcessOwner(1, 1, host: "another-runner"));

            await ContainerCleanup.RemoveOrphansAsync(docker.Client, CancellationToken.None);

            Assert.True(await ExistsAsync(mine));
            Assert.True(await ExistsAsync(otherLiveProcess));
            Assert.True(await ExistsAsync(otherHost));
        }
        finally
        {
            live.Kill();
        }
    }

    [Fact]
    public async Task Containers_of_a_killed_gate_container_are_removed_once_it_is_gone()
    {
        // A stand-in for the action's own container, and an app container it started before being killed.
        var gate = await CreateOwnedAsync("not-a-gate", start: true);
        var app = await CreateOwnedAsync(GateIdentity.ContainerPrefix + gate, start: true);

        await ContainerCleanup.RemoveOrphansAsync(docker.Client, CancellationToken.None);
        Assert.True(await ExistsAsync(app)); // its gate still runs

        await docker.Client.Containers.KillContainerAsync(gate, new ContainerKillParameters { Signal = "KILL" });
        var removed = await ContainerCleanup.RemoveOrphansAsync(docker.Client, CancellationToken.None);

        Assert.Equal([app], removed.Where(id => _created.Contains(id)));
        Assert.False(await ExistsAsync(app));
    }
}
