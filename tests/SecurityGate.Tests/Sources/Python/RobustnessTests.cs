using System.Text;
using SecurityGate.Sources.Discovery;
using SecurityGate.Sources.Python;

namespace SecurityGate.Tests.Sources.Python;

/// <summary>Bad input must become data (error tokens, unparsed statements, unknown values), never an exception.</summary>
public class RobustnessTests
{
    private static readonly string[] Fragments =
    [
        "if", "elif", "else", "try", "except", "finally", "for", "in", "while", "with", "as", "def", "async", "await",
        "class", "lambda", "return", "yield", "import", "from", "match", "case", "not", "and", "or", "is", "del", "global",
        "pass", "raise", "None", "True", "False", "DEBUG", "os", "environ", "get", "env", "config", "x", "_", "é",
        "0", "1_000", "0x1F", "1e5", "3.14j", ".5", "0b2", "9" + new string('9', 30),
        "=", "==", ":=", "+=", "**=", "//=", "->", "@", ".", ",", ":", ";", "*", "**", "-", "~", "%", "|", "&", "^", "<<",
        "(", ")", "[", "]", "{", "}", "...",
        "'", "\"", "'''", "\"\"\"", "f'", "f\"", "rb'", "{x}", "{{", "}}", "'abc'", "\"de\"", "f'{a!r:>{w}}'", "b'\\x00'",
        "\\", "\\\n", "#", "# security-gate: ignore[X]", "\n", "\r\n", "\r", "\n    ", "\n\t", "\n  ", " ", "\t", "\f",
        "\0", "\uFEFF", "$", "?", "!", "`", "\u00a0", "\U0001F600",
    ];

    private static string RandomStream(Random random)
    {
        var builder = new StringBuilder();
        int count = random.Next(1, 60);
        for (int i = 0; i < count; i++)
        {
            builder.Append(Fragments[random.Next(Fragments.Length)]);
            if (random.Next(3) == 0) builder.Append(' ');
        }

        return builder.ToString();
    }

    private static void AssertEvaluates(IRepositoryFiles files, string path, IReadOnlyDictionary<string, string> environment, string input)
    {
        PythonModuleEvaluation result;
        try
        {
            result = PythonEvaluator.EvaluateFile(files, path, environment);
        }
        catch (Exception ex)
        {
            throw new Xunit.Sdk.XunitException($"evaluation threw {ex.GetType().Name}: {ex.Message}\ninput:\n{input}\n{ex.StackTrace}");
        }

        // Internal errors are caught per statement and turned into notes; none should happen.
        var internalError = result.Notes.FirstOrDefault(n => n.Message.StartsWith("statement could not be evaluated", StringComparison.Ordinal));
        Assert.True(internalError is null, $"{internalError}\ninput:\n{input}");
    }

    [Fact]
    public void Thousands_of_random_token_streams_never_throw()
    {
        var random = new Random(20240611);
        var environment = new Dictionary<string, string> { ["DEBUG"] = "true", ["x"] = "1,2" };
        for (int i = 0; i < 3000; i++)
        {
            string source = RandomStream(random);
            var tokens = PythonTokenizer.Tokenize(source);
            Assert.Equal(PythonTokenKind.EndOfFile, tokens[^1].Kind);
            PythonParser.Parse(source, "fuzz.py");
            AssertEvaluates(new InMemoryRepositoryFiles().Add("fuzz.py", source), "fuzz.py", environment, source);
        }
    }

    [Fact]
    public void Randomly_mutated_real_settings_files_never_throw()
    {
        var random = new Random(424242);
        var originals = new (string Fixture, string Path)[]
        {
            ("split_settings", "src/mysite/settings/base.py"),
            ("split_settings", "src/mysite/settings/production.py"),
            ("environ_style", "config/settings.py"),
            ("decouple_style", "shop/settings.py"),
        };
        var environment = new Dictionary<string, string> { ["DEBUG"] = "yes", ["POSTGRES_DB"] = "db", ["ALLOWED_HOSTS"] = "a,b" };

        for (int i = 0; i < 1500; i++)
        {
            var (fixture, path) = originals[i % originals.Length];
            var files = FixtureRepository.Load(fixture);
            string mutated = Mutate(FixtureRepository.Text(fixture, path), random);
            files.Add(path, mutated);
            AssertEvaluates(files, path, environment, mutated);
        }
    }

    private static string Mutate(string text, Random random)
    {
        var lines = text.Split('\n').ToList();
        int mutations = random.Next(1, 6);
        for (int m = 0; m < mutations && lines.Count > 0; m++)
        {
            int line = random.Next(lines.Count);
            switch (random.Next(7))
            {
                case 0: // delete a span of characters
                    var current = lines[line];
                    if (current.Length > 0)
                    {
                        int start = random.Next(current.Length);
                        lines[line] = current.Remove(start, random.Next(1, current.Length - start + 1));
                    }

                    break;
                case 1: // insert a fragment
                    int at = random.Next(lines[line].Length + 1);
                    lines[line] = lines[line].Insert(at, Fragments[random.Next(Fragments.Length)]);
                    break;
                case 2:
                    lines.Insert(line, lines[random.Next(lines.Count)]);
                    break;
                case 3:
                    lines.RemoveAt(line);
                    break;
                case 4:
                    (lines[line], lines[^1]) = (lines[^1], lines[line]);
                    break;
                case 5:
                    lines[line] = new string(' ', random.Next(1, 9)) + lines[line];
                    break;
                default: // truncate the file
                    lines = lines.Take(line + 1).ToList();
                    break;
            }
        }

        return string.Join(random.Next(4) == 0 ? "\r\n" : "\n", lines);
    }

    [Fact]
    public void Settings_with_bom_crlf_and_tabs_evaluate_like_plain_ones()
    {
        const string source = "\uFEFFimport os\r\nif os.environ.get('X', 'on') == 'on':\r\n\tDEBUG = True\r\nelse:\r\n\tDEBUG = False\r\nNAME = ('a'\r\n        'b')\r\n";
        var result = PythonEvaluatorTests.Evaluate(source);

        Assert.Equal("True", result.Value("DEBUG")!.ToString());
        Assert.Equal(3, result.Binding("DEBUG")!.Location.Line);
        Assert.Equal("'ab'", result.Value("NAME")!.ToString());
        Assert.Empty(result.Notes);
    }

    [Fact]
    public void Pathological_inputs_do_not_overflow_the_stack()
    {
        string[] sources =
        [
            "X = " + string.Concat(Enumerable.Repeat("[", 20000)),
            "X = " + string.Concat(Enumerable.Repeat("not ", 20000)) + "1",
            "X = " + string.Concat(Enumerable.Repeat("f'{", 200)),
            string.Concat(Enumerable.Range(0, 300).Select(i => new string(' ', i) + "if x:\n")) + new string(' ', 300) + "pass\n",
            "X = 1" + string.Concat(Enumerable.Repeat(" + 1", 20000)) + "\n",
            "X = a" + string.Concat(Enumerable.Repeat(".b", 20000)) + "\n",
            "X = f()" + string.Concat(Enumerable.Repeat("()", 20000)) + "\n",
        ];
        foreach (var source in sources)
            AssertEvaluates(new InMemoryRepositoryFiles().Add("deep.py", source), "deep.py", new Dictionary<string, string>(), source[..Math.Min(80, source.Length)]);
    }
}
