namespace SecurityGate.Docker.Tests;

[Collection(DockerCollection.Name)]
public sealed class AppNetworkTests(DockerEnvironment docker)
{
    [Theory]
    [InlineData("auto", true)]
    [InlineData("host", true)]
    [InlineData("container:gate", true)]
    [InlineData("container:", false)]
    [InlineData("bridge", false)]
    [InlineData("none", false)]
    [InlineData("", false)]
    public void Only_modes_that_keep_the_app_on_the_gates_loopback_are_valid(string mode, bool valid) =>
        Assert.Equal(valid, AppNetwork.IsValid(mode));

    [Fact]
    public void The_container_id_is_read_from_the_mount_table()
    {
        const string id = "3f4e5d6c7b8a99887766554433221100ffeeddccbbaa00112233445566778899";
        var mountInfo =
            "617 598 0:52 / / rw,relatime master:290 - overlay overlay rw,lowerdir=/var/lib/docker/overlay2/l/ABC\n" +
            $"630 617 254:1 /var/lib/docker/containers/{id}/resolv.conf /etc/resolv.conf rw,relatime - ext4 /dev/vda1 rw\n" +
            $"631 617 254:1 /var/lib/docker/containers/{id}/hostname /etc/hostname rw,relatime - ext4 /dev/vda1 rw\n";

        Assert.Equal([id], AppNetwork.ContainerIdsInMountInfo(mountInfo));
        Assert.Empty(AppNetwork.ContainerIdsInMountInfo("22 1 8:1 / / rw - ext4 /dev/sda1 rw\n"));
    }

    [Fact]
    public async Task Auto_outside_a_container_is_the_host_network()
    {
        // The tests run on the host: no container of this engine is ours.
        var (mode, reason) = await AppNetwork.ResolveAsync(docker.Client, AppNetwork.Auto, CancellationToken.None);

        Assert.Equal(AppNetwork.Host, mode);
        Assert.Contains("does not run in a container", reason);
    }

    [Fact]
    public async Task An_explicit_mode_is_kept()
    {
        var (mode, _) = await AppNetwork.ResolveAsync(docker.Client, "container:gate", CancellationToken.None);

        Assert.Equal("container:gate", mode);
    }
}
