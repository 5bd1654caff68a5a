using System.Text;

namespace SecurityGate.Sources.Sshd;

/// <summary>
/// Makes a Jinja template (<c>sshd_config.j2</c>, <c>*.sshd_config.tmpl</c>…) parseable without guessing what it
/// renders to: <c>{# comments #}</c> and <c>{% statements %}</c> become blanks, and each <c>{{ expression }}</c>
/// becomes a run of <see cref="Marker"/> characters, so a word containing one is known to be templated.
/// Lengths and line breaks are kept, so lines and columns stay those of the template.
/// Literal text inside <c>{% if %}</c> blocks is parsed as if the condition held.
/// </summary>
public static class SshdTemplate
{
    /// <summary>A private-use character that stands for templated text.</summary>
    public const char Marker = '\uE000';

    private static readonly string[] TemplateExtensions = [".j2", ".jinja", ".jinja2", ".tmpl", ".tpl"];

    public static bool IsTemplatePath(string path) =>
        TemplateExtensions.Any(ext => path.EndsWith(ext, StringComparison.OrdinalIgnoreCase));

    /// <summary>The path without its template extension: <c>sshd_config.j2</c> → <c>sshd_config</c>.</summary>
    public static string StripTemplateExtension(string path)
    {
        foreach (var ext in TemplateExtensions)
        {
            if (path.EndsWith(ext, StringComparison.OrdinalIgnoreCase))
                return path[..^ext.Length];
        }
        return path;
    }

    public static bool IsTemplated(string text) => text.Contains(Marker);

    public static string Mask(string text)
    {
        var result = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var close = OpeningTag(text, i) switch
            {
                '{' => "}}",
                '%' => "%}",
                '#' => "#}",
                _ => null,
            };
            var end = close is null ? -1 : text.IndexOf(close, i + 2, StringComparison.Ordinal);
            if (end < 0)
            {
                result.Append(text[i++]); // not a tag, or an unterminated one: keep it literal
                continue;
            }
            var fill = close == "}}" ? Marker : ' ';
            for (var j = i; j < end + 2; j++)
                result.Append(text[j] is '\n' or '\r' ? text[j] : fill);
            i = end + 2;
        }
        return result.ToString();
    }

    private static char? OpeningTag(string text, int i) =>
        text[i] == '{' && i + 1 < text.Length && text[i + 1] is '{' or '%' or '#' ? text[i + 1] : null;
}
