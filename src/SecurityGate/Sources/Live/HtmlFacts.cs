using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace SecurityGate.Sources.Live;

/// <summary>A <c>&lt;meta&gt;</c> element; each attribute is null when absent (entity-decoded otherwise).</summary>
public sealed record MetaElement(string? HttpEquiv, string? Name, string? Content);

/// <summary>A <c>&lt;script&gt;</c> element; <see cref="Src"/> is the attribute as written (null for inline scripts).</summary>
public sealed record ScriptElement(string? Src, string? Integrity, string? CrossOrigin);

/// <summary>
/// What the security judgements need from an HTML body: the meta elements and the script elements,
/// in document order. Extracted by a small tokenizer that follows the HTML parsing rules that matter here:
/// comments, raw-text elements (script, style, textarea, title, …) and template contents hide elements;
/// attribute names are case-insensitive, the first of a repeated attribute wins, character references are decoded.
/// </summary>
public sealed record HtmlFacts(ImmutableArray<MetaElement> Metas, ImmutableArray<ScriptElement> Scripts)
{
    public static HtmlFacts Empty { get; } = new([], []);

    // Elements whose content is text up to the matching end tag.
    private static readonly HashSet<string> RawTextElements =
        ["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"];

    public static HtmlFacts Parse(string html)
    {
        var metas = ImmutableArray.CreateBuilder<MetaElement>();
        var scripts = ImmutableArray.CreateBuilder<ScriptElement>();
        var templateDepth = 0;
        var i = 0;
        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            if (lt < 0 || lt + 1 >= html.Length)
            {
                break;
            }

            var next = html[lt + 1];
            if (html.AsSpan(lt).StartsWith("<!--"))
            {
                var end = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
                i = end < 0 ? html.Length : end + 3;
            }
            else if (next is '!' or '?')
            {
                var end = html.IndexOf('>', lt + 2); // doctype or bogus comment
                i = end < 0 ? html.Length : end + 1;
            }
            else if (next == '/' && lt + 2 < html.Length && char.IsAsciiLetter(html[lt + 2]))
            {
                var (name, after) = ReadName(html, lt + 2);
                var end = html.IndexOf('>', after);
                i = end < 0 ? html.Length : end + 1;
                if (name == "template" && templateDepth > 0)
                {
                    templateDepth--;
                }
            }
            else if (char.IsAsciiLetter(next))
            {
                var (name, afterName) = ReadName(html, lt + 1);
                var (attributes, afterTag) = ReadAttributes(html, afterName);
                i = afterTag;
                if (name == "template")
                {
                    templateDepth++;
                }
                else if (templateDepth == 0 && name == "meta")
                {
                    metas.Add(new MetaElement(attributes.GetValueOrDefault("http-equiv"),
                        attributes.GetValueOrDefault("name"), attributes.GetValueOrDefault("content")));
                }
                else if (templateDepth == 0 && name == "script")
                {
                    scripts.Add(new ScriptElement(attributes.GetValueOrDefault("src"),
                        attributes.GetValueOrDefault("integrity"), attributes.GetValueOrDefault("crossorigin")));
                }

                if (name == "plaintext")
                {
                    break; // everything after it is text
                }

                if (RawTextElements.Contains(name))
                {
                    var close = IndexOfEndTag(html, name, i);
                    i = close < 0 ? html.Length : close;
                }
            }
            else
            {
                i = lt + 1;
            }
        }

        return new HtmlFacts(metas.ToImmutable(), scripts.ToImmutable());
    }

    private static (string Name, int After) ReadName(string html, int start)
    {
        var end = start;
        while (end < html.Length && !IsSpace(html[end]) && html[end] != '/' && html[end] != '>')
        {
            end++;
        }

        return (html[start..end].ToLowerInvariant(), end);
    }

    private static (Dictionary<string, string> Attributes, int After) ReadAttributes(string html, int i)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        while (i < html.Length)
        {
            while (i < html.Length && (IsSpace(html[i]) || html[i] == '/'))
            {
                i++;
            }

            if (i >= html.Length)
            {
                break;
            }

            if (html[i] == '>')
            {
                return (attributes, i + 1);
            }

            var nameStart = i;
            i++; // the first character may be '=' and still belong to the name
            while (i < html.Length && !IsSpace(html[i]) && html[i] is not ('/' or '>' or '='))
            {
                i++;
            }

            var name = html[nameStart..i].ToLowerInvariant();
            while (i < html.Length && IsSpace(html[i]))
            {
                i++;
            }

            var value = "";
            if (i < html.Length && html[i] == '=')
            {
                i++;
                while (i < html.Length && IsSpace(html[i]))
                {
                    i++;
                }

                if (i < html.Length && html[i] is '"' or '\'')
                {
                    var quote = html[i];
                    var close = html.IndexOf(quote, i + 1);
                    var end = close < 0 ? html.Length : close;
                    value = html[(i + 1)..end];
                    i = close < 0 ? html.Length : close + 1;
                }
                else
                {
                    var start = i;
                    while (i < html.Length && !IsSpace(html[i]) && html[i] != '>')
                    {
                        i++;
                    }

                    value = html[start..i];
                }
            }

            attributes.TryAdd(name, DecodeCharacterReferences(value)); // the first of a repeated attribute wins
        }

        return (attributes, html.Length);
    }

    private static int IndexOfEndTag(string html, string name, int from)
    {
        var i = from;
        while (true)
        {
            var candidate = html.IndexOf("</", i, StringComparison.Ordinal);
            if (candidate < 0)
            {
                return -1;
            }

            var after = candidate + 2 + name.Length;
            if (after <= html.Length
                && string.Compare(html, candidate + 2, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) == 0
                && (after == html.Length || IsSpace(html[after]) || html[after] is '/' or '>'))
            {
                return candidate;
            }

            i = candidate + 2;
        }
    }

    // The common named references plus numeric ones; others stay as written.
    private static readonly Dictionary<string, string> NamedReferences = new(StringComparer.Ordinal)
    {
        ["amp"] = "&", ["lt"] = "<", ["gt"] = ">", ["quot"] = "\"", ["apos"] = "'", ["nbsp"] = "\u00A0",
    };

    internal static string DecodeCharacterReferences(string text)
    {
        if (!text.Contains('&'))
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var semicolon = text[i] == '&' ? text.IndexOf(';', i + 1) : -1;
            if (semicolon > i + 1 && TryDecode(text[(i + 1)..semicolon], out var decoded))
            {
                result.Append(decoded);
                i = semicolon + 1;
            }
            else
            {
                result.Append(text[i]);
                i++;
            }
        }

        return result.ToString();
    }

    private static bool TryDecode(string reference, out string decoded)
    {
        decoded = "";
        if (reference.StartsWith('#'))
        {
            var hex = reference.Length > 1 && reference[1] is 'x' or 'X';
            var digits = reference[(hex ? 2 : 1)..];
            if (digits.Length == 0 || !int.TryParse(digits, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None,
                    CultureInfo.InvariantCulture, out var code) || code is <= 0 or > 0x10FFFF or (>= 0xD800 and <= 0xDFFF))
            {
                return false;
            }

            decoded = char.ConvertFromUtf32(code);
            return true;
        }

        return NamedReferences.TryGetValue(reference, out decoded!);
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f';
}
