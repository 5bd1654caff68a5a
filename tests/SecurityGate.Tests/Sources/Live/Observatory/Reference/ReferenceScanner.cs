using System.Diagnostics;
using System.Text.Json;

namespace SecurityGate.Tests.Sources.Live.Observatory.Reference;

/// <summary>One scan by the real Observatory: score, grade and per-test (result, modifier, pass), or its error.</summary>
public sealed record ReferenceScan(
    string Target,
    int Score,
    string? Grade,
    IReadOnlyDictionary<string, (string Result, int ScoreModifier, bool Pass)> Tests,
    string? Error);

/// <summary>
/// The real MDN HTTP Observatory (npm @mdn/mdn-http-observatory 1.4.8), installed outside the repository by
/// install-observatory.sh. Runs many scans in one Node process (fixtures/observatory-batch.mjs).
/// </summary>
public sealed class ReferenceScanner
{
    public const string Version = "1.4.8";
    public const string InstallScript = "tests/SecurityGate.Tests/Sources/Live/Observatory/install-observatory.sh";
    public const string DirectoryVariable = "SECURITYGATE_OBSERVATORY_DIR";
    public const string DefaultDirectory = "/tmp/securitygate-observatory";

    private const string BatchScriptName = "observatory-batch.mjs";
    private static readonly TimeSpan BatchTimeout = TimeSpan.FromMinutes(10);

    private ReferenceScanner(string directory) => Directory = directory;

    public string Directory { get; }

    /// <summary>The installed scanner, or a failure that says how to install it (never a silent skip).</summary>
    public static ReferenceScanner Locate()
    {
        var directory = System.Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 } custom ? custom : DefaultDirectory;
        var package = Path.Combine(directory, "node_modules", "@mdn", "mdn-http-observatory");
        var packageJson = Path.Combine(package, "package.json");
        var installedVersion = File.Exists(packageJson)
            ? JsonDocument.Parse(File.ReadAllText(packageJson)).RootElement.GetProperty("version").GetString()
            : null;
        if (installedVersion != Version || !File.Exists(Path.Combine(package, "conf", "hsts-preload.json")))
        {
            Assert.Fail(
                $"The reference scanner @mdn/mdn-http-observatory@{Version} is not installed in {directory} " +
                $"(found: {installedVersion ?? "nothing"}). Install it with: {InstallScript} " +
                $"(needs node >= 20 and npm; set {DirectoryVariable} to install elsewhere).");
        }

        return new ReferenceScanner(directory);
    }

    public async Task<IReadOnlyList<ReferenceScan>> ScanAsync(IReadOnlyList<string> targets, string trustedCaPemPath)
    {
        var script = Path.Combine(Directory, BatchScriptName);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Sources", "Live", "Observatory", "Fixtures", BatchScriptName), script, overwrite: true);

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = Directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--dns-result-order=ipv4first"); // localhost → 127.0.0.1, never ::1
        start.ArgumentList.Add(script);
        start.Environment["NODE_EXTRA_CA_CERTS"] = trustedCaPemPath;

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(string.Join("\n", targets) + "\n");
        process.StandardInput.Close();

        using var timeout = new CancellationTokenSource(BatchTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true); // only the process we started
            throw new TimeoutException($"The reference scanner did not finish {targets.Count} scans in {BatchTimeout}.");
        }

        var output = await stdout;
        if (process.ExitCode != 0)
        {
            Assert.Fail($"The reference scanner exited with {process.ExitCode}: {await stderr}");
        }

        return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Parse)];
    }

    private static ReferenceScan Parse(string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        var target = root.GetProperty("target").GetString()!;
        if (root.TryGetProperty("error", out var error))
        {
            return new ReferenceScan(target, 0, null, new Dictionary<string, (string, int, bool)>(), error.GetString());
        }

        var tests = new Dictionary<string, (string, int, bool)>(StringComparer.Ordinal);
        foreach (var test in root.GetProperty("tests").EnumerateObject())
        {
            tests[test.Name] = (test.Value.GetProperty("result").GetString()!, test.Value.GetProperty("scoreModifier").GetInt32(),
                test.Value.GetProperty("pass").GetBoolean());
        }

        return new ReferenceScan(target, root.GetProperty("score").GetInt32(), root.GetProperty("grade").GetString(), tests, null);
    }
}
