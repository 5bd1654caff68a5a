using System.Collections.Immutable;

namespace SecurityGate.Gate;

/// <summary>One Observatory test's outcome, with the Observatory's own names.</summary>
public sealed record ObservatoryTestResult(string Result, int ScoreModifier, bool Pass);

/// <summary>The Observatory's score and grade for one site.</summary>
public sealed record ObservatorySummary(int Score, string Grade, ImmutableSortedDictionary<string, ObservatoryTestResult> Tests);

/// <summary>What the report says about one probed staging URL.</summary>
public sealed record SiteResult(string Url, bool Reachable, ObservatorySummary? Observatory);
