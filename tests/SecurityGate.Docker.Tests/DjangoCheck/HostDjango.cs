using System.Diagnostics;
using System.Text.Json;
using SecurityGate.Docker.DjangoCheck;

namespace SecurityGate.Docker.Tests.DjangoCheck;

/// <summary>
/// The reference: Debian's Django on this machine (3.2 from bookworm; 4.2 and 5.2 unpacked by
/// .ci/install-django-reference.sh), run with /usr/bin/python3 on the test app's source. It gives both the text of
/// <c>manage.py check --deploy</c> and Django's own message list (<c>checks.run_checks</c>) as JSON.
/// </summary>
public static class HostDjango
{
    public const string Python = "/usr/bin/python3";
    public const string ReferencePrefix = "/opt/securitygate-django";
    public const string SecretKey = "kq3-v8x2-longandrandom-0f9e8d7c6b5a4f3e2d1c0b9a8f7e";

    public static TheoryData<string> Versions => new(["3.2", "4.2", "5.2"]);

    /// <summary>The django-dynamic image's project folder (the one with manage.py).</summary>
    public static string DynamicSite => Path.Combine(DockerEnvironment.RepositoryRoot,
        "tests", "SecurityGate.Docker.Tests", "Images", "django-dynamic", "app", "site");

    private const string DumpMessages = """
        import json, django
        django.setup()
        from django.core import checks
        out = []
        for m in checks.run_checks(include_deployment_checks=True):
            if not m.is_silenced():
                out.append({"level": m.level, "id": m.id or "", "obj": "?" if m.obj is None else str(m.obj),
                            "msg": m.msg, "hint": m.hint or ""})
        print(json.dumps({"version": django.get_version(), "messages": out}))
        """;

    public sealed record Result(int ExitCode, string Output);

    public static Result RunManageCheck(string version, IReadOnlyDictionary<string, string> environment) =>
        Run(version, ["manage.py", "check", "--deploy", "--fail-level", "WARNING", "--no-color"], environment);

    /// <summary>Django's own messages, as (level, id, object, text, hint), in Django's order.</summary>
    public static (string Version, List<DjangoCheckMessage> Messages) Messages(string version, IReadOnlyDictionary<string, string> environment)
    {
        var run = Run(version, ["-c", DumpMessages], environment);
        Assert.True(run.ExitCode == 0, $"the reference dump failed: {run.Output}");
        using var json = JsonDocument.Parse(run.Output.Trim().Split('\n')[^1]);
        var messages = json.RootElement.GetProperty("messages").EnumerateArray().Select(m => new DjangoCheckMessage(
            LevelOf(m.GetProperty("level").GetInt32()), m.GetProperty("id").GetString()!, m.GetProperty("obj").GetString()!,
            m.GetProperty("msg").GetString()!, m.GetProperty("hint").GetString()!)).ToList();
        return (json.RootElement.GetProperty("version").GetString()!, messages);
    }

    /// <summary>Django's numeric levels (django.core.checks.messages): DEBUG 10, INFO 20, WARNING 30, ERROR 40, CRITICAL 50.</summary>
    private static DjangoCheckLevel LevelOf(int level) => level switch
    {
        < 20 => DjangoCheckLevel.Debug,
        < 30 => DjangoCheckLevel.Info,
        < 40 => DjangoCheckLevel.Warning,
        < 50 => DjangoCheckLevel.Error,
        _ => DjangoCheckLevel.Critical,
    };

    private static Result Run(string version, IReadOnlyList<string> args, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(Python) { WorkingDirectory = DynamicSite, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        start.Environment["DJANGO_SETTINGS_MODULE"] = "config.settings";
        var site = version == "3.2" ? DynamicSite : $"{ReferencePrefix}/{version}:{DynamicSite}";
        if (version != "3.2" && !Directory.Exists($"{ReferencePrefix}/{version}/django"))
            Assert.Fail($"Django {version} is not installed under {ReferencePrefix}: run .ci/install-django-reference.sh as root.");
        start.Environment["PYTHONPATH"] = site;
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        using var process = Process.Start(start) ?? throw new InvalidOperationException(Python + " did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{Python} {string.Join(' ', args)} did not finish within 60 s");
        }
        return new Result(process.ExitCode, stdout.Result + stderr.Result);
    }
}
