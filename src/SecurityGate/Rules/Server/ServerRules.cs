using SecurityGate.Sources.CloudInit;
using SecurityGate.Sources.Sudoers;

namespace SecurityGate.Rules.Server;

/// <summary>The server rules, by model: sudoers files and cloud-init user-data.</summary>
public static class ServerRules
{
    public static IReadOnlyList<IRule<SudoersFile>> Sudoers { get; } =
    [
        new SRV001PasswordlessSudoForGroup(),
        new SRV002SudoForEveryone(),
    ];

    public static IReadOnlyList<IRule<CloudInitModel>> CloudInit { get; } =
    [
        new SRV003SshPasswordAuthentication(),
        new SRV004RootLoginEnabled(),
        new SRV005UsablePassword(),
        new SRV006UserWithoutSshKey(),
        new SRV007RootOnlyLoginUser(),
        new SRV008PasswordlessSudoUser(),
    ];

    public static IEnumerable<IRule> All => [.. Sudoers, .. CloudInit];
}
