using SecurityGate.Configuration;
using SecurityGate.Docker;

namespace SecurityGate.Action;

public enum CommentMode
{
    Always,
    OnFailure,
    Never,
}

/// <summary>
/// The action's inputs. The runner passes each as <c>INPUT_&lt;ID&gt;</c>, upper-cased with spaces as '_' and dashes
/// kept (<c>INPUT_FAIL-ON</c>); every declared input is present, empty when not given, so empty means unset.
/// Gate settings become the "action inputs" configuration layer (between SECURITY_GATE__ variables and nothing);
/// the rest are action-only.
/// </summary>
public sealed record ActionInputs
{
    public const string LayerName = "action inputs";
    public const string DefaultCheckName = "SecurityGate";
    public const int MaxCheckNameLength = 100;

    public required ConfigLayer Layer { get; init; }
    public required string RepositoryPath { get; init; }
    public string? ConfigPath { get; init; }
    public string CheckName { get; init; } = DefaultCheckName;
    public CommentMode Comment { get; init; } = CommentMode.Always;
    public string? JsonReportPath { get; init; }
    public string? SarifReportPath { get; init; }
    public IReadOnlyList<ProbeHeader> Headers { get; init; } = [];
    public string? GitHubToken { get; init; }

    /// <summary>The app image to audit and start for the live probe (<c>image:</c> mode), or null.</summary>
    public ImageInput? Image { get; init; }

    public static string VariableName(string inputId) => "INPUT_" + inputId.Replace(' ', '_').ToUpperInvariant();

    public static string? Get(IReadOnlyDictionary<string, string> environment, string inputId) =>
        environment.TryGetValue(VariableName(inputId), out var value) && value.Trim().Length > 0 ? value.Trim() : null;

    /// <summary>Reads and validates every input; errors are <see cref="ConfigurationException"/>s naming the input.</summary>
    public static ActionInputs Read(IReadOnlyDictionary<string, string> environment, string workspace, IReadOnlySet<string> ruleIds)
    {
        string? Input(string id) => Get(environment, id);
        static string Origin(string id) => $"input {id}";

        var layer = new ConfigLayerBuilder(LayerName, ruleIds);
        if (Input("fail-on") is { } failOn)
            layer.Set(ConfigKeys.FailOn, failOn, Origin("fail-on"));
        if (Input("url") is { } urls)
            layer.SetList(ConfigKeys.Urls, Lines(urls), Origin("url"));
        if (Input("min-grade") is { } minGrade)
            layer.Set(ConfigKeys.MinGrade, minGrade, Origin("min-grade"));
        if (Input("timeout") is { } timeout)
            layer.Set(ConfigKeys.Timeout, timeout, Origin("timeout"));
        if (Input("env-file") is { } envFile)
        {
            var full = Path.GetFullPath(envFile, workspace);
            if (!File.Exists(full))
                throw new ConfigurationException($"input env-file: {envFile} does not exist in the workspace.");
            layer.Set(ConfigKeys.EnvFile, full, Origin("env-file"));
        }

        var path = Path.GetFullPath(Input("path") ?? ".", workspace);
        if (!Directory.Exists(path))
            throw new ConfigurationException($"input path: {Input("path")} is not a directory in the workspace.");

        string? config = null;
        if (Input("config") is { } configInput)
        {
            config = Path.GetFullPath(configInput, workspace);
            if (!File.Exists(config))
                throw new ConfigurationException($"input config: {configInput} does not exist in the workspace.");
        }

        var checkName = Input("check-name") ?? DefaultCheckName;
        if (checkName.Length > MaxCheckNameLength || checkName.Any(c => char.IsControl(c) || c is '<' or '>'))
            throw new ConfigurationException(
                $"input check-name: at most {MaxCheckNameLength} characters, without line breaks, '<' or '>'.");

        var comment = Input("comment")?.ToLowerInvariant() switch
        {
            null or "always" => CommentMode.Always,
            "on-failure" => CommentMode.OnFailure,
            "never" => CommentMode.Never,
            var other => throw new ConfigurationException($"input comment: expected always, on-failure or never, got '{other}'."),
        };

        return new ActionInputs
        {
            Layer = layer.Build(),
            RepositoryPath = path,
            ConfigPath = config,
            CheckName = checkName,
            Comment = comment,
            JsonReportPath = ReportPath(Input("json-report"), "json-report", workspace),
            SarifReportPath = ReportPath(Input("sarif-report"), "sarif-report", workspace),
            Headers = [.. Lines(Input("headers") ?? "").Select(ParseHeader)],
            GitHubToken = Input("github-token"),
            Image = ReadImage(Input, workspace),
        };
    }

    /// <summary>The image-* inputs; they only mean something together with image.</summary>
    private static ImageInput? ReadImage(Func<string, string?> input, string workspace)
    {
        // The runner passes every declared input with its default, so image-* alone (e.g. image-port: 8000) is normal.
        if (input("image") is not { } image)
        {
            // Without an image there is nothing to run the check in: saying so beats ignoring a requested check.
            if (input("django-check-in-image")?.ToLowerInvariant() == "true")
                throw new ConfigurationException("input django-check-in-image: true needs input image (the app image to run the check in).");
            return null;
        }
        var port = ImageInput.DefaultPort;
        if (input("image-port") is { } portText &&
            (!int.TryParse(portText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out port) ||
             port is < 1 or > 65535))
            throw new ConfigurationException($"input image-port: expected a TCP port 1–65535, got '{portText}'.");
        var healthPath = input("image-health-path") ?? "/";
        if (!healthPath.StartsWith('/'))
            throw new ConfigurationException($"input image-health-path: expected a path starting with '/', got '{healthPath}'.");
        string? envFile = null;
        if (input("image-env-file") is { } envInput)
        {
            envFile = Path.GetFullPath(envInput, workspace);
            if (!File.Exists(envFile))
                throw new ConfigurationException($"input image-env-file: {envInput} does not exist in the workspace.");
        }
        var djangoCheck = input("django-check-in-image")?.ToLowerInvariant() switch
        {
            null or "false" => false,
            "true" => true,
            var other => throw new ConfigurationException($"input django-check-in-image: expected true or false, got '{other}'."),
        };
        var network = input("image-network") ?? AppNetwork.Auto;
        if (!AppNetwork.IsValid(network))
            throw new ConfigurationException($"input image-network: expected auto, host or container:<name>, got '{network}'.");
        return new ImageInput(image, port, healthPath, envFile, input("image-command"), djangoCheck, network);
    }

    private static IEnumerable<string> Lines(string value) =>
        value.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Report files are written under the workspace only.</summary>
    private static string? ReportPath(string? value, string inputId, string workspace)
    {
        if (value is null)
            return null;
        var full = Path.GetFullPath(value, workspace);
        var relative = Path.GetRelativePath(workspace, full);
        if (relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative))
            throw new ConfigurationException($"input {inputId}: {value} is outside the workspace.");
        return full;
    }

    /// <summary>Header values may be secrets: messages name the header, never its value.</summary>
    private static ProbeHeader ParseHeader(string line)
    {
        var colon = line.IndexOf(':');
        var name = colon > 0 ? line[..colon].Trim() : "";
        if (name.Length == 0 || !name.All(c => c > ' ' && c < 127 && !"()<>@,;:\\\"/[]?={}".Contains(c)))
            throw new ConfigurationException("input headers: each line must be 'Name: value' with a valid header name.");
        return new ProbeHeader(name, line[(colon + 1)..].Trim());
    }
}
