using System.Text;

namespace SecurityGate.Reports;

/// <summary>
/// Writes report files atomically, as a set: every report is first written to a temporary file beside its
/// destination; only when all succeeded are they moved into place. A reader never sees a half-written report,
/// and a failure leaves no new report behind.
/// </summary>
public static class ReportFiles
{
    public static void WriteAllAtomically(IReadOnlyList<(string Path, string Content)> reports)
    {
        var staged = new List<(string Temporary, string Final)>();
        try
        {
            foreach (var (path, content) in reports)
            {
                var full = Path.GetFullPath(path);
                var directory = Path.GetDirectoryName(full)!;
                Directory.CreateDirectory(directory);
                var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
                staged.Add((temporary, full));
                File.WriteAllText(temporary, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            }
            foreach (var (temporary, final) in staged)
                File.Move(temporary, final, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new Configuration.ConfigurationException($"option --output: cannot write the report: {e.Message}");
        }
        finally
        {
            foreach (var (temporary, _) in staged)
                if (File.Exists(temporary))
                    File.Delete(temporary);
        }
    }
}
