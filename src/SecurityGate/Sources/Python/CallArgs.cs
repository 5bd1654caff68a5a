using SecurityGate.Findings;

namespace SecurityGate.Sources.Python;

/// <summary>The evaluated arguments of a call, with the expressions they came from (for default texts and messages).</summary>
internal sealed class CallArgs
{
    private readonly PyExpr? _callee;
    private string? _calleeText;

    public CallArgs(string calleeText, PySpan span, ModuleContext module)
    {
        _calleeText = calleeText;
        Span = span;
        Module = module;
    }

    /// <summary>Arguments of a call written in the source; the callee's text is read only when a message needs it.</summary>
    public CallArgs(PyExpr callee, PySpan span, ModuleContext module)
    {
        _callee = callee;
        Span = span;
        Module = module;
    }

    /// <summary>The callee as written, e.g. <c>os.environ.get</c>; used in "result of call to ...()" reasons.</summary>
    public string CalleeText => _calleeText ??= _callee is null ? "" : Module.Module.TextOf(_callee.Span);

    public PySpan Span { get; }

    public ModuleContext Module { get; }

    public List<PythonValue> Positional { get; } = new();

    public List<PyExpr?> PositionalExpressions { get; } = new();

    private static readonly Dictionary<string, PythonValue> NoKeywords = new();
    private static readonly Dictionary<string, PyExpr?> NoKeywordExpressions = new();
    private Dictionary<string, PythonValue>? _keywords;
    private Dictionary<string, PyExpr?>? _keywordExpressions;

    /// <summary>Keyword arguments; most calls have none, so the dictionaries are only made when needed.</summary>
    public IReadOnlyDictionary<string, PythonValue> Keywords => _keywords ?? NoKeywords;

    public IReadOnlyDictionary<string, PyExpr?> KeywordExpressions => _keywordExpressions ?? NoKeywordExpressions;

    public void AddKeyword(string name, PythonValue value, PyExpr? expression)
    {
        (_keywords ??= new(StringComparer.Ordinal))[name] = value;
        (_keywordExpressions ??= new(StringComparer.Ordinal))[name] = expression;
    }

    /// <summary>Set when <c>*args</c> or <c>**kwargs</c> could not be expanded: the arguments are then not known.</summary>
    public PythonUnknown? Unknown { get; set; }

    public SourceLocation Location => Span.ToLocation(Module.Path);

    public static CallArgs Of(string calleeText, PySpan span, ModuleContext module, params PythonValue[] positional)
    {
        var args = new CallArgs(calleeText, span, module);
        foreach (var value in positional)
        {
            args.Positional.Add(value);
            args.PositionalExpressions.Add(null);
        }

        return args;
    }

    public bool Has(int index, string name) => index < Positional.Count || Keywords.ContainsKey(name);

    /// <summary>The argument at <paramref name="index"/> or passed as <paramref name="name"/>=, or null when absent.</summary>
    public PythonValue? Get(int index, string name) =>
        index >= 0 && index < Positional.Count ? Positional[index] : Keywords.GetValueOrDefault(name);

    /// <summary>The source text of an argument, or null when it has none (synthesised or absent).</summary>
    public string? TextOf(int index, string name) =>
        ExpressionOf(index, name) is { } expr ? Module.Module.TextOf(expr.Span) : null;

    private PyExpr? ExpressionOf(int index, string name) =>
        index >= 0 && index < Positional.Count ? PositionalExpressions[index] : KeywordExpressions.GetValueOrDefault(name);

    /// <summary>
    /// How to show a default in a message: its source text, except that a bare name holding a literal shows the
    /// literal — inside a helper, <c>os.getenv(s, default)</c> reads better as <c>'True'</c> than as <c>default</c>.
    /// </summary>
    public string? DefaultTextOf(int index, string name) =>
        ExpressionOf(index, name) is PyName && Get(index, name) is PythonString or PythonBool or PythonInt or PythonNone or PythonFloat
            ? Get(index, name)!.ToString()
            : TextOf(index, name);
}
