using SecurityGate.Configuration;
using SecurityGate.Docker.Rules;
using SecurityGate.Findings;
using SecurityGate.Gate;
using SecurityGate.Sources.Discovery;
using System.Collections.Immutable;
using System.Diagnostics;

namespace SecurityGate.Docker.Tests;

[Collection(DockerCollection.Name)]
public sealed class ImageAuditTests(DockerEnvironment docker)
{
    private static GateOptions Options => new() { RepositoryPath = DockerEnvironment.RepositoryRoot };

    private async Task<GateResult> AuditAsync(string image)
    {
        var analyzer = new ImageAuditAnalyzer(docker.Client, new ImageAuditOptions { Image = image });
        var runner = new GateRunner([analyzer, DjangoAnalyzer.Create()]);
        return await runner.RunAsync(Options, new InMemoryRepositoryFiles(), [], Stopwatch.StartNew(), CancellationToken.None);
    }

    [Fact]
    public async Task Insecure_django_image_gets_every_image_rule()
    {
        var result = await AuditAsync(DockerEnvironment.DjangoImage);

        var ids = result.Findings.Select(f => f.RuleId).ToHashSet();
        Assert.Subset(ids, new HashSet<string> { "DOC101", "DOC102", "DOC103", "DOC104", "DOC105", "DOC106" });
        var secret = Assert.Single(result.Findings, f => f.RuleId == "DOC102");
        Assert.Contains("SECRET_KEY", secret.Message);
        Assert.DoesNotContain("image-baked-secret", secret.Message);
        Assert.All(result.Findings.Where(f => f.RuleId.StartsWith("DOC1", StringComparison.Ordinal)),
            f => Assert.Equal("image:" + DockerEnvironment.DjangoImage, f.Target));
        Assert.Equal(Verdict.Fail, result.Verdict);
        Assert.Empty(await docker.LeftoverContainersAsync("image-audit"));
    }

    [Fact]
    public async Task Django_settings_read_out_of_the_image_are_judged_with_the_image_environment()
    {
        var result = await AuditAsync(DockerEnvironment.DjangoImage);

        // DEBUG = os.environ.get("DEBUG") == "1" and the image sets DEBUG=1: the Django rule sees DEBUG on.
        var debug = Assert.Single(result.Findings, f => f.RuleId == "DJ001");
        Assert.Equal("/app/shop/settings.py", debug.Location?.Path);
        Assert.StartsWith("image:" + DockerEnvironment.DjangoImage + " ", debug.Target);
    }

    [Fact]
    public async Task Hardened_image_has_no_image_findings()
    {
        var result = await AuditAsync(DockerEnvironment.HardenedImage);

        Assert.DoesNotContain(result.Findings, f => f.RuleId.StartsWith("DOC1", StringComparison.Ordinal));
        Assert.Empty(await docker.LeftoverContainersAsync("image-audit"));
    }

    [Fact]
    public async Task Inspect_reads_the_image_configuration()
    {
        var facts = await ImageInspector.InspectAsync(docker.Client, DockerEnvironment.HardenedImage, CancellationToken.None);

        Assert.Equal("1000:1000", facts.User);
        Assert.Equal(["8000/tcp"], facts.ExposedPorts.ToArray());
        Assert.True(facts.HasHealthcheck);
        Assert.Equal("static", facts.Environment["APP_MODE"]);
        Assert.Equal("/srv", facts.WorkingDir);
    }

    [Fact]
    public async Task Files_are_read_from_a_never_started_container_and_it_is_removed()
    {
        var files = (await ImageFileReader.ReadFolderAsync(docker.Client, DockerEnvironment.DjangoImage, "/app",
            ImageFileLimits.Default, CancellationToken.None))!;

        Assert.Equal(["manage.py", "shop/__init__.py", "shop/settings.py", "shop/urls.py"], files.Paths);
        Assert.Contains("ROOT_URLCONF", files.Read("shop/settings.py").Text);
        Assert.Empty(await docker.LeftoverContainersAsync("image-audit"));
    }

    [Theory]
    [InlineData("", "", "/app")]
    [InlineData("/", "", "/app")]
    [InlineData("/srv", "", "/srv")]
    [InlineData("/srv", "/code", "/code")]
    public void The_project_is_read_from_the_configured_folder_else_WORKDIR_else_app(string workdir, string configured, string expected) =>
        Assert.Equal(expected, ImageAuditAnalyzer.AppFolderOf(
            new ImageAuditOptions { Image = "shop", AppFolder = configured }, new ImageFacts { Image = "shop", WorkingDir = workdir }));

    [Fact]
    public async Task An_image_without_the_app_folder_is_reported_not_a_crash()
    {
        var analyzer = new ImageAuditAnalyzer(docker.Client, new ImageAuditOptions { Image = DockerEnvironment.HardenedImage, AppFolder = "/nonexistent-app" });
        var result = await new GateRunner([analyzer]).RunAsync(Options, new InMemoryRepositoryFiles(), [], Stopwatch.StartNew(), CancellationToken.None);

        Assert.DoesNotContain(result.Findings, f => f.RuleId == "SG000");
        var missing = Assert.Single(result.Findings, f => f.RuleId == "DOC109");
        Assert.Contains("/nonexistent-app", missing.Message);
        Assert.Empty(await docker.LeftoverContainersAsync("image-audit"));
    }

    [Fact]
    public async Task Missing_image_is_reported_by_the_engine_and_leaves_nothing_behind()
    {
        await Assert.ThrowsAsync<global::Docker.DotNet.DockerImageNotFoundException>(() =>
            ImageInspector.InspectAsync(docker.Client, "securitygate-test/does-not-exist:latest", CancellationToken.None));
        Assert.Empty(await docker.LeftoverContainersAsync("image-audit"));
    }
}

public sealed class ImageRuleTests
{
    private static ImageFacts Facts(Func<ImageFacts, ImageFacts>? change = null)
    {
        var facts = new ImageFacts
        {
            Image = "shop:1",
            User = "app",
            Healthcheck = ["CMD", "true"],
            Cmd = ["gunicorn", "shop.wsgi"],
            Environment = ImmutableDictionary<string, string>.Empty.Add("PORT", "8000"),
        };
        return change is null ? facts : change(facts);
    }

    private static IEnumerable<string> Ids(ImageFacts facts) => ImageRules.All.SelectMany(r => r.Evaluate(facts)).Select(f => f.RuleId);

    [Fact]
    public void A_clean_image_has_no_findings() => Assert.Empty(Ids(Facts()));

    [Theory]
    [InlineData("", true)]
    [InlineData("root", true)]
    [InlineData("0:0", true)]
    [InlineData("1000", false)]
    [InlineData("app:app", false)]
    public void Root_user(string user, bool expected) =>
        Assert.Equal(expected, Ids(Facts(f => f with { User = user })).Contains("DOC101"));

    [Theory]
    [InlineData("DJANGO_SECRET_KEY", "x", true)]
    [InlineData("DATABASE_PASSWORD", "p", true)]
    [InlineData("DATABASE_PASSWORD", "", false)]
    [InlineData("STRIPE_PUBLIC_KEY", "pk", false)]
    public void Secrets_in_environment(string name, string value, bool expected) =>
        Assert.Equal(expected, Ids(Facts(f => f with { Environment = f.Environment.Add(name, value) })).Contains("DOC102"));

    [Theory]
    [InlineData("DEBUG", "1", true)]
    [InlineData("DJANGO_DEBUG", "True", true)]
    [InlineData("DEBUG", "0", false)]
    public void Debug_in_environment(string name, string value, bool expected) =>
        Assert.Equal(expected, Ids(Facts(f => f with { Environment = f.Environment.Add(name, value) })).Contains("DOC103"));

    [Fact]
    public void Ssh_port() => Assert.Contains("DOC104", Ids(Facts(f => f with { ExposedPorts = ["22/tcp", "8000/tcp"] })));

    [Fact]
    public void Healthcheck_none_counts_as_missing()
    {
        Assert.Contains("DOC105", Ids(Facts(f => f with { Healthcheck = ["NONE"] })));
        Assert.Contains("DOC105", Ids(Facts(f => f with { Healthcheck = [] })));
    }

    [Theory]
    [InlineData(new[] { "python", "manage.py", "runserver", "0.0.0.0:8000" }, true)]
    [InlineData(new[] { "sh", "-c", "python /app/manage.py migrate && python /app/manage.py runserver" }, true)]
    [InlineData(new[] { "python", "manage.py", "migrate" }, false)]
    public void Runserver(string[] cmd, bool expected) =>
        Assert.Equal(expected, Ids(Facts(f => f with { Cmd = [.. cmd] })).Contains("DOC106"));

    [Fact]
    public void Descriptors_are_unique_container_rules_in_the_doc1xx_range()
    {
        var descriptors = ImageAuditAnalyzer.AllRules.ToList();
        Assert.Equal(descriptors.Count, descriptors.Select(d => d.Id).Distinct().Count());
        Assert.All(descriptors, d =>
        {
            Assert.Matches("^DOC1[0-9]{2}$", d.Id);
            Assert.Equal(RuleCategory.Container, d.Category);
        });
        // No clash with the engine's own catalog.
        var catalog = AnalyzerCatalog.All().SelectMany(a => a.Rules).Select(r => r.Id).ToHashSet();
        Assert.DoesNotContain(descriptors, d => catalog.Contains(d.Id));
    }

    [Fact]
    public void Every_image_rule_has_its_help_anchor_in_the_readme()
    {
        var readme = File.ReadAllText(Path.Combine(DockerEnvironment.RepositoryRoot, "README.md"));
        Assert.All(ImageAuditAnalyzer.AllRules, d =>
        {
            Assert.Contains($"<a id=\"{d.Id.ToLowerInvariant()}\"></a>{d.Id} | {d.Title} |", readme);
            Assert.EndsWith("#" + d.Id.ToLowerInvariant(), d.HelpUri);
        });
    }
}
