using System.Collections.Immutable;

namespace SecurityGate.Sources.Live.Observatory;

/// <summary>One entry of Chromium's HSTS preload list.</summary>
public sealed record HstsPreloadEntry(bool ForceHttps, bool IncludeSubDomains);

/// <summary>
/// The HSTS preload list the Observatory consults (hsts-preloaded, redirection-all-redirects-preloaded).
/// <see cref="Empty"/> (nothing preloaded) is the default and the truth for any staging or loopback host.
/// </summary>
public sealed class HstsPreloadList(ImmutableDictionary<string, HstsPreloadEntry> entries)
{
    public static HstsPreloadList Empty { get; } = new(ImmutableDictionary<string, HstsPreloadEntry>.Empty);

    /// <summary>
    /// The entry covering <paramref name="hostname"/>: its own force-https entry, or a parent domain's
    /// force-https entry with includeSubDomains. Compared as given (the Observatory passes its target string).
    /// </summary>
    public HstsPreloadEntry? Find(string hostname)
    {
        if (entries.TryGetValue(hostname, out var own) && own.ForceHttps)
        {
            return own;
        }

        var labels = hostname.Split('.');
        for (var skip = 1; skip < labels.Length; skip++)
        {
            if (entries.TryGetValue(string.Join('.', labels[skip..]), out var parent) && parent.ForceHttps && parent.IncludeSubDomains)
            {
                return parent;
            }
        }

        return null;
    }
}
