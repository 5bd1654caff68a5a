using System.Collections.Immutable;
using SecurityGate.Findings;
using SecurityGate.Rules;
using SecurityGate.Rules.Engine;

namespace SecurityGate.Gate;

/// <summary>What a source produced: the models to judge and the problems it met reading them.</summary>
public sealed record SourceOutput<TModel>(ImmutableArray<TModel> Models, ImmutableArray<Finding> Problems);

/// <summary>
/// The usual analyzer: one source builds models, a fixed list of pure rules runs over each model.
/// A rule that throws yields an internal-error finding instead of crashing the gate. <paramref name="keep"/> lets a
/// source drop findings its own model silences (Django's SILENCED_SYSTEM_CHECKS).
/// </summary>
public sealed class ModelAnalyzer<TModel>(
    string name,
    Func<ScanContext, SourceOutput<TModel>> load,
    IReadOnlyList<IRule<TModel>> rules,
    IReadOnlyList<RuleDescriptor>? sourceRules = null,
    Func<TModel, Finding, bool>? keep = null,
    Func<TModel, DjangoProjectReport>? describe = null) : IAnalyzer
{
    public string Name => name;

    public IReadOnlyList<RuleDescriptor> Rules { get; } =
        [.. (sourceRules ?? []).Concat(rules.Select(r => r.Descriptor))];

    public Task<AnalyzerOutput> AnalyzeAsync(ScanContext context, CancellationToken cancellationToken)
    {
        var source = load(context);
        var findings = new List<Finding>(source.Problems);
        foreach (var model in source.Models)
            foreach (var rule in rules)
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    findings.AddRange(keep is null ? rule.Evaluate(model) : rule.Evaluate(model).Where(f => keep(model, f)));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    findings.Add(SG000InternalError.Create($"rule {rule.Descriptor.Id}", e));
                }
            }
        return Task.FromResult(AnalyzerOutput.Of(findings) with
        {
            DjangoProjects = describe is null ? [] : [.. source.Models.Select(describe)],
        });
    }
}
