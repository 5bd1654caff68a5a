using Docker.DotNet;
using SecurityGate.Configuration;
using SecurityGate.Gate;

namespace SecurityGate.Docker;

/// <summary>
/// The action's <c>image:</c> mode: start the app image, hand its URL to the live probe together with any configured
/// URLs, run the gate, and remove the container whatever happens.
/// </summary>
public static class ImageModeGate
{
    public static async Task<GateResult> RunAsync(IDockerClient client, AppContainerOptions app, GateOptions options,
        GateRunner runner, CancellationToken cancellationToken)
    {
        await using var container = await AppContainer.StartAsync(client, app, cancellationToken);
        var probed = options with { Urls = [.. options.Urls, container.Url] };
        return await runner.RunAsync(probed, cancellationToken);
    }
}
