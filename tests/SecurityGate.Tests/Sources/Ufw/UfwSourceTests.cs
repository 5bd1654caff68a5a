using System.Text;
using SecurityGate.Findings;
using SecurityGate.Rules.Firewall;
using SecurityGate.Sources.Discovery;
using SecurityGate.Sources.Ufw;

namespace SecurityGate.Tests.Sources.Ufw;

public sealed class UfwSourceTests
{
    private static readonly SourceLocation At = SourceLocation.At("x.sh", 1);

    [Theory]
    [InlineData("ufw allow 22/tcp", "allow", "22/tcp", null)]
    [InlineData("sudo -E ufw --dry-run allow 80,443/tcp", "allow", "80|443/tcp", null)]
    [InlineData("ufw allow proto tcp from 10.0.0.0/8 to any port 5432", "allow", "5432", "10.0.0.0/8")]
    [InlineData("ufw allow from 198.51.100.7 port 40000 to any port 8080", "allow", "8080", "198.51.100.7")]
    [InlineData("ufw insert 1 limit in on eth0 to any app OpenSSH", "limit", "OpenSSH", null)]
    [InlineData("DEBIAN_FRONTEND=noninteractive ufw allow 'Nginx Full'", "allow", "Nginx Full", null)]
    public void Rule_commands(string line, string action, string ports, string? from)
    {
        var command = Assert.Single(UfwCommandParser.ParseLine(line, UfwOrigin.ShellScript, At));
        Assert.Equal((UfwCommandKind.Rule, action, ports, from), (command.Kind, command.Action, string.Join('|', command.Ports), command.From));
    }

    [Theory]
    [InlineData("ufw delete allow 5432")]
    [InlineData("ufw route allow in on wg0 out on eth0")]
    [InlineData("ufw allow out 53")]
    [InlineData("echo ufw allow 22")]
    [InlineData("# ufw allow 22")]
    [InlineData("ufw status verbose")]
    public void Lines_that_add_no_inbound_rule(string line) => Assert.Empty(UfwCommandParser.ParseLine(line, UfwOrigin.ShellScript, At));

    [Fact]
    public void Compound_lines_and_continuations_yield_every_ufw_command_at_the_first_line()
    {
        var commands = UfwCommandParser.ParseScript("p.sh", "apt-get install -y ufw && \\\n  ufw allow 22 && yes | ufw enable\n", UfwOrigin.ShellScript).ToList();
        Assert.Equal([UfwCommandKind.Rule, UfwCommandKind.Enable], commands.Select(c => c.Kind));
        Assert.All(commands, c => Assert.Equal(1, c.Location.Line));
    }

    [Theory]
    [InlineData("22", 22, true)]
    [InlineData("20:30/tcp", 22, true)]
    [InlineData("ssh", 22, true)]
    [InlineData("postgresql", 5432, true)]
    [InlineData("2222", 22, false)]
    public void Port_tokens(string token, int port, bool expected) => Assert.Equal(expected, UfwPorts.Contains(token, port));

    [Fact]
    public void Enabling_in_another_file_satisfies_the_enable_rule()
    {
        var files = new InMemoryRepositoryFiles()
            .Add("deploy/rules.sh", "ufw allow 80/tcp\n")
            .Add("deploy/enable.sh", "ufw --force enable\n");
        Assert.Empty(new FW001UfwNotEnabled().Evaluate(UfwSource.Load(files)));
        Assert.Single(new FW001UfwNotEnabled().Evaluate(UfwSource.Load(new InMemoryRepositoryFiles().Add("deploy/rules.sh", "ufw allow 80/tcp\n"))));
    }

    [Fact]
    public void A_repository_that_never_mentions_ufw_is_not_judged()
    {
        var files = new InMemoryRepositoryFiles().Add("deploy/provision.sh", "apt-get install -y nginx postgresql\n");
        Assert.False(UfwSource.Load(files).Manages);
        Assert.All(FirewallRules.All, r => Assert.Empty(r.Evaluate(UfwSource.Load(files))));
    }

    private const int Seed = 16180;
    private const string Alphabet = "ufw allow from to port any 22 5432 | & ; \\ \" ' { } [ ] : - \n =";

    [Fact]
    public void Mutated_and_random_scripts_and_yaml_never_throw()
    {
        var random = new Random(Seed);
        var root = Path.Combine(AppContext.BaseDirectory, "Rules", "Firewall", "Fixtures");
        var corpus = Directory.GetFiles(root, "*", SearchOption.AllDirectories).Select(File.ReadAllText).ToArray();
        for (var i = 0; i < 600; i++)
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
            var mutated = text.ToString() + "\nufw\n";
            var files = new InMemoryRepositoryFiles().Add("deploy/p.sh", mutated).Add("ansible/tasks/main.yml", mutated)
                .Add("cloud-init.yml", "#cloud-config\n" + mutated).Add("etc/ufw/ufw.conf", mutated).Add("etc/default/ufw", mutated);
            var model = UfwSource.Load(files);
            foreach (var rule in FirewallRules.All)
                _ = rule.Evaluate(model).ToList();
        }
    }
}
