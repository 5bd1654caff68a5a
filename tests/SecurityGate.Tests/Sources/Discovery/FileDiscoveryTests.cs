using SecurityGate.Sources.Discovery;

namespace SecurityGate.Tests.Sources.Discovery;

public sealed class FileDiscoveryTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("sg-discovery-").FullName;
    private readonly string _outside = Directory.CreateTempSubdirectory("sg-outside-").FullName;

    public void Dispose()
    {
        Directory.Delete(_root, recursive: true);
        Directory.Delete(_outside, recursive: true);
    }

    private void Write(string relative, string text = "x = 1\n")
    {
        var full = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    private DiscoveryResult Discover(DiscoveryOptions? options = null) => FileDiscovery.Discover(_root, options ?? new DiscoveryOptions());

    [Fact]
    public void FilesAreListedRepoRelative_WithForwardSlashes_InOrdinalOrder()
    {
        Write("b.py");
        Write("a/z.py");
        Write("a/B.py");
        Write("A.txt");
        Assert.Equal(["A.txt", "a/B.py", "a/z.py", "b.py"], Discover().Files.Select(f => f.Path));
    }

    [Theory]
    [InlineData(".git/config")]
    [InlineData("node_modules/pkg/index.js")]
    [InlineData(".venv/lib/settings.py")]
    [InlineData("venv/lib/settings.py")]
    [InlineData("app/__pycache__/settings.cpython-311.pyc")]
    [InlineData("lib/python3.11/site-packages/django/conf/global_settings.py")]
    [InlineData("build/lib/app/settings.py")]
    public void DependencyVcsAndBuildFolders_AreSkipped(string path)
    {
        Write(path);
        Write("app/settings.py");
        Assert.Equal(["app/settings.py"], Discover().Files.Select(f => f.Path));
    }

    [Fact]
    public void AFolderHoldingPyvenvCfg_IsAVirtualenv_WhateverItsName()
    {
        Write("env/pyvenv.cfg", "home = /usr/bin\n");
        Write("env/lib/settings.py");
        Write("deploy/env/production.env", "DEBUG=False\n");
        Assert.Equal(["deploy/env/production.env"], Discover().Files.Select(f => f.Path));
    }

    [Fact]
    public void ExcludeGlobs_PruneFilesAndFolders()
    {
        Write("legacy/old/settings.py");
        Write("app/settings.py");
        Write("app/settings.py.bak");
        var result = Discover(new DiscoveryOptions { Exclude = ["legacy/**", "*.bak"] });
        Assert.Equal(["app/settings.py"], result.Files.Select(f => f.Path));
    }

    [Fact]
    public void IncludeGlobs_KeepOnlyMatchingFiles()
    {
        Write("app/settings.py");
        Write("deploy/sshd_config");
        Write("docs/readme.md");
        var result = Discover(new DiscoveryOptions { Include = ["app/**", "sshd_config"] });
        Assert.Equal(["app/settings.py", "deploy/sshd_config"], result.Files.Select(f => f.Path));
    }

    [Fact]
    public void SymlinkToAFileOutsideTheRepository_IsSkippedAndReported()
    {
        File.WriteAllText(Path.Combine(_outside, "secret.env"), "SECRET_KEY=x\n");
        Write("app/settings.py");
        File.CreateSymbolicLink(Path.Combine(_root, "app", "prod.env"), Path.Combine(_outside, "secret.env"));

        var result = Discover();

        Assert.Equal(["app/settings.py"], result.Files.Select(f => f.Path));
        var skipped = Assert.Single(result.Skipped);
        Assert.Equal(("app/prod.env", SkipReason.SymlinkOutsideRepository), (skipped.Path, skipped.Reason));
    }

    [Fact]
    public void SymlinkToAFolderOutsideTheRepository_IsNeverWalked()
    {
        File.WriteAllText(Path.Combine(_outside, "settings.py"), "DEBUG = True\n");
        Directory.CreateSymbolicLink(Path.Combine(_root, "linked"), _outside);
        var result = Discover();
        Assert.Empty(result.Files);
        Assert.Equal("linked", Assert.Single(result.Skipped).Path);
    }

    [Fact]
    public void SymlinkInsideTheRepository_IsFollowedOnce_AndLinkCyclesTerminate()
    {
        Write("real/settings.py");
        Directory.CreateSymbolicLink(Path.Combine(_root, "real", "loop"), Path.Combine(_root, "real"));
        Directory.CreateSymbolicLink(Path.Combine(_root, "alias"), Path.Combine(_root, "real"));
        var result = Discover();
        Assert.Contains("real/settings.py", result.Files.Select(f => f.Path));
        Assert.Empty(result.Skipped);
    }

    [Fact]
    public void OversizedFiles_AreSkippedAndReported()
    {
        Write("big.json", new string('x', 2048));
        Write("small.py");
        var result = Discover(new DiscoveryOptions { MaxFileBytes = 1024 });
        Assert.Equal(["small.py"], result.Files.Select(f => f.Path));
        var skipped = Assert.Single(result.Skipped);
        Assert.Equal(("big.json", SkipReason.TooLarge), (skipped.Path, skipped.Reason));
        Assert.Contains("2048 bytes", skipped.Detail);
    }

    [Fact]
    public void BinaryFiles_AreDetectedOnRead()
    {
        File.WriteAllBytes(Path.Combine(_root, "logo.py"), [0x89, 0x50, 0x00, 0x47]);
        Write("settings.py", "\uFEFFDEBUG = False\n");
        var files = new FileSystemRepositoryFiles(Discover());

        Assert.Equal(FileReadStatus.Binary, files.Read("logo.py").Status);
        var text = files.Read("settings.py");
        Assert.True(text.Ok);
        Assert.Equal("DEBUG = False\n", text.Text); // the BOM is not part of the text
        Assert.Equal(["settings.py"], files.PathsRead);
    }
}
