namespace SecurityGate.Docker.Tests;

/// <summary>How the gate tells who it is: its container from the mount table, its process from /proc.</summary>
public sealed class GateIdentityTests
{
    [Fact]
    public void The_container_id_is_read_from_the_mount_table()
    {
        const string id = "3f4e5d6c7b8a99887766554433221100ffeeddccbbaa00112233445566778899";
        var mountInfo =
            "617 598 0:52 / / rw,relatime master:290 - overlay overlay rw,lowerdir=/var/lib/docker/overlay2/l/ABC\n" +
            $"630 617 254:1 /var/lib/docker/containers/{id}/resolv.conf /etc/resolv.conf rw,relatime - ext4 /dev/vda1 rw\n" +
            $"631 617 254:1 /var/lib/docker/containers/{id}/hostname /etc/hostname rw,relatime - ext4 /dev/vda1 rw\n";

        Assert.Equal([id], GateIdentity.ContainerIdsInMountInfo(mountInfo));
        Assert.Empty(GateIdentity.ContainerIdsInMountInfo("22 1 8:1 / / rw - ext4 /dev/sda1 rw\n"));
    }

    [Fact]
    public void The_process_start_time_is_read_from_proc()
    {
        Assert.NotNull(GateIdentity.ProcessStartTicks(Environment.ProcessId));
        Assert.Null(GateIdentity.ProcessStartTicks(int.MaxValue));
        Assert.Matches("^[0-9]+$", GateIdentity.CurrentPidNamespace());
    }
}
