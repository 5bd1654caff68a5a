using SecurityGate.Findings;
using SecurityGate.Sources.Discovery;
using SecurityGate.Sources.Sshd;

namespace SecurityGate.Tests.Sources.Sshd;

public sealed class SshdSourceTests
{
    private static SshdConfigModel Model(string text, string? connection = null) =>
        SshdConfigModel.FromText("sshd_config", text, connection is null ? null : SshdConnection.Parse(connection));

    [Theory]
    [InlineData("PasswordAuthentication no")]
    [InlineData("passwordauthentication=NO")]
    [InlineData("PasswordAuthentication = no")]
    [InlineData("PasswordAuthentication =no")]
    [InlineData("  \tPasswordAuthentication\t\"no\"   # comment")]
    [InlineData("\"PasswordAuthentication\" no\r")]
    public void Keyword_forms_all_set_the_value(string line)
    {
        var setting = Model(line + "\n").Effective.PasswordAuthentication;
        Assert.Equal("no", setting.Value);
        Assert.Equal(1, setting.Location!.Line);
    }

    [Fact]
    public void First_value_wins_and_accumulating_keywords_accumulate()
    {
        var model = Model("Port 22\nPermitRootLogin no\nPort 2222\nPermitRootLogin yes\nMaxStartups 5\nMaxStartups 7\n");
        Assert.Equal("no", model.Effective.PermitRootLogin.Value);
        Assert.Equal(2, model.Effective.PermitRootLogin.Location!.Line);
        Assert.Equal(["22", "2222"], model.Effective.Lines("Port").Select(d => d.Value));
        Assert.Equal("7", model.Effective.Get("MaxStartups").Value); // last wins in OpenSSH 9.2
    }

    [Fact]
    public void Aliases_resolve_to_the_canonical_keyword()
    {
        var model = Model("ChallengeResponseAuthentication no\nKbdInteractiveAuthentication yes\n");
        var setting = model.Effective.KbdInteractiveAuthentication;
        Assert.Equal("no", setting.Value);
        Assert.Equal("ChallengeResponseAuthentication", setting.Directive!.RawKeyword);
        Assert.Equal(SshdKeywords.KbdInteractiveAuthentication, setting.Directive.Keyword);
    }

    [Fact]
    public void Defaults_are_reported_as_defaults()
    {
        var effective = Model("").Effective;
        Assert.True(effective.PasswordAuthentication.IsDefault);
        Assert.Equal("yes", effective.PasswordAuthentication.Value);
        Assert.Equal("prohibit-password", effective.PermitRootLogin.Value);
        Assert.Equal("no", effective.UsePam.Value);
        Assert.Equal("6", effective.MaxAuthTries.Value);
    }

    [Fact]
    public void Match_blocks_apply_only_to_matching_connections()
    {
        const string text = "PasswordAuthentication no\nMatch User deploy Address 10.0.0.0/8,!10.9.0.0/16\n  PasswordAuthentication yes\n" +
                            "Match User *,!root\n  PermitRootLogin no\nMatch User !root\n  X11Forwarding yes\n";
        Assert.Equal("no", Model(text).Effective.PasswordAuthentication.Value);
        Assert.Equal("yes", Model(text, "user=deploy,addr=10.1.2.3").Effective.PasswordAuthentication.Value);
        Assert.Equal("no", Model(text, "user=deploy,addr=10.9.2.3").Effective.PasswordAuthentication.Value);
        Assert.Equal("no", Model(text, "user=deploy").Effective.PasswordAuthentication.Value); // no addr: Address fails
        Assert.Equal("no", Model(text, "user=alice").Effective.PermitRootLogin.Value);
        Assert.Equal("prohibit-password", Model(text, "user=root").Effective.PermitRootLogin.Value);
        Assert.Equal("no", Model(text, "user=alice").Effective.X11Forwarding.Value); // a list of only negations matches nobody
    }

    [Fact]
    public void Match_All_applies_even_without_a_connection()
    {
        var model = Model("Match All\n  UsePAM yes\n  PasswordAuthentication no\n");
        Assert.Equal("yes", model.Effective.UsePam.Value);
        Assert.Equal("no", model.Effective.PasswordAuthentication.Value);
        Assert.True(model.IsValid);
    }

    [Fact]
    public void Host_matching_is_case_insensitive_and_user_matching_is_not()
    {
        const string text = "Match Host *.EXAMPLE.com\n  X11Forwarding yes\nMatch User Deploy\n  MaxAuthTries 2\n";
        Assert.Equal("yes", Model(text, "host=web.example.COM").Effective.X11Forwarding.Value);
        Assert.Equal("6", Model(text, "user=deploy").Effective.MaxAuthTries.Value);
    }

    [Fact]
    public void Includes_are_processed_in_place_with_globs_sorted_and_paths_mapped_to_the_repository()
    {
        var files = new InMemoryRepositoryFiles()
            .Add("etc/ssh/sshd_config", "Include sshd_config.d/*.conf\nPasswordAuthentication yes\nInclude /etc/ssh/extra.conf\n")
            .Add("etc/ssh/sshd_config.d/50-b.conf", "PermitRootLogin yes\n")
            .Add("etc/ssh/sshd_config.d/10-a.conf", "PermitRootLogin no\nPasswordAuthentication no\nMatch User x\n  X11Forwarding yes\n")
            .Add("etc/ssh/sshd_config.d/.hidden.conf", "PermitRootLogin yes\n")
            .Add("etc/ssh/extra.conf", "MaxAuthTries 3\n");
        var model = Assert.Single(SshdSource.Load(files));
        Assert.Equal("etc/ssh/sshd_config", model.Config.MainPath);
        Assert.Equal(new SourceLocation("etc/ssh/sshd_config.d/10-a.conf", 1, 1, 1, 19), model.Effective.PermitRootLogin.Location);
        Assert.Equal("no", model.Effective.PasswordAuthentication.Value);
        Assert.Equal("3", model.Effective.MaxAuthTries.Value); // after the included Match block ends, global again
        Assert.Equal("no", model.Effective.X11Forwarding.Value);
        Assert.Empty(model.Problems);
    }

    [Fact]
    public void An_Include_inside_a_Match_block_keeps_the_block_condition()
    {
        var files = new InMemoryRepositoryFiles()
            .Add("sshd_config", "PasswordAuthentication no\nMatch User deploy\n  Include sshd_config.d/deploy.conf\n")
            .Add("sshd_config.d/deploy.conf", "PasswordAuthentication yes\n");
        var model = Assert.Single(SshdSource.Load(files));
        Assert.Equal("no", model.Effective.PasswordAuthentication.Value);
        var block = Assert.Single(model.MatchBlocks);
        Assert.Equal("sshd_config.d/deploy.conf", block.First(SshdKeywords.PasswordAuthentication)!.Location.Path);
        var deploy = Assert.Single(SshdSource.Load(files, SshdConnection.Parse("user=deploy")));
        Assert.Equal("yes", deploy.Effective.PasswordAuthentication.Value);
    }

    [Fact]
    public void Missing_includes_and_loops_become_problems_not_exceptions()
    {
        var files = new InMemoryRepositoryFiles()
            .Add("sshd_config", "Include missing.conf\nInclude /opt/other/x.conf\nInclude loop.conf\n")
            .Add("loop.conf", "Include /etc/ssh/loop.conf\n");
        var model = Assert.Single(SshdSource.Load(files));
        Assert.Contains(model.Problems, p => p.Kind == SshdProblemKind.NotJudged && p.Location.Line == 1 && p.Message.Contains("matches no file"));
        Assert.Contains(model.Problems, p => p.Kind == SshdProblemKind.NotJudged && p.Location.Line == 2 && p.Message.Contains("outside the repository"));
        Assert.Contains(model.Problems, p => p.Kind == SshdProblemKind.Invalid && p.Location.Path == "loop.conf" && p.Message.Contains("loop"));
    }

    [Fact]
    public void Drop_ins_not_included_by_a_main_config_are_judged_on_their_own()
    {
        var files = new InMemoryRepositoryFiles()
            .Add("a/sshd_config", "Include /etc/ssh/sshd_config.d/*.conf\n")
            .Add("a/sshd_config.d/10.conf", "PermitRootLogin no\n")
            .Add("b/sshd_config.d/hardening.conf", "PasswordAuthentication no\n")
            .Add("c/roles/templates/bastion.sshd_config.j2", "PermitRootLogin {{ root }}\n");
        var models = SshdSource.Load(files);
        Assert.Equal(["a/sshd_config", "c/roles/templates/bastion.sshd_config.j2", "b/sshd_config.d/hardening.conf"],
            models.Select(m => m.Config.MainPath));
        Assert.True(models[1].Effective.PermitRootLogin.IsTemplated);
    }

    [Fact]
    public void Templates_skip_jinja_and_flag_templated_values()
    {
        const string text = "{# managed by ansible\n   over two lines #}\nPasswordAuthentication {{ pa | default('no') }}\n" +
                            "{% if root %}\nPermitRootLogin no\n{% endif %}\n{{ key }} yes\nX11Forwarding \"{{ x }}\"\n";
        var model = SshdConfigModel.FromText("sshd_config.j2", text);
        Assert.True(model.Effective.PasswordAuthentication.IsTemplated);
        Assert.Equal(3, model.Effective.PasswordAuthentication.Location!.Line);
        Assert.Equal("no", model.Effective.PermitRootLogin.Value);
        Assert.True(model.Effective.X11Forwarding.IsTemplated);
        Assert.True(model.IsValid);
        Assert.Equal([3, 7, 8], model.Problems.Where(p => p.Kind == SshdProblemKind.NotJudged).Select(p => p.Location.Line).Order());
    }

    [Fact]
    public void Embedded_text_keeps_the_line_numbers_of_its_host_file()
    {
        var config = SshdSource.LoadText("cloud-init.yaml", "PermitRootLogin yes\nBogus 1\n", lineOffset: 40);
        var model = SshdConfigModel.Create(config);
        Assert.Equal(41, model.Effective.PermitRootLogin.Location!.Line);
        Assert.Equal(42, Assert.Single(model.Problems).Location.Line);
    }

    [Theory]
    [InlineData("user=deploy,host=bastion.example.com,addr=10.1.2.3,laddr=10.0.0.1,lport=22,rdomain=r1")]
    [InlineData("addr=::1")]
    public void Connection_specs_round_trip(string spec) => Assert.Equal(spec, SshdConnection.Parse(spec).ToString());

    [Theory]
    [InlineData("", "empty")]
    [InlineData("user", "not key=value")]
    [InlineData("name=bob", "Unknown key 'name'")]
    [InlineData("user=a,user=b", "twice")]
    [InlineData("lport=99999", "Invalid port")]
    [InlineData("user=", "empty value")]
    public void Bad_connection_specs_say_why(string spec, string expected)
    {
        Assert.False(SshdConnection.TryParse(spec, out _, out var error));
        Assert.Contains(expected, error);
    }

    [Theory]
    [InlineData("Ciphers aes128-ctr,aes128-ctr,3des-cbc", "aes128-ctr,3des-cbc")]
    [InlineData("MACs -hmac-sha1*,umac*", "hmac-sha2-256-etm@openssh.com,hmac-sha2-512-etm@openssh.com,hmac-sha2-256,hmac-sha2-512")]
    [InlineData("KexAlgorithms +diffie-hellman-group1-sha1", "sntrup761x25519-sha512,sntrup761x25519-sha512@openssh.com,curve25519-sha256,curve25519-sha256@libssh.org,ecdh-sha2-nistp256,ecdh-sha2-nistp384,ecdh-sha2-nistp521,diffie-hellman-group-exchange-sha256,diffie-hellman-group16-sha512,diffie-hellman-group18-sha512,diffie-hellman-group14-sha256,diffie-hellman-group1-sha1")]
    public void Algorithm_lists_combine_with_the_defaults_as_sshd_prints_them(string line, string expected)
    {
        var keyword = line.Split(' ')[0];
        Assert.Equal(expected, Model(line + "\n").Effective.Get(keyword).Value);
    }

    [Fact]
    public void Directives_not_allowed_in_Match_are_invalid_inside_a_block()
    {
        var model = Model("Match User x\n  UsePAM yes\n  Ciphers aes128-ctr\n  PasswordAuthentication no\n");
        Assert.Equal([2, 3], model.Problems.Where(p => p.Kind == SshdProblemKind.Invalid).Select(p => p.Location.Line));
    }
}
