using System.Diagnostics;
using System.Globalization;
using SecurityGate.Rules.Sshd;
using SecurityGate.Sources.Discovery;
using SecurityGate.Sources.Sshd;

namespace SecurityGate.Tests.Sources.Sshd;

/// <summary>
/// Parity with OpenSSH itself: generated configs are evaluated by us and by the real <c>sshd -T</c>
/// (with and without <c>-C</c>), and every modelled value must agree, as must "sshd rejects it" vs our SSH000,
/// and the SSH001–SSH009 findings (those carrying refs.sshd) must follow from sshd's printed values.
/// Needs the Debian package openssh-server (CI installs it); without it this test fails and says so.
/// </summary>
public sealed class SshdReferenceTests(Xunit.Abstractions.ITestOutputHelper output) : IDisposable
{
    private const string SshdPath = "/usr/sbin/sshd";
    private const string KeygenPath = "/usr/bin/ssh-keygen";
    private const string PrivilegeSeparationDir = "/run/sshd";
    private const int Seed = 20261123;
    private const int ConfigCount = 250;
    private const int MaxReportedFailures = 15;
    private const string RepoMain = "etc/ssh/sshd_config";
    private const string RepoSshDir = "/etc/ssh";

    private static readonly string[] ComparedKeys =
    [
        "passwordauthentication", "permitrootlogin", "kbdinteractiveauthentication", "usepam", "permitemptypasswords",
        "pubkeyauthentication", "x11forwarding", "maxauthtries", "permituserenvironment", "ciphers", "macs",
        "kexalgorithms", "authenticationmethods",
    ];

    private static readonly string?[] Connections =
    [
        "user=deploy,host=bastion.example.com,addr=10.1.2.3",
        "user=root,host=db1.internal,addr=192.168.1.20",
        "user=alice,addr=203.0.113.9",
        "user=bob,host=web.example.com,addr=192.168.2.7",
    ];

    private readonly string _work = Directory.CreateTempSubdirectory("sshd-ref-").FullName;

    /// <summary>Set SSHD_REFERENCE_KEEP=1 to keep the generated configs for inspecting a failure.</summary>
    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("SSHD_REFERENCE_KEEP") != "1")
            Directory.Delete(_work, recursive: true);
    }

    [Fact]
    public void Our_effective_values_and_findings_match_sshd_T()
    {
        var hostKey = Prepare();
        var generator = new SshdConfigGenerator(Seed);
        var failures = new List<string>();
        var counts = new Counts();
        for (var index = 0; index < ConfigCount && failures.Count < MaxReportedFailures; index++)
        {
            var (main, files) = generator.Next();
            // Each config is checked without -C and for two of the sample connections.
            string?[] specs = [null, Connections[index % Connections.Length], Connections[(index + 1) % Connections.Length]];
            failures.AddRange(Check($"config #{index}", main, files, specs, hostKey, counts));
        }
        output.WriteLine($"{counts.Compared} views compared with sshd -T, {counts.Rejected} configs rejected by sshd (and by us)");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(counts.Compared >= ConfigCount * 2, $"only {counts.Compared} views compared ({counts.Rejected} rejected)");
        Assert.True(counts.Rejected > 0, "the generator should produce some configs sshd rejects");
    }

    /// <summary>Hand-written corners: local address/port and rdomain criteria, Match All and Match lines in included files.</summary>
    [Theory]
    [InlineData("Match LocalPort 2222 LocalAddress 10.0.0.0/8\nPasswordAuthentication no\nMatch RDomain r*\nX11Forwarding yes\n", "",
        "user=a,lport=2222,laddr=10.1.1.1|user=a,lport=22,laddr=10.1.1.1|user=a,lport=2222,laddr=10.1.1.1,rdomain=red")]
    [InlineData("Include @ROOT@/sshd_config.d/c.conf\nMaxAuthTries 5\n", "MaxAuthTries 4\nMatch All\nX11Forwarding yes\n", "-|user=x")]
    [InlineData("Match User x\nInclude @ROOT@/sshd_config.d/c.conf\n", "MaxAuthTries 4\nMatch All\nX11Forwarding yes\n", "-|user=x|user=y")]
    [InlineData("Match User alice\nInclude @ROOT@/sshd_config.d/c.conf\n", "Match User bob\nPermitRootLogin yes\nMatch All\nX11Forwarding yes\n",
        "-|user=alice|user=bob")]
    [InlineData("Match User x\nInclude @ROOT@/sshd_config.d/c.conf\n", "UsePAM yes\n", "-")]
    [InlineData("AuthenticationMethods any\nMatch User x\nAuthenticationMethods publickey\n", "", "-|user=x")]
    [InlineData("PubkeyAuthentication no\nAuthenticationMethods publickey password\n", "", "-")]
    public void Handwritten_cases_match_sshd_T(string main, string dropIn, string specs)
    {
        var hostKey = Prepare();
        var files = dropIn.Length == 0 ? [] : new Dictionary<string, string> { ["sshd_config.d/c.conf"] = dropIn };
        var failures = Check("case", main, files, specs.Split('|').Select(s => s == "-" ? null : s).ToArray(), hostKey, new Counts());
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private sealed class Counts
    {
        public int Compared;
        public int Rejected;
    }

    private List<string> Check(string name, string main, Dictionary<string, string> files, string?[] specs, string hostKey, Counts counts)
    {
        var failures = new List<string>();
        var caseDir = Path.Combine(_work, Guid.NewGuid().ToString("N"));
        var repo = WriteCase(caseDir, main, files);
        foreach (var spec in specs)
        {
            var connection = spec is null ? null : SshdConnection.Parse(spec);
            var model = SshdSource.Load(repo, connection).Single(m => m.Config.MainPath == RepoMain);
            var (exit, values, errors) = RunSshd(Path.Combine(caseDir, "sshd_config"), hostKey, spec);
            var label = $"{name} ({caseDir}) {(spec is null ? "sshd -T" : "sshd -T -C " + spec)}";
            if (exit != 0)
            {
                counts.Rejected++;
                if (model.IsValid)
                    failures.Add($"{label}: sshd rejected it ({errors.Trim()}) but we found no SSH000 problem");
                break;
            }
            if (!model.IsValid)
            {
                failures.Add($"{label}: sshd accepted it but we report {string.Join("; ", model.Problems.Select(p => p.Message))}");
                break;
            }
            counts.Compared++;
            failures.AddRange(CompareValues(label, model, values));
            failures.AddRange(CompareFindings(label, model, values));
        }
        return failures;
    }

    private static IEnumerable<string> CompareValues(string label, SshdConfigModel model, Dictionary<string, string> sshd)
    {
        foreach (var key in ComparedKeys)
        {
            var keyword = SshdValues.Modelled.Single(k => k.Equals(key, StringComparison.OrdinalIgnoreCase));
            var ours = model.Effective.Get(keyword).Value;
            var theirs = key == "permitrootlogin" && sshd[key] == SshdValues.WithoutPassword ? SshdValues.ProhibitPassword : sshd[key];
            if (!string.Equals(ours, theirs, StringComparison.Ordinal))
                yield return $"{label}: {key}: ours '{ours}' ({model.Effective.Get(keyword).Location}), sshd '{theirs}'";
        }
    }

    /// <summary>The refs.sshd rules must fire exactly when sshd's own printed values say so.</summary>
    private static IEnumerable<string> CompareFindings(string label, SshdConfigModel model, Dictionary<string, string> sshd)
    {
        bool Allows(string method) => sshd["authenticationmethods"] == "any"
            || sshd["authenticationmethods"].Split(' ').Any(list => list.Split(',').Any(m => m.Split(':')[0] == method));
        var algorithms = sshd["ciphers"] + "," + sshd["macs"] + "," + sshd["kexalgorithms"];
        var expected = new SortedSet<string>(StringComparer.Ordinal);
        if ((sshd["passwordauthentication"] == "yes" && Allows("password"))
            || (sshd["kbdinteractiveauthentication"] == "yes" && sshd["usepam"] == "yes" && Allows("keyboard-interactive")))
            expected.Add("SSH001");
        if (sshd["permitrootlogin"] != "no") expected.Add("SSH002");
        if (sshd["permitemptypasswords"] == "yes") expected.Add("SSH003");
        if (sshd["pubkeyauthentication"] == "no") expected.Add("SSH004");
        if (algorithms.Split(',').Any(SshdAlgorithms.IsWeak)) expected.Add("SSH006");
        if (sshd["x11forwarding"] == "yes") expected.Add("SSH007");
        if (int.Parse(sshd["maxauthtries"], CultureInfo.InvariantCulture) > SSH008MaxAuthTries.Threshold) expected.Add("SSH008");
        if (sshd["permituserenvironment"] == "yes") expected.Add("SSH009");

        var actual = new SortedSet<string>(SshdRules.All
            .SelectMany(rule => rule.Evaluate(model))
            .Where(f => f.References.ContainsKey("sshd") && f.RuleId != "SSH005")
            .Select(f => f.RuleId), StringComparer.Ordinal);
        if (!expected.SetEquals(actual))
            yield return $"{label}: refs findings {string.Join(",", actual)}, sshd's values imply {string.Join(",", expected)}";
    }

    private static InMemoryRepositoryFiles WriteCase(string caseDir, string main, Dictionary<string, string> files)
    {
        Directory.CreateDirectory(Path.Combine(caseDir, "sshd_config.d"));
        var repo = new InMemoryRepositoryFiles();
        File.WriteAllText(Path.Combine(caseDir, "sshd_config"), main.Replace(SshdConfigGenerator.Root, caseDir));
        repo.Add(RepoMain, main.Replace(SshdConfigGenerator.Root, RepoSshDir));
        foreach (var (relative, text) in files)
        {
            File.WriteAllText(Path.Combine(caseDir, relative), text.Replace(SshdConfigGenerator.Root, caseDir));
            repo.Add("etc/ssh/" + relative, text.Replace(SshdConfigGenerator.Root, RepoSshDir));
        }
        return repo;
    }

    private string Prepare()
    {
        Assert.True(File.Exists(SshdPath),
            $"{SshdPath} not found: the sshd reference test needs OpenSSH's server. Install it with " +
            "`apt-get update && apt-get install -y openssh-server` (CI does this in .ci/run).");
        Assert.True(File.Exists(KeygenPath), $"{KeygenPath} not found: install openssh-client (a dependency of openssh-server).");
        // sshd -T insists on its privilege separation directory even when it only prints the config.
        try
        {
            Directory.CreateDirectory(PrivilegeSeparationDir);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            Assert.Fail($"sshd -T needs {PrivilegeSeparationDir}; create it as root (`mkdir -p {PrivilegeSeparationDir}`): {e.Message}");
        }
        var key = Path.Combine(_work, "host_key");
        var (exit, _, errors) = Run(KeygenPath, ["-q", "-t", "ed25519", "-N", "", "-f", key]);
        Assert.True(exit == 0, $"ssh-keygen failed: {errors}");
        return key;
    }

    private static (int Exit, Dictionary<string, string> Values, string Errors) RunSshd(string config, string hostKey, string? spec)
    {
        List<string> args = ["-T", "-f", config, "-o", "HostKey=" + hostKey];
        if (spec is not null)
            args.AddRange(["-C", spec]);
        var (exit, output, errors) = Run(SshdPath, args);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var space = line.IndexOf(' ');
            if (space > 0)
                values.TryAdd(line[..space], line[(space + 1)..]);
        }
        return (exit, values, errors);
    }

    private static (int Exit, string Output, string Errors) Run(string program, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, errors.Result);
    }
}
