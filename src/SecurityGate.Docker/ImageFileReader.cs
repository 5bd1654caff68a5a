using System.Formats.Tar;
using System.Text;
using Docker.DotNet;
using Docker.DotNet.Models;
using SecurityGate.Sources.Discovery;

namespace SecurityGate.Docker;

/// <summary>Limits for reading an app folder out of an image: only what the Django source reads, and not much of it.</summary>
public sealed record ImageFileLimits
{
    public static readonly ImageFileLimits Default = new();

    public long MaxFileBytes { get; init; } = 1024 * 1024;
    public int MaxFiles { get; init; } = 5000;
    /// <summary>The whole folder as streamed by the engine (binaries included) before filtering.</summary>
    public long MaxArchiveBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>File names the Django source reads: Python modules, dependency pins, dotenv files.</summary>
    public IReadOnlyList<string> Extensions { get; init; } = [".py", ".txt", ".toml", ".cfg", ".in", ".lock"];
}

/// <summary>
/// Reads a folder out of an image without running it: creates a container that is never started, streams the folder
/// as a tar (the engine's archive endpoint), keeps regular text files, and always removes the container.
/// Symlinks and other non-regular entries are skipped, never followed.
/// </summary>
public static class ImageFileReader
{
    public const string ContainerRole = "image-audit";

    /// <returns>The folder's wanted files, or null when the image has no such folder.</returns>
    public static async Task<InMemoryRepositoryFiles?> ReadFolderAsync(IDockerClient client, string image, string folder,
        ImageFileLimits limits, CancellationToken cancellationToken)
    {
        var created = await client.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Image = image,
            Labels = await ContainerLabels.ForAsync(client, ContainerRole, cancellationToken),
            // Never started; the entrypoint is replaced anyway so that nothing from the image could run by mistake.
            Entrypoint = ["/nonexistent-securitygate-audit"],
            NetworkDisabled = true,
        }, cancellationToken);
        try
        {
            GetArchiveFromContainerResponse archive;
            try
            {
                archive = await client.Containers.GetArchiveFromContainerAsync(created.ID,
                    new GetArchiveFromContainerParameters { Path = folder }, statOnly: false, cancellationToken);
            }
            catch (DockerContainerNotFoundException)
            {
                // The engine answers 404 "Could not find the file …" for a path the image does not have.
                return null;
            }
            await using var stream = archive.Stream;
            // Buffer first: Docker.DotNet's chunked response stream throws EndOfStreamException on the short reads
            // TarReader makes near the end of the archive; the buffer is capped so a huge folder cannot exhaust memory.
            using var buffer = await BufferAsync(stream, limits.MaxArchiveBytes, folder, cancellationToken);
            return await ReadTarAsync(buffer, limits, cancellationToken);
        }
        finally
        {
            await ContainerCleanup.RemoveAsync(client, created.ID);
        }
    }

    /// <summary>The archive holds the folder itself as its first path component (<c>app/manage.py</c>): strip it.</summary>
    internal static async Task<InMemoryRepositoryFiles> ReadTarAsync(Stream tar, ImageFileLimits limits, CancellationToken cancellationToken)
    {
        var files = new InMemoryRepositoryFiles();
        var count = 0;
        await using var reader = new TarReader(tar, leaveOpen: true);
        while (await reader.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
        {
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile))
                continue;
            var slash = entry.Name.IndexOf('/', StringComparison.Ordinal);
            var path = slash < 0 ? entry.Name : entry.Name[(slash + 1)..];
            if (path.Length == 0 || entry.Length > limits.MaxFileBytes || !IsWanted(path, limits) || ++count > limits.MaxFiles)
                continue;
            using var buffer = new MemoryStream((int)entry.Length);
            // An empty file (a package's __init__.py) has no data stream.
            if (entry.DataStream is { } data)
                await data.CopyToAsync(buffer, cancellationToken);
            files.Add(path, Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        }
        return files;
    }

    private static async Task<MemoryStream> BufferAsync(Stream stream, long maxBytes, string folder, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                    throw new InvalidDataException($"{folder} in the image is larger than {maxBytes / (1024 * 1024)} MB; set the app folder to the Django project");
                buffer.Write(chunk, 0, read);
            }
        }
        catch (EndOfStreamException)
        {
            // The chunked stream signals its end this way after the last chunk; what was read is the whole archive.
        }
        buffer.Position = 0;
        return buffer;
    }

    private static bool IsWanted(string path, ImageFileLimits limits)
    {
        if (path.Split('/').Any(part => part is "__pycache__" or "node_modules" or ".git" or "site-packages"))
            return false;
        var name = path[(path.LastIndexOf('/') + 1)..];
        return name.StartsWith(".env", StringComparison.Ordinal)
               || limits.Extensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase));
    }
}
