using System.Collections.Immutable;

namespace SecurityGate.Sources.Live.Observatory;

/// <summary>
/// Response headers as the Observatory (Node.js) sees them: names lower-cased; a repeated Set-Cookie stays a list;
/// a repeat of a header Node treats as single-valued (Content-Type, Location, Server, …) is dropped; any other
/// repeat is joined to the first with ", ". This is why a header sent twice usually reads as invalid.
/// </summary>
internal sealed class NodeHeaders
{
    public static NodeHeaders Empty { get; } = new(HeaderCollection.Empty);

    // Node's IncomingMessage keeps only the first of these.
    private static readonly HashSet<string> FirstValueOnly = new(StringComparer.Ordinal)
    {
        "age", "authorization", "content-length", "content-type", "etag", "expires", "from", "host",
        "if-modified-since", "if-unmodified-since", "last-modified", "location", "max-forwards",
        "proxy-authorization", "referer", "retry-after", "server", "user-agent",
    };

    private const string SetCookieName = "set-cookie";

    private readonly Dictionary<string, string> _merged = new(StringComparer.Ordinal);

    public NodeHeaders(HeaderCollection headers)
    {
        var setCookies = ImmutableArray.CreateBuilder<string>();
        foreach (var field in headers)
        {
            var name = field.Name.ToLowerInvariant();
            if (name == SetCookieName)
            {
                setCookies.Add(field.Value);
            }
            else if (!_merged.TryGetValue(name, out var existing))
            {
                _merged[name] = field.Value;
            }
            else if (!FirstValueOnly.Contains(name))
            {
                _merged[name] = existing + (name == "cookie" ? "; " : ", ") + field.Value;
            }
        }

        SetCookies = setCookies.ToImmutable();
    }

    public ImmutableArray<string> SetCookies { get; }

    /// <summary>The merged value, or null when the header is absent.</summary>
    public string? Get(string name) => _merged.GetValueOrDefault(name.ToLowerInvariant());

    /// <summary>The merged value when present and non-empty (JavaScript truthiness), else null.</summary>
    public string? GetNonEmpty(string name) => Get(name) is { Length: > 0 } value ? value : null;
}
