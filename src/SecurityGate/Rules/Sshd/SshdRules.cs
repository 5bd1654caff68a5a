namespace SecurityGate.Rules.Sshd;

/// <summary>Every SSH rule, in id order: what the catalog lists and the gate runs over each sshd config.</summary>
public static class SshdRules
{
    public static IReadOnlyList<IRule<Sources.Sshd.SshdConfigModel>> All { get; } =
    [
        new SSH000InvalidConfig(),
        new SSH001PasswordAuthentication(),
        new SSH002PermitRootLogin(),
        new SSH003PermitEmptyPasswords(),
        new SSH004PubkeyAuthenticationDisabled(),
        new SSH005Protocol1(),
        new SSH006WeakAlgorithms(),
        new SSH007X11Forwarding(),
        new SSH008MaxAuthTries(),
        new SSH009PermitUserEnvironment(),
        new SSH010MatchEnablesPasswordAuthentication(),
        new SSH011MatchPermitsRootLogin(),
        new SSH012MatchPermitsEmptyPasswords(),
        new SSH013NotJudged(),
    ];
}
