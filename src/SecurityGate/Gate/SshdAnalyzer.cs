using SecurityGate.Rules.Sshd;
using SecurityGate.Sources.Sshd;

namespace SecurityGate.Gate;

/// <summary>sshd_config files (and their templates and drop-ins) with OpenSSH's own semantics, and the SSH rules.</summary>
public static class SshdAnalyzer
{
    public static IAnalyzer Create() => new ModelAnalyzer<SshdConfigModel>("sshd",
        context => new SourceOutput<SshdConfigModel>(SshdSource.Load(context.Files, context.Options.SshdConnection), []),
        SshdRules.All);
}
