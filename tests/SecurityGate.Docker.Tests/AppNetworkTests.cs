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
