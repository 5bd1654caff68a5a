using SecurityGate.Findings;
using SecurityGate.Sources.Python;

namespace SecurityGate.Tests.Sources.Python;

public class EnvironmentLookupTests
{
    private const string Path = "mysite/settings.py";

    private static PythonValue Value(string source, string name, params (string, string)[] environment) =>
        PythonEvaluatorTests.Evaluate(source, environment).Value(name)!;

    [Fact]
    public void Os_environ_get_uses_the_default_when_the_variable_is_unset_and_records_the_origin()
    {
        var debug = Value("import os\nDEBUG = os.environ.get(\"DJANGO_DEBUG\", \"True\")\n", "DEBUG");

        Assert.Equal("'True'", debug.ToString());
        Assert.Equal(
            new EnvironmentOrigin("DJANGO_DEBUG", EnvironmentLookupKind.OsEnvironGet, FromEnvironment: false, HasDefault: true,
                "\"True\"", new PythonString("True"), new SourceLocation(Path, 2, 9, 2, 47)),
            debug.Origin);
    }

    [Fact]
    public void Os_environ_get_reads_the_supplied_environment_when_the_variable_is_set()
    {
        var debug = Value("import os\nDEBUG = os.environ.get('DJANGO_DEBUG', 'True')\n", "DEBUG", ("DJANGO_DEBUG", "False"));

        Assert.Equal("'False'", debug.ToString());
        Assert.True(debug.Origin!.FromEnvironment);
        Assert.Equal("'True'", debug.Origin.DefaultText);
    }

    [Fact]
    public void Os_environ_subscript_without_the_variable_is_unknown_with_no_default()
    {
        var key = Value("import os\nSECRET_KEY = os.environ['SECRET_KEY']\n", "SECRET_KEY");

        Assert.Equal("<unknown: environment variable SECRET_KEY is not set and has no default>", key.ToString());
        Assert.Equal(("SECRET_KEY", EnvironmentLookupKind.OsEnvironSubscript, true), (key.Origin!.Variable, key.Origin.Kind, key.Origin.NoDefault));
        Assert.Equal("'s3cret'", Value("import os\nSECRET_KEY = os.environ['SECRET_KEY']\n", "SECRET_KEY", ("SECRET_KEY", "s3cret")).ToString());
    }

    [Fact]
    public void Getenv_without_a_default_gives_none_like_python()
    {
        var value = Value("import os\nX = os.getenv('MISSING')\n", "X");

        Assert.Equal("None", value.ToString());
        Assert.Equal((EnvironmentLookupKind.OsGetenv, false, true, null), (value.Origin!.Kind, value.Origin.FromEnvironment, value.Origin.HasDefault, value.Origin.DefaultText));
    }

    [Theory]
    [InlineData("from os import environ\nX = environ.get('V', 'd')\n", EnvironmentLookupKind.OsEnvironGet)]
    [InlineData("from os import getenv\nX = getenv('V', 'd')\n", EnvironmentLookupKind.OsGetenv)]
    [InlineData("import os as o\nX = o.environ.get('V', 'd')\n", EnvironmentLookupKind.OsEnvironGet)]
    [InlineData("from os import environ as e\nX = e['V']\n", EnvironmentLookupKind.OsEnvironSubscript)]
    [InlineData("import os\nX = os.environ.setdefault('V', 'd')\n", EnvironmentLookupKind.OsEnvironGet)]
    public void Every_spelling_of_an_os_lookup_is_recognised(string source, EnvironmentLookupKind kind)
    {
        var set = Value(source, "X", ("V", "from-env"));
        Assert.Equal(("'from-env'", "V", kind), (set.ToString(), set.Origin!.Variable, set.Origin.Kind));
    }

    [Theory]
    [InlineData("DEBUG = os.environ.get('DEBUG', 'False') == 'True'", null, "False")]
    [InlineData("DEBUG = os.environ.get('DEBUG', 'False') == 'True'", "True", "True")]
    [InlineData("DEBUG = os.environ.get('DEBUG', '0').lower() in ('1', 'true', 'yes')", "YES", "True")]
    [InlineData("DEBUG = bool(int(os.environ.get('DEBUG', '0')))", "1", "True")]
    [InlineData("DEBUG = bool(os.environ.get('DEBUG'))", null, "False")]
    [InlineData("DEBUG = not os.environ.get('PRODUCTION')", null, "True")]
    [InlineData("DEBUG = os.environ.get('DEBUG') or 'fallback'", null, "'fallback'")]
    [InlineData("DEBUG = os.environ.get('DEBUG', '').strip().split(',')", " a,b ", "['a', 'b']")]
    [InlineData("DEBUG = int(os.environ.get('DEBUG', 'x'))", null, "<unknown: invalid literal for int(): 'x'>")]
    [InlineData("DEBUG = 'http://' + os.environ.get('HOST', 'localhost') + ':%s' % os.environ.get('PORT', 80)", null, "'http://localhost:80'")]
    [InlineData("DEBUG = f\"{os.environ.get('HOST', 'h')}/{os.environ.get('PATH_', 'p')}\"", null, "'h/p'")]
    [InlineData("DEBUG = '{}:{}'.format(os.getenv('A', 'a'), os.getenv('B', 'b'))", null, "'a:b'")]
    public void Common_expressions_over_lookups_evaluate_and_keep_the_origin(string line, string? environmentValue, string expected)
    {
        var environment = environmentValue is null ? [] : new[] { ("DEBUG", environmentValue) };
        var value = Value("import os\n" + line + "\n", "DEBUG", environment);

        Assert.Equal(expected, value.ToString());
        Assert.NotNull(value.Origin);
    }

    [Fact]
    public void Django_environ_scheme_supplies_cast_and_default()
    {
        const string source =
            "import environ\nenv = environ.Env(DEBUG=(bool, False), ALLOWED_HOSTS=(list, []), WORKERS=(int, 2))\n" +
            "environ.Env.read_env()\n" +
            "DEBUG = env('DEBUG')\nALLOWED_HOSTS = env('ALLOWED_HOSTS')\nWORKERS = env('WORKERS')\n";

        var unset = PythonEvaluatorTests.Evaluate(source);
        Assert.Equal(("False", "[]", "2"), (unset.Value("DEBUG")!.ToString(), unset.Value("ALLOWED_HOSTS")!.ToString(), unset.Value("WORKERS")!.ToString()));
        var origin = unset.Value("DEBUG")!.Origin!;
        Assert.Equal(("DEBUG", EnvironmentLookupKind.DjangoEnviron, false, "False"), (origin.Variable, origin.Kind, origin.FromEnvironment, origin.DefaultText));

        var set = PythonEvaluatorTests.Evaluate(source, ("DEBUG", "on"), ("ALLOWED_HOSTS", "a.com,,b.com"), ("WORKERS", "8"));
        Assert.Equal(("True", "['a.com', 'b.com']", "8"), (set.Value("DEBUG")!.ToString(), set.Value("ALLOWED_HOSTS")!.ToString(), set.Value("WORKERS")!.ToString()));
    }

    [Theory]
    [InlineData("true", "True")]
    [InlineData("ON", "True")]
    [InlineData("ok", "True")]
    [InlineData("y", "True")]
    [InlineData("Yes", "True")]
    [InlineData("1", "True")]
    [InlineData("2", "True")]
    [InlineData("0", "False")]
    [InlineData("false", "False")]
    [InlineData("nope", "False")]
    [InlineData("", "False")]
    public void Django_environ_bool_follows_its_casting_rules(string raw, string expected)
    {
        Assert.Equal(expected, Value("import environ\nenv = environ.Env()\nX = env.bool('X', default=False)\n", "X", ("X", raw)).ToString());
    }

    [Fact]
    public void Django_environ_typed_methods_cast_values_and_return_defaults_uncast()
    {
        const string source =
            "import environ\nenv = environ.Env()\n" +
            "A = env.str('A', default='x')\nB = env.int('B', default=1)\nC = env.list('C', default=['d'])\n" +
            "D = env.bool('D', default='False')\nE = env('E', cast=bool, default=False)\nF = env.list('F', cast=int)\n" +
            "G = env.float('G')\nH = env.tuple('H')\nI = env.dict('I')\nJ = env('J')\nK = env('K', default=None)\n";

        var unset = PythonEvaluatorTests.Evaluate(source);
        Assert.Equal("'x'", unset.Value("A")!.ToString());
        Assert.Equal("1", unset.Value("B")!.ToString());
        Assert.Equal("['d']", unset.Value("C")!.ToString());
        // django-environ returns a default equal to the value as is: a string default stays a (truthy) string.
        Assert.Equal("'False'", unset.Value("D")!.ToString());
        Assert.Equal("<unknown: environment variable J is not set and has no default (django-environ raises ImproperlyConfigured)>", unset.Value("J")!.ToString());
        Assert.True(unset.Value("J")!.Origin!.NoDefault);
        Assert.Equal("None", unset.Value("K")!.ToString());

        var set = PythonEvaluatorTests.Evaluate(source, ("A", "a"), ("B", "42"), ("C", "p,q"), ("E", "yes"), ("F", "1,2"),
            ("G", "1,5"), ("H", "(a,b)"), ("I", "k=v,x=y"), ("J", "$A"));
        Assert.Equal(new[] { "'a'", "42", "['p', 'q']", "True", "[1, 2]", "1.5", "('a', 'b')", "{'k': 'v', 'x': 'y'}", "'a'" },
            new[] { "A", "B", "C", "E", "F", "G", "H", "I", "J" }.Select(n => set.Value(n)!.ToString()));
        Assert.True(set.Value("A")!.Origin!.FromEnvironment);
    }

    [Fact]
    public void Django_environ_database_url_keeps_its_origin()
    {
        var result = PythonEvaluatorTests.Evaluate("import environ\nenv = environ.Env()\nDATABASES = {'default': env.db()}\n", ("DATABASE_URL", "postgres://u:p@h/db"));

        var database = ((PythonDict)result.Value("DATABASES")!).Get("default")!;
        Assert.Equal("<unknown: settings parsed from the URL in DATABASE_URL>", database.ToString());
        Assert.Equal(("DATABASE_URL", true), (database.Origin!.Variable, database.Origin.FromEnvironment));
    }

    [Theory]
    [InlineData("y", "True")]
    [InlineData("YES", "True")]
    [InlineData("t", "True")]
    [InlineData("True", "True")]
    [InlineData("on", "True")]
    [InlineData("1", "True")]
    [InlineData("n", "False")]
    [InlineData("No", "False")]
    [InlineData("f", "False")]
    [InlineData("false", "False")]
    [InlineData("OFF", "False")]
    [InlineData("0", "False")]
    [InlineData("", "False")]
    [InlineData("maybe", "<unknown: 'maybe' is not a valid boolean for decouple's cast=bool (it raises ValueError)>")]
    public void Decouple_bool_cast_follows_its_rules(string raw, string expected)
    {
        Assert.Equal(expected, Value("from decouple import config\nDEBUG = config('DEBUG', default=False, cast=bool)\n", "DEBUG", ("DEBUG", raw)).ToString());
    }

    [Fact]
    public void Decouple_casts_defaults_too_and_supports_csv_int_and_auto_config()
    {
        const string source =
            "from decouple import config, Csv, AutoConfig\nimport decouple\n" +
            "DEBUG = config('DEBUG', default='True', cast=bool)\nHOSTS = config('HOSTS', default='a.com, b.com,', cast=Csv())\n" +
            "PORT = config('PORT', default=5432, cast=int)\nNAMES = config('NAMES', cast=Csv(post_process=tuple))\n" +
            "cfg = AutoConfig(search_path='.')\nKEY = cfg('KEY')\nOTHER = decouple.config('OTHER', 'x')\n" +
            "LAMBDA = config('LAMBDA', default='a|b', cast=lambda v: [s.upper() for s in v.split('|')])\n";

        var unset = PythonEvaluatorTests.Evaluate(source);
        Assert.Equal("True", unset.Value("DEBUG")!.ToString());
        Assert.Equal(("DEBUG", EnvironmentLookupKind.Decouple, "'True'"), (unset.Value("DEBUG")!.Origin!.Variable, unset.Value("DEBUG")!.Origin!.Kind, unset.Value("DEBUG")!.Origin!.DefaultText));
        Assert.Equal("['a.com', 'b.com']", unset.Value("HOSTS")!.ToString());
        Assert.Equal("5432", unset.Value("PORT")!.ToString());
        Assert.Equal("<unknown: environment variable NAMES is not set and has no default (decouple raises UndefinedValueError)>", unset.Value("NAMES")!.ToString());
        Assert.Equal("<unknown: environment variable KEY is not set and has no default (decouple raises UndefinedValueError)>", unset.Value("KEY")!.ToString());
        Assert.Equal("'x'", unset.Value("OTHER")!.ToString());
        Assert.Equal("['A', 'B']", unset.Value("LAMBDA")!.ToString());

        var set = PythonEvaluatorTests.Evaluate(source, ("PORT", "6543"), ("NAMES", "x;y"), ("KEY", "k"));
        Assert.Equal(("6543", "('x;y',)", "'k'"), (set.Value("PORT")!.ToString(), set.Value("NAMES")!.ToString(), set.Value("KEY")!.ToString()));
    }

    [Theory]
    [InlineData("yes", "1")]
    [InlineData("T", "1")]
    [InlineData("off", "0")]
    [InlineData("bogus", "<unknown: invalid truth value 'bogus'>")]
    public void Strtobool_returns_one_or_zero_and_rejects_other_spellings(string raw, string expected)
    {
        Assert.Equal(expected, Value("import os\nfrom distutils.util import strtobool\nDEBUG = strtobool(os.getenv('DEBUG', 'no'))\n", "DEBUG", ("DEBUG", raw)).ToString());
    }

    [Fact]
    public void Str2bool_returns_none_for_unrecognised_values()
    {
        const string source = "import os\nfrom str2bool import str2bool\nA = str2bool(os.getenv('A', 'y'))\nB = str2bool(os.getenv('B', 'what'))\n";

        var result = PythonEvaluatorTests.Evaluate(source);
        Assert.Equal(("True", "None"), (result.Value("A")!.ToString(), result.Value("B")!.ToString()));
    }

    [Fact]
    public void The_process_environment_is_never_read()
    {
        string? path = Environment.GetEnvironmentVariable("PATH");
        Assert.NotNull(path);

        Assert.Equal("'none'", Value("import os\nX = os.environ.get('PATH', 'none')\n", "X").ToString());
    }

    [Fact]
    public void Dj_database_url_config_keeps_the_origin_of_its_variable()
    {
        const string source = "import dj_database_url\nDATABASES = {'default': dj_database_url.config(default='sqlite:///db.sqlite3', conn_max_age=600)}\n";

        var set = ((PythonDict)PythonEvaluatorTests.Evaluate(source, ("DATABASE_URL", "postgres://h/db")).Value("DATABASES")!).Get("default")!;
        Assert.Equal("<unknown: settings parsed from the URL in DATABASE_URL>", set.ToString());
        Assert.Equal(("DATABASE_URL", true), (set.Origin!.Variable, set.Origin.FromEnvironment));

        var unset = ((PythonDict)PythonEvaluatorTests.Evaluate(source).Value("DATABASES")!).Get("default")!;
        Assert.Equal(("DATABASE_URL", false, "'sqlite:///db.sqlite3'"), (unset.Origin!.Variable, unset.Origin.FromEnvironment, unset.Origin.DefaultText));
    }
}
