using System.Text.Json;

namespace SecurityGate.Docker.Tests;

/// <summary>
/// The action image built offline from the unmodified Dockerfile and run the way the GitHub runner runs a Docker
/// action (.ci/docker/e2e.sh). Docker missing = failure with the script's message, not a skip.
/// </summary>
[Collection(DockerCollection.Name)]
public sealed class EndToEndTests(DockerEnvironment docker)
{
    private static readonly TimeSpan E2ETimeout = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task Action_image_runs_as_the_runner_runs_it()
    {
        _ = docker.Client; // fails with the setup reason when there is no engine
        var output = Path.Combine(DockerEnvironment.RepositoryRoot, "artifacts", "e2e-test");

        var run = await Shell.RunAsync(".ci/docker/e2e.sh", [], E2ETimeout,
            new Dictionary<string, string> { ["E2E_OUT"] = output, ["ACTION_IMAGE"] = "securitygate-action:e2e-test" });

        Assert.True(run.ExitCode == 0, $"e2e.sh exited with {run.ExitCode}:\n{run.StandardOutput}\n{run.StandardError}");
        Assert.Equal("1", File.ReadAllText(Path.Combine(output, "blocking", "exit-code")).Trim());
        Assert.Equal("0", File.ReadAllText(Path.Combine(output, "relaxed", "exit-code")).Trim());

        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "blocking", "runner_temp", "report.json")));
        Assert.Equal("fail", report.RootElement.GetProperty("verdict").GetString());
        // The entrypoint saw the workspace mount and the working directory the runner sets.
        var stdout = File.ReadAllText(Path.Combine(output, "blocking", "stdout.txt"));
        Assert.Contains("DJ001", stdout);
    }
}
