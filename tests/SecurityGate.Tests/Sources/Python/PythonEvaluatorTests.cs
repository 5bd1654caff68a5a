using SecurityGate.Findings;
using SecurityGate.Sources.Discovery;
using SecurityGate.Sources.Python;

namespace SecurityGate.Tests.Sources.Python;

public class PythonEvaluatorTests
{
    private const string Path = "mysite/settings.py";

    internal static PythonModuleEvaluation Evaluate(string source, params (string Name, string Value)[] environment)
    {
        var files = new InMemoryRepositoryFiles().Add(Path, source);
        return PythonEvaluator.EvaluateFile(files, Path, environment.ToDictionary(e => e.Name, e => e.Value));
    }

    private static string ValueOf(string source, string name = "X") => Evaluate(source).Value(name)!.ToString();

    [Theory]
    [InlineData("X = 'a' 'b'", "'ab'")]
    [InlineData("X = 1 + 2 * 3 - 4 // 3", "6")]
    [InlineData("X = 7 / 2", "3.5")]
    [InlineData("X = -7 // 2, -7 % 3, 2 ** 100", "(-4, 2, 1267650600228229401496703205376)")]
    [InlineData("X = 1.5 * 2", "3.0")]
    [InlineData("X = None", "None")]
    [InlineData("X = [1, 'a', (2,), {'k': [True]}, {3}]", "[1, 'a', (2,), {'k': [True]}, {3}]")]
    [InlineData("X = 'a' + 'b', [1] + [2], (1,) + (2,)", "('ab', [1, 2], (1, 2))")]
    [InlineData("X = 'ab' * 2, [0] * 3", "('abab', [0, 0, 0])")]
    [InlineData("X = not 0, not 'x', 1 and 2, 0 and 2, 0 or '', '' or 'd'", "(True, False, 2, 0, '', 'd')")]
    [InlineData("X = 1 < 2 < 3, 1 < 3 < 2, 'a' in 'cat', 2 not in [1, 2], None is None, 1 is not None", "(True, False, True, False, True, True)")]
    [InlineData("X = 'yes' if 0 else 'no'", "'no'")]
    [InlineData("X = {**{'a': 1}, 'b': 2, 'a': 3}", "{'a': 3, 'b': 2}")]
    [InlineData("X = [*[1, 2], *(3,)]", "[1, 2, 3]")]
    [InlineData("X = [x * 2 for x in range(4) if x % 2]", "[2, 6]")]
    [InlineData("X = {k: v for k, v in [('a', 1), ('b', 2)]}", "{'a': 1, 'b': 2}")]
    [InlineData("X = ','.join(s.strip() for s in ' a, b ,c '.split(','))", "'a,b,c'")]
    [InlineData("X = 'Hello %s, %d%%' % ('you', 5)", "'Hello you, 5%'")]
    [InlineData("X = '%(name)s!' % {'name': 'x'}", "'x!'")]
    [InlineData("X = '{}-{0}-{name}'.format('a', name='b')", "'a-a-b'")]
    [InlineData("N = 3\nX = f'{N}-{N!r}-{\"s\"!r}-{N + 1}-{{x}}'", "\"3-3-'s'-4-{x}\"")]
    [InlineData("X = f'{1.5:.2f}'", "'1.50'")]
    [InlineData("X = len([1, 2]), len('abc'), len({'a': 1})", "(2, 3, 1)")]
    [InlineData("X = list('ab'), tuple([1]), sorted([3, 1, 2]), set([1, 1])", "(['a', 'b'], (1,), [1, 2, 3], {1})")]
    [InlineData("X = int('  42 '), int(3.9), float('1.5'), str(10), bool(''), bool('0')", "(42, 3, 1.5, '10', False, True)")]
    [InlineData("X = [1, 2, 3][-1], 'abc'[1], {'a': 1}['a'], [1, 2, 3][1:], 'abcdef'[::2]", "(3, 'b', 1, [2, 3], 'ace')")]
    [InlineData("X = ' A,b '.strip().lower().split(',')", "['a', 'b']")]
    [InlineData("X = 'a b  c'.split(), 'a,b,c'.split(',', 1), 'a,b,c'.rsplit(',', 1)", "(['a', 'b', 'c'], ['a', 'b,c'], ['a,b', 'c'])")]
    [InlineData("X = 'x'.upper(), 'ab'.startswith(('a', 'z')), 'ab'.endswith('z'), 'a-b'.replace('-', '_')", "('X', True, False, 'a_b')")]
    [InlineData("X = {'a': 1}.get('b', 2), {'a': 1}.get('a'), {'a': 1}.get('z')", "(2, 1, None)")]
    [InlineData("X = (lambda a, b=2: a * b)(3)", "6")]
    [InlineData("X = min(3, 1), max([1, 5]), abs(-2), any([0, 1]), all([])", "(1, 5, 2, True, True)")]
    [InlineData("X = 1 | 2, 6 & 3, 1 << 4, {1} | {2}, {'a': 1} | {'b': 2}", "(3, 2, 16, {1, 2}, {'a': 1, 'b': 2})")]
    [InlineData("X = 'it\\'s'", "\"it's\"")]
    public void Expressions_evaluate_to_python_values(string source, string expected)
    {
        Assert.Equal(expected, ValueOf(source));
    }

    [Fact]
    public void Binding_records_the_statement_location_in_the_file()
    {
        var result = Evaluate("import os\n\nDEBUG = False\nSECRET_KEY = (\n    'abc'\n)\n");

        var binding = result.Binding("SECRET_KEY")!;
        Assert.Equal(new SourceLocation(Path, 4, 1, 6, 2), binding.Location);
        Assert.Equal(Path, binding.Path);
        Assert.Equal(new SourceLocation(Path, 3, 1, 3, 14), result.Binding("DEBUG")!.Location);
        Assert.Equal([Path], result.FilesRead);
    }

    [Fact]
    public void Tuple_unpacking_chained_and_annotated_assignments_bind_each_name()
    {
        var result = Evaluate("A, (B, *C), D = 1, [2, 3, 4], 5\nE = F = 'x'\nG: int = 7\nH: str\n[I, J] = 'ij'\n");

        Assert.Equal(new[] { "1", "2", "[3, 4]", "5", "'x'", "'x'", "7", "'i'", "'j'" },
            new[] { "A", "B", "C", "D", "E", "F", "G", "I", "J" }.Select(n => result.Value(n)!.ToString()));
        Assert.Null(result.Binding("H"));
    }

    [Fact]
    public void Unpacking_an_unknown_value_makes_every_target_unknown_with_its_reason()
    {
        var result = Evaluate("A, B = get_pair()\n");

        Assert.Equal("<unknown: result of call to get_pair()>", result.Value("A")!.ToString());
        Assert.Equal("<unknown: result of call to get_pair()>", Evaluate("from somewhere_unknown import get_pair\nA, B = get_pair()\n").Value("B")!.ToString());
    }

    [Fact]
    public void Mutating_calls_change_the_value_and_keep_the_defining_location_with_mutations()
    {
        var result = Evaluate(
            "MIDDLEWARE = ['a', 'b']\n" +
            "MIDDLEWARE.append('c')\n" +
            "MIDDLEWARE.insert(0, 'first')\n" +
            "MIDDLEWARE.extend(('d', 'e'))\n" +
            "MIDDLEWARE.remove('b')\n" +
            "MIDDLEWARE += ['f']\n" +
            "APPS = {'x'}\nAPPS.add('y')\nAPPS.discard('x')\n" +
            "OPTS = {'a': 1}\nOPTS.update({'b': 2}, c=3)\nOPTS.setdefault('a', 9)\nOPTS.setdefault('d', 4)\nOPTS.pop('c')\n");

        var middleware = result.Binding("MIDDLEWARE")!;
        Assert.Equal("['first', 'a', 'c', 'd', 'e', 'f']", middleware.Value.ToString());
        Assert.Equal(1, middleware.Location.Line);
        Assert.Equal(new[] { 2, 3, 4, 5, 6 }, middleware.Mutations.Select(m => m.Line));
        Assert.Equal("{'y'}", result.Value("APPS")!.ToString());
        Assert.Equal("{'a': 1, 'b': 2, 'd': 4}", result.Value("OPTS")!.ToString());
    }

    [Fact]
    public void Subscript_assignment_and_del_update_nested_values()
    {
        var result = Evaluate(
            "DATABASES = {'default': {'ENGINE': 'sqlite', 'OPTIONS': {}}}\n" +
            "DATABASES['default']['ENGINE'] = 'postgres'\n" +
            "DATABASES['default']['OPTIONS']['sslmode'] = 'require'\n" +
            "TEMPLATES = [{'OPTIONS': {'context_processors': ['a']}}]\n" +
            "TEMPLATES[0]['OPTIONS']['context_processors'].append('b')\n" +
            "L = [1, 2, 3]\nL[-1] = 9\ndel L[0]\n" +
            "D = {'a': 1, 'b': 2}\ndel D['a']\n" +
            "GONE = 1\ndel GONE\n");

        var databases = result.Binding("DATABASES")!;
        Assert.Equal("{'default': {'ENGINE': 'postgres', 'OPTIONS': {'sslmode': 'require'}}}", databases.Value.ToString());
        Assert.Equal(new[] { 2, 3 }, databases.Mutations.Select(m => m.Line));
        Assert.Equal("[{'OPTIONS': {'context_processors': ['a', 'b']}}]", result.Value("TEMPLATES")!.ToString());
        Assert.Equal("[2, 9]", result.Value("L")!.ToString());
        Assert.Equal("{'b': 2}", result.Value("D")!.ToString());
        Assert.Null(result.Binding("GONE"));
    }

    [Fact]
    public void Known_condition_runs_only_the_taken_branch()
    {
        var result = Evaluate("ENV = 'prod'\nif ENV == 'dev':\n    DEBUG = True\nelif ENV == 'prod':\n    DEBUG = False\nelse:\n    DEBUG = None\n");

        var debug = result.Binding("DEBUG")!;
        Assert.Equal(("False", 5), (debug.Value.ToString(), debug.Location.Line));
        Assert.DoesNotContain(result.Notes, n => n.Kind == PythonNoteKind.UnknownCondition);
    }

    [Fact]
    public void Unknown_condition_merges_both_branches_into_possible_values_with_conditions_and_locations()
    {
        var result = Evaluate(
            "import sys\nDEBUG = False\nTESTING = 'test' in sys.argv\nif TESTING:\n    DEBUG = True\n    EXTRA = 1\nelse:\n    ALLOWED_HOSTS = ['x']\nSAME = 1\n");

        var debug = Assert.IsType<PythonPossibleValues>(result.Value("DEBUG"));
        Assert.Equal(new[]
        {
            ("True", (int?)5, "TESTING"),
            ("False", (int?)2, "not (TESTING)"),
        }, debug.Options.Select(o => (o.Value.ToString(), o.Location?.Line, o.Condition)));
        Assert.Equal(new SourceLocation(Path, 4, 1, 8, 26), result.Binding("DEBUG")!.Location);

        var extra = Assert.IsType<PythonPossibleValues>(result.Value("EXTRA"));
        Assert.Equal("<one of: 1 when TESTING | <unknown: EXTRA is not set> when not (TESTING)>", extra.ToString());
        Assert.Null(extra.Options[1].Location);
        Assert.Equal("1", result.Value("SAME")!.ToString());

        var note = Assert.Single(result.Notes, n => n.Kind == PythonNoteKind.UnknownCondition);
        Assert.Equal("condition `TESTING` could not be decided (value of sys.argv); both branches were evaluated", note.Message);
        Assert.Equal(new SourceLocation(Path, 4, 4, 4, 11), note.Location);
    }

    [Fact]
    public void Elif_chain_with_unknown_conditions_combines_the_conditions()
    {
        var result = Evaluate("from x_lib import A, B\nif A:\n    LEVEL = 1\nelif B:\n    LEVEL = 2\nelse:\n    LEVEL = 3\n");

        var level = Assert.IsType<PythonPossibleValues>(result.Value("LEVEL"));
        Assert.Equal(new[] { ("1", "A"), ("2", "not (A) and B"), ("3", "not (A) and not (B)") },
            level.Options.Select(o => (o.Value.ToString(), o.Condition)));
    }

    [Fact]
    public void Operations_on_possible_values_apply_to_each_option()
    {
        var result = Evaluate("import sys\nif sys.argv:\n    HOSTS = ['a']\nelse:\n    HOSTS = []\nHOSTS += ['b']\nCOUNT = len(HOSTS)\n");

        Assert.Equal("<one of: ['a', 'b'] when sys.argv | ['b'] when not (sys.argv)>", result.Value("HOSTS")!.ToString());
        Assert.Equal("<one of: 2 when sys.argv | 1 when not (sys.argv)>", result.Value("COUNT")!.ToString());
    }

    [Fact]
    public void A_branch_that_raises_is_dropped_from_the_merge()
    {
        var result = Evaluate("from x_lib import KEY\nif not KEY:\n    raise ImproperlyConfigured('missing')\nelse:\n    SECRET_KEY = KEY\nAFTER = 1\n");

        Assert.Equal("<unknown: 'KEY' imported from unresolved module 'x_lib'>", result.Value("SECRET_KEY")!.ToString());
        Assert.Equal("1", result.Value("AFTER")!.ToString());
        Assert.Contains(result.Notes, n => n.Kind == PythonNoteKind.Raise && n.Message == "when `not KEY` the module raises ImproperlyConfigured; the other branch was kept");
    }

    [Fact]
    public void Unconditional_raise_stops_the_module_with_a_note()
    {
        var result = Evaluate("A = 1\nraise RuntimeError('stop')\nB = 2\n");

        Assert.Null(result.Binding("B"));
        var note = Assert.Single(result.Notes);
        Assert.Equal((PythonNoteKind.Raise, "the module raises RuntimeError at line 2; statements after it were not evaluated"), (note.Kind, note.Message));
    }

    [Fact]
    public void Try_runs_the_import_error_handler_only_when_the_import_does_not_resolve()
    {
        var result = Evaluate(
            "try:\n    from .local_settings import *\n    LOCAL = True\nexcept ImportError:\n    LOCAL = False\n" +
            "try:\n    import json\nexcept ImportError:\n    JSON = False\nelse:\n    JSON = True\nfinally:\n    DONE = True\n");

        var local = result.Binding("LOCAL")!;
        Assert.Equal(("False", 5), (local.Value.ToString(), local.Location.Line));
        Assert.Equal(("True", "True"), (result.Value("JSON")!.ToString(), result.Value("DONE")!.ToString()));
        Assert.Contains(result.Notes, n => n.Kind == PythonNoteKind.UnresolvedImport && n.Message == "module 'mysite.local_settings' was not found in the repository");
    }

    [Fact]
    public void Try_runs_a_key_error_handler_when_a_required_variable_is_unset()
    {
        const string source = "import os\ntry:\n    SECRET_KEY = os.environ['SECRET_KEY']\nexcept KeyError:\n    SECRET_KEY = 'insecure'\n";

        Assert.Equal("'insecure'", Evaluate(source).Value("SECRET_KEY")!.ToString());
        Assert.Equal("'real'", Evaluate(source, ("SECRET_KEY", "real")).Value("SECRET_KEY")!.ToString());
    }

    [Fact]
    public void Names_set_in_loops_and_with_blocks_become_unknown_with_the_line()
    {
        var result = Evaluate(
            "APPS = ['a']\nfor app in ['b']:\n    APPS.append(app)\n    LAST = app\n" +
            "with open('key.txt') as f:\n    SECRET_KEY = f.read().strip()\n" +
            "while False:\n    W = 1\n");

        Assert.Equal("<unknown: modified in a for loop at line 2>", result.Value("APPS")!.ToString());
        Assert.Equal(1, result.Binding("APPS")!.Location.Line);
        Assert.Equal("<unknown: assigned in a for loop at line 2>", result.Value("LAST")!.ToString());
        Assert.Equal("<unknown: assigned in a for loop at line 2>", result.Value("app")!.ToString());
        Assert.Equal("<unknown: assigned in a with block at line 5>", result.Value("SECRET_KEY")!.ToString());
        Assert.Equal("<unknown: assigned in a while loop at line 7>", result.Value("W")!.ToString());
    }

    [Fact]
    public void Helper_functions_are_evaluated_with_their_arguments_and_defaults()
    {
        var result = Evaluate(
            "import os\n" +
            "def env_bool(name, default=False):\n    \"\"\"Read a flag.\"\"\"\n    return os.environ.get(name, str(default)).lower() in ('1', 'true', 'yes')\n" +
            "def env_list(name, *, sep=','):\n    return [x for x in os.environ.get(name, '').split(sep) if x]\n" +
            "def two_steps(name):\n    value = os.environ.get(name)\n    return value\n" +
            "DEBUG = env_bool('DJANGO_DEBUG', True)\nSSL = env_bool('SSL')\nHOSTS = env_list('HOSTS')\nOTHER = two_steps('X')\n",
            ("HOSTS", "a.com,b.com"), ("SSL", "Yes"));

        var debug = result.Value("DEBUG")!;
        Assert.Equal("True", debug.ToString());
        Assert.Equal(("DJANGO_DEBUG", false, "str(default)"), (debug.Origin!.Variable, debug.Origin.FromEnvironment, debug.Origin.DefaultText));
        Assert.Equal("True", result.Value("SSL")!.ToString());
        Assert.Equal("['a.com', 'b.com']", result.Value("HOSTS")!.ToString());
        Assert.Equal("None", result.Value("OTHER")!.ToString()); // X is not in the (complete) environment
    }

    [Fact]
    public void Straight_line_helpers_run_their_guards_early_returns_and_locals()
    {
        // The shape of real settings helpers (healthchecks' envbool/envint): validate, then convert.
        var result = Evaluate(
            "import os\n" +
            "def envbool(s, default):\n    v = os.getenv(s, default=default)\n" +
            "    if v not in ('', 'True', 'False'):\n        msg = f'Unexpected value {s}={v}'\n        raise ValueError(msg)\n" +
            "    return v == 'True'\n" +
            "def envint(s, default):\n    v = os.getenv(s, default)\n    if v == 'None':\n        return None\n    return int(v)\n" +
            "def nothing():\n    pass\n" +
            "def loops(n):\n    for i in range(n):\n        pass\n    return n\n" +
            "DEBUG = envbool('DEBUG', 'False')\nSECURE = envbool('SECURE', 'False')\nBROKEN = envbool('BROKEN', 'False')\n" +
            "HSTS = envint('HSTS', '0')\nNO_LIMIT = envint('LIMIT', 'None')\nNOTHING = nothing()\nLOOPED = loops(3)\n",
            ("SECURE", "True"), ("BROKEN", "yes"), ("HSTS", "31536000"));

        var debug = result.Value("DEBUG")!;
        Assert.Equal("False", debug.ToString());
        Assert.Equal(("DEBUG", "'False'"), (debug.Origin?.Variable, debug.Origin?.DefaultText)); // the value, not "default"
        Assert.Equal("True", result.Value("SECURE")!.ToString());
        Assert.Equal("<unknown: result of call to envbool(): raises an exception>", result.Value("BROKEN")!.ToString());
        Assert.Equal("31536000", result.Value("HSTS")!.ToString());
        Assert.Equal("None", result.Value("NO_LIMIT")!.ToString());
        Assert.Equal("None", result.Value("NOTHING")!.ToString());
        Assert.StartsWith("<unknown: result of call to loops(): loops() has loops", result.Value("LOOPED")!.ToString());
    }

    [Fact]
    public void An_undecidable_guard_is_taken_as_not_firing_an_undecidable_branch_is_unknown()
    {
        // No production environment given: variables without a written default cannot be known.
        var source =
            "import os\n" +
            "def checked(name):\n    v = os.environ.get(name, 'x')\n    if os.environ.get('STRICT'):\n        raise ValueError(v)\n    return v\n" +
            "def branchy(name):\n    if os.environ.get(name):\n        return 1\n    return 2\n" +
            "A = checked('A')\nB = branchy('B')\n";
        var files = new InMemoryRepositoryFiles().Add(Path, source);
        var resolver = new RepositoryPythonModuleResolver(files);
        var result = new PythonEvaluator(resolver, new Dictionary<string, string>(), environmentIsComplete: false)
            .Evaluate(resolver.ResolvePath(Path)!);

        Assert.Equal("'x'", result.Value("A")!.ToString());
        Assert.StartsWith("<unknown:", result.Value("B")!.ToString());
    }

    [Fact]
    public void Walrus_at_module_level_binds_the_name()
    {
        var result = Evaluate("if (N := 3) > 2:\n    BIG = True\n");

        Assert.Equal(("3", "True"), (result.Value("N")!.ToString(), result.Value("BIG")!.ToString()));
    }

    [Fact]
    public void Functions_and_classes_are_recorded_as_objects()
    {
        var result = Evaluate("def f():\n    return 1\nclass C:\n    X = 1\nY = f()\n");

        Assert.Equal("<function f>", result.Value("f")!.ToString());
        Assert.Equal("<class C>", result.Value("C")!.ToString());
        Assert.Equal("1", result.Value("Y")!.ToString());
        Assert.Null(result.Binding("X"));
    }

    [Fact]
    public void Paths_built_from_file_may_be_unknown_without_breaking_later_settings()
    {
        var result = Evaluate(
            "import os\nfrom pathlib import Path\nBASE_DIR = Path(__file__).resolve().parent.parent\n" +
            "STATIC_ROOT = BASE_DIR / 'static'\nOLD = os.path.join(os.path.dirname(__file__), 'x')\nJOINED = os.path.join('a', 'b')\nDEBUG = False\n");

        Assert.Equal("<unknown: filesystem path from Path()>", result.Value("BASE_DIR")!.ToString());
        Assert.Equal("<unknown: filesystem path from Path()>", result.Value("STATIC_ROOT")!.ToString());
        Assert.Equal("<unknown: filesystem path from os.path.dirname()>", result.Value("OLD")!.ToString());
        Assert.Equal("'a/b'", result.Value("JOINED")!.ToString());
        Assert.Equal("False", result.Value("DEBUG")!.ToString());
    }

    [Fact]
    public void Unparsed_statements_are_notes_and_evaluation_goes_on()
    {
        var result = Evaluate("A = 1\nB = = 2\nC = 3\n");

        var note = Assert.Single(result.Notes);
        Assert.Equal((PythonNoteKind.UnparsedStatement, new SourceLocation(Path, 2, 1, 2, 8)), (note.Kind, note.Location));
        Assert.Equal("3", result.Value("C")!.ToString());
    }

    [Fact]
    public void Unknown_values_carry_a_reason()
    {
        var result = Evaluate("from secrets_store import get_secret\nSECRET_KEY = get_secret('django')\nX = undefined_name\nY = 1 / 0\n");

        Assert.Equal("<unknown: result of call to get_secret()>", result.Value("SECRET_KEY")!.ToString());
        Assert.Equal("<unknown: name 'undefined_name' is not defined>", result.Value("X")!.ToString());
        Assert.Equal("<unknown: division by zero>", result.Value("Y")!.ToString());
    }

    [Fact]
    public void Oversized_results_become_unknown_instead_of_being_built()
    {
        var result = Evaluate("X = 'a' * 10 ** 9\nY = 2 ** 10 ** 9\n");

        Assert.Equal("<unknown: result too large to compute>", result.Value("X")!.ToString());
        Assert.Equal("<unknown: result too large to compute>", result.Value("Y")!.ToString());
    }

    [Fact]
    public void Conditional_expression_with_an_unknown_test_gives_both_possibilities()
    {
        var result = Evaluate("import sys\nDEBUG = True if 'runserver' in sys.argv else False\n");

        var debug = Assert.IsType<PythonPossibleValues>(result.Value("DEBUG"));
        Assert.Equal(new[] { ("True", 2, 9, "'runserver' in sys.argv"), ("False", 2, 46, "not ('runserver' in sys.argv)") },
            debug.Options.Select(o => (o.Value.ToString(), o.Location!.Line, o.Location.Column, o.Condition)));
    }

    [Fact]
    public void Django_environ_missing_variable_runs_an_improperly_configured_handler()
    {
        const string source =
            "import environ\nfrom django.core.exceptions import ImproperlyConfigured\nenv = environ.Env()\n" +
            "try:\n    SECRET_KEY = env('SECRET_KEY')\nexcept ImproperlyConfigured:\n    SECRET_KEY = 'fallback'\n";

        Assert.Equal("'fallback'", Evaluate(source).Value("SECRET_KEY")!.ToString());
        Assert.Equal("'set'", Evaluate(source, ("SECRET_KEY", "set")).Value("SECRET_KEY")!.ToString());
    }
}
