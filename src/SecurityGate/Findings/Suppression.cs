namespace SecurityGate.Findings;

/// <summary>Why a finding is silenced: the inline comment's reason and optional expiry date.</summary>
public sealed record Suppression(string Reason, DateOnly? Until, SourceLocation Location);
