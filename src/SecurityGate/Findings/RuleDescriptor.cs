using System.Collections.Immutable;

namespace SecurityGate.Findings;

/// <summary>
/// Everything the catalog, the reports and the policy need to know about one rule.
/// Each rule declares exactly one descriptor at the top of its own file.
/// </summary>
public sealed record RuleDescriptor
{
    /// <summary>Base of the per-rule help pages; the anchor is derived from the id, never typed by hand.</summary>
    public const string HelpBaseUri = "https://github.com/securitygate/securitygate/blob/main/README.md";

    public required string Id { get; init; }
    public required string Title { get; init; }
    public required RuleCategory Category { get; init; }
    public required Severity DefaultSeverity { get; init; }

    /// <summary>One or two sentences: why it matters and how to fix it.</summary>
    public required string Help { get; init; }

    /// <summary>The reference tool's own id: <c>django</c> → <c>security.W018</c>, <c>sshd</c>, <c>observatory</c>.</summary>
    public ImmutableSortedDictionary<string, string> References { get; init; } =
        ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);

    public string HelpUri => $"{HelpBaseUri}#{Id.ToLowerInvariant()}";

    public static RuleDescriptor Create(
        string id,
        string title,
        RuleCategory category,
        Severity defaultSeverity,
        string help,
        IReadOnlyDictionary<string, string>? references = null) => new()
        {
            Id = id,
            Title = title,
            Category = category,
            DefaultSeverity = defaultSeverity,
            Help = help,
            References = (references ?? new Dictionary<string, string>())
                .ToImmutableSortedDictionary(StringComparer.Ordinal),
        };

    /// <summary>A finding of this rule with the rule's default severity and references.</summary>
    public Finding CreateFinding(string message, SourceLocation? location, string target,
        IReadOnlyDictionary<string, string>? references = null) => new()
        {
            RuleId = Id,
            Title = Title,
            Severity = DefaultSeverity,
            Message = message,
            Location = location,
            Target = target,
            References = references is null
                ? References
                : references.ToImmutableSortedDictionary(StringComparer.Ordinal),
        };
}
