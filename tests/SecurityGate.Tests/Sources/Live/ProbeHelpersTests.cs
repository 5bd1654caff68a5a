using System.Net;
using SecurityGate.Sources.Live;

namespace SecurityGate.Tests.Sources.Live;

/// <summary>The small helpers of the probe and rules: address policy, untrusted text, HSTS parsing.</summary>
public sealed class ProbeHelpersTests
{
    [Theory]
    [InlineData("169.254.169.254", true)]
    [InlineData("169.254.0.1", true)]
    [InlineData("fd00:ec2::254", true)]
    [InlineData("fe80::1", true)]
    [InlineData("::ffff:169.254.169.254", true)]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.0.0.1", false)]
    [InlineData("fd00:ec2::253", false)]
    public void MetadataAndLinkLocalAddresses_AreForbidden(string address, bool forbidden) =>
        Assert.Equal(forbidden, AddressPolicy.IsForbidden(IPAddress.Parse(address)));

    [Theory]
    [InlineData("[fd00:ec2::254]", true)]
    [InlineData("169.254.169.254", true)]
    [InlineData("metadata.google.internal", false)] // a name: judged after resolution, at connect time
    public void ForbiddenLiterals_AreRecognisedBeforeAnyLookup(string host, bool forbidden) =>
        Assert.Equal(forbidden, AddressPolicy.IsForbiddenLiteral(host));

    [Fact]
    public void UntrustedText_EscapesControlAndBidiCharacters_AndCutsLongValues()
    {
        Assert.Equal("'a\\x0Ab\\x1B[0m\\u202Ec'", UntrustedText.Quote("a\nb\u001b[0m\u202ec"));
        Assert.Equal(new string('x', 120) + "…", UntrustedText.Clean(new string('x', 500)));
        Assert.Equal("(none)", UntrustedText.Quote(null));
    }

    [Theory]
    [InlineData("max-age=31536000; includeSubDomains; preload", 31536000L, true, true, null)]
    [InlineData("MAX-AGE=\"600\"", 600L, false, false, null)]
    [InlineData("includeSubDomains", null, true, false, "max-age is missing")]
    [InlineData("max-age=abc", null, false, false, "max-age is not a whole number of seconds")]
    [InlineData("max-age=1; max-age=2", null, false, false, "directive 'max-age' appears twice")]
    public void HstsHeader_IsReadLikeBrowsersReadIt(string value, long? maxAge, bool subDomains, bool preload, string? problem)
    {
        var header = StrictTransportSecurityHeader.Parse(value);
        Assert.Equal((maxAge, subDomains, preload, problem), (header.MaxAge, header.IncludeSubDomains, header.Preload, header.Problem));
    }
}
