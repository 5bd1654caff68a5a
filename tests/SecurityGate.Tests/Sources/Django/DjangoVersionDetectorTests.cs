using SecurityGate.Configuration;
using SecurityGate.Sources.Discovery;
using SecurityGate.Sources.Django;

namespace SecurityGate.Tests.Sources.Django;

public class DjangoVersionDetectorTests
{
    [Theory]
    [InlineData("==4.2.16", "4.2")]
    [InlineData("==3.2", "3.2")]
    [InlineData("~=4.2.0", "4.2")]
    [InlineData("~=4.2", "4.2")]
    [InlineData(">=4.2,<5.0", "4.2")]
    [InlineData(">=3.2, <4", "3.2")]
    [InlineData(">=4.2", "6.0")]
    [InlineData("<5.3,>=5.0", "5.2")]
    [InlineData("^4.2", "4.2")]
    [InlineData("==5.*", "5.2")]
    [InlineData("<4.2.3", "4.2")]
    public void Specifiers_ResolveToTheNewestAllowedFeatureRelease(string specifier, string expected) =>
        Assert.Equal(expected, DjangoVersionDetector.Resolve(specifier)?.ToString());

    [Fact]
    public void RequirementsTxt_IsReadWithLineAndSpec()
    {
        var files = new InMemoryRepositoryFiles()
            .Add("requirements.txt", "# web\ndjango-environ==0.11\nDjango[argon2]==4.2.16  # LTS\ngunicorn\n");
        var detected = DjangoVersionDetector.Detect(files)!;
        Assert.Equal(new DjangoVersion(4, 2), detected.Version);
        Assert.Equal("requirements.txt:3 (Django ==4.2.16)", detected.Source);
    }

    [Fact]
    public void LockFiles_WinOverSpecifiers()
    {
        var files = new InMemoryRepositoryFiles()
            .Add("pyproject.toml", "[project]\ndependencies = [\"Django>=4.2\"]\n")
            .Add("poetry.lock", "[[package]]\nname = \"django\"\nversion = \"4.2.11\"\n");
        var detected = DjangoVersionDetector.Detect(files)!;
        Assert.Equal(("4.2", "poetry.lock:3 (Django 4.2.11)"), (detected.Version.ToString(), detected.Source));
    }

    [Fact]
    public void PoetryDependencyTable_IsRead()
    {
        var files = new InMemoryRepositoryFiles().Add("pyproject.toml",
            "[tool.poetry.dependencies]\npython = \"^3.11\"\ndjango = { version = \"^5.0\", extras = [\"argon2\"] }\n");
        Assert.Equal("5.2", DjangoVersionDetector.Detect(files)!.Version.ToString());
    }

    [Fact]
    public void PipfileLock_IsRead()
    {
        var files = new InMemoryRepositoryFiles().Add("Pipfile.lock",
            "{\"default\": {\"django\": {\"hashes\": [], \"version\": \"==3.2.25\"}}, \"develop\": {}}");
        Assert.Equal("3.2", DjangoVersionDetector.Detect(files)!.Version.ToString());
    }

    [Fact]
    public void ProductionRequirements_WinOverDevelopmentOnes()
    {
        var files = new InMemoryRepositoryFiles()
            .Add("requirements/dev.txt", "Django==5.0\n")
            .Add("requirements/production.txt", "Django==4.2.1\n");
        Assert.Equal("requirements/production.txt:1 (Django ==4.2.1)", DjangoVersionDetector.Detect(files)!.Source);
    }

    [Fact]
    public void NoPin_DetectsNothing() =>
        Assert.Null(DjangoVersionDetector.Detect(new InMemoryRepositoryFiles().Add("requirements.txt", "django\nflask==3.0\n")));
}
