using System.Collections.Immutable;
using Docker.DotNet;

namespace SecurityGate.Docker;

/// <summary>docker image inspect → <see cref="ImageFacts"/>.</summary>
public static class ImageInspector
{
    public static async Task<ImageFacts> InspectAsync(IDockerClient client, string image, CancellationToken cancellationToken)
    {
        var inspect = await client.Images.InspectImageAsync(image, cancellationToken);
        var config = inspect.Config;
        var environment = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var entry in config?.Env ?? [])
        {
            var equals = entry.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
                environment[entry[..equals]] = entry[(equals + 1)..];
        }
        return new ImageFacts
        {
            Image = image,
            User = config?.User ?? "",
            Environment = environment.ToImmutable(),
            ExposedPorts = [.. (config?.ExposedPorts?.Keys ?? []).Order(StringComparer.Ordinal)],
            Healthcheck = [.. config?.Healthcheck?.Test ?? []],
            Entrypoint = [.. config?.Entrypoint ?? []],
            Cmd = [.. config?.Cmd ?? []],
            WorkingDir = config?.WorkingDir ?? "",
        };
    }
}
