using SecurityGate.Sources.Discovery;
using SecurityGate.Sources.Python;

namespace SecurityGate.Tests.Sources.Python;

public class RepositoryPythonModuleResolverTests
{
    private static RepositoryPythonModuleResolver Resolver() => new(new InMemoryRepositoryFiles()
        .Add("backend/manage.py", "")
        .Add("backend/shop/__init__.py", "INIT = 1")
        .Add("backend/shop/settings.py", "A = 1")
        .Add("backend/shop/conf/__init__.py", "")
        .Add("tools/helpers.py", "H = 1")
        .Add("shop/settings.py", "SHADOWED = 1"));

    [Fact]
    public void Search_roots_are_manage_py_folders_then_the_repository_root()
    {
        Assert.Equal(new[] { "backend/", "" }, Resolver().SearchRoots);
    }

    [Fact]
    public void Dotted_names_resolve_to_module_files_or_package_init_files_from_the_first_root_that_has_them()
    {
        var resolver = Resolver();

        Assert.Equal(new PythonModuleSource("shop.settings", "backend/shop/settings.py", "A = 1", false), resolver.Resolve("shop.settings"));
        Assert.Equal(new PythonModuleSource("shop", "backend/shop/__init__.py", "INIT = 1", true), resolver.Resolve("shop"));
        Assert.Equal("backend/shop/conf/__init__.py", resolver.Resolve("shop.conf")!.Path);
        Assert.Equal("tools/helpers.py", resolver.Resolve("tools.helpers")!.Path);
        Assert.Null(resolver.Resolve("shop.missing"));
        Assert.Null(resolver.Resolve("os"));
        Assert.Null(resolver.Resolve("shop..settings"));
        Assert.Null(resolver.Resolve(""));
    }

    [Theory]
    [InlineData("backend/shop/settings.py", "shop.settings")]
    [InlineData("backend/shop/conf/__init__.py", "shop.conf")]
    [InlineData("tools/helpers.py", "tools.helpers")]
    [InlineData("\\backend\\shop\\settings.py", "shop.settings")]
    [InlineData("README.md", null)]
    public void Module_names_come_from_the_deepest_root_holding_the_file(string path, string? expected)
    {
        Assert.Equal(expected, Resolver().ModuleNameFor(path));
    }

    [Fact]
    public void Resolve_path_reads_a_file_as_a_module_and_missing_files_give_null()
    {
        var resolver = Resolver();

        Assert.Equal(new PythonModuleSource("shop.conf", "backend/shop/conf/__init__.py", "", true), resolver.ResolvePath("backend/shop/conf/__init__.py"));
        Assert.Null(resolver.ResolvePath("backend/shop/nope.py"));
    }

    [Fact]
    public void Evaluating_a_missing_file_returns_an_empty_result_with_a_note()
    {
        var result = PythonEvaluator.EvaluateFile(new InMemoryRepositoryFiles(), "missing.py", new Dictionary<string, string>());

        Assert.Empty(result.Bindings);
        Assert.Equal("missing.py: file not found", Assert.Single(result.Notes).Message);
    }
}
