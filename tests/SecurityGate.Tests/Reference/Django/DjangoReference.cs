using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace SecurityGate.Tests.Reference.Django;

/// <summary>Where one reference Django lives and how /usr/bin/python3 imports it.</summary>
/// <param name="PythonPath">Folder to put first on PYTHONPATH, or null when Django comes from Debian's own
/// dist-packages (3.2, installed with apt).</param>
public sealed record DjangoInstallation(
    DjangoVersion Version,
    string DjangoVersionString,
    string DjangoPackageFile,
    string? PythonPath);

/// <summary>
/// Runs Django's REAL <c>manage.py check --deploy</c> (Django 3.2, 4.2, 5.2 installed by
/// <c>.ci/install-django-reference.sh</c>) on settings modules and returns the check ids it printed.
/// Everything runs under Debian's /usr/bin/python3 (never the pyenv python3 on PATH) with a clean environment.
/// </summary>
public static class DjangoReference
{
    /// <summary>Debian's interpreter; the <c>python3</c> on PATH (pyenv) has no Django.</summary>
    public const string Python = "/usr/bin/python3";

    /// <summary>Default install prefix of the installer; overridable with SG_DJANGO_PREFIX (same variable as the installer).</summary>
    public const string DefaultPrefix = "/opt/securitygate-django";

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    private const string DriverFileName = "django_check_batch.py";

    /// <summary>Variables a caller may not set: they would change what is checked rather than how the settings read.</summary>
    private static readonly HashSet<string> ReservedVariables = new(StringComparer.Ordinal)
    {
        "PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "PYTHONUSERBASE", "PYTHONNOUSERSITE", "PYTHONSAFEPATH",
        "PYTHONINSPECT", "PYTHONEXECUTABLE", "DJANGO_SETTINGS_MODULE", "DJANGO_COLORS",
    };

    private static readonly ConcurrentDictionary<(DjangoVersion, string), Lazy<DjangoInstallation>> Installations = new();

    public static string Prefix =>
        Environment.GetEnvironmentVariable("SG_DJANGO_PREFIX") is { Length: > 0 } p ? p : DefaultPrefix;

    /// <summary>
    /// Finds and verifies the installation of <paramref name="version"/> (cached per process). Throws
    /// <see cref="DjangoReferenceUnavailableException"/> naming the installer when it is missing or wrong.
    /// </summary>
    public static DjangoInstallation Locate(DjangoVersion version) => Locate(version, Prefix);

    public static DjangoInstallation Locate(DjangoVersion version, string prefix)
    {
        var lazy = Installations.GetOrAdd((version, prefix),
            key => new Lazy<DjangoInstallation>(() => Probe(key.Item1, key.Item2), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return lazy.Value;
        }
        catch (DjangoReferenceUnavailableException)
        {
            Installations.TryRemove((version, prefix), out _); // let a later call see a fresh install
            throw;
        }
    }

    private static DjangoInstallation Probe(DjangoVersion version, string prefix)
    {
        var series = version.Series();
        string? pythonPath = null;
        if (!File.Exists(Python))
        {
            throw Unavailable(version, $"{Python} does not exist (Debian's python3 is required)");
        }

        if (version != DjangoVersion.V3_2)
        {
            pythonPath = Path.Combine(prefix, series);
            if (!File.Exists(Path.Combine(pythonPath, "django", "__init__.py")))
            {
                throw Unavailable(version, $"{Path.Combine(pythonPath, "django", "__init__.py")} does not exist");
            }
        }

        var env = BaseEnvironment(pythonPath);
        var run = RunProcess(
            [Python, "-s", "-c", "import django; print(django.get_version()); print(django.__file__)"],
            env, workingDirectory: Path.GetTempPath(), stdin: null, TimeSpan.FromSeconds(30));
        if (run.TimedOut || run.ExitCode != 0)
        {
            throw Unavailable(version,
                $"`{Python} -c 'import django'` with PYTHONPATH={pythonPath ?? "(none)"} failed (exit {run.ExitCode}{(run.TimedOut ? ", timed out" : "")}):\n{run.Stderr}");
        }

        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var got = lines.Length > 0 ? lines[0] : "";
        var file = lines.Length > 1 ? lines[1] : "";
        if (!got.StartsWith(series + ".", StringComparison.Ordinal))
        {
            throw Unavailable(version,
                $"{Python} with PYTHONPATH={pythonPath ?? "(none)"} imports Django {got} from {file}, not {series}.x");
        }

        if (pythonPath is not null && !file.StartsWith(pythonPath + "/", StringComparison.Ordinal))
        {
            throw Unavailable(version, $"Django {got} was imported from {file}, not from {pythonPath}");
        }

        return new DjangoInstallation(version, got, file, pythonPath);
    }

    private static DjangoReferenceUnavailableException Unavailable(DjangoVersion version, string detail) =>
        new($"Reference Django {version.Series()} is not available: {detail}.\n{DjangoReferenceUnavailableException.InstallHint}");

    /// <summary>
    /// Runs <c>/usr/bin/python3 -m django check --deploy --settings=MODULE</c> in a fresh interpreter, in
    /// <paramref name="settingsDirectory"/>, with PYTHONPATH = the version's folder + the settings directory
    /// and a clean environment (PATH, HOME, LANG and Python hygiene variables plus <paramref name="environment"/>;
    /// nothing is inherited, so DJANGO_ALLOW_ASYNC_UNSAFE is set only if passed).
    /// </summary>
    public static DjangoCheckResult RunCheckDeploy(
        DjangoVersion version,
        string settingsDirectory,
        string settingsModule,
        IReadOnlyDictionary<string, string>? environment = null,
        TimeSpan? timeout = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(settingsDirectory);
        ArgumentException.ThrowIfNullOrEmpty(settingsModule);
        var install = Locate(version);
        var dir = Path.GetFullPath(settingsDirectory);
        var env = BaseEnvironment(JoinPath(install.PythonPath, dir));
        AddCallerEnvironment(env, environment);

        var run = RunProcess(
            [Python, "-s", "-m", "django", "check", "--deploy", "--no-color", "--settings=" + settingsModule],
            env, dir, stdin: null, timeout ?? DefaultTimeout);
        return new DjangoCheckResult(version, install.DjangoVersionString, settingsModule, dir, run.ExitCode,
            run.TimedOut, DjangoCheckOutput.Parse(run.Stdout, run.Stderr), run.Stdout, run.Stderr, run.Elapsed);
    }

    /// <summary>
    /// Runs <c>check --deploy</c> for many settings modules with ONE Python process per call: a driver imports
    /// Django once and forks a child per module (settings can be configured only once per process). Each
    /// child gets exactly what <see cref="RunCheckDeploy"/> would give it (environment, sys.path, cwd).
    /// Results come back in job order.
    /// </summary>
    public static IReadOnlyList<DjangoCheckResult> RunCheckDeployBatch(
        DjangoVersion version,
        IReadOnlyList<DjangoCheckJob> jobs,
        int? parallelism = null,
        TimeSpan? perModuleTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        if (jobs.Count == 0)
        {
            return [];
        }

        var install = Locate(version);
        var driver = Path.Combine(AppContext.BaseDirectory, "Reference", "Django", "Fixtures", DriverFileName);
        if (!File.Exists(driver))
        {
            throw new FileNotFoundException(
                $"The batch driver {driver} is missing from the test output (it is copied by the Fixtures glob of the test project).", driver);
        }

        var moduleTimeout = perModuleTimeout ?? DefaultTimeout;
        var par = Math.Max(1, parallelism ?? Environment.ProcessorCount);
        var baseEnv = BaseEnvironment(install.PythonPath);
        var jobSpecs = new List<Dictionary<string, object?>>(jobs.Count);
        foreach (var job in jobs)
        {
            var dir = Path.GetFullPath(job.SettingsDirectory);
            var extra = new Dictionary<string, string>(StringComparer.Ordinal);
            AddCallerEnvironment(extra, job.Environment);
            jobSpecs.Add(new Dictionary<string, object?>
            {
                ["settings_dir"] = dir,
                ["module"] = job.SettingsModule,
                ["environment"] = extra,
                ["pythonpath"] = JoinPath(install.PythonPath, dir),
            });
        }

        var spec = new Dictionary<string, object?>
        {
            ["parallelism"] = par,
            ["timeout_seconds"] = Math.Ceiling(moduleTimeout.TotalSeconds),
            ["base_environment"] = baseEnv,
            ["jobs"] = jobSpecs,
        };
        var specFile = Path.Combine(Path.GetTempPath(), $"sg-django-batch-{Guid.NewGuid():N}.json");
        File.WriteAllText(specFile, JsonSerializer.Serialize(spec), new UTF8Encoding(false));
        try
        {
            var overall = TimeSpan.FromTicks(moduleTimeout.Ticks * ((jobs.Count + par - 1) / par)) + TimeSpan.FromSeconds(60);
            var run = RunProcess([Python, "-s", driver, specFile], baseEnv, Path.GetTempPath(), stdin: null, overall);
            return ParseBatchOutput(version, install, jobs, run);
        }
        finally
        {
            File.Delete(specFile);
        }
    }

    private static List<DjangoCheckResult> ParseBatchOutput(
        DjangoVersion version, DjangoInstallation install, IReadOnlyList<DjangoCheckJob> jobs, ProcessRun run)
    {
        var results = new DjangoCheckResult?[jobs.Count];
        string? driverVersion = null;
        foreach (var line in run.Stdout.Split('\n'))
        {
            if (line.StartsWith("SGDRIVER ", StringComparison.Ordinal))
            {
                using var d = JsonDocument.Parse(line["SGDRIVER ".Length..]);
                driverVersion = d.RootElement.GetProperty("django_version").GetString();
            }
            else if (line.StartsWith("SGRESULT ", StringComparison.Ordinal))
            {
                using var d = JsonDocument.Parse(line["SGRESULT ".Length..]);
                var r = d.RootElement;
                var i = r.GetProperty("index").GetInt32();
                var stdout = r.GetProperty("stdout").GetString() ?? "";
                var stderr = r.GetProperty("stderr").GetString() ?? "";
                results[i] = new DjangoCheckResult(
                    version,
                    driverVersion ?? install.DjangoVersionString,
                    jobs[i].SettingsModule,
                    Path.GetFullPath(jobs[i].SettingsDirectory),
                    r.GetProperty("exit_code").GetInt32(),
                    r.GetProperty("timed_out").GetBoolean(),
                    DjangoCheckOutput.Parse(stdout, stderr),
                    stdout,
                    stderr,
                    TimeSpan.FromSeconds(r.GetProperty("seconds").GetDouble()));
            }
        }

        if (driverVersion != install.DjangoVersionString)
        {
            throw new InvalidOperationException(
                $"The batch driver ran Django {driverVersion ?? "(nothing)"} but {install.DjangoVersionString} was expected " +
                $"(exit {run.ExitCode}{(run.TimedOut ? ", timed out" : "")}).\n--- stderr:\n{run.Stderr}");
        }

        var missing = Enumerable.Range(0, jobs.Count).Where(i => results[i] is null).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"The batch driver returned no result for {missing.Count} of {jobs.Count} modules (first: {jobs[missing[0]].SettingsModule}); " +
                $"exit {run.ExitCode}{(run.TimedOut ? ", timed out" : "")}.\n--- stderr:\n{run.Stderr}");
        }

        return results.Select(r => r!).ToList();
    }

    /// <summary>The clean base environment: nothing from the test process is inherited.</summary>
    private static Dictionary<string, string> BaseEnvironment(string? pythonPath)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PATH"] = "/usr/bin:/bin",
            ["HOME"] = Path.GetTempPath().TrimEnd('/') is { Length: > 0 } t ? t : "/tmp",
            ["LANG"] = "C.UTF-8",
            ["PYTHONNOUSERSITE"] = "1",
            ["PYTHONDONTWRITEBYTECODE"] = "1",
            ["PYTHONHASHSEED"] = "0",
            ["PYTHONIOENCODING"] = "utf-8",
        };
        if (pythonPath is not null)
        {
            env["PYTHONPATH"] = pythonPath;
        }

        return env;
    }

    private static void AddCallerEnvironment(Dictionary<string, string> env, IReadOnlyDictionary<string, string>? extra)
    {
        if (extra is null)
        {
            return;
        }

        foreach (var (key, value) in extra)
        {
            if (ReservedVariables.Contains(key))
            {
                throw new ArgumentException(
                    $"The environment variable {key} is controlled by the harness and cannot be passed in.", nameof(extra));
            }

            env[key] = value;
        }
    }

    private static string JoinPath(string? first, string second) => first is null ? second : first + ":" + second;

    private sealed record ProcessRun(int ExitCode, bool TimedOut, string Stdout, string Stderr, TimeSpan Elapsed);

    private static ProcessRun RunProcess(
        IReadOnlyList<string> argv, Dictionary<string, string> env, string workingDirectory, string? stdin, TimeSpan timeout)
    {
        var psi = new ProcessStartInfo(argv[0])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            WorkingDirectory = workingDirectory,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var a in argv.Skip(1))
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment.Clear();
        foreach (var (k, v) in env)
        {
            psi.Environment[k] = v;
        }

        var sw = Stopwatch.StartNew();
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {argv[0]}");
        var stdoutTask = p.StandardOutput.ReadToEndAsync();
        var stderrTask = p.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            p.StandardInput.Write(stdin);
            p.StandardInput.Close();
        }

        var timedOut = false;
        if (!p.WaitForExit(timeout))
        {
            timedOut = true;
            try
            {
                p.Kill(entireProcessTree: true); // only the process this harness started, and its children
            }
            catch (InvalidOperationException)
            {
                // exited in the meantime
            }

            p.WaitForExit();
        }

        p.WaitForExit(); // flushes the redirected streams
        var stdout = stdoutTask.GetAwaiter().GetResult();
        var stderr = stderrTask.GetAwaiter().GetResult();
        sw.Stop();
        return new ProcessRun(timedOut ? -1 : p.ExitCode, timedOut, stdout, stderr, sw.Elapsed);
    }
}
