using System.Text;
using System.Text.RegularExpressions;

namespace SecurityGate.Sources.Discovery;

/// <summary>
/// A path glob as used in <c>paths.include</c>/<c>paths.exclude</c>: <c>**</c> matches any number of folders,
/// <c>*</c> and <c>?</c> stay within one path segment, <c>[abc]</c> is a character class. A pattern without a
/// slash matches a file or folder name at any depth (like .gitignore); one with a slash matches from the root.
/// </summary>
public sealed class Glob
{
    private readonly Regex _regex;

    public string Pattern { get; }

    public Glob(string pattern)
    {
        Pattern = pattern.Trim().Replace('\\', '/');
        var anchored = Pattern.TrimEnd('/').Contains('/');
        var body = Pattern.TrimStart('/').TrimEnd('/');
        var prefix = anchored ? "^" : "^(?:.*/)?";
        // A match on a folder also matches everything below it.
        _regex = new Regex(prefix + Translate(body) + "(?:/.*)?$", RegexOptions.CultureInvariant);
    }

    public bool IsMatch(string relativePath) => _regex.IsMatch(relativePath);

    private static string Translate(string glob)
    {
        var regex = new StringBuilder();
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                var followedBySlash = i + 2 < glob.Length && glob[i + 2] == '/';
                regex.Append(followedBySlash ? "(?:.*/)?" : ".*");
                i += followedBySlash ? 2 : 1;
            }
            else if (c == '*')
                regex.Append("[^/]*");
            else if (c == '?')
                regex.Append("[^/]");
            else if (c == '[' && glob.IndexOf(']', i + 1) is var close and > 0)
            {
                var set = glob[(i + 1)..close];
                regex.Append('[').Append(set.StartsWith('!') ? "^" + Regex.Escape(set[1..]) : Regex.Escape(set)).Append(']');
                i = close;
            }
            else
                regex.Append(Regex.Escape(c.ToString()));
        }
        return regex.ToString();
    }
}
