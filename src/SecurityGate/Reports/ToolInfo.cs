using System.Reflection;

namespace SecurityGate.Reports;

/// <summary>The tool's name and version as every report states them.</summary>
public static class ToolInfo
{
    public const string Name = "SecurityGate";
    public const string InformationUri = "https://github.com/securitygate/securitygate";

    public static string Version { get; } =
        typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ToolInfo).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
}
