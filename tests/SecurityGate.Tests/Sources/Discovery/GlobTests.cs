using SecurityGate.Sources.Discovery;

namespace SecurityGate.Tests.Sources.Discovery;

public class GlobTests
{
    [Theory]
    [InlineData("*.bak", "a/b/settings.py.bak", true)]
    [InlineData("*.bak", "settings.py", false)]
    [InlineData("legacy/**", "legacy/x/y.py", true)]
    [InlineData("legacy/**", "src/legacy/y.py", false)]
    [InlineData("legacy", "src/legacy/y.py", true)]
    [InlineData("**/settings/*.py", "app/settings/prod.py", true)]
    [InlineData("**/settings/*.py", "settings/prod.py", true)]
    [InlineData("app/*.py", "app/sub/x.py", false)]
    [InlineData("app/?.py", "app/a.py", true)]
    [InlineData("app/[ab].py", "app/b.py", true)]
    [InlineData("app/[!ab].py", "app/b.py", false)]
    [InlineData("deploy/", "deploy/sshd_config", true)]
    public void Matches(string pattern, string path, bool expected) =>
        Assert.Equal(expected, new Glob(pattern).IsMatch(path));
}
