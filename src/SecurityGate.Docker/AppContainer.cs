using System.Collections.Immutable;
using System.Diagnostics;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace SecurityGate.Docker;

/// <summary>How to start the app image for the live probe (the action's image-* inputs).</summary>
public sealed record AppContainerOptions
{
    public required string Image { get; init; }
    /// <summary>Port the app listens on. The container shares the host network, so this is a host port too.</summary>
    public int Port { get; init; } = DefaultPort;
    public string HealthPath { get; init; } = "/";
    public ImmutableDictionary<string, string> Environment { get; init; } = ImmutableDictionary<string, string>.Empty;
    /// <summary>Replaces the image's CMD, split on whitespace (no shell); empty keeps the image's own command.</summary>
    public ImmutableArray<string> Command { get; init; } = [];
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(DefaultStartTimeoutSeconds);
    /// <summary>
    /// Docker network mode, resolved (<see cref="AppNetwork.ResolveAsync"/>): host or container:&lt;id&gt;. Both put the app
    /// on the gate's 127.0.0.1, so traffic never leaves loopback (no bridge, no private addresses).
    /// </summary>
    public string NetworkMode { get; init; } = AppNetwork.Host;

    public const int DefaultPort = 8000;
    public const double DefaultStartTimeoutSeconds = 60;
}

/// <summary>Why the app container did not come up, with the tail of its logs.</summary>
public sealed class AppContainerException(string message, string logs) : Exception(message + (logs.Length > 0 ? "\n--- container logs ---\n" + logs : ""))
{
    public string Logs { get; } = logs;
}

/// <summary>
/// An ephemeral app container: started, waited on until it answers HTTP, always removed on dispose (also after a
/// timeout or cancellation; removal does not use the caller's token).
/// </summary>
public sealed class AppContainer : IAsyncDisposable
{
    public const string ContainerRole = "app";
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(2);
    private const int LogTailLines = 50;
    private const int MaxHealthOutput = 300;
    /// <summary>Docker's health status once the HEALTHCHECK has failed its retries.</summary>
    private const string UnhealthyStatus = "unhealthy";

    private readonly IDockerClient _client;
    private int _disposed;

    private AppContainer(IDockerClient client, string id, Uri url)
    {
        _client = client;
        Id = id;
        Url = url;
    }

    public string Id { get; }
    public Uri Url { get; }

    public static async Task<AppContainer> StartAsync(IDockerClient client, AppContainerOptions options, CancellationToken cancellationToken)
    {
        var created = await client.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Image = options.Image,
            Cmd = options.Command.IsDefaultOrEmpty ? null : [.. options.Command],
            Env = [.. options.Environment.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")],
            Labels = await ContainerLabels.ForAsync(client, ContainerRole, cancellationToken),
            HostConfig = new HostConfig { NetworkMode = options.NetworkMode },
        }, cancellationToken);
        var container = new AppContainer(client, created.ID, new Uri($"http://127.0.0.1:{options.Port}/"));
        try
        {
            await client.Containers.StartContainerAsync(created.ID, new ContainerStartParameters(), cancellationToken);
            await container.WaitUntilAnswersAsync(options, cancellationToken);
            return container;
        }
        catch
        {
            await container.DisposeAsync();
            throw;
        }
    }

    private async Task WaitUntilAnswersAsync(AppContainerOptions options, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false }) { Timeout = RequestTimeout };
        var probe = new Uri(Url, options.HealthPath);
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                // Any HTTP answer means the server is up; judging the answer is the probe's job.
                using var response = await http.GetAsync(probe, cancellationToken);
                return;
            }
            catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
            }
            var state = (await _client.Containers.InspectContainerAsync(Id, cancellationToken)).State;
            if (!state.Running)
                throw new AppContainerException(
                    $"app container from {options.Image} exited with code {state.ExitCode} before answering on {probe}",
                    await GetLogsAsync(cancellationToken));
            // The image's own HEALTHCHECK, when it has one, can say earlier than the timeout that the app will not come up.
            if (state.Health?.Status == UnhealthyStatus)
                throw new AppContainerException(
                    $"app container from {options.Image} is unhealthy (its HEALTHCHECK failed: {LastHealthOutput(state.Health)}) " +
                    $"and did not answer on {probe}",
                    await GetLogsAsync(cancellationToken));
            if (stopwatch.Elapsed > options.StartTimeout)
                throw new AppContainerException(
                    $"app container from {options.Image} did not answer on {probe} within {options.StartTimeout.TotalSeconds:0} s",
                    await GetLogsAsync(cancellationToken));
            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    private static string LastHealthOutput(Health health) =>
        ContainerOutput.Shorten(ContainerOutput.LastLine(health.Log?.LastOrDefault()?.Output ?? "") ?? "no output", MaxHealthOutput);

    /// <summary>The last lines of stdout and stderr (for failure messages).</summary>
    public async Task<string> GetLogsAsync(CancellationToken cancellationToken) =>
        (await ContainerOutput.ReadLogsAsync(_client, Id, LogTailLines, cancellationToken)).TrimEnd();

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
            await ContainerCleanup.RemoveAsync(_client, Id);
    }
}
