namespace SecurityGate.Gate;

/// <summary>
/// The explicit list of analyzers the gate runs. Adding a source means adding it here: no discovery by reflection,
/// no registration by import side effect.
/// </summary>
public static class AnalyzerCatalog
{
    public static IReadOnlyList<IAnalyzer> All() =>
    [
        SshdAnalyzer.Create(),
        NginxAnalyzer.Create(),
        .. DockerAnalyzers.Create(),
        .. ServerAnalyzers.Create(),
        FirewallAnalyzer.Create(),
    ];
}
