using SecurityGate.Configuration;
using SecurityGate.Sources.DotEnv;

namespace SecurityGate.Tests.Sources.DotEnv;

public class DotEnvFileTests
{
    [Fact]
    public void ParsesPlainQuotedExportedAndCommentedLines()
    {
        var env = DotEnvFile.Parse("""
            # production
            DJANGO_DEBUG=False
            export SECRET_KEY='s3cr#t value'
            ALLOWED_HOSTS="example.com,www.example.com"  # trailing comment
            EMPTY=
            PLAIN=value # comment
            MULTI="line1
            line2"
            """, "prod.env");
        Assert.Equal("False", env["DJANGO_DEBUG"]);
        Assert.Equal("s3cr#t value", env["SECRET_KEY"]);
        Assert.Equal("example.com,www.example.com", env["ALLOWED_HOSTS"]);
        Assert.Equal("", env["EMPTY"]);
        Assert.Equal("value", env["PLAIN"]);
        Assert.Equal("line1\nline2", env["MULTI"]);
    }

    [Fact]
    public void ABadLine_IsAnErrorNamingFileAndLine()
    {
        var error = Assert.Throws<ConfigurationException>(() => DotEnvFile.Parse("A=1\nthis is not an assignment\n", "prod.env"));
        Assert.Equal("prod.env:2: expected KEY=value.", error.Message);
    }

    [Fact]
    public void AnUnterminatedQuote_IsAnErrorNamingWhereItStarted()
    {
        var error = Assert.Throws<ConfigurationException>(() => DotEnvFile.Parse("A=1\nB=\"open\nC=2\n", "prod.env"));
        Assert.Equal("prod.env:2: unterminated quoted value.", error.Message);
    }
}
