using System.Text;

namespace SecurityGate.Reports;

/// <summary>
/// Makes untrusted text (setting values, paths, header values, messages) inert inside GitHub-flavoured markdown:
/// no raw HTML, no links or images, no @mentions, no breaking out of a table cell or code span.
/// </summary>
public static class MarkdownText
{
    /// <summary>Zero-width joiner: placed after '@' so GitHub does not turn "@team" into a ping.</summary>
    public const char ZeroWidthJoiner = '\u200D';

    /// <summary>Escapes text for a table cell or a paragraph (one line).</summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\r':
                    break;
                case '\n':
                    builder.Append(' ');
                    break;
                case '<':
                    builder.Append("&lt;");
                    break;
                case '>':
                    builder.Append("&gt;");
                    break;
                case '&':
                    builder.Append("&amp;");
                    break;
                case '@':
                    builder.Append('@').Append(ZeroWidthJoiner);
                    break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '!' or '~':
                    builder.Append('\\').Append(c);
                    break;
                default:
                    builder.Append(char.IsControl(c) ? ' ' : c);
                    break;
            }
        }
        return builder.ToString();
    }

    /// <summary>An inline code span that cannot be broken out of, whatever backticks the text holds.</summary>
    public static string Code(string text)
    {
        var clean = text.Replace('\r', ' ').Replace('\n', ' ').Replace("|", "\\|");
        var longestRun = 0;
        var run = 0;
        foreach (var c in clean)
        {
            run = c == '`' ? run + 1 : 0;
            longestRun = Math.Max(longestRun, run);
        }
        var fence = new string('`', longestRun + 1);
        var pad = clean.StartsWith('`') || clean.EndsWith('`') ? " " : "";
        return fence + pad + clean + pad + fence;
    }
}
