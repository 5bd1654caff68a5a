using System.Collections.Immutable;
using SecurityGate.Findings;

namespace SecurityGate.Sources.Sshd;

/// <summary>
/// Computes effective settings the way OpenSSH 9.2's sshd does. sshd reads the config twice:
/// <list type="number">
/// <item>the main pass, with no connection: lines outside Match blocks (and inside <c>Match All</c>) apply,
/// the first obtained value winning; a directive that is not allowed in Match is an error inside a block;</item>
/// <item>a Match pass for the connection (for <c>sshd -T</c> without -C, a blank one that matches only
/// <c>Match All</c>): only lines in matching blocks apply, again first value wins, and the values it sets
/// replace the main pass's for directives allowed in Match.</item>
/// </list>
/// An Include is processed in place: the included file starts in its includer's block state, its Match lines
/// may change that state, and the includer's state is restored after each included file. An Include reached
/// from a block that does not apply never activates the Match lines of the files it includes.
/// </summary>
public static class SshdEvaluator
{
    public static SshdEffectiveConfig Evaluate(SshdConfig config, SshdConnection? connection)
    {
        var main = new Pass(connection: null, matchPass: false);
        main.Run(config.Root);
        var match = new Pass(connection ?? new SshdConnection(), matchPass: true);
        match.Run(config.Root);

        var active = main.Active.ToDictionary(e => e.Key, e => e.Value.ToImmutable(), StringComparer.Ordinal);
        foreach (var (keyword, lines) in match.Active)
        {
            if (SshdKeywords.Find(keyword) is { AllowedInMatch: true })
                active[keyword] = lines.ToImmutable();
        }
        return new SshdEffectiveConfig(connection, active.ToImmutableDictionary(StringComparer.Ordinal), match.Problems.ToImmutable());
    }

    /// <summary>The errors only the main pass reveals: directives not allowed inside a Match block.</summary>
    public static ImmutableArray<SshdProblem> ContextProblems(SshdFile root)
    {
        var main = new Pass(connection: null, matchPass: false);
        main.Run(root);
        var problems = main.Problems.ToImmutable();
        return UnsatisfiableMethods(main.Active) is { } unsatisfiable ? problems.Add(unsatisfiable) : problems;
    }

    /// <summary>
    /// sshd exits when no list of AuthenticationMethods can succeed because each names a method switched off
    /// (e.g. <c>AuthenticationMethods publickey,password</c> with <c>PasswordAuthentication no</c>).
    /// </summary>
    private static SshdProblem? UnsatisfiableMethods(Dictionary<string, ImmutableArray<SshdDirective>.Builder> active)
    {
        if (!active.TryGetValue(SshdKeywords.AuthenticationMethods, out var lines) || lines[0].IsTemplated)
            return null;
        bool Enabled(string keyword, bool byDefault) => active.TryGetValue(keyword, out var set)
            ? set[0].IsTemplated || SshdValues.Normalize(set[0]) == SshdValues.Yes
            : byDefault;
        var enabled = new Dictionary<string, bool>(StringComparer.Ordinal)
        {
            ["publickey"] = Enabled(SshdKeywords.PubkeyAuthentication, byDefault: true),
            ["password"] = Enabled(SshdKeywords.PasswordAuthentication, byDefault: true),
            ["keyboard-interactive"] = Enabled(SshdKeywords.KbdInteractiveAuthentication, byDefault: true),
            ["hostbased"] = Enabled("HostbasedAuthentication", byDefault: false),
            ["gssapi-with-mic"] = Enabled("GSSAPIAuthentication", byDefault: false),
        };
        var directive = lines[0];
        var satisfiable = directive.Args.Any(list => list.Split(',').All(m => enabled.GetValueOrDefault(m.Split(':')[0], true)));
        return satisfiable ? null : new SshdProblem(SshdProblemKind.Invalid, Severity.Error,
            "AuthenticationMethods cannot be satisfied: every list names a method that is switched off (sshd refuses to start).",
            directive.Location);
    }

    /// <summary>Every Match block with the directives under it, following Includes (a block ends at the next Match or the end of its file).</summary>
    public static ImmutableArray<SshdMatchBlock> MatchBlocks(SshdFile root)
    {
        var blocks = new List<(SshdMatch Match, List<SshdDirective> Directives)>();
        CollectBlocks(root, current: null, blocks);
        return blocks.Select(b => new SshdMatchBlock(b.Match, b.Directives.ToImmutableArray())).ToImmutableArray();
    }

    private static void CollectBlocks(SshdFile file, List<SshdDirective>? current,
        List<(SshdMatch Match, List<SshdDirective> Directives)> blocks)
    {
        foreach (var item in file.Items)
        {
            switch (item)
            {
                case SshdMatch match:
                    current = [];
                    blocks.Add((match, current));
                    break;
                case SshdInclude include:
                    foreach (var child in include.Files)
                        CollectBlocks(child, current, blocks); // the child's own Match lines end at its end
                    break;
                case SshdDirective directive:
                    current?.Add(directive);
                    break;
            }
        }
    }

    /// <summary>Whether a Match line applies to a connection; null connection = sshd's main pass (only All matches).</summary>
    public static bool Matches(SshdMatch match, SshdConnection? connection)
    {
        if (match.IsTemplated)
            return false;
        if (match.IsAll)
            return true;
        return connection is not null && match.Criteria.All(c => CriterionMatches(c, connection));
    }

    private static bool CriterionMatches(SshdMatchCriterion criterion, SshdConnection connection) => criterion.Attribute switch
    {
        SshdMatchAttributes.User => connection.User is { } user && SshdPatterns.MatchPatternList(user, criterion.Pattern, ignoreCase: false) == 1,
        SshdMatchAttributes.Host => connection.Host is { } host && SshdPatterns.MatchPatternList(host, criterion.Pattern, ignoreCase: true) == 1,
        SshdMatchAttributes.Address => connection.Address is { } address
            && SshdPatterns.MatchAddressList(address, criterion.Pattern) == SshdPatterns.AddressMatch.Match,
        SshdMatchAttributes.LocalAddress => connection.LocalAddress is { } local
            && SshdPatterns.MatchAddressList(local, criterion.Pattern) == SshdPatterns.AddressMatch.Match,
        SshdMatchAttributes.LocalPort => connection.LocalPort is { } port && SshdParser.ParsePort(criterion.Pattern) == port,
        SshdMatchAttributes.RDomain => connection.RDomain is { } rdomain && SshdPatterns.MatchPatternList(rdomain, criterion.Pattern, ignoreCase: false) == 1,
        // Group needs the system's group database, which a repository does not have: never matches.
        _ => false,
    };

    /// <summary>One read of the whole config, mirroring servconf.c's activep / include flags.</summary>
    private sealed class Pass(SshdConnection? connection, bool matchPass)
    {
        private bool _active = !matchPass;

        public Dictionary<string, ImmutableArray<SshdDirective>.Builder> Active { get; } = new(StringComparer.Ordinal);
        public ImmutableArray<SshdProblem>.Builder Problems { get; } = ImmutableArray.CreateBuilder<SshdProblem>();

        public void Run(SshdFile root) => Walk(root, neverMatch: false, beforeFirstMatch: matchPass);

        /// <param name="neverMatch">Reached through an Include in a block that does not apply.</param>
        /// <param name="beforeFirstMatch">Match pass, before the includer's first Match line (sshd's MATCH_ONLY).</param>
        private void Walk(SshdFile file, bool neverMatch, bool beforeFirstMatch)
        {
            foreach (var item in file.Items)
            {
                switch (item)
                {
                    case SshdMatch match:
                        _active = !neverMatch && Matches(match, connection);
                        beforeFirstMatch = false;
                        break;
                    case SshdInclude include:
                        var includerActive = _active;
                        foreach (var child in include.Files)
                        {
                            Walk(child, neverMatch: !beforeFirstMatch && !includerActive, beforeFirstMatch);
                            _active = includerActive;
                        }
                        break;
                    case SshdDirective directive:
                        Apply(directive);
                        break;
                }
            }
        }

        private void Apply(SshdDirective directive)
        {
            // sshd rejects an "any" line, active or not, once an earlier active line has set AuthenticationMethods.
            if (directive.Keyword == SshdKeywords.AuthenticationMethods && directive.Args.Contains(SshdValues.AnyAuthenticationMethod)
                && Active.ContainsKey(SshdKeywords.AuthenticationMethods))
            {
                Problems.Add(new SshdProblem(SshdProblemKind.Invalid, Severity.Error,
                    "\"any\" must appear alone in AuthenticationMethods: an earlier line already set it (sshd refuses to start).",
                    directive.Location));
            }
            if (!_active)
            {
                if (!matchPass && !directive.Definition.AllowedInMatch)
                {
                    Problems.Add(new SshdProblem(SshdProblemKind.Invalid, Severity.Error,
                        $"Directive '{directive.RawKeyword}' is not allowed within a Match block (sshd refuses to start).",
                        directive.Location));
                }
                return;
            }
            if (!Active.TryGetValue(directive.Keyword, out var lines))
                Active[directive.Keyword] = lines = ImmutableArray.CreateBuilder<SshdDirective>();
            lines.Add(directive);
        }
    }
}
