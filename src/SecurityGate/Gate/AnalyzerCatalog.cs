using SecurityGate.Sources.Django;
using SecurityGate.Sources.Live;

namespace SecurityGate.Gate;

/// <summary>
/// The explicit list of analyzers the gate runs. Adding a source means adding it here: no discovery by reflection,
/// no registration by import side effect.
/// </summary>
public static class AnalyzerCatalog
{
    public static IReadOnlyList<IAnalyzer> All() =>
    [
        DjangoAnalyzer.Create(),
        SshdAnalyzer.Create(),
        // The live probe compares what the site serves with what the Django settings say (drift rules).
        new LiveAnalyzer(DjangoSettingsExpectations.ForScan),
        TerraformAnalyzer.Create(),
        NginxAnalyzer.Create(),
        .. DockerAnalyzers.Create(),
        .. ServerAnalyzers.Create(),
        FirewallAnalyzer.Create(),
    ];
}
