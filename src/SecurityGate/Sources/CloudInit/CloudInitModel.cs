using System.Collections.Immutable;
using SecurityGate.Findings;
using SecurityGate.Sources.Sshd;
using SecurityGate.Sources.Sudoers;

namespace SecurityGate.Sources.CloudInit;

/// <summary>A top-level setting and where it is written.</summary>
public sealed record CloudInitSetting<T>(T Value, SourceLocation Location);

/// <summary>A secret value and where it is written (the rules show it only through <c>SecretRedaction</c>).</summary>
public sealed record CloudInitSecret(string Value, SourceLocation Location);

/// <summary>
/// One entry of <c>users:</c>. cloud-init's defaults apply: <c>lock_passwd</c> is true unless written;
/// the string entry <c>default</c> stands for the image's default user.
/// </summary>
public sealed record CloudInitUser(
    string Name,
    SourceLocation Location,
    bool IsDefaultEntry,
    CloudInitSetting<bool>? LockPasswd,
    CloudInitSecret? PlainTextPasswd,
    CloudInitSecret? Passwd,
    bool HasSshKeys,
    bool IsSystem,
    string? Shell,
    ImmutableArray<SudoersRule> Sudo)
{
    /// <summary>cloud-init locks the password unless <c>lock_passwd: false</c>.</summary>
    public bool PasswordLocked => LockPasswd?.Value ?? true;

    /// <summary>A system account or one whose shell refuses logins.</summary>
    public bool CannotLogIn => IsSystem || Shell is { } shell && (shell.EndsWith("/nologin", StringComparison.Ordinal) || shell.EndsWith("/false", StringComparison.Ordinal));
}

/// <summary>A <c>chpasswd</c> password (the <c>list:</c> string or the <c>users:</c> form).</summary>
public sealed record CloudInitPassword(string User, CloudInitSecret Password, bool IsHash);

/// <summary>A <c>write_files</c> entry; <see cref="ContentLineOffset"/> maps line 1 of the content to its file line.</summary>
public sealed record CloudInitWriteFile(string TargetPath, string? Content, int ContentLineOffset, string? Encoding, SourceLocation Location);

/// <summary>A <c>runcmd</c>/<c>bootcmd</c> entry as a shell command line (an argv list is joined by spaces).</summary>
public sealed record CloudInitCommand(string Text, SourceLocation Location);

/// <summary>sshd settings a <c>write_files</c> entry installs, loaded with the cloud-init file's lines.</summary>
public sealed record CloudInitSshdConfig(CloudInitWriteFile File, SshdConfigModel Model);

/// <summary>A <c>#cloud-config</c> user-data file: the settings the server rules judge.</summary>
public sealed record CloudInitModel(
    string Path,
    CloudInitSetting<bool>? SshPwauth,
    CloudInitSetting<bool>? DisableRoot,
    CloudInitSetting<string>? DefaultUserName,
    bool HasUsersKey,
    ImmutableArray<CloudInitUser> Users,
    ImmutableArray<CloudInitPassword> Chpasswd,
    ImmutableArray<CloudInitWriteFile> WriteFiles,
    ImmutableArray<CloudInitCommand> Commands,
    ImmutableArray<CloudInitSshdConfig> Sshd)
{
    public string Target => Finding.FileTarget(Path);

    public static CloudInitModel Empty(string path = "user-data") => new(path, null, null, null, false, [], [], [], [], []);
}
