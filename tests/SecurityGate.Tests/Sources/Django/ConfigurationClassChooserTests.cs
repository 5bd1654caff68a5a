using System.Collections.Immutable;
using SecurityGate.Configuration;
using SecurityGate.Gate;
using SecurityGate.Reports;
using SecurityGate.Sources.Discovery;
using SecurityGate.Sources.Django;

namespace SecurityGate.Tests.Sources.Django;

/// <summary>django-configurations projects end to end: which class is judged, why, and what the findings point at.</summary>
public class ConfigurationClassChooserTests
{
    private const string ManagePy =
        "import os\nimport sys\n\nif __name__ == '__main__':\n    os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'shop.settings')\n" +
        "    os.environ.setdefault('DJANGO_CONFIGURATION', '{0}')\n    from configurations.management import execute_from_command_line\n";

    private const string Settings =
        "from configurations import Configuration, values\n\n" +
        "class Common(Configuration):\n    SECRET_KEY = values.SecretValue()\n    DEBUG = values.BooleanValue(False)\n\n" +
        "class Dev(Common):\n    DEBUG = True\n\n" +
        "class Staging(Common):\n    DEBUG = values.BooleanValue(True)\n\n" +
        "class Prod(Common):\n    SECURE_SSL_REDIRECT = True\n";

    private static InMemoryRepositoryFiles Project(string managedClass, string settings = Settings) => new InMemoryRepositoryFiles()
        .Add("manage.py", string.Format(ManagePy, managedClass))
        .Add("shop/__init__.py", "")
        .Add("shop/settings.py", settings);

    private static DjangoSettings Load(InMemoryRepositoryFiles files, params (string Name, string Value)[] environment)
    {
        var context = new ScanContext(new GateOptions { RepositoryPath = "/r", EnvFile = "/r/.env.production" }, files,
            environment.ToImmutableDictionary(e => e.Name, e => e.Value));
        return Assert.Single(DjangoSettingsSource.Load(context).Models);
    }

    [Fact]
    public void A_development_default_in_manage_py_gives_way_to_the_production_class()
    {
        var settings = Load(Project("Dev"));

        Assert.Equal(new ConfigurationClassChoice("Prod", "manage.py:6 sets DJANGO_CONFIGURATION to Dev, a development class; Prod is named like production"),
            settings.Configuration);
        Assert.Equal("False", settings.Get("DEBUG").Value!.ToString());
        Assert.Equal(("shop/settings.py", 5), (settings.Get("DEBUG").Location!.Path, settings.Get("DEBUG").Location!.Line));
        Assert.Equal("True", settings.Get("SECURE_SSL_REDIRECT").Value!.ToString());
    }

    [Fact]
    public void A_deploy_default_in_manage_py_is_taken()
    {
        var settings = Load(Project("Staging"));

        Assert.Equal(new ConfigurationClassChoice("Staging", "manage.py:6 sets DJANGO_CONFIGURATION"), settings.Configuration);
        Assert.Equal(("True", 11), (settings.Get("DEBUG").Value!.ToString(), settings.Get("DEBUG").Location!.Line));
    }

    [Fact]
    public void The_production_environment_wins()
    {
        var settings = Load(Project("Prod"), ("DJANGO_CONFIGURATION", "Staging"), ("DJANGO_DEBUG", "false"));

        Assert.Equal(new ConfigurationClassChoice("Staging", "the production environment sets DJANGO_CONFIGURATION=Staging"), settings.Configuration);
        Assert.Equal("False", settings.Get("DEBUG").Value!.ToString());
        Assert.True(settings.Get("DEBUG").Value!.Origin!.FromEnvironment);
    }

    [Fact]
    public void Without_a_choice_a_class_named_like_production_is_judged()
    {
        var files = new InMemoryRepositoryFiles().Add("shop/__init__.py", "").Add("shop/settings.py", Settings.Replace("class Prod(", "class Live("));
        var context = new ScanContext(new GateOptions { RepositoryPath = "/r" }, files, ImmutableDictionary<string, string>.Empty);
        var settings = Assert.Single(DjangoSettingsSource.Load(context).Models);

        Assert.Equal("shop.settings", settings.Module); // found by name: the classes make it look like settings
        Assert.Equal(new ConfigurationClassChoice("Live", "DJANGO_CONFIGURATION is not set; Live is named like production"), settings.Configuration);
    }

    [Fact]
    public void A_module_without_configuration_classes_has_no_choice()
    {
        var files = new InMemoryRepositoryFiles().Add("manage.py", string.Format(ManagePy, "Dev")).Add("shop/__init__.py", "")
            .Add("shop/settings.py", "DEBUG = False\nclass Helper:\n    DEBUG = True\n");

        var settings = Load(files);
        Assert.Null(settings.Configuration);
        Assert.Equal("False", settings.Get("DEBUG").Value!.ToString());
    }

    [Fact]
    public void The_only_leaf_that_is_not_a_development_class_is_judged()
    {
        var source = "import configurations\nclass Base(configurations.Configuration):\n    DEBUG = False\nclass Site(Base):\n    pass\nclass Local(Base):\n    DEBUG = True\n";
        var files = new InMemoryRepositoryFiles().Add("shop/__init__.py", "").Add("shop/settings.py", source);

        var settings = Load(files.Add("manage.py", "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'shop.settings')\n"));
        Assert.Equal("Site", settings.Configuration!.ClassName);
        Assert.Contains("only configuration class", settings.Configuration.ChosenBecause);
    }

    [Fact]
    public async Task The_reports_name_the_chosen_class()
    {
        var options = new GateOptions { RepositoryPath = "/r" };
        var result = await new GateRunner([DjangoAnalyzer.Create()]).RunAsync(options, Project("Dev"), [], null, CancellationToken.None);
        var project = Assert.Single(result.DjangoProjects);

        Assert.Equal("Prod", project.ConfigurationClass);
        Assert.Contains("\"configurationClass\": \"Prod\"", JsonReport.Render(result));
        Assert.Contains("configuration class Prod chosen because manage.py:6 sets DJANGO_CONFIGURATION to Dev", TextReport.Render(result, useColor: false));
    }
}
