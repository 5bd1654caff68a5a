using System.Collections.Immutable;
using SecurityGate.Configuration;

namespace SecurityGate.Sources.Live;

/// <summary>How the live probe behaves; built from <see cref="GateOptions"/> (tests set the limits directly).</summary>
public sealed record LiveProbeOptions
{
    /// <summary>Enough for the head and body of any real page; a larger body is cut (and flagged truncated).</summary>
    public const int DefaultMaxBodyBytes = 1024 * 1024;

    /// <summary>Bodies of redirects and extra paths are only looked at for tells; less is needed.</summary>
    public const int DefaultMaxSideBodyBytes = 256 * 1024;

    /// <summary>The Observatory's pre-flight origin, so a reflected origin shows exactly as the Observatory sees it.</summary>
    public const string CorsProbeOrigin = "https://http-observatory.security.mozilla.org";

    public const string Accept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    public const string UserAgent = "Mozilla/5.0 (compatible; SecurityGate/1.0; live probe)";

    /// <summary>One deadline for everything the probe of one site does.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(GateOptions.DefaultTimeoutSeconds);

    public string? CaFile { get; init; }

    /// <summary>Sent to the staging host only (and over HTTPS unless the given URL is http://).</summary>
    public ImmutableArray<ProbeHeader> Headers { get; init; } = [];

    /// <summary>Other hosts a redirect may lead to (exact names, case-insensitive).</summary>
    public ImmutableArray<string> AllowedRedirectHosts { get; init; } = [];

    public int MaxBodyBytes { get; init; } = DefaultMaxBodyBytes;
    public int MaxSideBodyBytes { get; init; } = DefaultMaxSideBodyBytes;

    /// <summary>Try TLS 1.0 and 1.1 handshakes (two extra connections).</summary>
    public bool CheckLegacyTls { get; init; } = true;

    public static LiveProbeOptions From(GateOptions options) => new()
    {
        Timeout = options.ProbeTimeout,
        CaFile = options.CaFile,
        Headers = options.Headers,
        AllowedRedirectHosts = options.AllowedRedirectHosts,
    };
}
