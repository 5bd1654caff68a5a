using SecurityGate.Findings;

namespace SecurityGate.Rules;

/// <summary>A rule without its model type: what the catalog lists.</summary>
public interface IRule
{
    RuleDescriptor Descriptor { get; }
}

/// <summary>
/// A pure check over one parsed model: no I/O, no clock, no environment.
/// Quirks of parsing belong in the source that built <typeparamref name="TModel"/>.
/// </summary>
public interface IRule<in TModel> : IRule
{
    IEnumerable<Finding> Evaluate(TModel model);
}
