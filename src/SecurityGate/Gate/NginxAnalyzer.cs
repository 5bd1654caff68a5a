using SecurityGate.Rules.Nginx;
using SecurityGate.Sources.Nginx;

namespace SecurityGate.Gate;

/// <summary>nginx site configs (with includes and templates) and the NGX rules.</summary>
public static class NginxAnalyzer
{
    public static IAnalyzer Create() => new ModelAnalyzer<NginxConfig>("nginx",
        context => new SourceOutput<NginxConfig>(NginxSource.Load(context.Files), []),
        NginxRules.All);
}
