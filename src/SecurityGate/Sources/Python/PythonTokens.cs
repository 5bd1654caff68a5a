namespace SecurityGate.Sources.Python;

/// <summary>The kinds of token the tokenizer produces; they follow CPython's tokenize module.</summary>
public enum PythonTokenKind
{
    Name,
    Number,
    /// <summary>Any string literal, f-strings included; <see cref="PythonToken.String"/> holds the decoded form.</summary>
    String,
    Operator,
    /// <summary>A <c># ...</c> comment, text included (suppression comments are read from these).</summary>
    Comment,
    /// <summary>End of a logical line.</summary>
    Newline,
    /// <summary>A line break that does not end a logical line (blank line, comment line, inside brackets).</summary>
    NonLogicalNewline,
    Indent,
    Dedent,
    EndOfFile,
    /// <summary>Something the tokenizer could not understand; <see cref="PythonToken.Error"/> says what.</summary>
    Error,
}

/// <summary>
/// One token. Lines and columns are 1-based; the end column is exclusive (the column just after the last character).
/// </summary>
public sealed record PythonToken(PythonTokenKind Kind, string Text, int Line, int Column, int EndLine, int EndColumn)
{
    /// <summary>The decoded literal when <see cref="Kind"/> is <see cref="PythonTokenKind.String"/>.</summary>
    public PythonStringLiteral? String { get; init; }

    /// <summary>Why the text could not be tokenized when <see cref="Kind"/> is <see cref="PythonTokenKind.Error"/>.</summary>
    public string? Error { get; init; }

    public bool IsOperator(string text) => Kind == PythonTokenKind.Operator && Text == text;

    public bool IsName(string text) => Kind == PythonTokenKind.Name && Text == text;

    public override string ToString() => $"{Kind} '{Text}' {Line}:{Column}-{EndLine}:{EndColumn}";
}

/// <summary>
/// A decoded string literal. For plain strings <see cref="Value"/> is the text with escapes applied (bytes are
/// decoded one character per byte). For f-strings (and 3.14 t-strings) <see cref="Parts"/> lists literal text and
/// replacement fields, and <see cref="Value"/> is the literal text alone.
/// </summary>
public sealed record PythonStringLiteral(
    string Prefix,
    string Quote,
    string Value,
    bool IsBytes,
    bool IsRaw,
    bool IsFormatted,
    bool IsTemplate,
    IReadOnlyList<FStringPart> Parts);

/// <summary>A piece of an f-string.</summary>
public abstract record FStringPart;

/// <summary>Literal text of an f-string, escapes and <c>{{</c>/<c>}}</c> already decoded.</summary>
public sealed record FStringText(string Text) : FStringPart;

/// <summary>
/// A <c>{expression!conversion:format}</c> field. <see cref="Expression"/> is the source text of the expression,
/// which starts at <see cref="Line"/>/<see cref="Column"/> in the file; the parser parses it.
/// </summary>
public sealed record FStringField(
    string Expression,
    int Line,
    int Column,
    char? Conversion,
    IReadOnlyList<FStringPart>? FormatSpec,
    bool SelfDocumenting) : FStringPart;
