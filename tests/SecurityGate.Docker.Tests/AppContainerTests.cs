using System.Net;
using System.Net.Sockets;
using SecurityGate.Configuration;
using SecurityGate.Gate;

namespace SecurityGate.Docker.Tests;

[Collection(DockerCollection.Name)]
public sealed class AppContainerTests(DockerEnvironment docker)
{
    private const string Role = "app";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static AppContainerOptions StaticServer(int port) => new()
    {
        Image = DockerEnvironment.HardenedImage,
        Port = port,
        Command = ["python3", "-m", "http.server", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1"],
        StartTimeout = TimeSpan.FromSeconds(30),
    };

    [Fact]
    public async Task Started_app_answers_on_the_host_network_and_is_removed_on_dispose()
    {
        var port = FreePort();
        string id;
        await using (var app = await AppContainer.StartAsync(docker.Client, StaticServer(port), CancellationToken.None))
        {
            id = app.Id;
            Assert.Equal(new Uri($"http://127.0.0.1:{port}/"), app.Url);
            using var http = new HttpClient();
            var response = await http.GetAsync(app.Url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        Assert.DoesNotContain(await docker.LeftoverContainersAsync(Role), c => c.ID == id);
    }

    [Fact]
    public async Task App_that_exits_fails_with_its_logs_and_is_removed()
    {
        var options = StaticServer(FreePort()) with { Command = ["python3", "-c", "import sys; print('boom: settings missing'); sys.exit(3)"] };

        var error = await Assert.ThrowsAsync<AppContainerException>(() => AppContainer.StartAsync(docker.Client, options, CancellationToken.None));

        Assert.Contains("exited with code 3", error.Message);
        Assert.Contains("boom: settings missing", error.Logs);
        Assert.Empty(await docker.LeftoverContainersAsync(Role));
    }

    [Fact]
    public async Task App_that_never_answers_times_out_and_is_removed()
    {
        var options = StaticServer(FreePort()) with { Command = ["sleep", "60"], StartTimeout = TimeSpan.FromSeconds(2) };

        var error = await Assert.ThrowsAsync<AppContainerException>(() => AppContainer.StartAsync(docker.Client, options, CancellationToken.None));

        Assert.Contains("did not answer", error.Message);
        Assert.Empty(await docker.LeftoverContainersAsync(Role));
    }

    [Fact]
    public async Task App_whose_healthcheck_fails_stops_the_wait_before_the_timeout()
    {
        // hardened-app's HEALTHCHECK (every 5 s, 3 retries) fetches port 8000, where nothing listens: unhealthy after ~15 s.
        var options = StaticServer(FreePort()) with { Command = ["sleep", "120"], StartTimeout = TimeSpan.FromSeconds(90) };
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<AppContainerException>(() => AppContainer.StartAsync(docker.Client, options, CancellationToken.None));

        Assert.Contains("is unhealthy (its HEALTHCHECK failed: ", error.Message);
        Assert.Contains("Connection refused", error.Message);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(60), $"waited {stopwatch.Elapsed}");
        Assert.Empty(await docker.LeftoverContainersAsync(Role));
    }

    [Fact]
    public async Task Cancellation_while_waiting_still_removes_the_container()
    {
        var options = StaticServer(FreePort()) with { Command = ["sleep", "60"] };
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(2));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => AppContainer.StartAsync(docker.Client, options, cancel.Token));

        Assert.Empty(await docker.LeftoverContainersAsync(Role));
    }

    [Fact]
    public async Task Image_mode_probes_the_started_django_app_and_removes_it()
    {
        var port = FreePort();
        var app = new AppContainerOptions
        {
            Image = DockerEnvironment.DjangoImage,
            Port = port,
            Command = ["python3", "manage.py", "runserver", "--noreload", $"127.0.0.1:{port}"],
            StartTimeout = TimeSpan.FromSeconds(60),
        };
        var repository = Path.Combine(DockerEnvironment.RepositoryRoot, "tests/SecurityGate.Docker.Tests/Images/django-app/app");
        var options = new GateOptions { RepositoryPath = repository, ProbeTimeout = TimeSpan.FromSeconds(20) };

        var result = await ImageModeGate.RunAsync(docker.Client, app, options, new GateRunner(AnalyzerCatalog.All()), CancellationToken.None);

        var site = Assert.Single(result.Sites);
        Assert.Equal($"http://127.0.0.1:{port}/", site.Url);
        Assert.True(site.Reachable);
        Assert.Empty(await docker.LeftoverContainersAsync(Role));
    }
}
