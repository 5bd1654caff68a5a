using System.Globalization;
using System.Net;

namespace SecurityGate.Sources.Sshd;

/// <summary>
/// OpenSSH's pattern matching (PATTERNS in ssh_config(5)): <c>*</c> and <c>?</c> wildcards, comma lists where a
/// <c>!</c>-negated entry that matches vetoes the whole list, and address lists with CIDR entries.
/// </summary>
public static class SshdPatterns
{
    private const int Ipv4Bits = 32;
    private const int Ipv6Bits = 128;

    /// <summary>Whole-string wildcard match; <c>*</c> is any run of characters, <c>?</c> exactly one.</summary>
    public static bool MatchPattern(string text, string pattern)
    {
        int t = 0, p = 0, starP = -1, starT = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == text[t]))
            {
                t++;
                p++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                starP = p++;
                starT = t;
            }
            else if (starP >= 0)
            {
                p = starP + 1;
                t = ++starT;
            }
            else
            {
                return false;
            }
        }
        while (p < pattern.Length && pattern[p] == '*')
            p++;
        return p == pattern.Length;
    }

    /// <summary>
    /// 1 when a positive entry matches and no negated one does, -1 when a negated entry matches, else 0.
    /// A list made only of negations therefore never matches (<c>Match User !root</c> matches nobody).
    /// </summary>
    public static int MatchPatternList(string text, string list, bool ignoreCase)
    {
        if (ignoreCase)
            text = text.ToLowerInvariant();
        var gotPositive = false;
        foreach (var entry in list.Split(','))
        {
            var negated = entry.StartsWith('!');
            var pattern = negated ? entry[1..] : entry;
            if (ignoreCase)
                pattern = pattern.ToLowerInvariant();
            if (!MatchPattern(text, pattern))
                continue;
            if (negated)
                return -1;
            gotPositive = true;
        }
        return gotPositive ? 1 : 0;
    }

    /// <summary>Result of <see cref="MatchAddressList"/>.</summary>
    public enum AddressMatch
    {
        NoMatch,
        Match,
        NegatedMatch,
        /// <summary>An entry is not a valid network (empty, mask too long, host bits set): sshd rejects the Match line.</summary>
        Invalid,
    }

    /// <summary>
    /// Matches an address against a list of CIDR networks, addresses and wildcard patterns (OpenSSH's
    /// addr_match_list). With <paramref name="address"/> null it only validates the list.
    /// An address that does not parse matches nothing.
    /// </summary>
    public static AddressMatch MatchAddressList(string? address, string list)
    {
        IPAddress? parsed = null;
        if (address is not null && !IPAddress.TryParse(address, out parsed))
            return AddressMatch.NoMatch;
        var result = AddressMatch.NoMatch;
        foreach (var raw in list.Split(','))
        {
            var negated = raw.StartsWith('!');
            var entry = negated ? raw[1..] : raw;
            if (entry.Length == 0)
                return AddressMatch.Invalid;
            var network = ParseCidr(entry, out var networkAddress, out var maskLength);
            if (network == CidrParse.Invalid)
                return AddressMatch.Invalid;
            var matched = network == CidrParse.Ok
                ? parsed is not null && InNetwork(parsed, networkAddress!, maskLength)
                : address is not null && MatchPattern(address, entry);
            if (!matched)
                continue;
            if (negated)
                return AddressMatch.NegatedMatch;
            result = AddressMatch.Match;
        }
        return result;
    }

    private enum CidrParse
    {
        Ok,
        NotAnAddress,
        Invalid,
    }

    private static CidrParse ParseCidr(string entry, out IPAddress? network, out int maskLength)
    {
        network = null;
        maskLength = 0;
        var slash = entry.IndexOf('/');
        var addressText = slash < 0 ? entry : entry[..slash];
        if (slash >= 0)
        {
            var maskText = entry[(slash + 1)..];
            if (maskText.Length == 0 || !char.IsAsciiDigit(maskText[0])
                || !int.TryParse(maskText, NumberStyles.None, CultureInfo.InvariantCulture, out maskLength)
                || maskLength > Ipv6Bits)
                return CidrParse.NotAnAddress;
        }
        if (!IPAddress.TryParse(addressText, out network))
            return CidrParse.NotAnAddress;
        var bits = network.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? Ipv4Bits : Ipv6Bits;
        if (slash < 0)
            maskLength = bits;
        if (maskLength > bits || !HostBitsAreZero(network.GetAddressBytes(), maskLength))
            return CidrParse.Invalid;
        return CidrParse.Ok;
    }

    private static bool HostBitsAreZero(byte[] bytes, int maskLength)
    {
        for (var bit = maskLength; bit < bytes.Length * 8; bit++)
        {
            if ((bytes[bit / 8] & (0x80 >> (bit % 8))) != 0)
                return false;
        }
        return true;
    }

    private static bool InNetwork(IPAddress address, IPAddress network, int maskLength)
    {
        if (address.AddressFamily != network.AddressFamily)
            return false;
        var a = address.GetAddressBytes();
        var n = network.GetAddressBytes();
        for (var bit = 0; bit < maskLength; bit++)
        {
            var mask = 0x80 >> (bit % 8);
            if ((a[bit / 8] & mask) != (n[bit / 8] & mask))
                return false;
        }
        return true;
    }
}
