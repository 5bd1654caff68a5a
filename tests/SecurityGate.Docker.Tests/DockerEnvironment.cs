using System.Diagnostics;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace SecurityGate.Docker.Tests;

/// <summary>
/// A real Docker engine with the local test images, shared by every test in <see cref="DockerCollection"/>.
/// Starts dockerd and builds the images through the same scripts CI uses. No engine is a test FAILURE with the reason,
/// never a skip: these tests exist to prove the container path works.
/// </summary>
public sealed class DockerEnvironment : IAsyncLifetime
{
    public const string DjangoImage = "securitygate-test/django-app:latest";
    public const string HardenedImage = "securitygate-test/hardened-app:latest";
    /// <summary>Settings only running them can judge, custom deploy checks; see Images/django-dynamic/Dockerfile.</summary>
    public const string DynamicDjangoImage = "securitygate-test/django-dynamic:latest";
    private static readonly TimeSpan SetupTimeout = TimeSpan.FromMinutes(10);

    private DockerClient? _client;
    private string? _setupError;

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public DockerClient Client => _client ?? throw new InvalidOperationException(
        $"Docker is not available, so the container tests cannot run: {_setupError}. " +
        "Install docker.io and debootstrap (bash .ci/install.sh does, as root) and rerun.");

    public async Task InitializeAsync()
    {
        try
        {
            foreach (var script in new[] { ".ci/docker/start-dockerd.sh", ".ci/docker/build-base-images.sh",
                                           "tests/SecurityGate.Docker.Tests/Images/build-test-images.sh" })
            {
                var run = await Shell.RunAsync(script, [], SetupTimeout);
                if (run.ExitCode != 0)
                    throw new InvalidOperationException($"{script} exited with {run.ExitCode}: {run.StandardError.Trim()}");
            }
            var client = DockerEngine.Connect();
            await DockerEngine.DescribeAsync(client, CancellationToken.None);
            _client = client;
        }
        catch (Exception e)
        {
            _setupError = e.Message;
        }
    }

    public Task DisposeAsync()
    {
        _client?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Containers this test process's gate created that still exist (none may survive a test).</summary>
    public async Task<IList<ContainerListResponse>> LeftoverContainersAsync(string role) =>
        await Client.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>>
            {
                // Only this process's containers: other test assemblies use the same engine at the same time.
                ["label"] = new Dictionary<string, bool>
                {
                    [$"{ContainerLabels.Role}={role}"] = true,
                    [$"{ContainerLabels.Run}={ContainerLabels.RunId}"] = true,
                },
            },
        });

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SecurityGate.sln")))
                return dir.FullName;
        throw new InvalidOperationException("SecurityGate.sln not found above " + AppContext.BaseDirectory);
    }
}

[CollectionDefinition(Name)]
public sealed class DockerCollection : ICollectionFixture<DockerEnvironment>
{
    public const string Name = "docker";
}

/// <summary>Runs a repository script with bash and collects its output.</summary>
public static class Shell
{
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError);

    public static async Task<Result> RunAsync(string script, IReadOnlyList<string> args, TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = DockerEnvironment.RepositoryRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{script} did not finish within {timeout}");
        }
        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
