using System.Collections.Immutable;
using SecurityGate.Findings;
using SecurityGate.Sources.Discovery;

namespace SecurityGate.Sources.Sshd;

/// <summary>
/// What the SSH rules judge: one main config with its includes, its problems, the effective settings of the
/// chosen view and of the plain <c>sshd -T</c> view, and its Match blocks.
/// </summary>
/// <param name="Config">The parsed config tree and its problems.</param>
/// <param name="Effective">The view SSH001–SSH009 judge: <c>sshd -T</c>, or <c>sshd -T -C</c> for a given connection.</param>
/// <param name="Base">The plain <c>sshd -T</c> view (no connection), against which Match blocks are compared.</param>
/// <param name="MatchBlocks">Every Match block with the directives it holds.</param>
public sealed record SshdConfigModel(
    SshdConfig Config,
    SshdEffectiveConfig Effective,
    SshdEffectiveConfig Base,
    ImmutableArray<SshdMatchBlock> MatchBlocks)
{
    public static SshdConfigModel Create(SshdConfig config, SshdConnection? connection = null)
    {
        var baseView = SshdEvaluator.Evaluate(config, connection: null);
        var effective = connection is null ? baseView : SshdEvaluator.Evaluate(config, connection);
        return new SshdConfigModel(config, effective, baseView, SshdEvaluator.MatchBlocks(config.Root));
    }

    /// <summary>A model of an empty file: every setting at its compiled-in default.</summary>
    public static SshdConfigModel Empty(string path = "sshd_config") => Create(SshdSource.LoadText(path, ""));

    /// <summary>Loads a single text as a main config (tests, embedded configs).</summary>
    public static SshdConfigModel FromText(string path, string text, SshdConnection? connection = null, IRepositoryFiles? files = null) =>
        Create(SshdSource.LoadText(path, text, files), connection);

    /// <summary>
    /// Every problem: those of reading the files, plus those that only applying Match blocks reveals, for the plain
    /// view and for the chosen connection.
    /// </summary>
    public ImmutableArray<SshdProblem> Problems =>
        Config.Problems.Concat(Base.Problems).Concat(Effective.Problems).Distinct().ToImmutableArray();

    /// <summary>False when sshd would refuse this configuration (for this view).</summary>
    public bool IsValid => Problems.All(p => p.Kind != SshdProblemKind.Invalid);

    /// <summary>The finding target: <c>file:&lt;repo-relative path of the main sshd_config&gt;</c>.</summary>
    public string Target => Finding.FileTarget(Config.MainPath);

    /// <summary>
    /// Where a finding about <paramref name="setting"/> points: the line that set the value, or, for a value that
    /// comes from the compiled-in default, line 1 of the main config (the file as a whole leaves it unset).
    /// </summary>
    public SourceLocation LocationOf(SshdSetting setting) => setting.Location ?? DefaultLocation;

    public SourceLocation DefaultLocation => SourceLocation.At(Config.MainPath, 1);
}
