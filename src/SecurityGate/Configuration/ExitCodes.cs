namespace SecurityGate.Configuration;

/// <summary>The process exit codes, in one place. CI systems and the action's users depend on them.</summary>
public static class ExitCodes
{
    /// <summary>No blocking finding.</summary>
    public const int Pass = 0;

    /// <summary>At least one blocking finding.</summary>
    public const int Blocked = 1;

    /// <summary>Usage, configuration or input error: the message names the option, file or line.</summary>
    public const int UsageError = 2;

    /// <summary>Interrupted (SIGINT/SIGTERM, e.g. a cancelled workflow run): containers it started are removed, no report is written. 128 + SIGINT, as shells report it.</summary>
    public const int Cancelled = 130;
}
