using System.Collections.Immutable;
using System.Text;

namespace SecurityGate.Sources.Live;

/// <summary>A CSP that cannot be used (too short, repeated directive, undecodable path).</summary>
public sealed class ContentSecurityPolicyException(string message) : Exception(message);

/// <summary>
/// One or more CSP policies combined into a single directive → sources map (sources lower-cased, sorted).
/// <see cref="DuplicateDirectives"/> names report-uri/report-to directives that were repeated inside one policy.
/// </summary>
public sealed record ContentSecurityPolicy(
    ImmutableSortedDictionary<string, ImmutableArray<string>> Directives,
    ImmutableSortedSet<string> DuplicateDirectives)
{
    public static ContentSecurityPolicy Empty { get; } =
        new(ImmutableSortedDictionary<string, ImmutableArray<string>>.Empty.WithComparers(StringComparer.Ordinal),
            ImmutableSortedSet<string>.Empty.WithComparer(StringComparer.Ordinal));

    public bool IsEmpty => Directives.IsEmpty;

    public ImmutableArray<string>? Get(string directive) =>
        Directives.TryGetValue(directive, out var sources) ? sources : null;
}

/// <summary>
/// Parses Content-Security-Policy values exactly like the MDN HTTP Observatory 1.4.x does, quirks included,
/// because its grade is the reference:
/// <list type="bullet">
/// <item>a policy shorter than 6 characters, or a directive repeated inside one policy, makes the whole list
/// invalid, except repeated report-uri/report-to (recorded in DuplicateDirectives, the last one kept);</item>
/// <item>a <c>*-src</c> directive without sources means <c>'none'</c>;</item>
/// <item>in each policy, a source that starts with the previous one in sort order is dropped
/// (<c>https:</c> hides <c>https://a.example</c>);</item>
/// <item>with several policies (header lines, meta tags) a later policy's source survives only where it
/// path-matches its neighbour in sort order; a directive left without sources becomes <c>'none'</c>;
/// the sort order is ICU's ("en" collation), not ordinal.</item>
/// </list>
/// A value holding several comma-joined policies is read as one policy (1.4.x does not split on commas).
/// </summary>
public static class ContentSecurityPolicyParser
{
    /// <summary>Shorter than "img-src" minus one is not a policy.</summary>
    public const int ShortestPolicyLength = 6;

    private static readonly HashSet<string> AllowedDuplicates = ["report-uri", "report-to"];

    /// <summary>The directives a meta-tag CSP may not use (HTML spec); dropped by <see cref="ParseMeta"/>.</summary>
    public static ImmutableArray<string> DirectivesDisallowedInMeta { get; } = ["frame-ancestors", "report-uri", "sandbox"];

    private sealed class Entry(string source, int policyIndex, bool keep)
    {
        public string Source { get; } = source;
        public int PolicyIndex { get; } = policyIndex;
        public bool Keep { get; set; } = keep;
    }

    /// <exception cref="ContentSecurityPolicyException">When the list is invalid.</exception>
    public static ContentSecurityPolicy Parse(IReadOnlyList<string> policies)
    {
        var cleaned = policies.Select(p => p.Replace("\r", "").Replace("\n", "").Trim()).ToList();
        if (cleaned.Count == 0)
        {
            return ContentSecurityPolicy.Empty;
        }

        foreach (var policy in cleaned)
        {
            if (policy.Length < ShortestPolicyLength)
            {
                throw new ContentSecurityPolicyException($"Invalid policy: {policy}");
            }
        }

        var combined = new OrderedDictionary<string, List<Entry>>(StringComparer.Ordinal);
        var duplicates = new SortedSet<string>(StringComparer.Ordinal);
        for (var policyIndex = 0; policyIndex < cleaned.Count; policyIndex++)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var rawDirective in cleaned[policyIndex].Split(';'))
            {
                var tokens = SplitOnWhitespace(rawDirective.Trim());
                if (tokens.Length == 0 || tokens[0].Length == 0)
                {
                    continue;
                }

                var directive = tokens[0].ToLowerInvariant();
                if (!seen.Add(directive))
                {
                    if (!AllowedDuplicates.Contains(directive))
                    {
                        throw new ContentSecurityPolicyException($"Duplicate directive {directive} in policy {policyIndex}");
                    }

                    duplicates.Add(directive);
                }

                var isFirstPolicy = policyIndex == 0;
                var values = tokens.Skip(1).Select(t => new Entry(t.Trim().ToLowerInvariant(), policyIndex, isFirstPolicy)).ToList();
                if (values.Count == 0 && directive.EndsWith("-src", StringComparison.Ordinal))
                {
                    values.Add(new Entry("'none'", policyIndex, isFirstPolicy));
                }

                var sources = isFirstPolicy
                    ? values
                    : [.. combined.GetValueOrDefault(directive) ?? [], .. values];
                sources = [.. sources.OrderBy(e => e.Source, IcuEnglishOrder.Comparer)]; // stable, like JS sort

                for (var i = 1; i < sources.Count; i++)
                {
                    var source = sources[i];
                    var previous = sources[i - 1];
                    if (source.PolicyIndex == previous.PolicyIndex
                        && source.Source.StartsWith(previous.Source, StringComparison.Ordinal))
                    {
                        source.Keep = false; // superfluous: https://a.example/foobar after https://a.example/foo
                    }

                    if (source.PolicyIndex != previous.PolicyIndex && PathPartMatch(previous.Source, source.Source))
                    {
                        source.Keep = true; // present in both policies
                    }
                }

                combined[directive] = [.. sources.Where(e => e.Keep)];

                // With several policies, sources of the first one survive only when a later one matches them.
                if (isFirstPolicy && cleaned.Count > 1)
                {
                    foreach (var entry in combined[directive])
                    {
                        entry.Keep = false;
                    }
                }
            }
        }

        var directives = combined.ToImmutableSortedDictionary(
            kv => kv.Key,
            kv => kv.Value.Count == 0
                ? ["'none'"]
                : kv.Value.Select(e => e.Source).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToImmutableArray(),
            StringComparer.Ordinal);
        return new ContentSecurityPolicy(directives, duplicates.ToImmutableSortedSet(StringComparer.Ordinal));
    }

    /// <summary>Like <see cref="Parse"/>, then drops the directives a meta tag may not set.</summary>
    public static ContentSecurityPolicy ParseMeta(IReadOnlyList<string> policies)
    {
        var policy = Parse(policies);
        return policy with { Directives = policy.Directives.RemoveRange(DirectivesDisallowedInMeta) };
    }

    private static string[] SplitOnWhitespace(string text) =>
        text.Length == 0 ? [""] : text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    // CSP source path matching as the Observatory does it: "/a/" matches paths below it, "/a" only itself.
    private static bool PathPartMatch(string pathA, string pathB)
    {
        if (pathA.Length == 0 || (pathA == "/" && pathB.Length == 0))
        {
            return true;
        }

        var exactMatch = !pathA.EndsWith('/');
        var partsA = pathA.Split('/').ToList();
        var partsB = pathB.Split('/');
        if (partsA.Count > partsB.Length || (exactMatch && partsA.Count != partsB.Length))
        {
            return false;
        }

        if (!exactMatch)
        {
            partsA.RemoveAt(partsA.Count - 1);
        }

        for (var i = 0; i < partsA.Count; i++)
        {
            if (DecodeUriComponent(partsA[i]) != DecodeUriComponent(partsB[i]))
            {
                return false;
            }
        }

        return true;
    }

    // JavaScript's decodeURIComponent: a malformed %-sequence is an error (which invalidates the CSP).
    private static string DecodeUriComponent(string text)
    {
        if (!text.Contains('%'))
        {
            return text;
        }

        var result = new StringBuilder();
        var bytes = new List<byte>();
        var strictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        for (var i = 0; i < text.Length;)
        {
            if (text[i] != '%')
            {
                result.Append(text[i]);
                i++;
                continue;
            }

            bytes.Clear();
            while (i < text.Length && text[i] == '%')
            {
                if (i + 2 >= text.Length || !Uri.IsHexDigit(text[i + 1]) || !Uri.IsHexDigit(text[i + 2]))
                {
                    throw new ContentSecurityPolicyException($"Malformed URI sequence in {text}");
                }

                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 3;
            }

            try
            {
                result.Append(strictUtf8.GetString([.. bytes]));
            }
            catch (DecoderFallbackException)
            {
                throw new ContentSecurityPolicyException($"Malformed URI sequence in {text}");
            }
        }

        return result.ToString();
    }
}

/// <summary>
/// The order of ICU's "en" collation (what JavaScript's <c>Intl.Collator("en").compare</c> gives) for the
/// characters CSP sources are made of: punctuation, then symbols, then digits, then letters.
/// Lower-case input only (sources are lower-cased before sorting); other characters sort after, by code point.
/// </summary>
internal static class IcuEnglishOrder
{
    // Printable ASCII sorted with Intl.Collator("en") on Node 20 (ICU 74).
    private const string AsciiOrder = "_-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$0123456789aAbBcCdDeEfFgGhHiIjJkKlLmMnNoOpPqQrRsStTuUvVwWxXyYzZ";

    private static readonly int[] Rank = BuildRank();

    public static IComparer<string> Comparer { get; } = Comparer<string>.Create(Compare);

    private static int[] BuildRank()
    {
        var rank = new int[128];
        for (var c = 0; c < rank.Length; c++)
        {
            rank[c] = 1000 + c;
        }

        for (var i = 0; i < AsciiOrder.Length; i++)
        {
            rank[AsciiOrder[i]] = i;
        }

        return rank;
    }

    private static int RankOf(char c) => c < 128 ? Rank[c] : 2000 + c;

    public static int Compare(string? a, string? b)
    {
        a ??= "";
        b ??= "";
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var difference = RankOf(a[i]) - RankOf(b[i]);
            if (difference != 0)
            {
                return difference;
            }
        }

        return a.Length - b.Length;
    }
}
