using System.Collections.Immutable;
using SecurityGate.Configuration;
using SecurityGate.Sources.Discovery;

namespace SecurityGate.Gate;

/// <summary>What every analyzer gets: the options, the repository's files and the production environment.</summary>
public sealed record ScanContext(
    GateOptions Options,
    IRepositoryFiles Files,
    ImmutableDictionary<string, string> ProductionEnvironment);
