using System.Collections.Immutable;

namespace SecurityGate.Findings;

/// <summary>
/// The one shape every source and rule produces. Rules fill the what and where; the gate fills
/// <see cref="Fingerprint"/>, <see cref="Suppression"/> and <see cref="Blocking"/>.
/// </summary>
public sealed record Finding
{
    public required string RuleId { get; init; }
    public required string Title { get; init; }
    public required Severity Severity { get; init; }
    public required string Message { get; init; }

    /// <summary>Null for findings with no file, e.g. those about a live URL.</summary>
    public SourceLocation? Location { get; init; }

    /// <summary>What was judged: <c>django:app.settings.production</c>, <c>url:https://…</c>, <c>file:deploy/sshd_config</c>.</summary>
    public required string Target { get; init; }

    public ImmutableSortedDictionary<string, string> References { get; init; } =
        ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);

    public string Fingerprint { get; init; } = "";
    public Suppression? Suppression { get; init; }
    public bool Blocking { get; init; }

    public static string FileTarget(string path) => "file:" + path;
    public static string UrlTarget(string url) => "url:" + url;
    public static string DjangoTarget(string module) => "django:" + module;
}
