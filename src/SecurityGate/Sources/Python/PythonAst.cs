using System.Numerics;
using SecurityGate.Findings;

namespace SecurityGate.Sources.Python;

/// <summary>Where a node lies in its file: 1-based lines and columns, exclusive end column.</summary>
public readonly record struct PySpan(int Line, int Column, int EndLine, int EndColumn)
{
    public SourceLocation ToLocation(string path) => new(path, Line, Column, EndLine, EndColumn);

    public static PySpan Between(PySpan first, PySpan last) => new(first.Line, first.Column, last.EndLine, last.EndColumn);

    public override string ToString() => $"{Line}:{Column}-{EndLine}:{EndColumn}";
}

/// <summary>A parsed module: its statements plus the comments found in it (for suppression comments).</summary>
public sealed record PyModule(string Path, string Source, IReadOnlyList<PyStatement> Body, IReadOnlyList<PythonToken> Comments)
{
    private int[]? _lineStarts;

    /// <summary>The source text covered by <paramref name="span"/> (line breaks inside it normalised to \n).</summary>
    public string TextOf(PySpan span)
    {
        var starts = _lineStarts ??= LineStarts(Source);
        if (span.Line < 1 || span.Line > starts.Length || span.EndLine < span.Line) return "";
        int endLine = Math.Min(span.EndLine, starts.Length);
        int from = Offset(starts, span.Line, span.Column);
        int to = Math.Max(from, Offset(starts, endLine, span.EndColumn));
        string text = Source[from..to];
        return text.Contains('\r') ? text.Replace("\r\n", "\n").Replace('\r', '\n') : text;
    }

    /// <summary>The offset of a 1-based column on a 1-based line, clamped to that line's text.</summary>
    private int Offset(int[] starts, int line, int column)
    {
        int lineStart = starts[line - 1];
        int lineEnd = line < starts.Length ? starts[line] : Source.Length;
        while (lineEnd > lineStart && Source[lineEnd - 1] is '\n' or '\r') lineEnd--;
        return Math.Clamp(lineStart + column - 1, lineStart, lineEnd);
    }

    private static int[] LineStarts(string source)
    {
        var starts = new List<int> { source.Length > 0 && source[0] == '\uFEFF' ? 1 : 0 }; // columns do not count a BOM
        for (int i = 0; i < source.Length; i++)
        {
            char c = source[i];
            if (c == '\r' && i + 1 < source.Length && source[i + 1] == '\n') i++;
            if (c is '\n' or '\r') starts.Add(i + 1);
        }

        return starts.ToArray();
    }
}

// ---------------------------------------------------------------- expressions

public abstract record PyExpr(PySpan Span);

public sealed record PyName(PySpan Span, string Id) : PyExpr(Span);

public sealed record PyNone(PySpan Span) : PyExpr(Span);

public sealed record PyBoolLiteral(PySpan Span, bool Value) : PyExpr(Span);

public sealed record PyEllipsis(PySpan Span) : PyExpr(Span);

public sealed record PyIntLiteral(PySpan Span, BigInteger Value) : PyExpr(Span);

public sealed record PyFloatLiteral(PySpan Span, double Value) : PyExpr(Span);

public sealed record PyImaginaryLiteral(PySpan Span, double Imaginary) : PyExpr(Span);

/// <summary>One or more adjacent plain string literals, concatenated.</summary>
public sealed record PyStringLiteral(PySpan Span, string Value, bool IsBytes) : PyExpr(Span);

/// <summary>Adjacent literals of which at least one is an f-string (or t-string).</summary>
public sealed record PyFormattedString(PySpan Span, IReadOnlyList<PyFStringPiece> Pieces, bool IsTemplate) : PyExpr(Span);

public abstract record PyFStringPiece;

public sealed record PyFStringText(string Text) : PyFStringPiece;

public sealed record PyFStringValue(PyExpr Value, char? Conversion, IReadOnlyList<PyFStringPiece>? FormatSpec, string? SelfDocumentingText) : PyFStringPiece;

public sealed record PyAttribute(PySpan Span, PyExpr Target, string Name) : PyExpr(Span);

public enum PyArgumentKind { Positional, Keyword, Star, DoubleStar }

public sealed record PyArgument(PyArgumentKind Kind, string? Name, PyExpr Value);

public sealed record PyCall(PySpan Span, PyExpr Function, IReadOnlyList<PyArgument> Arguments) : PyExpr(Span);

public sealed record PySubscript(PySpan Span, PyExpr Target, PyExpr Index) : PyExpr(Span);

public sealed record PySlice(PySpan Span, PyExpr? Lower, PyExpr? Upper, PyExpr? Step) : PyExpr(Span);

/// <summary>Unary operators: "not", "-", "+", "~".</summary>
public sealed record PyUnary(PySpan Span, string Operator, PyExpr Operand) : PyExpr(Span);

/// <summary>Arithmetic, bitwise and shift operators, written as in Python ("+", "//", "**", "@", "&lt;&lt;"...).</summary>
public sealed record PyBinary(PySpan Span, string Operator, PyExpr Left, PyExpr Right) : PyExpr(Span);

/// <summary>"and" / "or" over two or more operands.</summary>
public sealed record PyBoolOp(PySpan Span, string Operator, IReadOnlyList<PyExpr> Values) : PyExpr(Span);

/// <summary>A comparison chain; operators are "==", "!=", "&lt;", "&lt;=", "&gt;", "&gt;=", "in", "not in", "is", "is not".</summary>
public sealed record PyCompare(PySpan Span, PyExpr Left, IReadOnlyList<string> Operators, IReadOnlyList<PyExpr> Comparators) : PyExpr(Span);

public sealed record PyConditional(PySpan Span, PyExpr Test, PyExpr Body, PyExpr OrElse) : PyExpr(Span);

public sealed record PyLambda(PySpan Span, IReadOnlyList<PyParameter> Parameters, PyExpr Body) : PyExpr(Span);

public sealed record PyList(PySpan Span, IReadOnlyList<PyExpr> Elements) : PyExpr(Span);

public sealed record PyTuple(PySpan Span, IReadOnlyList<PyExpr> Elements) : PyExpr(Span);

public sealed record PySet(PySpan Span, IReadOnlyList<PyExpr> Elements) : PyExpr(Span);

/// <summary>A dict entry; <see cref="Key"/> is null for <c>**mapping</c> unpacking.</summary>
public sealed record PyDictEntry(PyExpr? Key, PyExpr Value);

public sealed record PyDict(PySpan Span, IReadOnlyList<PyDictEntry> Entries) : PyExpr(Span);

public enum PyComprehensionKind { List, Set, Dict, Generator }

public sealed record PyComprehensionClause(PyExpr Target, PyExpr Iterable, IReadOnlyList<PyExpr> Conditions, bool IsAsync);

/// <summary>A comprehension; <see cref="Value"/> is set for dict comprehensions (then <see cref="Element"/> is the key).</summary>
public sealed record PyComprehension(PySpan Span, PyComprehensionKind Kind, PyExpr Element, PyExpr? Value, IReadOnlyList<PyComprehensionClause> Clauses) : PyExpr(Span);

public sealed record PyStarred(PySpan Span, PyExpr Value) : PyExpr(Span);

/// <summary>The walrus operator <c>name := value</c>.</summary>
public sealed record PyNamedExpr(PySpan Span, string Target, PyExpr Value) : PyExpr(Span);

public sealed record PyAwait(PySpan Span, PyExpr Value) : PyExpr(Span);

public sealed record PyYield(PySpan Span, PyExpr? Value, bool IsFrom) : PyExpr(Span);

// ---------------------------------------------------------------- statements

public abstract record PyStatement(PySpan Span);

/// <summary><c>a = b = value</c>: one entry in <see cref="Targets"/> per <c>=</c>.</summary>
public sealed record PyAssign(PySpan Span, IReadOnlyList<PyExpr> Targets, PyExpr Value) : PyStatement(Span);

public sealed record PyAnnotatedAssign(PySpan Span, PyExpr Target, PyExpr Annotation, PyExpr? Value) : PyStatement(Span);

/// <summary><c>target op= value</c>; <see cref="Operator"/> is the binary operator without "=" ("+", "//"...).</summary>
public sealed record PyAugmentedAssign(PySpan Span, PyExpr Target, string Operator, PyExpr Value) : PyStatement(Span);

public sealed record PyExpressionStatement(PySpan Span, PyExpr Value) : PyStatement(Span);

public sealed record PyDelete(PySpan Span, IReadOnlyList<PyExpr> Targets) : PyStatement(Span);

/// <summary><c>if</c>; an <c>elif</c> is a nested <see cref="PyIf"/> alone in <see cref="OrElse"/> with <see cref="IsElif"/> set.</summary>
public sealed record PyIf(PySpan Span, PyExpr Test, IReadOnlyList<PyStatement> Body, IReadOnlyList<PyStatement> OrElse, bool IsElif) : PyStatement(Span);

/// <summary>An except clause; <see cref="TypeNames"/> lists the dotted names of the caught types (empty for bare <c>except:</c>).</summary>
public sealed record PyExceptHandler(PySpan Span, PyExpr? Type, IReadOnlyList<string> TypeNames, string? Name, IReadOnlyList<PyStatement> Body, bool IsStar);

public sealed record PyTry(PySpan Span, IReadOnlyList<PyStatement> Body, IReadOnlyList<PyExceptHandler> Handlers, IReadOnlyList<PyStatement> OrElse, IReadOnlyList<PyStatement> Finally) : PyStatement(Span);

public sealed record PyImportAlias(string Name, string? AsName, PySpan Span);

/// <summary><c>import a.b.c as d, e</c>.</summary>
public sealed record PyImport(PySpan Span, IReadOnlyList<PyImportAlias> Names) : PyStatement(Span);

/// <summary><c>from ..module import a as b</c>; <see cref="Module"/> is null for <c>from . import x</c>; <see cref="IsStar"/> for <c>import *</c>.</summary>
public sealed record PyImportFrom(PySpan Span, string? Module, int Level, IReadOnlyList<PyImportAlias> Names, bool IsStar) : PyStatement(Span);

public sealed record PyFor(PySpan Span, PyExpr Target, PyExpr Iterable, IReadOnlyList<PyStatement> Body, IReadOnlyList<PyStatement> OrElse, bool IsAsync) : PyStatement(Span);

public sealed record PyWhile(PySpan Span, PyExpr Test, IReadOnlyList<PyStatement> Body, IReadOnlyList<PyStatement> OrElse) : PyStatement(Span);

public sealed record PyWithItem(PyExpr Context, PyExpr? Target);

public sealed record PyWith(PySpan Span, IReadOnlyList<PyWithItem> Items, IReadOnlyList<PyStatement> Body, bool IsAsync) : PyStatement(Span);

public enum PyParameterKind { Positional, PositionalOnly, VarPositional, KeywordOnly, VarKeyword }

public sealed record PyParameter(string Name, PyParameterKind Kind, PyExpr? Default, PyExpr? Annotation);

public sealed record PyFunctionDef(PySpan Span, string Name, IReadOnlyList<PyParameter> Parameters, IReadOnlyList<PyStatement> Body, IReadOnlyList<PyExpr> Decorators, PyExpr? Returns, bool IsAsync) : PyStatement(Span);

public sealed record PyClassDef(PySpan Span, string Name, IReadOnlyList<PyArgument> Bases, IReadOnlyList<PyStatement> Body, IReadOnlyList<PyExpr> Decorators) : PyStatement(Span);

/// <summary>A <c>match</c> statement. Case patterns are kept as source spans only; bodies are parsed.</summary>
public sealed record PyMatch(PySpan Span, PyExpr Subject, IReadOnlyList<PyMatchCase> Cases) : PyStatement(Span);

public sealed record PyMatchCase(PySpan PatternSpan, IReadOnlyList<PyStatement> Body);

public sealed record PyPass(PySpan Span) : PyStatement(Span);

public sealed record PyBreak(PySpan Span) : PyStatement(Span);

public sealed record PyContinue(PySpan Span) : PyStatement(Span);

public sealed record PyGlobal(PySpan Span, IReadOnlyList<string> Names, bool IsNonlocal) : PyStatement(Span);

public sealed record PyAssert(PySpan Span, PyExpr Test, PyExpr? Message) : PyStatement(Span);

public sealed record PyRaise(PySpan Span, PyExpr? Exception, PyExpr? Cause) : PyStatement(Span);

public sealed record PyReturn(PySpan Span, PyExpr? Value) : PyStatement(Span);

/// <summary>A 3.12 <c>type X = ...</c> alias.</summary>
public sealed record PyTypeAlias(PySpan Span, string Name, PyExpr Value) : PyStatement(Span);

/// <summary>
/// A statement the parser could not understand. Parsing resumed at the next logical line. When the bad line
/// opened an indented block, that block is parsed into <see cref="Body"/> (the evaluator treats it as conditional).
/// </summary>
public sealed record PyUnparsedStatement(PySpan Span, string Message, string Text, IReadOnlyList<PyStatement> Body) : PyStatement(Span);
