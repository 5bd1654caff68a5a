using System.Globalization;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace SecurityGate.Docker;

/// <summary>What a container printed, as the gate quotes it in messages: the log tail and its last line.</summary>
internal static class ContainerOutput
{
    /// <summary>The last <paramref name="tailLines"/> lines of stdout followed by those of stderr.</summary>
    public static async Task<string> ReadLogsAsync(IDockerClient client, string containerId, int tailLines, CancellationToken cancellationToken)
    {
        using var stream = await client.Containers.GetContainerLogsAsync(containerId, tty: false,
            new ContainerLogsParameters { ShowStdout = true, ShowStderr = true, Tail = tailLines.ToString(CultureInfo.InvariantCulture) },
            cancellationToken);
        var (stdout, stderr) = await stream.ReadOutputToEndAsync(cancellationToken);
        return stdout + stderr;
    }

    /// <summary>The last non-blank line, trimmed (a traceback's exception, a health check's error); null when none.</summary>
    public static string? LastLine(string output) =>
        output.Split('\n').Select(line => line.Trim()).LastOrDefault(line => line.Length > 0);

    /// <summary>At most <paramref name="maxLength"/> characters, with "…" when cut.</summary>
    public static string Shorten(string text, int maxLength) => text.Length > maxLength ? text[..maxLength] + "…" : text;
}
