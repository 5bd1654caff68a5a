using SecurityGate.Sources.Discovery;
using SecurityGate.Sources.Django;

namespace SecurityGate.Tests.Sources.Django;

public class SettingsModuleLocatorTests
{
    private const string ManagePy = "import os\n\ndef main():\n    os.environ.setdefault(\"DJANGO_SETTINGS_MODULE\", \"{0}\")\n";

    [Fact]
    public void ManagePyDefault_IsTheDeployTarget()
    {
        var files = new InMemoryRepositoryFiles()
            .Add("manage.py", string.Format(ManagePy, "shop.settings.production"))
            .Add("shop/settings/production.py", "from .base import *\n")
            .Add("shop/settings/base.py", "DEBUG = False\n");
        var candidate = Assert.Single(SettingsModuleLocator.Locate(files, null));
        Assert.Equal(("shop.settings.production", "", "manage.py:4 sets DJANGO_SETTINGS_MODULE"),
            (candidate.Module, candidate.ProjectRoot, candidate.ChosenBecause));
    }

    [Fact]
    public void DevDefaultInManagePy_AndProductionInWsgi_JudgesOnlyProduction()
    {
        var files = new InMemoryRepositoryFiles()
            .Add("src/manage.py", string.Format(ManagePy, "shop.settings.dev"))
            .Add("src/shop/wsgi.py", "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'shop.settings.production')\n")
            .Add("src/shop/settings/dev.py", "DEBUG = True\n")
            .Add("src/shop/settings/production.py", "DEBUG = False\n");
        var candidate = Assert.Single(SettingsModuleLocator.Locate(files, null));
        Assert.Equal(("shop.settings.production", "src"), (candidate.Module, candidate.ProjectRoot));
    }

    [Fact]
    public void OnlyADevDefault_LeadsToItsProductionSibling()
    {
        var files = new InMemoryRepositoryFiles()
            .Add("manage.py", string.Format(ManagePy, "mysite.settings.local"))
            .Add("mysite/settings/local.py", "DEBUG = True\n")
            .Add("mysite/settings/prod.py", "DEBUG = False\n");
        Assert.Equal("mysite.settings.prod", Assert.Single(SettingsModuleLocator.Locate(files, null)).Module);
    }

    [Fact]
    public void ConfiguredModule_WinsOverEntryPoints()
    {
        var files = new InMemoryRepositoryFiles()
            .Add("manage.py", string.Format(ManagePy, "shop.settings.production"))
            .Add("shop/settings/staging.py", "DEBUG = False\n");
        var candidate = Assert.Single(SettingsModuleLocator.Locate(files, "shop.settings.staging"));
        Assert.Equal(("shop.settings.staging", "configuration (django.settings-module)"), (candidate.Module, candidate.ChosenBecause));
    }

    [Fact]
    public void SeveralProjects_AreEachJudged()
    {
        var files = new InMemoryRepositoryFiles()
            .Add("shop/manage.py", string.Format(ManagePy, "shop.settings"))
            .Add("shop/shop/settings.py", "DEBUG = False\n")
            .Add("blog/manage.py", string.Format(ManagePy, "blog.settings"))
            .Add("blog/blog/settings.py", "DEBUG = False\n");
        Assert.Equal(["blog:blog.settings", "shop:shop.settings"],
            SettingsModuleLocator.Locate(files, null).Select(c => $"{c.ProjectRoot}:{c.Module}"));
    }

    [Fact]
    public void WithoutEntryPoints_ModulesNamedLikeProductionSettingsAreFound()
    {
        var files = new InMemoryRepositoryFiles()
            .Add("config/__init__.py", "")
            .Add("config/settings/__init__.py", "")
            .Add("config/settings/production.py", "from .base import *\nDEBUG = False\n")
            .Add("docs/settings.py", "html_theme = 'alabaster'\n");
        var candidate = Assert.Single(SettingsModuleLocator.Locate(files, null));
        Assert.Equal(("config.settings.production", ""), (candidate.Module, candidate.ProjectRoot));
    }
}
