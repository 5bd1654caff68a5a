using System.Collections.Immutable;
using System.Text.RegularExpressions;
using SecurityGate.Findings;
using SecurityGate.Sources.Discovery;

namespace SecurityGate.Sources.Nginx;

/// <summary>
/// Finds nginx configs and loads each one nothing else includes into an <see cref="NginxConfig"/> with its includes
/// expanded. A file is an nginx config when (after a template suffix such as .j2 or .template) it is named
/// <c>nginx.conf</c>, sits under <c>sites-available/</c> or <c>sites-enabled/</c>, is a <c>.conf</c> with "nginx" in
/// its path, or is any other <c>.conf</c> whose text has a <c>server {</c>/<c>http {</c> block with nginx directives.
/// Reads only through <see cref="IRepositoryFiles"/> and never throws on bad input.
/// </summary>
public static partial class NginxSource
{
    /// <summary>nginx's own include nesting is unbounded; this bound keeps a loop or fan-out harmless.</summary>
    public const int MaxIncludeDepth = 16;

    public const int MaxFileInstances = 2000;

    private const string MainName = "nginx.conf";
    private const string ConfExtension = ".conf";

    /// <summary>Where packages install nginx's configuration: an absolute include under one of them is relative to the repository's nginx folder.</summary>
    private static readonly string[] ConfigPrefixes = ["/etc/nginx/", "/usr/local/nginx/conf/", "/usr/local/etc/nginx/", "/opt/homebrew/etc/nginx/"];

    private static readonly string[] SiteFolders = ["sites-available", "sites-enabled"];

    /// <summary>
    /// Files every nginx package ships; an include of one that the repository does not hold is not a gap. Debian's
    /// <c>proxy_params</c> matters to the rules, so its stock content stands in for it.
    /// </summary>
    private static readonly IReadOnlySet<string> StockFiles = new HashSet<string>(StringComparer.Ordinal)
    {
        "mime.types", "fastcgi_params", "fastcgi.conf", "proxy_params", "uwsgi_params", "scgi_params", "koi-utf", "koi-win",
        "win-utf", "snippets/snakeoil.conf", "snippets/fastcgi-php.conf", "/etc/letsencrypt/options-ssl-nginx.conf",
    };

    private const string ProxyParams = "proxy_params";

    /// <summary>Debian's /etc/nginx/proxy_params.</summary>
    private const string StockProxyParams =
        "proxy_set_header Host $http_host;\nproxy_set_header X-Real-IP $remote_addr;\n" +
        "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\nproxy_set_header X-Forwarded-Proto $scheme;\n";

    [GeneratedRegex(@"^\s*(server|http|upstream)\s*\{", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex BlockPattern();

    [GeneratedRegex(@"^\s*(listen|server_name|proxy_pass|location|root|ssl_certificate)\s", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex DirectivePattern();

    public static bool IsCandidatePath(string path)
    {
        var plain = NginxTemplate.StripTemplateExtension(path);
        var name = plain[(plain.LastIndexOf('/') + 1)..];
        if (name.StartsWith('.') || name.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
            return false;
        var folders = plain.Split('/')[..^1];
        return name == MainName
            || folders.Any(f => SiteFolders.Contains(f))
            || (name.EndsWith(ConfExtension, StringComparison.Ordinal) && plain.Contains("nginx", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A <c>.conf</c> elsewhere is nginx when its text looks like it (supervisor and others use .conf too).</summary>
    public static bool LooksLikeNginx(string path, string text) =>
        NginxTemplate.StripTemplateExtension(path).EndsWith(ConfExtension, StringComparison.Ordinal)
        && BlockPattern().IsMatch(text) && DirectivePattern().IsMatch(text);

    public static ImmutableArray<NginxConfig> Load(IRepositoryFiles files)
    {
        var candidates = new List<(string Path, string Text)>();
        foreach (var path in files.Paths)
        {
            var isCandidate = IsCandidatePath(path);
            if (!isCandidate && !NginxTemplate.StripTemplateExtension(path).EndsWith(ConfExtension, StringComparison.Ordinal))
                continue;
            var read = files.Read(path);
            if (read.Ok && (isCandidate || LooksLikeNginx(path, read.Text)))
                candidates.Add((path, read.Text));
        }

        var loaded = candidates.Select(c => LoadText(c.Path, c.Text, files)).ToList();
        var includedElsewhere = loaded.SelectMany(c => c.Files.Skip(1).Where(f => f != c.Path)).ToHashSet(StringComparer.Ordinal);
        return [.. loaded.Where(c => !includedElsewhere.Contains(c.Path))];
    }

    /// <summary>Parses one file and expands its includes from <paramref name="files"/> (null: none resolve).</summary>
    public static NginxConfig LoadText(string path, string text, IRepositoryFiles? files = null)
    {
        var expander = new Expander(path, files);
        var directives = expander.Expand(NginxParser.Parse(path, text), depth: 0, [path]);
        return new NginxConfig(path, directives, [.. expander.Problems.Distinct()], [.. expander.Files]);
    }

    private sealed class Expander(string mainPath, IRepositoryFiles? files)
    {
        private readonly Dictionary<string, NginxParsedFile> _parsed = new(StringComparer.Ordinal);
        private int _instances;

        public List<NginxProblem> Problems { get; } = [];
        public List<string> Files { get; } = [mainPath];

        public ImmutableArray<NginxDirective> Expand(NginxParsedFile file, int depth, ImmutableList<string> stack)
        {
            _instances++;
            Problems.AddRange(file.Problems);
            return ExpandAll(file.Directives, depth, stack);
        }

        private ImmutableArray<NginxDirective> ExpandAll(ImmutableArray<NginxDirective> directives, int depth, ImmutableList<string> stack)
        {
            var result = ImmutableArray.CreateBuilder<NginxDirective>();
            foreach (var directive in directives)
            {
                if (directive.Name == NginxNames.Include && directive.Block is null && directive.Arguments.Length == 1)
                    result.AddRange(Include(directive, depth, stack));
                else if (directive.Block is { } block)
                    result.Add(directive with { Block = ExpandAll(block, depth, stack) });
                else
                    result.Add(directive);
            }
            return result.ToImmutable();
        }

        private IEnumerable<NginxDirective> Include(NginxDirective include, int depth, ImmutableList<string> stack)
        {
            var argument = include.Arguments[0];
            if (argument.IsTemplated)
            {
                NotJudged(include, "the include path is templated; the files it names are not judged");
                return [];
            }
            var matches = files is null ? [] : Resolve(argument.Value, stack[^1]);
            if (matches.Count == 0)
                return Unresolved(include, argument.Value);

            var result = new List<NginxDirective>();
            foreach (var path in matches)
            {
                if (stack.Contains(path) || depth + 1 > MaxIncludeDepth || _instances >= MaxFileInstances)
                {
                    Problems.Add(new NginxProblem(NginxProblemKind.Syntax,
                        stack.Contains(path) ? $"include loop: {path} includes itself" : "includes nested too deep or too many files; the rest is not judged",
                        include.Location));
                    continue;
                }
                var read = files!.Read(path);
                if (!read.Ok)
                    continue;
                if (!Files.Contains(path))
                    Files.Add(path);
                if (!_parsed.TryGetValue(path, out var parsed))
                    _parsed[path] = parsed = NginxParser.Parse(path, read.Text);
                result.AddRange(Expand(parsed, depth + 1, stack.Add(path)));
            }
            return result;
        }

        private IEnumerable<NginxDirective> Unresolved(NginxDirective include, string argument)
        {
            var stockName = StripConfigPrefix(argument) ?? argument;
            if (stockName == ProxyParams)
                return NginxParser.Parse(include.Location.Path, StockProxyParams).Directives
                    .Select(d => d with { Location = include.Location, Arguments = [.. d.Arguments.Select(a => a with { Location = include.Location })] });
            var wildcard = argument.IndexOfAny(['*', '?', '[']) >= 0;
            if (!wildcard && !StockFiles.Contains(stockName) && !StockFiles.Contains(argument))
                NotJudged(include, $"include {argument} matches no file in the repository; what it sets is not judged");
            return [];
        }

        private void NotJudged(NginxDirective include, string message) =>
            Problems.Add(new NginxProblem(NginxProblemKind.NotJudged, message, include.Location));

        /// <summary>
        /// nginx resolves a relative include against its configuration folder, which is not known in a repository:
        /// try the including file's folder and then each folder above it, and take the first where the pattern matches.
        /// An absolute path under /etc/nginx is read the same way; any other absolute path matches by its longest
        /// suffix found in the repository.
        /// </summary>
        private List<string> Resolve(string argument, string includingFile)
        {
            var relative = argument.StartsWith('/') ? StripConfigPrefix(argument) : argument.TrimStart('.', '/');
            if (relative is null)
                return ResolveBySuffix(argument);
            var folder = includingFile.Contains('/') ? includingFile[..includingFile.LastIndexOf('/')] : "";
            while (true)
            {
                var pattern = folder.Length == 0 ? relative : folder + "/" + relative;
                var regex = GlobToRegex(pattern);
                var matches = files!.Paths.Where(p => regex.IsMatch(p)).ToList();
                if (matches.Count > 0)
                    return matches;
                if (folder.Length == 0)
                    return [];
                folder = folder.Contains('/') ? folder[..folder.LastIndexOf('/')] : "";
            }
        }

        private List<string> ResolveBySuffix(string argument)
        {
            var segments = argument.Trim('/').Split('/');
            for (var take = segments.Length; take >= 2; take--)
            {
                var regex = GlobToRegex("**/" + string.Join('/', segments[^take..]));
                var matches = files!.Paths.Where(p => regex.IsMatch(p)).ToList();
                if (matches.Count > 0)
                    return matches;
            }
            return [];
        }
    }

    private static string? StripConfigPrefix(string argument) =>
        ConfigPrefixes.FirstOrDefault(p => argument.StartsWith(p, StringComparison.Ordinal)) is { } prefix ? argument[prefix.Length..] : null;

    private static Regex GlobToRegex(string pattern)
    {
        var regex = "^" + Regex.Escape(pattern).Replace(@"\*\*/", "(?:.*/)?").Replace(@"\*", "[^/]*").Replace(@"\?", "[^/]") + "$";
        return new Regex(regex, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
