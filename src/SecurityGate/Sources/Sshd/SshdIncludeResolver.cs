namespace SecurityGate.Sources.Sshd;

/// <summary>
/// Maps an Include argument to repository files. sshd resolves a relative argument against /etc/ssh; in a
/// repository /etc/ssh is the folder holding the main sshd_config, so <c>sshd_config.d/*.conf</c> and
/// <c>/etc/ssh/sshd_config.d/*.conf</c> both mean that folder's <c>sshd_config.d</c>. When that folder itself
/// ends in <c>etc/ssh</c> (a root file system layout), other absolute paths map below its root too.
/// Globs follow glob(3): <c>*</c>, <c>?</c> and <c>[…]</c> within one path segment, wildcards never match a
/// leading dot, results sorted by byte order.
/// </summary>
public sealed class SshdIncludeResolver
{
    private const string SshDir = "/etc/ssh";
    private readonly IReadOnlyList<string> _paths;
    private readonly string _sshDirInRepo;
    private readonly string? _rootInRepo;

    /// <param name="paths">The repository's files.</param>
    /// <param name="mainPath">The repo-relative path of the main sshd_config.</param>
    public SshdIncludeResolver(IReadOnlyList<string> paths, string mainPath)
    {
        _paths = paths;
        var slash = mainPath.LastIndexOf('/');
        _sshDirInRepo = slash < 0 ? "" : mainPath[..slash];
        const string etcSsh = "etc/ssh";
        if (_sshDirInRepo == etcSsh)
            _rootInRepo = "";
        else if (_sshDirInRepo.EndsWith("/" + etcSsh, StringComparison.Ordinal))
            _rootInRepo = _sshDirInRepo[..^(etcSsh.Length + 1)];
    }

    /// <summary>The repository pattern for an Include argument, or null when it points outside the repository.</summary>
    public string? ToRepositoryPattern(string argument)
    {
        if (argument.StartsWith('~'))
            return null;
        var absolute = argument.StartsWith('/') ? argument : SshDir + "/" + argument;
        var normalized = Normalize(absolute);
        if (normalized is null)
            return null;
        if (normalized.StartsWith(SshDir + "/", StringComparison.Ordinal))
            return Join(_sshDirInRepo, normalized[(SshDir.Length + 1)..]);
        return _rootInRepo is null ? null : Join(_rootInRepo, normalized[1..]);
    }

    /// <summary>The repository files a pattern matches, sorted as glob(3) sorts them.</summary>
    public IReadOnlyList<string> Glob(string repositoryPattern)
    {
        var segments = repositoryPattern.Split('/');
        return _paths
            .Where(path => MatchesSegments(path.Split('/'), segments))
            .OrderBy(path => path, StringComparer.Ordinal)
            .ToList();
    }

    private static bool MatchesSegments(string[] path, string[] pattern) =>
        path.Length == pattern.Length && path.Zip(pattern).All(p => MatchSegment(p.First, p.Second));

    /// <summary>fnmatch(3) of one path segment, without FNM_PERIOD's leading-dot exception for literal dots.</summary>
    public static bool MatchSegment(string name, string pattern)
    {
        if (name.StartsWith('.') && !pattern.StartsWith('.'))
            return false;
        return Match(name, 0, pattern, 0);
    }

    private static bool Match(string name, int n, string pattern, int p)
    {
        while (p < pattern.Length)
        {
            var c = pattern[p];
            if (c == '*')
            {
                for (var rest = n; rest <= name.Length; rest++)
                {
                    if (Match(name, rest, pattern, p + 1))
                        return true;
                }
                return false;
            }
            if (n >= name.Length)
                return false;
            if (c == '?')
            {
                n++;
                p++;
                continue;
            }
            if (c == '[' && BracketEnd(pattern, p) is { } end)
            {
                if (!BracketMatches(pattern[(p + 1)..end], name[n]))
                    return false;
                n++;
                p = end + 1;
                continue;
            }
            if (c == '\\' && p + 1 < pattern.Length)
                c = pattern[++p];
            if (name[n] != c)
                return false;
            n++;
            p++;
        }
        return n == name.Length;
    }

    private static int? BracketEnd(string pattern, int open)
    {
        var i = open + 1;
        if (i < pattern.Length && pattern[i] is '!' or '^')
            i++;
        if (i < pattern.Length && pattern[i] == ']')
            i++;
        var close = pattern.IndexOf(']', i);
        return close < 0 ? null : close;
    }

    private static bool BracketMatches(string set, char c)
    {
        var negate = set.Length > 0 && set[0] is '!' or '^';
        if (negate)
            set = set[1..];
        var found = false;
        for (var i = 0; i < set.Length; i++)
        {
            if (i + 2 < set.Length && set[i + 1] == '-')
            {
                found |= c >= set[i] && c <= set[i + 2];
                i += 2;
            }
            else
            {
                found |= c == set[i];
            }
        }
        return found != negate;
    }

    private static string? Normalize(string absolute)
    {
        var parts = new List<string>();
        foreach (var part in absolute.Split('/'))
        {
            if (part.Length == 0 || part == ".")
                continue;
            if (part == "..")
            {
                if (parts.Count == 0)
                    return null;
                parts.RemoveAt(parts.Count - 1);
                continue;
            }
            parts.Add(part);
        }
        return "/" + string.Join('/', parts);
    }

    private static string Join(string folder, string relative) => folder.Length == 0 ? relative : folder + "/" + relative;
}
