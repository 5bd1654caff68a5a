using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using SecurityGate.Configuration;
using SecurityGate.Gate;
using SecurityGate.Reports;

namespace SecurityGate.Cli;

/// <summary><c>security-gate scan [PATH]</c>: options → configuration layers → gate → reports → exit code.</summary>
public sealed class ScanCommand
{
    private readonly CliConsole _console;
    private readonly Func<IReadOnlyList<IAnalyzer>> _analyzers;

    private readonly Argument<string> _path = new("path")
    {
        Description = "Repository to scan.",
        DefaultValueFactory = _ => ".",
    };
    private readonly Option<string[]> _url = new("--url") { Description = "Staging URL to probe live (repeatable)." };
    private readonly Option<string> _config = new("--config")
    {
        Description = "Configuration file (default: .github/security-gate.yml or .security-gate.yml in PATH).",
    };
    private readonly Option<string[]> _format = new("--format")
    {
        Description = "Report format: text, json, sarif or markdown (repeatable; pair each with its own --output).",
    };
    private readonly Option<string[]> _output = new("--output")
    {
        Description = "File for the report named by the --format just before it (written atomically).",
    };
    private readonly Option<string> _failOn = new("--fail-on")
    {
        Description = "Lowest severity that blocks: error (default), warning, note or never.",
    };
    private readonly Option<string> _envFile = new("--env-file")
    {
        Description = "The production environment (dotenv) for environment lookups in settings; unlisted variables are unset.",
    };
    private readonly Option<string> _djangoVersion = new("--django-version")
    {
        Description = "Django version X.Y to judge against (default: detected from the repository's pins).",
    };
    private readonly Option<string> _caFile = new("--ca-file") { Description = "PEM bundle of extra CAs for the live probe." };
    private readonly Option<string[]> _header = new("--header")
    {
        Description = "'Name: value' header sent to the staging host only (repeatable).",
    };
    private readonly Option<string> _sshdConnection = new("--sshd-connection")
    {
        Description = "Judge sshd_config for this connection, as 'sshd -T -C' does: user=U,host=H,addr=A[,laddr=…,lport=…].",
    };
    private readonly Option<string> _timeout = new("--timeout")
    {
        Description = $"Overall deadline of the live probe in seconds (default {GateOptions.DefaultTimeoutSeconds}).",
    };

    private readonly Option<string> _minGrade = new("--min-grade")
    {
        Description = "Lowest acceptable Observatory grade of each --url (A+ … F); a lower grade blocks.",
    };
    private readonly Option<string[]> _allowRedirectHost = new("--allow-redirect-host")
    {
        Description = "Host (other than the staging host) the live probe may follow redirects to (repeatable).",
    };

    public ScanCommand(CliConsole console, Func<IReadOnlyList<IAnalyzer>> analyzers)
    {
        _console = console;
        _analyzers = analyzers;
        Command = new Command("scan", "Scan a repository (and staging URLs) and fail on blocking findings.")
        {
            _path, _url, _config, _format, _output, _failOn, _envFile, _djangoVersion, _caFile, _header, _timeout,
            _minGrade, _allowRedirectHost, _sshdConnection,
        };
        Command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, cancellationToken));
    }

    public Command Command { get; }

    private async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var runner = new GateRunner(_analyzers());
        var pathArgument = parseResult.GetValue(_path) ?? ".";
        var repository = _console.ResolvePath(pathArgument);
        if (!Directory.Exists(repository))
            throw new ConfigurationException(pathArgument.StartsWith('-')
                ? $"unknown option '{pathArgument}'. Run 'security-gate scan --help' for usage."
                : $"argument PATH: {repository} is not a directory.");

        var requests = ReportRequests.Pair(OptionTokens(parseResult), _console.ResolvePath);
        var options = BuildOptions(parseResult, repository, runner.RuleIds);

        var result = await runner.RunAsync(options, cancellationToken);

        // Render everything first, then write: a failure never leaves some reports written and others not.
        var rendered = requests.Select(r => (r.OutputPath, Text: Render(r.Format, result, r.OutputPath is null))).ToList();
        ReportFiles.WriteAllAtomically([.. rendered.Where(r => r.OutputPath is not null).Select(r => (r.OutputPath!, r.Text))]);
        foreach (var (_, text) in rendered.Where(r => r.OutputPath is null))
            await _console.Out.WriteAsync(text);
        if (rendered.All(r => r.OutputPath is not null))
            await _console.Out.WriteLineAsync(TextReport.VerdictLine(result, _console.UseColor));
        return result.ExitCode;
    }

    private string Render(ReportFormat format, GateResult result, bool toTerminal) => format switch
    {
        ReportFormat.Json => JsonReport.Render(result),
        ReportFormat.Sarif => SarifReport.Render(result),
        ReportFormat.Markdown => MarkdownReport.Render(result),
        _ => TextReport.Render(result, toTerminal && _console.UseColor),
    };

    private GateOptions BuildOptions(ParseResult parseResult, string repository, IReadOnlySet<string> ruleIds)
    {
        var layers = new List<ConfigLayer>();

        var configPath = parseResult.GetValue(_config) is { } explicitConfig
            ? _console.ResolvePath(explicitConfig)
            : ConfigFileLocator.FindDefault(repository);
        if (configPath is not null)
        {
            if (!File.Exists(configPath))
                throw new ConfigurationException($"option --config: {configPath} does not exist.");
            var display = Path.GetRelativePath(_console.WorkingDirectory, configPath);
            layers.Add(YamlConfigLayer.Parse(display, File.ReadAllText(configPath), repository, ruleIds));
        }

        layers.Add(EnvironmentConfigLayer.From(_console.Environment, ruleIds, _console.WorkingDirectory));

        var cli = new ConfigLayerBuilder("command line", ruleIds);
        if (parseResult.GetValue(_failOn) is { } failOn)
            cli.Set(ConfigKeys.FailOn, failOn, "option --fail-on");
        if (parseResult.GetValue(_envFile) is { } envFile)
            cli.Set(ConfigKeys.EnvFile, _console.ResolvePath(envFile), "option --env-file");
        if (parseResult.GetValue(_djangoVersion) is { } djangoVersion)
            cli.Set(ConfigKeys.DjangoVersion, djangoVersion, "option --django-version");
        if (parseResult.GetValue(_timeout) is { } timeout)
            cli.Set(ConfigKeys.Timeout, timeout, "option --timeout");
        if (parseResult.GetValue(_url) is { Length: > 0 } urls)
            cli.SetList(ConfigKeys.Urls, urls, "option --url");
        if (parseResult.GetValue(_minGrade) is { } minGrade)
            cli.Set(ConfigKeys.MinGrade, minGrade, "option --min-grade");
        if (parseResult.GetValue(_allowRedirectHost) is { Length: > 0 } redirectHosts)
            cli.SetList(ConfigKeys.AllowRedirectHosts, redirectHosts, "option --allow-redirect-host");
        layers.Add(cli.Build());

        var options = GateOptionsBinder.Bind(layers, repository);

        if (options.EnvFile is { } env && !File.Exists(env))
            throw new ConfigurationException($"env-file: {env} does not exist.");
        if (parseResult.GetValue(_caFile) is { } caFile)
        {
            var full = _console.ResolvePath(caFile);
            if (!File.Exists(full))
                throw new ConfigurationException($"option --ca-file: {full} does not exist.");
            options = options with { CaFile = full };
        }
        if (parseResult.GetValue(_sshdConnection) is { } connectionText)
        {
            if (!Sources.Sshd.SshdConnection.TryParse(connectionText, out var connection, out var error))
                throw new ConfigurationException($"option --sshd-connection: {error}");
            options = options with { SshdConnection = connection };
        }
        return options with { Headers = [.. (parseResult.GetValue(_header) ?? []).Select(ParseHeader)] };
    }

    /// <summary>Header values may be secrets: messages name the header, never its value.</summary>
    private static ProbeHeader ParseHeader(string text)
    {
        var colon = text.IndexOf(':');
        var name = colon > 0 ? text[..colon].Trim() : "";
        if (name.Length == 0 || !name.All(c => c > ' ' && c < 127 && !"()<>@,;:\\\"/[]?={}".Contains(c)))
            throw new ConfigurationException(
                $"option --header: expected 'Name: value' with a valid header name, got '{(colon > 0 ? name : "(no colon)")}'.");
        var value = text[(colon + 1)..].Trim();
        if (value.Any(c => c is '\r' or '\n'))
            throw new ConfigurationException($"option --header {name}: the value must not contain line breaks.");
        return new ProbeHeader(name, value);
    }

    /// <summary>--format and --output tokens in command-line order, for positional pairing.</summary>
    private IEnumerable<(string Option, string Value)> OptionTokens(ParseResult parseResult)
    {
        var tokens = parseResult.Tokens;
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (tokens[i].Type != TokenType.Option)
                continue;
            if (tokens[i].Value == _format.Name || tokens[i].Value == _output.Name)
                yield return (tokens[i].Value, tokens[i + 1].Value);
        }
    }
}
