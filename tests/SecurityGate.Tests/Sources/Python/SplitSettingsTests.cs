using SecurityGate.Findings;
using SecurityGate.Sources.Discovery;
using SecurityGate.Sources.Python;

namespace SecurityGate.Tests.Sources.Python;

public class SplitSettingsTests
{
    private const string Base = "src/mysite/settings/base.py";
    private const string Production = "src/mysite/settings/production.py";
    private const string Security = "src/mysite/settings/components/security.py";

    private static PythonModuleEvaluation EvaluateProduction(params (string, string)[] environment) =>
        PythonEvaluator.EvaluateFile(FixtureRepository.Load("split_settings"), Production, environment.ToDictionary(e => e.Item1, e => e.Item2));

    [Fact]
    public void Production_overrides_names_from_the_star_imported_base()
    {
        var result = EvaluateProduction();

        Assert.Equal("mysite.settings.production", result.ModuleName);
        var debug = result.Binding("DEBUG")!;
        Assert.Equal(("False", Production, 5), (debug.Value.ToString(), debug.Path, debug.Location.Line));
    }

    [Fact]
    public void Names_that_came_through_a_star_import_point_at_the_file_that_set_them()
    {
        var result = EvaluateProduction();

        var secret = result.Binding("SECRET_KEY")!;
        Assert.Equal(new SourceLocation(Base, 12, 1, 12, 81), secret.Location);
        Assert.Equal("'django-insecure-dev-only-key'", secret.Value.ToString());
        Assert.Equal(("DJANGO_SECRET_KEY", false, "\"django-insecure-dev-only-key\""),
            (secret.Value.Origin!.Variable, secret.Value.Origin.FromEnvironment, secret.Value.Origin.DefaultText));

        var hsts = result.Binding("SECURE_HSTS_SECONDS")!;
        Assert.Equal(("31536000", Security, 7), (hsts.Value.ToString(), hsts.Path, hsts.Location.Line));
        Assert.Equal(("True", Security), (result.Value("SESSION_COOKIE_SECURE")!.ToString(), result.Binding("SESSION_COOKIE_SECURE")!.Path));
    }

    [Fact]
    public void Star_import_respects_a_known_all_list()
    {
        var result = EvaluateProduction();

        Assert.Null(result.Binding("NOT_EXPORTED"));
        Assert.Null(result.Binding("_PRIVATE"));
        // base.py has no __all__: its imported helpers and modules come along, as in Python.
        Assert.Equal("<function env_bool>", result.Value("env_bool")!.ToString());
    }

    [Fact]
    public void Mutations_in_production_keep_the_base_definition_and_list_where_they_happened()
    {
        var result = EvaluateProduction();

        var middleware = result.Binding("MIDDLEWARE")!;
        Assert.Equal(Base, middleware.Path);
        Assert.Equal(28, middleware.Location.Line);
        Assert.Equal(new[] { (Production, 9), (Production, 10) }, middleware.Mutations.Select(m => (m.Path, m.Line)));
        var items = ((PythonList)middleware.Value).Items.Select(i => ((PythonString)i).Value).ToList();
        Assert.Equal("whitenoise.middleware.WhiteNoiseMiddleware", items[1]);
        Assert.Equal("mysite.middleware.AuditMiddleware", items[^1]);
        Assert.Equal(9, items.Count);
    }

    [Fact]
    public void Subscript_assignment_on_an_imported_dict_replaces_the_entry()
    {
        var unset = EvaluateProduction();
        var database = (PythonDict)((PythonDict)unset.Value("DATABASES")!).Get("default")!;
        Assert.Equal("'django.db.backends.postgresql'", database.Get("ENGINE")!.ToString());
        var name = database.Get("NAME")!;
        Assert.Equal("<unknown: environment variable POSTGRES_DB is not set and has no default>", name.ToString());
        Assert.True(name.Origin!.NoDefault);
        Assert.Equal(new SourceLocation(Production, 14, 13, 14, 38), name.Origin.Location);
        Assert.Equal("5432", database.Get("PORT")!.ToString());
        Assert.Equal(new[] { (Production, 12) }, unset.Binding("DATABASES")!.Mutations.Select(m => (m.Path, m.Line)));

        var set = EvaluateProduction(("POSTGRES_DB", "shop"), ("POSTGRES_PORT", "6432"));
        var configured = (PythonDict)((PythonDict)set.Value("DATABASES")!).Get("default")!;
        Assert.Equal(("'shop'", "6432"), (configured.Get("NAME")!.ToString(), configured.Get("PORT")!.ToString()));
    }

    [Fact]
    public void Helpers_imported_from_another_module_are_evaluated_in_their_own_module()
    {
        var unset = EvaluateProduction();
        Assert.Equal("['example.com']", unset.Value("ALLOWED_HOSTS")!.ToString());

        var result = PythonEvaluator.EvaluateFile(FixtureRepository.Load("split_settings"), Base,
            new Dictionary<string, string> { ["DJANGO_DEBUG"] = "off", ["DJANGO_ALLOWED_HOSTS"] = " a.com , b.com ," });
        var debug = result.Value("DEBUG")!;
        Assert.Equal(("False", "DJANGO_DEBUG", true), (debug.ToString(), debug.Origin!.Variable, debug.Origin.FromEnvironment));
        Assert.Equal("['a.com', 'b.com']", result.Value("ALLOWED_HOSTS")!.ToString());
        Assert.Equal("True", PythonEvaluator.EvaluateFile(FixtureRepository.Load("split_settings"), Base, new Dictionary<string, string>()).Value("DEBUG")!.ToString());
    }

    [Fact]
    public void Known_false_condition_and_missing_local_settings_are_handled()
    {
        var result = EvaluateProduction();

        Assert.Equal("False", result.Value("SENTRY_ENABLED")!.ToString());
        Assert.Equal("True", EvaluateProduction(("SENTRY_DSN", "https://x@sentry.io/1")).Value("SENTRY_ENABLED")!.ToString());
        var note = Assert.Single(result.Notes);
        Assert.Equal((PythonNoteKind.UnresolvedImport, "module 'mysite.settings.local' was not found in the repository", Production, 30),
            (note.Kind, note.Message, note.Location!.Path, note.Location.Line));
    }

    [Fact]
    public void Files_read_list_the_module_first_then_its_imports_in_order()
    {
        var result = EvaluateProduction();

        Assert.Equal(new[]
        {
            Production,
            "src/mysite/__init__.py",
            "src/mysite/settings/__init__.py",
            Base,
            "src/mysite/utils/__init__.py",
            "src/mysite/utils/env.py",
            "src/mysite/settings/components/__init__.py",
            Security,
        }, result.FilesRead);
    }

    [Fact]
    public void Module_imports_give_attribute_access_to_another_modules_names()
    {
        var result = PythonEvaluator.EvaluateFile(FixtureRepository.Load("split_settings"), "src/mysite/settings/staging.py",
            new Dictionary<string, string> { ["DJANGO_DEBUG"] = "1" });

        Assert.Equal("True", result.Value("DEBUG")!.ToString());
        Assert.Equal("['localhost', '127.0.0.1']", result.Value("HOSTS")!.ToString());
        var aliased = result.Binding("BASE_DEBUG")!;
        Assert.Equal(("BASE_DEBUG", Base, "True"), (aliased.Name, aliased.Path, aliased.Value.ToString()));
        Assert.Equal(Base, result.Binding("SECRET_KEY")!.Path);
        Assert.Equal("<module 'mysite.settings.base'>", result.Value("base")!.ToString());
    }

    [Fact]
    public void Django_environ_fixture_evaluates_with_and_without_the_environment()
    {
        var files = FixtureRepository.Load("environ_style");
        var unset = PythonEvaluator.EvaluateFile(files, "config/settings.py", new Dictionary<string, string>());

        Assert.Equal("False", unset.Value("DEBUG")!.ToString());
        Assert.True(unset.Value("SECRET_KEY")!.Origin!.NoDefault);
        Assert.Equal("['localhost']", unset.Value("ALLOWED_HOSTS")!.ToString());
        Assert.Equal("0", unset.Value("SECURE_HSTS_SECONDS")!.ToString());
        Assert.Equal("True", unset.Value("SECURE_SSL_REDIRECT")!.ToString());
        Assert.Equal("True", unset.Value("SESSION_COOKIE_SECURE")!.ToString());
        Assert.Equal("25", unset.Value("EMAIL_PORT")!.ToString());
        Assert.Equal("[]", unset.Value("ADMINS")!.ToString());
        Assert.Equal("<unknown: settings parsed from the URL in DATABASE_URL>", ((PythonDict)unset.Value("DATABASES")!).Get("default")!.ToString());
        Assert.Empty(unset.Notes);

        var production = PythonEvaluator.EvaluateFile(files, "config/settings.py", new Dictionary<string, string>
        {
            ["DEBUG"] = "True", ["SECRET_KEY"] = "k", ["ALLOWED_HOSTS"] = "shop.example,www.shop.example", ["SECURE_HSTS_SECONDS"] = "3600",
            ["ADMINS"] = "Ann:ann@example.com",
        });
        Assert.Equal("True", production.Value("DEBUG")!.ToString());
        Assert.Equal("False", production.Value("SECURE_SSL_REDIRECT")!.ToString());
        Assert.Equal("['shop.example', 'www.shop.example']", production.Value("ALLOWED_HOSTS")!.ToString());
        Assert.Equal("3600", production.Value("SECURE_HSTS_SECONDS")!.ToString());
        Assert.Equal("[('Ann', 'ann@example.com')]", production.Value("ADMINS")!.ToString());
    }

    [Fact]
    public void Decouple_fixture_evaluates_with_and_without_the_environment()
    {
        var files = FixtureRepository.Load("decouple_style");
        var unset = PythonEvaluator.EvaluateFile(files, "shop/settings.py", new Dictionary<string, string>());

        Assert.Equal("False", unset.Value("DEBUG")!.ToString());
        Assert.Equal("['127.0.0.1', 'localhost']", unset.Value("ALLOWED_HOSTS")!.ToString());
        Assert.Equal("True", unset.Value("SESSION_COOKIE_SECURE")!.ToString());
        Assert.Null(unset.Binding("INSTALLED_APPS"));
        Assert.Equal("<unknown: filesystem path from os.path.abspath()>", unset.Value("BASE_DIR")!.ToString());

        var debug = PythonEvaluator.EvaluateFile(files, "shop/settings.py", new Dictionary<string, string> { ["DEBUG"] = "yes", ["DB_PORT"] = "6000" });
        Assert.Equal("True", debug.Value("DEBUG")!.ToString());
        Assert.Equal("False", debug.Value("SESSION_COOKIE_SECURE")!.ToString());
        Assert.Equal("['debug_toolbar']", debug.Value("INSTALLED_APPS")!.ToString());
        Assert.Equal("6000", ((PythonDict)((PythonDict)debug.Value("DATABASES")!).Get("default")!).Get("PORT")!.ToString());
    }

    [Fact]
    public void Circular_imports_are_not_re_entered_and_leave_a_note()
    {
        var files = new InMemoryRepositoryFiles()
            .Add("app/__init__.py", "")
            .Add("app/a.py", "A1 = 1\nfrom app.b import *\nA2 = B + 1\n")
            .Add("app/b.py", "from app.a import *\nB = A1 + 10\n");

        var result = PythonEvaluator.EvaluateFile(files, "app/a.py", new Dictionary<string, string>());

        Assert.Equal(("1", "11", "12"), (result.Value("A1")!.ToString(), result.Value("B")!.ToString(), result.Value("A2")!.ToString()));
        var note = Assert.Single(result.Notes);
        Assert.Equal((PythonNoteKind.ImportCycle, "app/b.py", 1), (note.Kind, note.Location!.Path, note.Location.Line));
        Assert.Equal("'app.b' imports 'app.a' while 'app.a' is still being evaluated (circular import); only the names it has set so far are visible", note.Message);
    }

    [Fact]
    public void A_module_importing_itself_terminates()
    {
        var files = new InMemoryRepositoryFiles().Add("self_ref.py", "from self_ref import *\nimport self_ref\nX = 1\n");

        var result = PythonEvaluator.EvaluateFile(files, "self_ref.py", new Dictionary<string, string>());

        Assert.Equal("1", result.Value("X")!.ToString());
        Assert.Equal(2, result.Notes.Count(n => n.Kind == PythonNoteKind.ImportCycle));
    }

    [Fact]
    public void Relative_import_beyond_the_top_package_is_a_note()
    {
        var files = new InMemoryRepositoryFiles().Add("settings.py", "from ..base import *\nX = 1\n");

        var result = PythonEvaluator.EvaluateFile(files, "settings.py", new Dictionary<string, string>());

        Assert.Equal("1", result.Value("X")!.ToString());
        Assert.Equal("relative import '..base' goes beyond the top-level package of 'settings'", Assert.Single(result.Notes).Message);
    }

    [Fact]
    public void Evaluator_resolves_modules_only_through_its_resolver()
    {
        var resolver = new DictionaryResolver(new PythonModuleSource("proj.settings", "virtual/settings.py", "from .base import *\nX = Y * 2\n", false),
            new PythonModuleSource("proj.base", "virtual/base.py", "Y = 21\n", false));

        var result = new PythonEvaluator(resolver, new Dictionary<string, string>()).EvaluateModule("proj.settings");

        Assert.Equal("42", result.Value("X")!.ToString());
        Assert.Equal("virtual/base.py", result.Binding("Y")!.Path);
        Assert.Equal(new[] { "proj.settings", "proj", "proj.base" }, resolver.Requested);
    }

    private sealed class DictionaryResolver(params PythonModuleSource[] modules) : IPythonModuleResolver
    {
        public List<string> Requested { get; } = new();

        public PythonModuleSource? Resolve(string absoluteModuleName)
        {
            Requested.Add(absoluteModuleName);
            return modules.FirstOrDefault(m => m.ModuleName == absoluteModuleName);
        }
    }
}

public class ModuleImportTests
{
    [Fact]
    public void Plain_dotted_import_binds_the_top_package_and_reaches_submodule_names()
    {
        var files = new InMemoryRepositoryFiles()
            .Add("proj/__init__.py", "")
            .Add("proj/settings/__init__.py", "")
            .Add("proj/settings/base.py", "DEBUG = True\n")
            .Add("proj/settings/prod.py", "import proj.settings.base\nDEBUG = not proj.settings.base.DEBUG\nfrom os.path import *\n");

        var result = PythonEvaluator.EvaluateFile(files, "proj/settings/prod.py", new Dictionary<string, string>());

        Assert.Equal("False", result.Value("DEBUG")!.ToString());
        Assert.Equal("<module 'proj'>", result.Value("proj")!.ToString());
        Assert.Empty(result.Notes);
    }

    [Fact]
    public void Importing_a_name_the_module_does_not_set_is_unknown_with_a_note()
    {
        var files = new InMemoryRepositoryFiles()
            .Add("app/base.py", "A = 1\n")
            .Add("app/prod.py", "from app.base import A, MISSING\n");

        var result = PythonEvaluator.EvaluateFile(files, "app/prod.py", new Dictionary<string, string>());

        Assert.Equal("<unknown: 'MISSING' imported from 'app.base', which does not set it>", result.Value("MISSING")!.ToString());
        Assert.Equal("'MISSING' is not set by module 'app.base'", Assert.Single(result.Notes).Message);
    }

    [Fact]
    public void An_evaluator_evaluates_each_module_once()
    {
        var files = new InMemoryRepositoryFiles()
            .Add("app/base.py", "ITEMS = []\nITEMS.append(1)\n")
            .Add("app/a.py", "from app.base import *\n")
            .Add("app/b.py", "from app.base import *\nfrom app.a import *\n");
        var evaluator = new PythonEvaluator(new RepositoryPythonModuleResolver(files), new Dictionary<string, string>());

        var result = evaluator.EvaluateModule("app.b");

        Assert.Equal("[1]", result.Value("ITEMS")!.ToString());
        Assert.Same(evaluator.EvaluateModule("app.base").Module, evaluator.EvaluateModule("app.base").Module);
        Assert.Equal(new[] { "app/b.py", "app/base.py", "app/a.py" }, result.FilesRead);
    }
}
