using SecurityGate.Findings;
using SecurityGate.Sources.Discovery;
using SecurityGate.Sources.Python;

namespace SecurityGate.Tests.Sources.Python;

/// <summary>django-configurations: class bodies, inheritance and values.*Value lookups, without running anything.</summary>
public class DjangoConfigurationsTests
{
    private const string Path = "mysite/settings.py";

    private const string Header = "from configurations import Configuration, values\n";

    private static PythonModuleEvaluation Configured(string source, string className, bool complete = true,
        InMemoryRepositoryFiles? files = null, params (string Name, string Value)[] environment)
    {
        files ??= new InMemoryRepositoryFiles();
        files.Add(Path, source);
        var resolver = new RepositoryPythonModuleResolver(files);
        var evaluator = new PythonEvaluator(resolver, environment.ToDictionary(e => e.Name, e => e.Value), complete);
        var module = evaluator.Evaluate(resolver.ResolvePath(Path)!);
        return evaluator.WithConfiguration(module, className) ?? throw new InvalidOperationException($"no configuration class {className}");
    }

    private static string ValueOf(string source, string className, string name, params (string Name, string Value)[] environment) =>
        Configured(source, className, environment: environment).Value(name)!.ToString();

    [Fact]
    public void Class_attributes_become_settings_and_see_earlier_attributes_and_module_names()
    {
        var source = Header + "HOST = 'example.com'\nclass Prod(Configuration):\n    A = [HOST]\n    B = A + ['www.' + HOST]\n    lower = 1\n";
        var result = Configured(source, "Prod");

        Assert.Equal("['example.com', 'www.example.com']", result.Value("B")!.ToString());
        Assert.Null(result.Value("lower")); // only upper-case attributes are settings
        Assert.Equal((5, 5), (result.Binding("B")!.Location.Line, result.Binding("B")!.Location.Column));
    }

    [Fact]
    public void Subclasses_inherit_and_override_and_can_read_a_base_attribute()
    {
        var source = Header +
                     "class Common(Configuration):\n    DEBUG = True\n    APPS = ['a']\n" +
                     "class Prod(Common):\n    DEBUG = False\n    APPS = Common.APPS + ['b']\n" +
                     "class Dev(Common):\n    pass\n";

        Assert.Equal("False", ValueOf(source, "Prod", "DEBUG"));
        Assert.Equal("['a', 'b']", ValueOf(source, "Prod", "APPS"));
        Assert.Equal("True", ValueOf(source, "Dev", "DEBUG"));
        Assert.Equal(3, Configured(source, "Dev").Binding("DEBUG")!.Location.Line); // points into Common
    }

    [Fact]
    public void Multiple_bases_follow_the_leftmost_base_first_and_mixins_count()
    {
        var source = Header +
                     "class HstsMixin:\n    SECURE_HSTS_SECONDS = 3600\n" +
                     "class StrictMixin(HstsMixin):\n    SECURE_HSTS_SECONDS = 31536000\n" +
                     "class A(Configuration):\n    X = 'a'\n    Y = 'a'\n" +
                     "class B(Configuration):\n    X = 'b'\n    Z = 'b'\n" +
                     "class Prod(StrictMixin, A, B):\n    pass\n";
        var result = Configured(source, "Prod");

        Assert.Equal("('a', 'a', 'b', 31536000)",
            $"({result.Value("X")}, {result.Value("Y")}, {result.Value("Z")}, {result.Value("SECURE_HSTS_SECONDS")})");
    }

    [Fact]
    public void Classes_that_are_not_configurations_stay_opaque()
    {
        var result = PythonEvaluatorTests.Evaluate("class Plain:\n    X = 1\nY = Plain.X\n");

        Assert.StartsWith("<unknown:", result.Value("Y")!.ToString());
        Assert.Empty(PythonEvaluator.ConfigurationClasses(result));
    }

    [Fact]
    public void Configuration_classes_are_listed_with_their_bases_also_when_imported_from_another_module()
    {
        var files = new InMemoryRepositoryFiles()
            .Add("mysite/__init__.py", "")
            .Add("mysite/base.py", Header + "class Common(Configuration):\n    DEBUG = values.BooleanValue(True)\n");
        var source = "from .base import Common\nclass Prod(Common):\n    SECURE_SSL_REDIRECT = True\n";
        var result = Configured(source, "Prod", files: files);

        Assert.Equal(["Common", "Prod"], PythonEvaluator.ConfigurationClasses(result).Select(c => c.Name));
        Assert.Equal(["Common"], PythonEvaluator.ConfigurationClasses(result).Single(c => c.Name == "Prod").BaseNames);
        Assert.Equal(("mysite/base.py", 3), (result.Binding("DEBUG")!.Path, result.Binding("DEBUG")!.Location.Line));
        Assert.Equal("True", result.Value("DEBUG")!.ToString());
    }

    [Theory]
    [InlineData("yes", "True")]
    [InlineData(" TRUE ", "True")]
    [InlineData("1", "True")]
    [InlineData("n", "False")]
    [InlineData("", "False")]
    [InlineData("off", "<unknown:")]
    public void BooleanValue_reads_DJANGO_name_with_the_library_words(string text, string expected)
    {
        var value = Configured(Header + "class Prod(Configuration):\n    DEBUG = values.BooleanValue(True)\n", "Prod",
            environment: ("DJANGO_DEBUG", text)).Value("DEBUG")!;

        Assert.StartsWith(expected, value.ToString());
        Assert.Equal(("DJANGO_DEBUG", EnvironmentLookupKind.DjangoConfigurations, true, "True"),
            (value.Origin?.Variable, value.Origin?.Kind, value.Origin?.FromEnvironment, value.Origin?.DefaultText));
    }

    [Fact]
    public void The_default_applies_when_the_variable_is_unset_with_its_origin()
    {
        var value = Configured(Header + "class Prod(Configuration):\n    DEBUG = values.BooleanValue(True)\n", "Prod").Value("DEBUG")!;

        Assert.Equal("True", value.ToString());
        Assert.Equal(
            new EnvironmentOrigin("DJANGO_DEBUG", EnvironmentLookupKind.DjangoConfigurations, FromEnvironment: false, HasDefault: true,
                "True", PythonOperations.True, new SourceLocation(Path, 3, 13, 3, 38)),
            value.Origin);
    }

    [Theory]
    [InlineData("values.Value('x', environ_prefix='MYAPP')", "MYAPP_SETTING")]
    [InlineData("values.Value('x', environ_prefix='MYAPP_')", "MYAPP_SETTING")]
    [InlineData("values.Value('x', environ_prefix=None)", "SETTING")]
    [InlineData("values.Value('x', environ_name='OTHER')", "DJANGO_OTHER")]
    [InlineData("values.DatabaseURLValue('sqlite://')", "DATABASE_URL")]
    public void The_variable_name_follows_environ_prefix_and_environ_name(string call, string variable)
    {
        var value = Configured(Header + $"class Prod(Configuration):\n    SETTING = {call}\n", "Prod").Value("SETTING")!;

        Assert.Equal(variable, value.Origin!.Variable);
    }

    [Fact]
    public void Environ_false_takes_the_default_without_reading_the_environment()
    {
        var value = Configured(Header + "class Prod(Configuration):\n    DEBUG = values.BooleanValue(True, environ=False)\n", "Prod",
            environment: ("DJANGO_DEBUG", "no")).Value("DEBUG")!;

        Assert.Equal(("True", null), (value.ToString(), value.Origin));
    }

    [Fact]
    public void SecretValue_is_required_and_has_no_default()
    {
        var source = Header + "class Prod(Configuration):\n    SECRET_KEY = values.SecretValue()\n";

        var missing = Configured(source, "Prod").Value("SECRET_KEY")!;
        Assert.Contains("DJANGO_SECRET_KEY is not set and SecretValue requires it", missing.ToString());
        Assert.True(missing.Origin!.NoDefault);
        var unknownEnvironment = Configured(source, "Prod", complete: false).Value("SECRET_KEY")!;
        Assert.Contains("no production environment was given", unknownEnvironment.ToString());
        Assert.Equal("'s3cret-key'", ValueOf(source, "Prod", "SECRET_KEY", ("DJANGO_SECRET_KEY", "s3cret-key")));
        Assert.Contains("is empty", ValueOf(source, "Prod", "SECRET_KEY", ("DJANGO_SECRET_KEY", "")));
    }

    [Fact]
    public void Without_a_production_environment_only_written_defaults_are_taken()
    {
        var source = Header + "class Prod(Configuration):\n    A = values.Value('x')\n    B = values.Value()\n";
        var result = Configured(source, "Prod", complete: false);

        Assert.Equal("'x'", result.Value("A")!.ToString());
        Assert.StartsWith("<unknown:", result.Value("B")!.ToString());
        Assert.Equal("None", Configured(source, "Prod").Value("B")!.ToString());
    }

    [Theory]
    [InlineData("values.IntegerValue(0)", "31536000", "31536000")]
    [InlineData("values.IntegerValue(0)", "nope", "<unknown:")]
    [InlineData("values.PositiveIntegerValue(0)", "-1", "<unknown:")]
    [InlineData("values.ListValue([])", " a.com, ,b.com ", "['a.com', 'b.com']")]
    [InlineData("values.TupleValue((), separator=';')", "a;b", "('a', 'b')")]
    [InlineData("values.FloatValue(1.0)", "2.5", "2.5")]
    [InlineData("values.DatabaseURLValue()", "postgres://db/x", "<unknown: settings parsed from the URL in DATABASE_URL>")]
    public void Values_cast_the_variable_text_as_the_library_does(string call, string text, string expected)
    {
        var value = ValueOf(Header + $"class Prod(Configuration):\n    SETTING = {call}\n", "Prod", "SETTING", ("DJANGO_SETTING", text), ("DATABASE_URL", text));

        Assert.StartsWith(expected, value);
    }

    [Theory]
    [InlineData("values.ListValue(('a',))", "['a']")]
    [InlineData("values.ListValue()", "[]")]
    [InlineData("values.DictValue()", "{}")]
    [InlineData("values.DatabaseURLValue()", "{}")]
    [InlineData("values.BooleanValue()", "<unknown: BooleanValue default None is not a boolean")]
    [InlineData("values.SecretValue('x')", "<unknown: SecretValue with a default")]
    public void Defaults_are_converted_as_the_library_does(string call, string expected) =>
        Assert.StartsWith(expected, ValueOf(Header + $"class Prod(Configuration):\n    SETTING = {call}\n", "Prod", "SETTING"));

    [Fact]
    public void Methods_and_properties_are_unknown_settings()
    {
        var source = Header + "class Prod(Configuration):\n    @property\n    def DATABASES(self):\n        return {}\n";

        Assert.Equal("<unknown: computed by method DATABASES() of configuration class Prod>", ValueOf(source, "Prod", "DATABASES"));
    }

    [Fact]
    public void Module_level_settings_remain_and_the_class_overrides_them()
    {
        var source = Header + "import configurations\nDEBUG = True\nTIME_ZONE = 'UTC'\nclass Prod(configurations.Configuration):\n    DEBUG = False\n";
        var result = Configured(source, "Prod");

        Assert.Equal(("False", "'UTC'"), (result.Value("DEBUG")!.ToString(), result.Value("TIME_ZONE")!.ToString()));
    }
}
