using System.Collections.Frozen;

namespace SecurityGate.Sources.Sshd;

/// <summary>How sshd checks a keyword's arguments. Only the modelled directives are checked strictly.</summary>
public enum SshdValueType
{
    /// <summary><c>yes</c> or <c>no</c>, case-insensitive; exactly one argument.</summary>
    Flag,
    /// <summary>yes, no, prohibit-password, without-password, forced-commands-only.</summary>
    PermitRootLogin,
    /// <summary>A non-negative decimal integer.</summary>
    Integer,
    /// <summary>yes, no (case-sensitive) or a pattern list of variable names.</summary>
    PermitUserEnvironment,
    Ciphers,
    Macs,
    KexAlgorithms,
    /// <summary>One or more space-separated comma lists of methods, or <c>any</c>.</summary>
    AuthenticationMethods,
    /// <summary>At least one argument; not checked further (keywords we do not judge).</summary>
    Text,
    /// <summary>Deprecated, unsupported or ignored: sshd logs and skips any arguments.</summary>
    Ignored,
    Include,
    Match,
}

/// <summary>Which of several lines for the same keyword sshd uses.</summary>
public enum SshdMultiplicity
{
    /// <summary>The first obtained value wins; later lines are ignored (most keywords).</summary>
    FirstWins,
    /// <summary>Every line adds values (Port, ListenAddress, HostKey, AcceptEnv, AllowUsers, Subsystem…).</summary>
    Accumulates,
    /// <summary>Each line overwrites the previous one (MaxStartups, IPQoS, FingerprintHash… in OpenSSH 9.2).</summary>
    LastWins,
}

public enum SshdKeywordStatus
{
    Active,
    /// <summary>sshd logs "Deprecated option" and ignores the line.</summary>
    Deprecated,
    /// <summary>sshd logs "Unsupported option" (compiled out) and ignores the line.</summary>
    Unsupported,
    /// <summary>Silently ignored (Protocol since OpenSSH 7.4).</summary>
    Ignored,
}

/// <summary>One spelling sshd accepts: aliases map to the canonical directive they set.</summary>
public sealed record SshdKeyword(
    string Canonical,
    SshdValueType Type,
    SshdMultiplicity Multiplicity,
    bool AllowedInMatch,
    SshdKeywordStatus Status = SshdKeywordStatus.Active);

/// <summary>
/// The keyword table of OpenSSH 9.2 (Debian 12's sshd), checked keyword by keyword with <c>sshd -T</c>:
/// which spellings exist, which are aliases, which may appear inside Match, and which lines win.
/// </summary>
public static class SshdKeywords
{
    public const string PasswordAuthentication = "PasswordAuthentication";
    public const string KbdInteractiveAuthentication = "KbdInteractiveAuthentication";
    public const string ChallengeResponseAuthentication = "ChallengeResponseAuthentication";
    public const string UsePam = "UsePAM";
    public const string PermitRootLogin = "PermitRootLogin";
    public const string PermitEmptyPasswords = "PermitEmptyPasswords";
    public const string PubkeyAuthentication = "PubkeyAuthentication";
    public const string X11Forwarding = "X11Forwarding";
    public const string MaxAuthTries = "MaxAuthTries";
    public const string PermitUserEnvironment = "PermitUserEnvironment";
    public const string Ciphers = "Ciphers";
    public const string Macs = "MACs";
    public const string KexAlgorithms = "KexAlgorithms";
    public const string AuthenticationMethods = "AuthenticationMethods";
    public const string Protocol = "Protocol";
    public const string Include = "Include";
    public const string Match = "Match";

    private const bool M = true;   // allowed inside a Match block
    private const bool G = false;  // global only

    private static readonly (string Spelling, SshdKeyword Keyword)[] Table =
    [
        // The directives this project models and judges.
        (PasswordAuthentication, new(PasswordAuthentication, SshdValueType.Flag, SshdMultiplicity.FirstWins, M)),
        (KbdInteractiveAuthentication, new(KbdInteractiveAuthentication, SshdValueType.Flag, SshdMultiplicity.FirstWins, M)),
        (ChallengeResponseAuthentication, new(KbdInteractiveAuthentication, SshdValueType.Flag, SshdMultiplicity.FirstWins, M)),
        ("SkeyAuthentication", new(KbdInteractiveAuthentication, SshdValueType.Flag, SshdMultiplicity.FirstWins, M)),
        (UsePam, new(UsePam, SshdValueType.Flag, SshdMultiplicity.FirstWins, G)),
        (PermitRootLogin, new(PermitRootLogin, SshdValueType.PermitRootLogin, SshdMultiplicity.FirstWins, M)),
        (PermitEmptyPasswords, new(PermitEmptyPasswords, SshdValueType.Flag, SshdMultiplicity.FirstWins, M)),
        (PubkeyAuthentication, new(PubkeyAuthentication, SshdValueType.Flag, SshdMultiplicity.FirstWins, M)),
        ("DSAAuthentication", new(PubkeyAuthentication, SshdValueType.Flag, SshdMultiplicity.FirstWins, G)),
        (X11Forwarding, new(X11Forwarding, SshdValueType.Flag, SshdMultiplicity.FirstWins, M)),
        (MaxAuthTries, new(MaxAuthTries, SshdValueType.Integer, SshdMultiplicity.FirstWins, M)),
        (PermitUserEnvironment, new(PermitUserEnvironment, SshdValueType.PermitUserEnvironment, SshdMultiplicity.FirstWins, G)),
        (Ciphers, new(Ciphers, SshdValueType.Ciphers, SshdMultiplicity.FirstWins, G)),
        (Macs, new(Macs, SshdValueType.Macs, SshdMultiplicity.FirstWins, G)),
        (KexAlgorithms, new(KexAlgorithms, SshdValueType.KexAlgorithms, SshdMultiplicity.FirstWins, G)),
        (AuthenticationMethods, new(AuthenticationMethods, SshdValueType.AuthenticationMethods, SshdMultiplicity.FirstWins, M)),
        (Protocol, new(Protocol, SshdValueType.Ignored, SshdMultiplicity.FirstWins, G, SshdKeywordStatus.Ignored)),
        (Include, new(Include, SshdValueType.Include, SshdMultiplicity.Accumulates, M)),
        (Match, new(Match, SshdValueType.Match, SshdMultiplicity.Accumulates, M)),

        // Accumulating keywords: every active line adds.
        ("Port", Acc("Port", G)),
        ("ListenAddress", Acc("ListenAddress", G)),
        ("HostKey", Acc("HostKey", G)),
        ("HostDSAKey", Acc("HostKey", G)),
        ("HostCertificate", Acc("HostCertificate", G)),
        ("Subsystem", Acc("Subsystem", G)),
        ("AcceptEnv", Acc("AcceptEnv", M)),
        ("AllowUsers", Acc("AllowUsers", M)),
        ("DenyUsers", Acc("DenyUsers", M)),
        ("AllowGroups", Acc("AllowGroups", M)),
        ("DenyGroups", Acc("DenyGroups", M)),

        // Last line wins in OpenSSH 9.2.
        ("MaxStartups", Last("MaxStartups", G)),
        ("PerSourceMaxStartups", Last("PerSourceMaxStartups", G)),
        ("PerSourceNetBlockSize", Last("PerSourceNetBlockSize", G)),
        ("FingerprintHash", Last("FingerprintHash", G)),
        ("IPQoS", Last("IPQoS", M)),
        ("StreamLocalBindMask", Last("StreamLocalBindMask", M)),

        // Other first-wins keywords, global only.
        ("AddressFamily", First("AddressFamily", G)),
        ("Compression", First("Compression", G)),
        ("DebianBanner", First("DebianBanner", G)),
        ("GSSAPICleanupCredentials", First("GSSAPICleanupCredentials", G)),
        ("GSSAPICleanupCreds", First("GSSAPICleanupCredentials", G)),
        ("GSSAPIKexAlgorithms", First("GSSAPIKexAlgorithms", G)),
        ("GSSAPIKeyExchange", First("GSSAPIKeyExchange", G)),
        ("GSSAPIStoreCredentialsOnRekey", First("GSSAPIStoreCredentialsOnRekey", G)),
        ("GSSAPIStrictAcceptorCheck", First("GSSAPIStrictAcceptorCheck", G)),
        ("HostKeyAgent", First("HostKeyAgent", G)),
        ("HostKeyAlgorithms", First("HostKeyAlgorithms", G)),
        ("IgnoreUserKnownHosts", First("IgnoreUserKnownHosts", G)),
        ("KerberosOrLocalPasswd", First("KerberosOrLocalPasswd", G)),
        ("KerberosTicketCleanup", First("KerberosTicketCleanup", G)),
        ("LoginGraceTime", First("LoginGraceTime", G)),
        ("ModuliFile", First("ModuliFile", G)),
        ("PidFile", First("PidFile", G)),
        ("PrintLastLog", First("PrintLastLog", G)),
        ("PrintMotd", First("PrintMotd", G)),
        ("SecurityKeyProvider", First("SecurityKeyProvider", G)),
        ("StrictModes", First("StrictModes", G)),
        ("SyslogFacility", First("SyslogFacility", G)),
        ("TCPKeepAlive", First("TCPKeepAlive", G)),
        ("KeepAlive", First("TCPKeepAlive", G)),
        ("UseDNS", First("UseDNS", G)),
        ("VersionAddendum", First("VersionAddendum", G)),
        ("XAuthLocation", First("XAuthLocation", G)),

        // Other first-wins keywords allowed inside Match.
        ("AllowAgentForwarding", First("AllowAgentForwarding", M)),
        ("AllowStreamLocalForwarding", First("AllowStreamLocalForwarding", M)),
        ("AllowTcpForwarding", First("AllowTcpForwarding", M)),
        ("AuthorizedKeysCommand", First("AuthorizedKeysCommand", M)),
        ("AuthorizedKeysCommandUser", First("AuthorizedKeysCommandUser", M)),
        ("AuthorizedKeysFile", First("AuthorizedKeysFile", M)),
        ("AuthorizedPrincipalsCommand", First("AuthorizedPrincipalsCommand", M)),
        ("AuthorizedPrincipalsCommandUser", First("AuthorizedPrincipalsCommandUser", M)),
        ("AuthorizedPrincipalsFile", First("AuthorizedPrincipalsFile", M)),
        ("Banner", First("Banner", M)),
        ("CASignatureAlgorithms", First("CASignatureAlgorithms", M)),
        ("ChannelTimeout", First("ChannelTimeout", M)),
        ("ChrootDirectory", First("ChrootDirectory", M)),
        ("ClientAliveCountMax", First("ClientAliveCountMax", M)),
        ("ClientAliveInterval", First("ClientAliveInterval", M)),
        ("DisableForwarding", First("DisableForwarding", M)),
        ("ExposeAuthInfo", First("ExposeAuthInfo", M)),
        ("ForceCommand", First("ForceCommand", M)),
        ("GatewayPorts", First("GatewayPorts", M)),
        ("GSSAPIAuthentication", First("GSSAPIAuthentication", M)),
        ("HostbasedAcceptedAlgorithms", First("HostbasedAcceptedAlgorithms", M)),
        ("HostbasedAcceptedKeyTypes", First("HostbasedAcceptedAlgorithms", M)),
        ("HostbasedAuthentication", First("HostbasedAuthentication", M)),
        ("HostbasedUsesNameFromPacketOnly", First("HostbasedUsesNameFromPacketOnly", M)),
        ("IgnoreRhosts", First("IgnoreRhosts", M)),
        ("KerberosAuthentication", First("KerberosAuthentication", M)),
        ("LogLevel", First("LogLevel", M)),
        ("LogVerbose", First("LogVerbose", M)),
        ("MaxSessions", First("MaxSessions", M)),
        ("PermitListen", First("PermitListen", M)),
        ("PermitOpen", First("PermitOpen", M)),
        ("PermitTTY", First("PermitTTY", M)),
        ("PermitTunnel", First("PermitTunnel", M)),
        ("PermitUserRC", First("PermitUserRC", M)),
        ("PubkeyAcceptedAlgorithms", First("PubkeyAcceptedAlgorithms", M)),
        ("PubkeyAcceptedKeyTypes", First("PubkeyAcceptedAlgorithms", M)),
        ("PubkeyAuthOptions", First("PubkeyAuthOptions", M)),
        ("RDomain", First("RDomain", M)),
        ("RekeyLimit", First("RekeyLimit", M)),
        ("RequiredRSASize", First("RequiredRSASize", M)),
        ("RevokedKeys", First("RevokedKeys", M)),
        ("SetEnv", First("SetEnv", M)),
        ("StreamLocalBindUnlink", First("StreamLocalBindUnlink", M)),
        ("TrustedUserCAKeys", First("TrustedUserCAKeys", M)),
        ("UnusedConnectionTimeout", First("UnusedConnectionTimeout", M)),
        ("X11DisplayOffset", First("X11DisplayOffset", M)),
        ("X11UseLocalhost", First("X11UseLocalhost", M)),

        // Deprecated: logged and ignored.
        ("AuthorizedKeysFile2", Old("AuthorizedKeysFile2", M, SshdKeywordStatus.Deprecated)),
        ("CheckMail", Old("CheckMail", G, SshdKeywordStatus.Deprecated)),
        ("KeyRegenerationInterval", Old("KeyRegenerationInterval", G, SshdKeywordStatus.Deprecated)),
        ("PAMAuthenticationViaKbdInt", Old("PAMAuthenticationViaKbdInt", G, SshdKeywordStatus.Deprecated)),
        ("PermitBlacklistedKeys", Old("PermitBlacklistedKeys", G, SshdKeywordStatus.Deprecated)),
        ("ReverseMappingCheck", Old("ReverseMappingCheck", G, SshdKeywordStatus.Deprecated)),
        ("RhostsAuthentication", Old("RhostsAuthentication", G, SshdKeywordStatus.Deprecated)),
        ("RhostsRSAAuthentication", Old("RhostsRSAAuthentication", M, SshdKeywordStatus.Deprecated)),
        ("RSAAuthentication", Old("RSAAuthentication", M, SshdKeywordStatus.Deprecated)),
        ("ServerKeyBits", Old("ServerKeyBits", G, SshdKeywordStatus.Deprecated)),
        ("UseLogin", Old("UseLogin", G, SshdKeywordStatus.Deprecated)),
        ("UsePrivilegeSeparation", Old("UsePrivilegeSeparation", G, SshdKeywordStatus.Deprecated)),
        ("VerifyReverseMapping", Old("VerifyReverseMapping", G, SshdKeywordStatus.Deprecated)),

        // Unsupported (compiled out): logged and ignored.
        ("AFSTokenPassing", Old("AFSTokenPassing", G, SshdKeywordStatus.Unsupported)),
        ("KerberosGetAFSToken", Old("KerberosGetAFSToken", G, SshdKeywordStatus.Unsupported)),
        ("KerberosTgtPassing", Old("KerberosTgtPassing", G, SshdKeywordStatus.Unsupported)),
        ("GSSAPIUseSessionCredCache", Old("GSSAPIUseSessionCredCache", G, SshdKeywordStatus.Unsupported)),
        ("GSSUseSessionCCache", Old("GSSUseSessionCCache", G, SshdKeywordStatus.Unsupported)),
    ];

    private static readonly FrozenDictionary<string, SshdKeyword> BySpelling =
        Table.ToFrozenDictionary(e => e.Spelling, e => e.Keyword, StringComparer.OrdinalIgnoreCase);

    /// <summary>Looks a keyword up case-insensitively, as sshd does.</summary>
    public static SshdKeyword? Find(string spelling) =>
        BySpelling.TryGetValue(spelling, out var keyword) ? keyword : null;

    public static IEnumerable<string> Spellings => Table.Select(e => e.Spelling);

    private static SshdKeyword Acc(string name, bool match) => new(name, SshdValueType.Text, SshdMultiplicity.Accumulates, match);
    private static SshdKeyword Last(string name, bool match) => new(name, SshdValueType.Text, SshdMultiplicity.LastWins, match);
    private static SshdKeyword First(string name, bool match) => new(name, SshdValueType.Text, SshdMultiplicity.FirstWins, match);
    private static SshdKeyword Old(string name, bool match, SshdKeywordStatus status) =>
        new(name, SshdValueType.Ignored, SshdMultiplicity.FirstWins, match, status);
}
