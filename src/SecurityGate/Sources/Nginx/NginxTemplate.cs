using SecurityGate.Sources.Sshd;

namespace SecurityGate.Sources.Nginx;

/// <summary>
/// nginx configs rendered by Ansible/Salt (<c>site.conf.j2</c>) or envsubst (<c>default.conf.template</c>): Jinja tags
/// are masked as for sshd (<see cref="SshdTemplate"/>), keeping lines and columns; <c>${VAR}</c> stays a plain word.
/// </summary>
public static class NginxTemplate
{
    public const char Marker = SshdTemplate.Marker;

    private const string EnvsubstExtension = ".template";

    public static bool IsTemplatePath(string path) =>
        SshdTemplate.IsTemplatePath(path) || path.EndsWith(EnvsubstExtension, StringComparison.OrdinalIgnoreCase);

    public static string StripTemplateExtension(string path) =>
        path.EndsWith(EnvsubstExtension, StringComparison.OrdinalIgnoreCase)
            ? path[..^EnvsubstExtension.Length]
            : SshdTemplate.StripTemplateExtension(path);

    /// <summary>Masks Jinja tags when the file has any (also in a plain .conf: some repos template without a suffix).</summary>
    public static string Mask(string text) =>
        text.Contains("{{", StringComparison.Ordinal) || text.Contains("{%", StringComparison.Ordinal) || text.Contains("{#", StringComparison.Ordinal)
            ? SshdTemplate.Mask(text)
            : text;
}
