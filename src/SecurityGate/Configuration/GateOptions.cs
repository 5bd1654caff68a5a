using System.Collections.Immutable;
using SecurityGate.Findings;

namespace SecurityGate.Configuration;

/// <summary>A rule's configured severity; <see cref="Off"/> removes the rule's findings.</summary>
public readonly record struct RuleSeverityOverride(Severity? Severity)
{
    public bool Off => Severity is null;
}

/// <summary>A header sent to the staging host only (never to another host after a redirect).</summary>
public sealed record ProbeHeader(string Name, string Value);

/// <summary>Everything the gate needs to run, validated and immutable. Built by <see cref="GateOptionsBinder"/>.</summary>
public sealed record GateOptions
{
    public const double DefaultTimeoutSeconds = 20;

    /// <summary>Absolute path of the repository to scan.</summary>
    public required string RepositoryPath { get; init; }

    public FailOn FailOn { get; init; } = FailOn.Error;
    public ImmutableArray<string> Include { get; init; } = [];
    public ImmutableArray<string> Exclude { get; init; } = [];
    public ImmutableDictionary<string, RuleSeverityOverride> RuleSeverities { get; init; } =
        ImmutableDictionary<string, RuleSeverityOverride>.Empty.WithComparers(StringComparer.OrdinalIgnoreCase);

    public string? DjangoSettingsModule { get; init; }
    public DjangoVersion? DjangoVersion { get; init; }

    /// <summary>Absolute path of the production dotenv file used for environment lookups in settings.</summary>
    public string? EnvFile { get; init; }

    public ImmutableArray<Uri> Urls { get; init; } = [];
    public TimeSpan ProbeTimeout { get; init; } = TimeSpan.FromSeconds(DefaultTimeoutSeconds);
    public string? CaFile { get; init; }
    public ImmutableArray<ProbeHeader> Headers { get; init; } = [];

    /// <summary>Judge sshd_config for this connection (as <c>sshd -T -C</c>); null = what <c>sshd -T</c> prints.</summary>
    public Sources.Sshd.SshdConnection? SshdConnection { get; init; }

    /// <summary>Hosts other than the staging host that the probe may follow redirects to (config allow-redirect-hosts).</summary>
    public ImmutableArray<string> AllowedRedirectHosts { get; init; } = [];

    /// <summary>Lowest acceptable Observatory grade (A+ … F); a lower grade is a blocking finding. Null: no minimum.</summary>
    public string? MinGrade { get; init; }

    /// <summary>The date against which suppression expiry is judged (injected: rules never read the clock).</summary>
    public DateOnly Today { get; init; } = DateOnly.FromDateTime(DateTime.UtcNow);
}
