using System.Text;
using SecurityGate.Rules.Nginx;
using SecurityGate.Sources.Discovery;
using SecurityGate.Sources.Nginx;

namespace SecurityGate.Tests.Sources.Nginx;

public sealed class NginxSourceTests
{
    [Fact]
    public void Parser_keeps_blocks_quoted_strings_variables_and_positions()
    {
        var file = NginxParser.Parse("site.conf",
            "# comment\nserver {\n  listen 443 ssl; # trailing\n  add_header X-Test \"a; b\\\"c\" always;\n  return 301 https://${host}$request_uri;\n}\n");
        Assert.Empty(file.Problems);
        var server = Assert.Single(file.Directives);
        Assert.Equal(("server", 2, 1), (server.Name, server.Location.Line, server.Location.Column));
        var children = server.Children.ToList();
        Assert.Equal(["listen", "add_header", "return"], children.Select(d => d.Name));
        Assert.Equal(["X-Test", "a; b\"c", "always"], children[1].Arguments.Select(a => a.Value));
        Assert.True(children[1].Arguments[1].Quoted);
        Assert.Equal((4, 3), (children[1].Location.Line, children[1].Location.Column));
        Assert.Equal("https://${host}$request_uri", children[2].Argument(1));
    }

    [Theory]
    [InlineData("server {\n listen 80;\n", 1, "never closed")]
    [InlineData("listen 80;\n}\n", 2, "no block open")]
    [InlineData("server {\n listen 80\n}\n", 2, "not terminated")]
    [InlineData("add_header X \"open;\n", 1, "unterminated")]
    public void Syntax_errors_are_problems_with_lines(string text, int line, string message)
    {
        var problem = Assert.Single(NginxParser.Parse("x.conf", text).Problems, p => p.Message.Contains(message));
        Assert.Equal((NginxProblemKind.Syntax, line), (problem.Kind, problem.Location.Line));
    }

    [Fact]
    public void Jinja_tags_are_masked_keeping_lines()
    {
        var file = NginxParser.Parse("shop.conf.j2",
            "{% if tls %}\nserver {\n  server_name {{ domain }};\n  {# note #}\n  ssl_protocols TLSv1.2;\n}\n{% endif %}\n");
        Assert.Empty(file.Problems);
        var children = file.Directives.Single().Children.ToList();
        Assert.True(children[0].Arguments[0].IsTemplated);
        Assert.Equal(5, children[1].Location.Line);
    }

    [Fact]
    public void Includes_resolve_inside_the_repository_and_site_files_are_not_judged_twice()
    {
        var files = new InMemoryRepositoryFiles()
            .Add("deploy/nginx/nginx.conf", "http {\n  include /etc/nginx/snippets/headers.conf;\n  include sites-enabled/*;\n}\n")
            .Add("deploy/nginx/snippets/headers.conf", "add_header X-Frame-Options DENY always;\n")
            .Add("deploy/nginx/sites-enabled/shop", "server {\n  listen 443 ssl;\n  location / { add_header Cache-Control no-store; }\n}\n")
            .Add("deploy/supervisor/app.conf", "[program:web]\ncommand=gunicorn\n");
        var config = Assert.Single(NginxSource.Load(files));
        Assert.Equal("deploy/nginx/nginx.conf", config.Path);
        Assert.Equal(["deploy/nginx/nginx.conf", "deploy/nginx/snippets/headers.conf", "deploy/nginx/sites-enabled/shop"], config.Files.ToList());
        var finding = Assert.Single(new NGX004LocationDropsSecurityHeaders().Evaluate(config));
        Assert.Equal(("deploy/nginx/sites-enabled/shop", 3), (finding.Location!.Path, finding.Location.Line));
        Assert.Contains("X-Frame-Options", finding.Message);
        Assert.Contains("included by deploy/nginx/nginx.conf", finding.Message);
    }

    [Fact]
    public void Stock_proxy_params_stands_in_when_the_repository_lacks_it()
    {
        var config = NginxSource.LoadText("site.conf", "server {\n  location / {\n    include proxy_params;\n    proxy_pass http://app;\n  }\n}\n",
            new InMemoryRepositoryFiles());
        Assert.Empty(config.Problems);
        Assert.Empty(new NGX006ProxyWithoutForwardedProto().Evaluate(config));
    }

    [Fact]
    public void Include_loops_are_problems_not_hangs()
    {
        var files = new InMemoryRepositoryFiles().Add("nginx/a.conf", "include b.conf;\n").Add("nginx/b.conf", "include a.conf;\n");
        var config = NginxSource.LoadText("nginx/a.conf", "include b.conf;\n", files);
        Assert.Contains(config.Problems, p => p.Message.Contains("include loop"));
    }

    [Theory]
    [InlineData("deploy/nginx/shop.conf", true)]
    [InlineData("etc/nginx/sites-available/shop", true)]
    [InlineData("roles/web/templates/nginx.conf.j2", true)]
    [InlineData("docker/nginx/default.conf.template", true)]
    [InlineData("deploy/supervisor/app.conf", false)]
    [InlineData("docs/nginx.md", false)]
    public void Candidate_paths(string path, bool expected) => Assert.Equal(expected, NginxSource.IsCandidatePath(path));

    [Theory]
    [InlineData("80", 80, false, false)]
    [InlineData("[::]:443", 443, false, false)]
    [InlineData("127.0.0.1:80", 80, false, true)]
    [InlineData("localhost", 80, false, true)]
    [InlineData("*:8443", 8443, false, false)]
    public void Listen_addresses(string address, int port, bool tls, bool loopback)
    {
        var directive = NginxParser.Parse("x", $"listen {address};").Directives.Single();
        var listen = NginxListen.Parse(directive);
        Assert.Equal((port, tls, loopback), (listen.Port!.Value, listen.Tls, listen.Loopback));
        Assert.True(NginxListen.Parse(NginxParser.Parse("x", $"listen {address} ssl;").Directives.Single()).Tls);
    }

    private const int Seed = 1729;
    private const string Alphabet = "{};#\"'\\$ \n\tlisten80sverad_h:/";

    [Fact]
    public void Mutated_and_random_configs_never_throw()
    {
        var random = new Random(Seed);
        var corpus = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Rules", "Nginx", "Fixtures"), "*", SearchOption.AllDirectories)
            .Select(File.ReadAllText).ToArray();
        for (var i = 0; i < 800; i++)
        {
            var text = new StringBuilder(corpus[random.Next(corpus.Length)]);
            for (var edit = random.Next(1, 8); edit > 0 && text.Length > 0; edit--)
            {
                var at = random.Next(text.Length);
                if (random.Next(2) == 0)
                    text.Remove(at, 1);
                else
                    text.Insert(at, Alphabet[random.Next(Alphabet.Length)]);
            }
            var files = new InMemoryRepositoryFiles().Add("nginx/site.conf", text.ToString()).Add("nginx/inc.conf", "include site.conf; include *.conf;");
            foreach (var config in NginxSource.Load(files))
                foreach (var rule in NginxRules.All)
                    _ = rule.Evaluate(config).ToList();
        }
    }
}
