using System.Net;
using System.Net.Sockets;

namespace SecurityGate.Sources.Live;

/// <summary>
/// Addresses the probe never connects to unless the user named them as the site itself: IPv4 link-local
/// (169.254.0.0/16, which holds the cloud metadata service 169.254.169.254), IPv6 link-local (fe80::/10) and AWS's
/// IPv6 metadata address fd00:ec2::254. A staging site that redirects there is trying to make the gate read
/// cloud credentials (server-side request forgery).
/// </summary>
public static class AddressPolicy
{
    private static readonly IPAddress AwsIpv6Metadata = IPAddress.Parse("fd00:ec2::254");

    public static bool IsForbidden(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var bytes = address.GetAddressBytes();
            return bytes[0] == 169 && bytes[1] == 254;
        }

        return address.IsIPv6LinkLocal || address.Equals(AwsIpv6Metadata);
    }

    /// <summary>True when <paramref name="host"/> is an IP literal in a forbidden range (checked before any DNS).</summary>
    public static bool IsForbiddenLiteral(string host) =>
        IPAddress.TryParse(host.Trim('[', ']'), out var address) && IsForbidden(address);
}
