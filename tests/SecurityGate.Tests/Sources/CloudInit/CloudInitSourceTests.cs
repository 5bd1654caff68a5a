using System.Collections.Immutable;
using System.Text;
using SecurityGate.Configuration;
using SecurityGate.Findings;
using SecurityGate.Gate;
using SecurityGate.Sources.CloudInit;
using SecurityGate.Sources.Discovery;
using SecurityGate.Sources.Sudoers;

namespace SecurityGate.Tests.Sources.CloudInit;

public sealed class CloudInitSourceTests
{
    private const string CloudInit = """
        #cloud-config
        ssh_pwauth: false
        write_files:
          - path: /etc/ssh/sshd_config.d/50-hardening.conf
            permissions: "0644"
            content: |
              PasswordAuthentication no
              PermitRootLogin yes
              X11Forwarding yes
          - path: /etc/motd
            content: "welcome"
          - path: /etc/ssh/sshd_config
            encoding: b64
            content: UGVybWl0Um9vdExvZ2luIHllcwo=
        runcmd:
          - ufw allow 5432
          - [systemctl, restart, ssh]

        """;

    [Fact]
    public void Sshd_settings_in_write_files_are_judged_by_the_ssh_rules_at_their_cloud_init_lines()
    {
        var findings = Run(new InMemoryRepositoryFiles().Add("deploy/cloud-init.yml", CloudInit));
        var ssh = findings.Where(f => f.RuleId.StartsWith("SSH", StringComparison.Ordinal)).ToList();
        Assert.Equal([("SSH002", 8), ("SSH007", 9)], ssh.Select(f => (f.RuleId, f.Location!.Line)).OrderBy(p => p));
        Assert.All(ssh, f =>
        {
            Assert.Equal("deploy/cloud-init.yml", f.Location!.Path);
            Assert.EndsWith("(write_files /etc/ssh/sshd_config.d/50-hardening.conf)", f.Message);
        });
    }

    [Fact]
    public void Parser_reads_commands_write_files_and_lines()
    {
        var model = CloudInitParser.Parse("user-data", CloudInit).Model;
        Assert.Equal(["ufw allow 5432", "systemctl restart ssh"], model.Commands.Select(c => c.Text));
        Assert.Equal([16, 17], model.Commands.Select(c => c.Location.Line));
        Assert.Equal(3, model.WriteFiles.Length);
        Assert.Equal(6, model.WriteFiles[0].ContentLineOffset);
        Assert.Equal("b64", model.WriteFiles[2].Encoding);
        Assert.Single(model.Sshd); // the base64 one is not decoded
        Assert.False(model.SshPwauth!.Value);
    }

    [Fact]
    public void Chpasswd_block_list_entries_point_at_their_own_lines()
    {
        var model = CloudInitParser.Parse("user-data", "#cloud-config\nchpasswd:\n  list: |\n    ubuntu:RANDOM\n    root:toor\n").Model;
        var entry = Assert.Single(model.Chpasswd);
        Assert.Equal(("root", 5), (entry.User, entry.Password.Location.Line));
    }

    [Fact]
    public void Files_are_cloud_init_by_header_or_by_name()
    {
        Assert.True(CloudInitSource.HasHeader("#cloud-config\nusers: []\n"));
        Assert.True(CloudInitSource.HasHeader("## template: jinja\n#cloud-config\n"));
        Assert.False(CloudInitSource.HasHeader("services:\n  web: {}\n"));
        Assert.True(CloudInitSource.IsNamedCloudInit("infra/user-data"));
        Assert.True(CloudInitSource.IsNamedCloudInit("deploy/cloud-init.yml"));
        Assert.False(CloudInitSource.IsNamedCloudInit("docs/cloud-init.md"));
    }

    [Fact]
    public void Invalid_yaml_is_an_unparseable_file_finding()
    {
        var finding = Assert.Single(Run(new InMemoryRepositoryFiles().Add("cloud-init.yml", "#cloud-config\nusers:\n  - name: [x\n")));
        Assert.Equal("SG001", finding.RuleId);
    }

    [Fact]
    public void No_password_appears_in_any_message()
    {
        const string plain = "Correct-Horse-Battery-Staple-42";
        const string hash = "$1$abcdefgh$QWERTYUIOPasdfghjklz";
        var text = $"#cloud-config\nusers:\n  - name: a\n    lock_passwd: false\n    plain_text_passwd: {plain}\n  - name: b\n    lock_passwd: false\n    passwd: {hash}\n" +
                   "chpasswd:\n  users:\n    - {name: root, password: hunter2, type: text}\n";
        var findings = Run(new InMemoryRepositoryFiles().Add("cloud-init.yml", text)).Where(f => f.RuleId == "SRV005").ToList();
        Assert.Equal(3, findings.Count);
        Assert.All(findings, f =>
        {
            Assert.DoesNotContain(plain[..8], f.Message);
            Assert.DoesNotContain("QWERTY", f.Message);
            Assert.DoesNotContain("hunter2", f.Message);
        });
    }

    [Theory]
    [InlineData("%sudo ALL=(ALL:ALL) NOPASSWD: ALL", "%sudo", true)]
    [InlineData("alice, bob  ALL = (root) /usr/bin/apt, NOPASSWD: ALL", "bob", true)]
    [InlineData("deploy ALL=(ALL) NOPASSWD: /bin/systemctl, PASSWD: ALL", "deploy", false)]
    [InlineData("#1000 ALL=(ALL) NOPASSWD:ALL # a uid, then a comment", "#1000", true)]
    public void Sudoers_specifications(string line, string user, bool allWithoutPassword)
    {
        var rule = Assert.Single(SudoersParser.Parse("sudoers", line).Rules);
        Assert.Contains(user, rule.Users);
        Assert.Equal(allWithoutPassword, rule.GrantsAllWithoutPassword);
    }

    [Fact]
    public void Sudoers_skips_defaults_aliases_includes_and_reports_unreadable_lines()
    {
        var file = SudoersParser.Parse("sudoers", "Defaults env_reset\nUser_Alias ADMINS = a, b\n#includedir /etc/sudoers.d\n@include x\nnonsense\n");
        Assert.Empty(file.Rules);
        Assert.Equal(5, Assert.Single(file.Problems).Location.Line);
    }

    private const int Seed = 2718;
    private const string Alphabet = ":-[]{}|>'\"# \n\t=!&*%@ALLNOPASSWD";

    [Fact]
    public void Mutated_and_random_cloud_init_and_sudoers_never_throw()
    {
        var random = new Random(Seed);
        var root = Path.Combine(AppContext.BaseDirectory, "Rules", "Server", "Fixtures");
        var corpus = Directory.GetFiles(root, "*", SearchOption.AllDirectories).Select(File.ReadAllText).Append(CloudInit).ToArray();
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
            _ = Run(new InMemoryRepositoryFiles().Add("cloud-init.yml", "#cloud-config\n" + text).Add("etc/sudoers.d/x", text.ToString()));
        }
    }

    private static List<Finding> Run(IRepositoryFiles files)
    {
        var context = new ScanContext(new GateOptions { RepositoryPath = "/r" }, files, ImmutableDictionary<string, string>.Empty);
        var findings = ServerAnalyzers.Create().SelectMany(a => a.AnalyzeAsync(context, CancellationToken.None).Result.Findings).ToList();
        Assert.DoesNotContain(findings, f => f.RuleId == "SG000");
        return findings;
    }
}
