using System.Text;
using SecurityGate.Findings;
using SecurityGate.Gate;
using SecurityGate.Rules.Docker;
using SecurityGate.Sources.Discovery;
using SecurityGate.Sources.Docker;
using SecurityGate.Tests.TestSupport;

namespace SecurityGate.Tests.Sources.Docker;

public sealed class DockerSourceTests
{
    [Theory]
    [InlineData("docker-compose.override.yml", true)]
    [InlineData(".env.local", true)]
    [InlineData(".devcontainer/docker-compose.yml", true)]
    [InlineData("backend/.devcontainer/backend.env", true)]
    [InlineData("tests/docker-compose.yml", true)]
    [InlineData("deploy/dev/.env", true)]
    [InlineData("docker-compose.yml", false)]
    [InlineData("deploy/production/.env", false)]
    [InlineData("devops/docker-compose.yml", false)]
    [InlineData("contest/Dockerfile", false)]
    public void Development_files_are_known_by_name_or_folder(string path, bool development) =>
        Assert.Equal(development, EnvironmentValues.IsDevelopmentFile(path));

    [Fact]
    public void Dockerfile_joins_continuations_skips_comments_and_heredocs_and_keeps_word_lines()
    {
        var model = DockerfileParser.Parse("Dockerfile",
            "FROM python:3.12 AS build\nRUN <<EOF\nUSER root\nEOF\nENV A=1 \\\n    # a comment inside\n    B=\"two words\"\n" +
            "FROM build\nCMD [\"gunicorn\", \"app.wsgi\"]\nENTRYPOINT [not json\n");
        Assert.Empty(model.Problems);
        Assert.Equal(2, model.Stages.Length);
        Assert.Equal(("python:3.12", "build"), (model.Stages[0].BaseImage, model.Stages[0].Name));
        var env = model.Stages[0].All("ENV").Single();
        Assert.Equal(["A=1", "B=two words"], env.Words.Select(w => w.Value));
        Assert.Equal(7, env.Words[1].Location.Line);
        Assert.Equal(5, env.Location.Line);
        Assert.DoesNotContain(model.Stages[0].Instructions, i => i.Keyword == "USER");
        Assert.Equal(["gunicorn", "app.wsgi"], model.Stages[1].All("CMD").Single().ExecForm!.Value.ToList());
        Assert.Null(model.Stages[1].All("ENTRYPOINT").Single().ExecForm);
    }

    [Fact]
    public void Escape_directive_changes_the_continuation_character()
    {
        var model = DockerfileParser.Parse("Dockerfile", "# escape=`\nFROM mcr.microsoft.com/windows\nENV A=1 `\n    B=2\n");
        Assert.Equal(["A=1", "B=2"], model.Stages[0].All("ENV").Single().Words.Select(w => w.Value));
    }

    [Fact]
    public void Final_stage_user_is_inherited_from_the_stage_it_builds_on()
    {
        var model = DockerfileParser.Parse("Dockerfile", "FROM python AS base\nUSER app\nFROM base AS final\nRUN true\n");
        Assert.Equal(2, model.EffectiveUser()!.Location.Line);
        Assert.Null(DockerfileParser.Parse("Dockerfile", "FROM python AS base\nUSER app\nFROM python\n").EffectiveUser());
    }

    [Fact]
    public void Instruction_before_from_is_a_problem()
    {
        var problem = Assert.Single(DockerfileParser.Parse("Dockerfile", "ARG V=1\nRUN echo\nFROM python\n").Problems);
        Assert.Equal(2, problem.Location.Line);
    }

    [Theory]
    [InlineData("5432:5432", "", "5432", 5432)]
    [InlineData("127.0.0.1:5432:5432/tcp", "127.0.0.1", "5432", 5432)]
    [InlineData("0.0.0.0::6379", "0.0.0.0", "", 6379)]
    [InlineData("[::1]:9200:9200", "::1", "9200", 9200)]
    [InlineData("27017", "", "", 27017)]
    [InlineData("9200-9300:9200-9300", "", "9200-9300", 9200)]
    public void Compose_short_port_syntax(string text, string hostIp, string hostPort, int container)
    {
        var port = ComposeParser.ParseShort(text, SourceLocation.At("c.yml", 1));
        Assert.Equal((hostIp, hostPort, (int?)container), (port.HostIp, port.HostPort, port.ContainerPort));
    }

    [Fact]
    public void Compose_that_is_not_yaml_is_an_unparseable_file_finding()
    {
        var files = new InMemoryRepositoryFiles().Add("docker-compose.yml", "services:\n  web:\n    image: [unclosed\n");
        var finding = Assert.Single(RuleFixtures.Run(DockerAnalyzers.Create(), "docker-compose.yml", files.Read("docker-compose.yml").Text));
        Assert.Equal("SG001", finding.RuleId);
    }

    [Theory]
    [InlineData("SECRET_KEY", true)]
    [InlineData("DJANGO_SECRET_KEY", true)]
    [InlineData("POSTGRES_PASSWORD", true)]
    [InlineData("DB_PASS", true)]
    [InlineData("API_KEY", true)]
    [InlineData("GITHUB_TOKEN", true)]
    [InlineData("POSTGRES_PASSWORD_FILE", false)]
    [InlineData("AWS_ACCESS_KEY_ID", false)]
    [InlineData("GPG_KEY", false)]
    [InlineData("MONKEY_PATCH", false)]
    [InlineData("PASSENGER_APP_ENV", false)]
    [InlineData("CACHE_KEY_PREFIX", false)]
    public void Secret_names(string name, bool expected) => Assert.Equal(expected, EnvironmentValues.IsSecretName(name));

    [Theory]
    [InlineData("plain", "plain", false)]
    [InlineData("${X}", null, false)]
    [InlineData("$X", null, false)]
    [InlineData("${X:-fallback}", "fallback", true)]
    [InlineData("${X-fallback}", "fallback", true)]
    [InlineData("${X:?required}", null, false)]
    [InlineData("pa$$word", "pa$word", false)]
    public void Interpolation_leaves_literals_and_defaults(string raw, string? literal, bool isDefault)
    {
        var result = EnvironmentValues.LiteralOf(raw);
        Assert.Equal(literal, result?.Value);
        if (result is not null)
            Assert.Equal(isDefault, result.IsDefault);
    }

    [Fact]
    public void No_secret_value_appears_in_any_message()
    {
        const string secret = "s3cr3t-VALUE-that-must-never-be-printed";
        const string shortSecret = "hunter2";
        var files = new InMemoryRepositoryFiles()
            .Add("Dockerfile", $"FROM python\nENV SECRET_KEY={secret}\nARG DB_PASSWORD={shortSecret}\n")
            .Add("docker-compose.yml", $"services:\n  web:\n    environment:\n      API_TOKEN: {secret}\n      DATABASE_URL: postgres://u:{shortSecret}@db/x\n")
            .Add(".env", $"SECRET_KEY={secret}\nREDIS_PASSWORD={shortSecret}\n");
        var findings = RunAll(files);
        Assert.Equal(6, findings.Count(f => f.RuleId == "DOC002"));
        Assert.All(findings, f =>
        {
            Assert.DoesNotContain(secret[..8], f.Message);
            Assert.DoesNotContain(shortSecret, f.Message);
        });
        Assert.Contains(findings, f => f.Message.Contains($"a {secret.Length}-character value starting with 's3cr'"));
    }

    [Fact]
    public void Example_env_files_are_not_committed_secrets()
    {
        Assert.True(DockerSource.IsCommittedDotEnv(".env"));
        Assert.True(DockerSource.IsCommittedDotEnv("deploy/.env.production"));
        Assert.True(DockerSource.IsCommittedDotEnv("docker/web.env"));
        Assert.False(DockerSource.IsCommittedDotEnv(".env.example"));
        Assert.False(DockerSource.IsCommittedDotEnv(".env.sample"));
        Assert.False(DockerSource.IsCommittedDotEnv(".env.template"));
        Assert.False(DockerSource.IsCommittedDotEnv("example.env"));
        Assert.False(DockerSource.IsCommittedDotEnv(".envrc"));
    }

    private const int Seed = 31337;
    private const string Alphabet = "\\`\"'[]{}:=$#-\n \tFROMUSERENV<<EOF0123";

    [Fact]
    public void Mutated_and_random_container_files_never_throw()
    {
        var random = new Random(Seed);
        var root = Path.Combine(AppContext.BaseDirectory, "Rules", "Docker", "Fixtures");
        var corpus = Directory.GetFiles(root, "*", SearchOption.AllDirectories).Select(File.ReadAllText).ToArray();
        for (var i = 0; i < 600; i++)
        {
            var text = Mutate(random, corpus[random.Next(corpus.Length)]);
            var files = new InMemoryRepositoryFiles().Add("Dockerfile", text).Add("docker-compose.yml", text).Add(".env", text);
            _ = RunAll(files);
        }
    }

    private static List<Finding> RunAll(InMemoryRepositoryFiles files)
    {
        var context = new ScanContext(new SecurityGate.Configuration.GateOptions { RepositoryPath = "/r" }, files,
            System.Collections.Immutable.ImmutableDictionary<string, string>.Empty);
        var findings = DockerAnalyzers.Create().SelectMany(a => a.AnalyzeAsync(context, CancellationToken.None).Result.Findings).ToList();
        Assert.DoesNotContain(findings, f => f.RuleId == "SG000");
        return findings;
    }

    private static string Mutate(Random random, string text)
    {
        var chars = new StringBuilder(text);
        for (var edit = random.Next(1, 8); edit > 0 && chars.Length > 0; edit--)
        {
            var at = random.Next(chars.Length);
            if (random.Next(2) == 0)
                chars.Remove(at, 1);
            else
                chars.Insert(at, Alphabet[random.Next(Alphabet.Length)]);
        }
        return chars.ToString();
    }
}
