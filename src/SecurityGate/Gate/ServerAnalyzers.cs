using System.Collections.Immutable;
using SecurityGate.Findings;
using SecurityGate.Rules.Engine;
using SecurityGate.Rules.Server;
using SecurityGate.Rules.Sshd;
using SecurityGate.Sources.CloudInit;
using SecurityGate.Sources.Sudoers;

namespace SecurityGate.Gate;

/// <summary>Sudoers files, and cloud-init user-data with the sshd settings its write_files install.</summary>
public static class ServerAnalyzers
{
    public static IReadOnlyList<IAnalyzer> Create() =>
    [
        new ModelAnalyzer<SudoersFile>("sudoers",
            context => new SourceOutput<SudoersFile>(SudoersSource.Load(context.Files), []),
            ServerRules.Sudoers),
        new CloudInitAnalyzer(),
    ];

    /// <summary>
    /// The SRV rules over each cloud-init file, then the SSH rules over each sshd config it writes. The SSH rules are
    /// listed by the sshd analyzer, not here, so the catalog names each rule once.
    /// </summary>
    private sealed class CloudInitAnalyzer : IAnalyzer
    {
        private readonly ModelAnalyzer<CloudInitModel> _server = new("cloud-init", Load, ServerRules.CloudInit);

        public string Name => "cloud-init";

        public IReadOnlyList<RuleDescriptor> Rules => _server.Rules;

        public async Task<AnalyzerOutput> AnalyzeAsync(ScanContext context, CancellationToken cancellationToken)
        {
            var findings = new List<Finding>((await _server.AnalyzeAsync(context, cancellationToken)).Findings);
            foreach (var config in CloudInitSource.Load(context.Files).Models.SelectMany(m => m.Sshd))
                foreach (var rule in SshdRules.All)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    try
                    {
                        findings.AddRange(rule.Evaluate(config.Model).Select(f => InPlace(f, config)));
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        findings.Add(SG000InternalError.Create($"rule {rule.Descriptor.Id} on cloud-init write_files", e));
                    }
                }
            return AnalyzerOutput.Of(findings);
        }

        /// <summary>
        /// An SSH finding about sshd settings written by cloud-init: the message names the write_files target, and a
        /// finding about a compiled-in default (which points at line 1) points at the write_files entry instead.
        /// </summary>
        private static Finding InPlace(Finding finding, CloudInitSshdConfig config) => finding with
        {
            Message = $"{finding.Message} (write_files {config.File.TargetPath})",
            Location = finding.Location is { Line: 1 } at && at.Path == config.File.Location.Path && config.File.ContentLineOffset > 0
                ? config.File.Location
                : finding.Location,
        };

        private static SourceOutput<CloudInitModel> Load(ScanContext context)
        {
            var (models, problems) = CloudInitSource.Load(context.Files);
            return new SourceOutput<CloudInitModel>(models, problems);
        }
    }
}
