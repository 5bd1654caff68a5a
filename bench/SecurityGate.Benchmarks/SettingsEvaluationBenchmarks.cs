using System.Text;
using BenchmarkDotNet.Attributes;
using SecurityGate.Sources.Discovery;
using SecurityGate.Sources.Python;

namespace SecurityGate.Benchmarks;

/// <summary>Tokenize + parse + evaluate a 3,000-line settings module (target ≤ 5 ms).</summary>
[MemoryDiagnoser]
public class SettingsEvaluationBenchmarks
{
    private InMemoryRepositoryFiles _files = null!;
    private string _text = "";
    private readonly Dictionary<string, string> _environment = new() { ["DJANGO_DEBUG"] = "False" };

    [GlobalSetup]
    public void Setup()
    {
        // A realistic mix: literals, env lookups with defaults, lists mutated later, dicts, f-strings, conditionals.
        var text = new StringBuilder("import os\nfrom pathlib import Path\nBASE_DIR = Path(__file__).resolve().parent\n");
        var line = 3;
        for (var i = 0; line < 3000; i++)
        {
            text.Append($"SETTING_{i} = os.environ.get(\"SETTING_{i}\", \"value-{i}\")\n");
            text.Append($"FLAG_{i} = os.getenv(\"FLAG_{i}\", \"False\").lower() in (\"1\", \"true\")\n");
            text.Append($"LIST_{i} = [\"a{i}\", \"b{i}\", f\"c{{SETTING_{i}}}\"]\n");
            text.Append($"LIST_{i}.append(\"d{i}\")\n");
            text.Append($"DICT_{i} = {{\"name\": \"db{i}\", \"port\": {5000 + i}, \"opts\": {{\"ssl\": True}}}}\n");
            text.Append($"if FLAG_{i}:\n    MODE_{i} = \"debug\"\nelse:\n    MODE_{i} = \"prod\"\n");
            line += 9;
        }
        text.Append("DEBUG = os.environ.get(\"DJANGO_DEBUG\", \"False\") == \"True\"\n");
        _text = text.ToString();
        _files = new InMemoryRepositoryFiles().Add("mysite/settings.py", _text);
    }

    /// <summary>The first phase alone: tokens of the same module.</summary>
    [Benchmark]
    public int Tokenize3000LineSettingsModule() => PythonTokenizer.Tokenize(_text).Count;

    /// <summary>Tokenize + parse: the syntax tree of the same module.</summary>
    [Benchmark]
    public int Parse3000LineSettingsModule() => PythonParser.Parse(_text, "mysite/settings.py").Body.Count;

    [Benchmark]
    public int Evaluate3000LineSettingsModule() =>
        PythonEvaluator.EvaluateFile(_files, "mysite/settings.py", _environment).Bindings.Count;
}
