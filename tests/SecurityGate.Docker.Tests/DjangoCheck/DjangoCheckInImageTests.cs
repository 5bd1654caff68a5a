using System.Collections.Immutable;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using SecurityGate.Configuration;
using SecurityGate.Docker.DjangoCheck;
using SecurityGate.Findings;
using SecurityGate.Gate;
using SecurityGate.Sources.Discovery;

namespace SecurityGate.Docker.Tests.DjangoCheck;

[Collection(DockerCollection.Name)]
public sealed class DjangoCheckInImageTests(DockerEnvironment docker)
{
    private static readonly ImmutableDictionary<string, string> Staging =
        ImmutableDictionary<string, string>.Empty.Add("SHOP_SECRET_KEY", HostDjango.SecretKey);

    private async Task<DjangoCheckRun> RunAsync(string image, ImmutableDictionary<string, string> environment,
        TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var facts = await ImageInspector.InspectAsync(docker.Client, image, CancellationToken.None);
        var files = await ImageFileReader.ReadFolderAsync(docker.Client, image, facts.WorkingDir, ImageFileLimits.Default, CancellationToken.None)
                    ?? new InMemoryRepositoryFiles();
        var options = new DjangoCheckOptions { Environment = environment, Timeout = timeout ?? TimeSpan.FromSeconds(DjangoCheckOptions.DefaultTimeoutSeconds) };
        return await DjangoCheckInImage.RunAsync(docker.Client, facts, facts.WorkingDir, files, options, cancellationToken);
    }

    private async Task<GateResult> GateAsync(ImmutableDictionary<string, string> environment)
    {
        var audit = new ImageAuditAnalyzer(docker.Client, new ImageAuditOptions
        {
            Image = DockerEnvironment.DynamicDjangoImage,
            DjangoCheck = new DjangoCheckOptions { Environment = environment },
        });
        var options = new GateOptions { RepositoryPath = DockerEnvironment.RepositoryRoot };
        return await new GateRunner([audit]).RunAsync(options, new InMemoryRepositoryFiles(), [], Stopwatch.StartNew(), CancellationToken.None);
    }

    [Fact]
    public async Task Messages_from_the_image_equal_Djangos_own_list_on_the_host()
    {
        // The image and the host both have Debian bookworm's Django 3.2: the same project must say the same things.
        var samples = Staging.Add("SHOP_CHECK_SAMPLES", "1");

        var run = await RunAsync(DockerEnvironment.DynamicDjangoImage, samples);
        var (_, expected) = HostDjango.Messages("3.2", samples);

        Assert.Null(run.Failure);
        Assert.Equal(
            expected.Select(m => (m.Level, m.CheckId, m.Object)).Order().ToList(),
            run.Messages.Select(m => (m.Level, m.CheckId, m.Object)).Order().ToList());
        // Debian's image has python3 only: the gate fell back to it, in the folder of manage.py below WORKDIR.
        Assert.Equal("python3 manage.py check --deploy --fail-level WARNING --no-color (in /srv/site)", run.Command);
        Assert.Empty(await docker.LeftoverContainersAsync(DjangoCheckInImage.ContainerRole));
    }

    [Fact]
    public async Task A_secret_printed_by_a_custom_check_is_redacted()
    {
        var run = await RunAsync(DockerEnvironment.DynamicDjangoImage, Staging);

        var message = Assert.Single(run.Messages, m => m.CheckId == "shop.W001");
        Assert.Equal("Payment API calls are signed with [redacted]", message.Text);
        Assert.DoesNotContain(run.Messages, m => m.Text.Contains(HostDjango.SecretKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_check_container_has_no_network()
    {
        // A listener on the host's loopback: reachable from a host-network container, not from the check's.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var run = await RunAsync(DockerEnvironment.DynamicDjangoImage, Staging.Add("SHOP_PROBE_PORT", port));

        Assert.Contains(run.Messages, m => m.CheckId == "shop.I901");
        Assert.DoesNotContain(run.Messages, m => m.CheckId == "shop.I900");
    }

    [Fact]
    public async Task Gate_reports_only_what_the_static_analysis_did_not()
    {
        var result = await GateAsync(Staging);

        // DEBUG = True is read statically from the settings in the image (DJ001 = security.W018) ...
        var debug = Assert.Single(result.Findings, f => f.RuleId == "DJ001");
        Assert.Equal("/srv/site/config/settings.py", debug.Location?.Path);
        Assert.Equal(17, debug.Location?.Line);
        // ... so Django's own W018 is not repeated; HSTS computed in a loop only Django could judge (W004).
        var second = result.Findings.Where(f => f.RuleId == "DOC107").ToList();
        Assert.Equal(["security.W004", "shop.W001"], second.Select(f => f.References["django"]).Order(StringComparer.Ordinal));
        Assert.All(second, f => Assert.Equal(Severity.Warning, f.Severity));
        Assert.All(second, f => Assert.Null(f.Location));
        Assert.Contains("reports security.W004 for ?: You have not set a value for the SECURE_HSTS_SECONDS setting", second[0].Message + second[1].Message);
        Assert.Equal(2, second.Select(f => f.Fingerprint).Distinct().Count());
        Assert.DoesNotContain(result.Findings, f => f.RuleId == "DOC108");
        Assert.Empty(await docker.LeftoverContainersAsync(DjangoCheckInImage.ContainerRole));
    }

    [Fact]
    public async Task Settings_that_do_not_import_are_a_blocking_DOC108_naming_the_exception()
    {
        var result = await GateAsync(ImmutableDictionary<string, string>.Empty);

        var failed = Assert.Single(result.Findings, f => f.RuleId == "DOC108");
        Assert.Contains("exited with code 1 without a check report: KeyError: 'SHOP_SECRET_KEY'", failed.Message);
        Assert.True(failed.Blocking);
        Assert.Equal(Verdict.Fail, result.Verdict);
        Assert.DoesNotContain(result.Findings, f => f.RuleId == "DOC107");
    }

    [Fact]
    public async Task A_hanging_check_is_stopped_at_the_timeout_and_removed()
    {
        var stopwatch = Stopwatch.StartNew();

        var run = await RunAsync(DockerEnvironment.DynamicDjangoImage, Staging.Add("SHOP_HANG", "1"), TimeSpan.FromSeconds(3));

        Assert.Equal("did not finish within 3 s", run.Failure);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(40), $"took {stopwatch.Elapsed}");
        Assert.Empty(await docker.LeftoverContainersAsync(DjangoCheckInImage.ContainerRole));
    }

    [Fact]
    public async Task Cancellation_removes_the_check_container()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(3));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            RunAsync(DockerEnvironment.DynamicDjangoImage, Staging.Add("SHOP_HANG", "1"), cancellationToken: cancel.Token));

        Assert.Empty(await docker.LeftoverContainersAsync(DjangoCheckInImage.ContainerRole));
    }

    [Fact]
    public async Task An_image_without_manage_py_is_a_failure_not_a_pass()
    {
        var run = await RunAsync(DockerEnvironment.HardenedImage, ImmutableDictionary<string, string>.Empty);

        Assert.Equal("no manage.py under /srv in the image", run.Failure);
        Assert.Empty(run.Messages);
    }
}
