using System.Globalization;
using System.Text;

namespace SecurityGate.Sources.Live;

/// <summary>
/// Every header value, body and error text from a probed site is untrusted: before it goes into a message it is
/// cut to a readable length and control or invisible characters are escaped, so a hostile server cannot forge
/// report lines, terminal escapes or workflow commands.
/// </summary>
public static class UntrustedText
{
    /// <summary>Long enough for any sensible header value, short enough to keep a message on one screen line.</summary>
    public const int DefaultMaxLength = 120;

    private const string Ellipsis = "…";

    /// <summary>The value quoted in single quotes, escaped and cut; "(none)" for null.</summary>
    public static string Quote(string? value, int maxLength = DefaultMaxLength) =>
        value is null ? "(none)" : "'" + Clean(value, maxLength) + "'";

    /// <summary>The value escaped and cut, without quotes.</summary>
    public static string Clean(string value, int maxLength = DefaultMaxLength)
    {
        var builder = new StringBuilder(Math.Min(value.Length, maxLength) + 8);
        var enumerator = StringInfo.GetTextElementEnumerator(value);
        var length = 0;
        while (enumerator.MoveNext())
        {
            if (length >= maxLength)
            {
                builder.Append(Ellipsis);
                break;
            }

            var element = enumerator.GetTextElement();
            var rune = Rune.GetRuneAt(element, 0);
            var category = Rune.GetUnicodeCategory(rune);
            if (Rune.IsControl(rune) || category is UnicodeCategory.Format or UnicodeCategory.LineSeparator
                    or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse)
            {
                builder.Append(rune.Value <= 0xFF ? $"\\x{rune.Value:X2}" : $"\\u{rune.Value:X4}");
            }
            else
            {
                builder.Append(element);
            }

            length++;
        }

        return builder.ToString();
    }
}
