using System.Collections.Immutable;
using SecurityGate.Findings;
using SecurityGate.Sources.Discovery;

namespace SecurityGate.Sources.Sshd;

/// <summary>
/// Finds sshd configs in a repository and loads each into an <see cref="SshdConfigModel"/> for the SSH rules.
/// Main configs are files named <c>sshd_config</c> (or <c>*.sshd_config</c>, and Jinja templates of either:
/// <c>sshd_config.j2</c>, <c>bastion.sshd_config.tmpl</c>…). A drop-in <c>sshd_config.d/*.conf</c> that no main
/// config includes is judged on its own, as if included by a stock sshd_config that sets nothing itself.
/// Reads only through <see cref="IRepositoryFiles"/> and never throws on bad input.
/// </summary>
public static class SshdSource
{
    /// <summary>sshd's SERVCONF_MAX_DEPTH: deeper Include nesting makes it exit.</summary>
    public const int MaxIncludeDepth = 16;

    /// <summary>Bound on file instances per config so an Include fan-out cannot blow up.</summary>
    public const int MaxFileInstances = 2000;

    private const string MainName = "sshd_config";
    private const string DropInFolder = "sshd_config.d";
    private const string DropInExtension = ".conf";

    /// <summary>Loads every sshd config found; <paramref name="connection"/> chooses the view the SSH001–SSH009 findings describe.</summary>
    public static ImmutableArray<SshdConfigModel> Load(IRepositoryFiles files, SshdConnection? connection = null)
    {
        var models = ImmutableArray.CreateBuilder<SshdConfigModel>();
        var included = new HashSet<string>(StringComparer.Ordinal);
        foreach (var main in files.Paths.Where(IsMainConfig))
        {
            var read = files.Read(main);
            if (!read.Ok)
                continue;
            var config = LoadText(main, read.Text, files, included);
            models.Add(SshdConfigModel.Create(config, connection));
        }
        foreach (var dropIn in files.Paths.Where(p => IsDropIn(p) && !included.Contains(p)))
        {
            var read = files.Read(dropIn);
            if (read.Ok)
                models.Add(SshdConfigModel.Create(LoadText(dropIn, read.Text, files, included), connection));
        }
        return models.ToImmutable();
    }

    public static bool IsMainConfig(string path)
    {
        var name = FileName(SshdTemplate.StripTemplateExtension(path));
        return name == MainName || name.EndsWith("." + MainName, StringComparison.Ordinal)
            || name.EndsWith("_" + MainName, StringComparison.Ordinal) || name.EndsWith("-" + MainName, StringComparison.Ordinal);
    }

    public static bool IsDropIn(string path)
    {
        var slash = path.LastIndexOf('/');
        var folder = slash < 0 ? "" : FileName(path[..slash]);
        // Hidden files are never picked by the stock "Include /etc/ssh/sshd_config.d/*.conf".
        return folder == DropInFolder && !FileName(path).StartsWith('.') && SshdTemplate.StripTemplateExtension(path).EndsWith(DropInExtension, StringComparison.Ordinal);
    }

    /// <summary>
    /// Loads config text that may come from another file (e.g. cloud-init's <c>write_files</c>): lines are numbered
    /// from <paramref name="lineOffset"/> + 1 and Includes resolve against <paramref name="files"/> (null: none).
    /// </summary>
    public static SshdConfig LoadText(string path, string text, IRepositoryFiles? files = null, ISet<string>? includedPaths = null,
        int lineOffset = 0)
    {
        var loader = new Loader(path, files, includedPaths ?? new HashSet<string>(StringComparer.Ordinal));
        var root = loader.Build(path, text, lineOffset, depth: 0, [path]);
        var problems = loader.Problems.Concat(SshdEvaluator.ContextProblems(root)).Distinct().ToImmutableArray();
        return new SshdConfig(path, root, problems);
    }

    private static string FileName(string path) => path[(path.LastIndexOf('/') + 1)..];

    private sealed class Loader(string mainPath, IRepositoryFiles? files, ISet<string> includedPaths)
    {
        private readonly SshdIncludeResolver _resolver = new(files?.Paths ?? [], mainPath);
        private readonly Dictionary<string, SshdParsedFile> _parsed = new(StringComparer.Ordinal);
        private int _instances;

        public List<SshdProblem> Problems { get; } = [];

        public SshdFile Build(string path, string text, int lineOffset, int depth, ImmutableList<string> stack)
        {
            _instances++;
            if (!_parsed.TryGetValue(path, out var parsed))
            {
                parsed = SshdParser.Parse(path, text, lineOffset, SshdTemplate.IsTemplatePath(path));
                _parsed[path] = parsed;
            }
            Problems.AddRange(parsed.Problems);
            var items = parsed.Items
                .Select(item => item is SshdInclude include ? Resolve(include, depth, stack) : item)
                .ToImmutableArray();
            return new SshdFile(path, items);
        }

        private SshdInclude Resolve(SshdInclude include, int depth, ImmutableList<string> stack)
        {
            var children = ImmutableArray.CreateBuilder<SshdFile>();
            foreach (var argument in include.Patterns)
            {
                foreach (var path in Matches(include, argument))
                {
                    if (stack.Contains(path) || depth + 1 > MaxIncludeDepth)
                    {
                        Report(SshdProblemKind.Invalid, Severity.Error, include.Location, stack.Contains(path)
                            ? $"Include loop: {path} includes itself (sshd exits with 'Too many recursive configuration includes')."
                            : $"Includes nested deeper than {MaxIncludeDepth} levels (sshd exits).");
                        continue;
                    }
                    var read = files!.Read(path);
                    if (!read.Ok || _instances >= MaxFileInstances)
                    {
                        Report(SshdProblemKind.NotJudged, Severity.Warning, include.Location,
                            read.Ok ? $"Too many included files; {path} is not judged." : $"{path} cannot be read: {read.Problem}");
                        continue;
                    }
                    includedPaths.Add(path);
                    children.Add(Build(path, read.Text, lineOffset: 0, depth + 1, stack.Add(path)));
                }
            }
            return include with { Files = children.ToImmutable() };
        }

        private IReadOnlyList<string> Matches(SshdInclude include, string argument)
        {
            if (SshdTemplate.IsTemplated(argument))
            {
                Report(SshdProblemKind.NotJudged, Severity.Note, include.Location, "The Include path is templated; the files it names are not judged.");
                return [];
            }
            var pattern = files is null ? null : _resolver.ToRepositoryPattern(argument);
            if (pattern is null)
            {
                Report(SshdProblemKind.NotJudged, Severity.Warning, include.Location,
                    $"Include {argument} points outside the repository; the settings it adds are not judged.");
                return [];
            }
            var matches = _resolver.Glob(pattern);
            if (matches.Count == 0)
            {
                // sshd skips an Include that matches nothing; a glob matching nothing is common, a missing named file is not.
                var wildcard = argument.IndexOfAny(['*', '?', '[']) >= 0;
                Report(SshdProblemKind.NotJudged, wildcard ? Severity.Note : Severity.Warning, include.Location,
                    $"Include {argument} matches no file in the repository (looked for {pattern}); sshd skips it silently, " +
                    "so whatever the deployed files set there is not judged.");
            }
            return matches;
        }

        private void Report(SshdProblemKind kind, Severity severity, SourceLocation location, string message) =>
            Problems.Add(new SshdProblem(kind, severity, message, location));
    }
}
