using System.Text;

namespace SecurityGate.Sources.Python;

public sealed partial class PythonEvaluator
{
    private const int MaxComprehensionItems = 10_000;

    /// <summary>Where names are looked up: local names (function parameters, comprehension variables) then the module.</summary>
    private sealed record Frame(ModuleContext Module, Dictionary<string, PythonValue>? Locals, Frame? Parent, int CallDepth);

    private PythonValue Evaluate(PyExpr expr, Frame frame)
    {
        EnsureStack();
        switch (expr)
        {
            case PyName name: return Lookup(name.Id, frame);
            case PyNone: return PythonOperations.None;
            case PyBoolLiteral b: return PythonOperations.Bool(b.Value);
            case PyIntLiteral i: return new PythonInt(i.Value);
            case PyFloatLiteral f: return new PythonFloat(f.Value);
            case PyStringLiteral s: return s.IsBytes ? new PythonBytes(s.Value) : new PythonString(s.Value);
            case PyImaginaryLiteral: return new PythonUnknown("complex number");
            case PyEllipsis: return new ExternalObject("Ellipsis");
            case PyFormattedString f: return EvaluateFormattedString(f, frame);
            case PyAttribute a: return Attribute(Evaluate(a.Target, frame), a.Name);
            case PyCall c: return EvaluateCall(c, frame);
            case PySubscript s: return EvaluateSubscript(s, frame);
            case PyUnary u: return PythonOperations.Unary(u.Operator, Evaluate(u.Operand, frame));
            case PyBinary b: return PythonOperations.Binary(b.Operator, Evaluate(b.Left, frame), Evaluate(b.Right, frame));
            case PyBoolOp b: return EvaluateBoolOp(b, frame);
            case PyCompare c: return EvaluateCompare(c, frame);
            case PyConditional c: return EvaluateConditional(c, frame);
            case PyLambda l: return MakeLambda(l, frame);
            case PyList l: return EvaluateSequence(l.Elements, frame, items => new PythonList(items));
            case PyTuple t: return EvaluateSequence(t.Elements, frame, items => new PythonTuple(items));
            case PySet s: return EvaluateSequence(s.Elements, frame, items => new PythonSet(Distinct(items)));
            case PyDict d: return EvaluateDict(d, frame);
            case PyComprehension c: return EvaluateComprehension(c, frame);
            case PyNamedExpr n:
            {
                var value = Evaluate(n.Value, frame);
                if (frame.Locals is not null) frame.Locals[n.Target] = value;
                else Bind(frame.Module, n.Target, value, n.Span);
                return value;
            }

            case PyStarred: return new PythonUnknown("starred expression outside a display");
            case PySlice: return new PythonUnknown("slice outside a subscript");
            case PyAwait: return new PythonUnknown("result of await");
            case PyYield: return new PythonUnknown("result of yield");
            default: return new PythonUnknown($"unsupported expression {expr.GetType().Name}");
        }
    }

    private string TextOf(PyExpr expr, Frame frame) => frame.Module.Module.TextOf(expr.Span);

    private PythonValue Lookup(string name, Frame frame)
    {
        for (var f = frame; f is not null; f = f.Parent)
        {
            if (f.Locals is not null && f.Locals.TryGetValue(name, out var local)) return local;
        }

        if (frame.Module.Globals.TryGetValue(name, out var binding)) return binding.Value;
        switch (name)
        {
            case "__file__": return new PythonString(frame.Module.Path);
            case "__name__": return new PythonString(frame.Module.Name);
            case "__package__":
                return new PythonString(frame.Module.IsPackage || !frame.Module.Name.Contains('.') ? frame.Module.Name : frame.Module.Name[..frame.Module.Name.LastIndexOf('.')]);
            case "__doc__": return PythonOperations.None;
        }

        if (PythonBuiltins.IsBuiltin(name)) return new ExternalObject(name);
        RaiseSoft("NameError");
        return new PythonUnknown($"name '{name}' is not defined");
    }

    private PythonValue Attribute(PythonValue receiver, string name)
    {
        if (PythonOperations.MapPossible(receiver, r => Attribute(r, name)) is { } mapped) return mapped;
        switch (receiver)
        {
            case PythonUnknown:
                return receiver;
            case ExternalObject external:
                return new ExternalObject(external.QualifiedName + "." + name);
            case ModuleObject module:
                if (module.Context is not null && module.Context.Globals.TryGetValue(name, out var binding)) return binding.Value;
                if (LoadedModule(module.Name + "." + name) is { } submodule) return new ModuleObject(submodule.Name, submodule);
                return new PythonUnknown($"module '{module.Name}' has no attribute '{name}'");
            case ClassObject cls:
                return ClassAttribute(cls, name);
            case FunctionObject or BoundMethod:
                return new PythonUnknown($"attribute '{name}' of {((PythonObject)receiver).Description}");
            default:
                return new BoundMethod(receiver, name);
        }
    }

    // ------------------------------------------------------------ calls

    private CallArgs EvaluateArguments(PyCall call, Frame frame)
    {
        var args = new CallArgs(call.Function, call.Span, frame.Module);
        foreach (var argument in call.Arguments)
        {
            var value = Evaluate(argument.Value, frame);
            switch (argument.Kind)
            {
                case PyArgumentKind.Positional:
                    args.Positional.Add(value);
                    args.PositionalExpressions.Add(argument.Value);
                    break;
                case PyArgumentKind.Keyword:
                    args.AddKeyword(argument.Name!, value, argument.Value);
                    break;
                case PyArgumentKind.Star:
                    var items = PythonOperations.Iterate(value);
                    if (items is null)
                    {
                        args.Unknown ??= value as PythonUnknown ?? new PythonUnknown($"*{TextOf(argument.Value, frame)} is not a known sequence");
                        break;
                    }

                    foreach (var item in items)
                    {
                        args.Positional.Add(item);
                        args.PositionalExpressions.Add(null);
                    }

                    break;
                case PyArgumentKind.DoubleStar:
                    if (value is not PythonDict dict || dict.Entries.Any(e => e.Key is not PythonString))
                    {
                        args.Unknown ??= value as PythonUnknown ?? new PythonUnknown($"**{TextOf(argument.Value, frame)} is not a known mapping");
                        break;
                    }

                    foreach (var (key, item) in dict.Entries)
                        args.AddKeyword(((PythonString)key).Value, item, null);

                    break;
            }
        }

        return args;
    }

    private PythonValue EvaluateCall(PyCall call, Frame frame)
    {
        PythonValue callee;
        if (call.Function is PyAttribute attribute)
        {
            // A method of an unknown value gives that same unknown value, so the original reason survives chains
            // such as Path(__file__).resolve().parent.
            var receiver = Evaluate(attribute.Target, frame);
            if (receiver is PythonUnknown)
            {
                EvaluateArguments(call, frame);
                return receiver;
            }

            callee = Attribute(receiver, attribute.Name);
        }
        else
        {
            callee = Evaluate(call.Function, frame);
        }

        var args = EvaluateArguments(call, frame);
        return CallValue(callee, args, frame);
    }

    private PythonValue CallValue(PythonValue callee, CallArgs args, Frame frame)
    {
        EnsureStack();
        switch (callee)
        {
            case ExternalObject external:
                return CallExternal(external.QualifiedName, args, frame);
            case BoundMethod method:
                return CallMethod(method.Receiver, method.Name, args, frame);
            case FunctionObject function:
                return Invoke(function, args, frame);
            case DjangoEnvReader reader:
                return DjangoEnvCall(reader, "__call__", args, frame);
            case DecoupleCsv csv:
                return ApplyCsv(csv, args.Get(0, "value") ?? PythonOperations.None, frame);
            case DecoupleChoices choices:
                return ApplyChoices(choices, args.Get(0, "value") ?? PythonOperations.None, frame);
            case ClassObject cls:
                return new PythonUnknown($"instance of class {cls.Name}");
            case PythonUnknown unknown:
                return new PythonUnknown($"result of call to {args.CalleeText}()") { Origin = unknown.Origin };
            default:
                return new PythonUnknown($"result of call to {args.CalleeText}()");
        }
    }

    /// <summary>Calls a cast (bool, int, a lambda, Csv()...) on one value, as decouple and django-environ do.</summary>
    private PythonValue CallCast(PythonValue cast, PythonValue value, CallArgs context, Frame frame) =>
        CallValue(cast, CallArgs.Of(Describe(cast), context.Span, context.Module, value), frame);

    private static string Describe(PythonValue value) => value switch
    {
        ExternalObject external => external.QualifiedName,
        FunctionObject function => function.Name,
        PythonObject obj => obj.Description,
        _ => value.ToString(),
    };

    private PythonValue CallExternal(string name, CallArgs args, Frame frame)
    {
        if (args.Unknown is not null) return new PythonUnknown($"result of call to {args.CalleeText}() with unknown arguments");
        switch (name)
        {
            case "os.getenv":
                return OsLookup(EnvironmentLookupKind.OsGetenv, args, keyName: "key", defaultName: "default");
            case "os.environ.get":
                return OsLookup(EnvironmentLookupKind.OsEnvironGet, args, keyName: "key", defaultName: "default");
            case "os.environ.setdefault":
                return OsLookup(EnvironmentLookupKind.OsEnvironGet, args, keyName: "key", defaultName: "default");
            case "os.path.join":
                return PythonBuiltins.PathJoin(args);
            case "environ.Env":
                return MakeDjangoEnv(args);
            case "environ.Env.read_env" or "environ.Env.read_env_file":
                return PythonOperations.None;
            case "decouple.config":
                return DecoupleLookup(args, frame);
            case "decouple.AutoConfig" or "decouple.Config":
                return new ExternalObject("decouple.config");
            case "decouple.Csv":
                return MakeDecoupleCsv(args);
            case "decouple.Choices":
                return new DecoupleChoices(args.Get(1, "cast"), args.Get(0, "flat") is { } flat ? PythonOperations.Iterate(flat) : null);
            case "distutils.util.strtobool" or "setuptools._distutils.util.strtobool":
                return StrToBool(args.Get(0, "val") ?? PythonOperations.None);
            case "str2bool.str2bool":
                return Str2Bool(args.Get(0, "value") ?? PythonOperations.None);
            case "dj_database_url.config":
                return DatabaseUrlConfig(args);
            case "dj_database_url.parse":
                return new PythonUnknown("database settings parsed from a URL") { Origin = args.Get(0, "url")?.Origin };
        }

        if (name.StartsWith("configurations.values.", StringComparison.Ordinal) && name.EndsWith("Value", StringComparison.Ordinal))
            return MakeConfigurationValue(name["configurations.values.".Length..], args);

        if (!name.Contains('.'))
        {
            var result = PythonBuiltins.Call(name, args, RaiseSoft, (cast, value) => CallCast(cast, value, args, frame));
            if (result is not null) return result;
        }

        if (name.StartsWith("os.path.", StringComparison.Ordinal) || name.StartsWith("pathlib.", StringComparison.Ordinal))
        {
            // A path built from an unknown path keeps the first reason (e.g. dirname(abspath(__file__))).
            return args.Positional.OfType<PythonUnknown>().FirstOrDefault()
                   ?? new PythonUnknown($"filesystem path from {args.CalleeText}()");
        }
        return new PythonUnknown($"result of call to {args.CalleeText}()");
    }

    private PythonValue CallMethod(PythonValue receiver, string name, CallArgs args, Frame frame)
    {
        if (receiver is DjangoEnvReader reader) return DjangoEnvCall(reader, name, args, frame);
        if (args.Unknown is not null) return new PythonUnknown($"result of call to {args.CalleeText}() with unknown arguments");
        var result = PythonBuiltins.CallMethod(receiver, name, args, RaiseSoft);
        return result ?? new PythonUnknown($"result of call to {args.CalleeText}()") { Origin = receiver.Origin };
    }

    // ------------------------------------------------------------ functions

    private FunctionObject MakeFunction(PyFunctionDef definition, Frame frame)
    {
        var defaults = definition.Parameters.Select(p => p.Default is null ? null : Evaluate(p.Default, frame)).ToList();
        IReadOnlyList<PyStatement>? body = definition.Body;
        string? notSimple = null;
        if (definition.IsAsync)
        {
            body = null;
            notSimple = $"{definition.Name}() is a coroutine";
        }
        else if (!IsStraightLine(definition.Body, depth: 0))
        {
            body = null;
            notSimple = $"{definition.Name}() has loops, try blocks, nested definitions or other statements beyond " +
                        "assignments, if, return and raise";
        }

        return new FunctionObject(definition.Name, definition.Parameters, defaults, body, notSimple, frame.Module, frame.Locals);
    }

    private PythonValue MakeLambda(PyLambda lambda, Frame frame)
    {
        var defaults = lambda.Parameters.Select(p => p.Default is null ? null : Evaluate(p.Default, frame)).ToList();
        return new FunctionObject("<lambda>", lambda.Parameters, defaults, [new PyReturn(lambda.Span, lambda.Body)], null,
            frame.Module, frame.Locals);
    }

    /// <summary>How deeply if statements may nest in a function the evaluator calls.</summary>
    private const int MaxFunctionIfDepth = 8;

    /// <summary>Assignments to local names, pass, docstrings, if/elif/else, return and raise: nothing that loops.</summary>
    private static bool IsStraightLine(IReadOnlyList<PyStatement> body, int depth) =>
        depth <= MaxFunctionIfDepth && body.All(statement => statement switch
        {
            PyAssign assign => assign.Targets.All(t => t is PyName),
            PyAnnotatedAssign annotated => annotated.Target is PyName,
            PyPass or PyReturn or PyRaise => true,
            PyExpressionStatement { Value: PyStringLiteral } => true, // a docstring
            PyIf branch => IsStraightLine(branch.Body, depth + 1) && IsStraightLine(branch.OrElse, depth + 1),
            _ => false,
        });

    /// <summary>
    /// Runs a straight-line body: the returned value, null when it ends without a return (the call gives None), or an
    /// unknown saying why the result cannot be known. A guard <c>if …: raise</c> whose condition cannot be decided is
    /// taken as not firing: had it fired, the settings could not be imported at all.
    /// </summary>
    private PythonValue? RunBody(IReadOnlyList<PyStatement> body, Frame frame, string call)
    {
        foreach (var statement in body)
        {
            switch (statement)
            {
                case PyAssign assign:
                    var value = Evaluate(assign.Value, frame);
                    foreach (var target in assign.Targets)
                        frame.Locals![((PyName)target).Id] = value;
                    break;
                case PyAnnotatedAssign { Value: { } annotatedValue } annotated:
                    frame.Locals![((PyName)annotated.Target).Id] = Evaluate(annotatedValue, frame);
                    break;
                case PyReturn returned:
                    return returned.Value is null ? PythonOperations.None : Evaluate(returned.Value, frame);
                case PyRaise:
                    return new PythonUnknown($"{call}: raises an exception");
                case PyIf branch:
                    var test = Evaluate(branch.Test, frame);
                    var taken = PythonOperations.Truthiness(test) switch
                    {
                        true => branch.Body,
                        false => branch.OrElse,
                        null when branch.OrElse.Count == 0 && branch.Body is [.., PyRaise] => [],
                        null => null,
                    };
                    if (taken is null)
                        return PythonOperations.FirstUnknown(test)
                               ?? new PythonUnknown($"{call}: depends on a condition the gate cannot decide");
                    if (RunBody(taken, frame, call) is { } result)
                        return result;
                    break;
            }
        }
        return null;
    }

    /// <summary>Calls a straight-line function: its body runs with the arguments bound as locals.</summary>
    private PythonValue Invoke(FunctionObject function, CallArgs args, Frame caller)
    {
        string call = $"result of call to {function.Name}()";
        if (function.Body is null) return new PythonUnknown($"{call}: {function.NotSimpleReason}");
        if (args.Unknown is not null) return new PythonUnknown($"{call}: {args.Unknown.Reason}");
        if (caller.CallDepth >= MaxCallDepth) return new PythonUnknown($"{call}: calls nest too deeply");

        var locals = new Dictionary<string, PythonValue>(StringComparer.Ordinal);
        var usedKeywords = new HashSet<string>(StringComparer.Ordinal);
        int positional = 0;
        for (int i = 0; i < function.Parameters.Count; i++)
        {
            var parameter = function.Parameters[i];
            switch (parameter.Kind)
            {
                case PyParameterKind.VarPositional:
                    locals[parameter.Name] = new PythonTuple(args.Positional.Skip(positional).ToList());
                    positional = args.Positional.Count;
                    continue;
                case PyParameterKind.VarKeyword:
                    locals[parameter.Name] = new PythonDict(args.Keywords.Where(k => !usedKeywords.Contains(k.Key))
                        .Select(k => new KeyValuePair<PythonValue, PythonValue>(new PythonString(k.Key), k.Value)).ToList());
                    continue;
            }

            if (parameter.Kind != PyParameterKind.KeywordOnly && positional < args.Positional.Count)
            {
                locals[parameter.Name] = args.Positional[positional++];
            }
            else if (parameter.Kind != PyParameterKind.PositionalOnly && args.Keywords.TryGetValue(parameter.Name, out var keyword))
            {
                locals[parameter.Name] = keyword;
                usedKeywords.Add(parameter.Name);
            }
            else if (function.Defaults[i] is { } defaultValue)
            {
                locals[parameter.Name] = defaultValue;
            }
            else
            {
                return new PythonUnknown($"{call}: missing argument '{parameter.Name}'");
            }
        }

        if (positional < args.Positional.Count) return new PythonUnknown($"{call}: too many arguments");
        var closure = function.Closure is null ? null : new Frame(function.Module, function.Closure, null, caller.CallDepth);
        var frame = new Frame(function.Module, locals, closure, caller.CallDepth + 1);
        return RunBody(function.Body, frame, call) ?? PythonOperations.None;
    }

    // ------------------------------------------------------------ operators and displays

    private PythonValue EvaluateBoolOp(PyBoolOp expr, Frame frame)
    {
        // Python's and/or return one of their operands, not a bool. An operand chosen because an environment value
        // was false (or true) carries that value's origin.
        EnvironmentOrigin? origin = null;
        for (int i = 0; i < expr.Values.Count; i++)
        {
            var value = Evaluate(expr.Values[i], frame);
            if (i == expr.Values.Count - 1) return PythonOperations.WithOrigin(value, origin);
            origin ??= value.Origin;
            var truth = PythonOperations.Truthiness(value);
            if (truth is null)
            {
                return value as PythonUnknown ?? new PythonUnknown($"depends on whether `{TextOf(expr.Values[i], frame)}` is true") { Origin = value.Origin };
            }

            if (truth == (expr.Operator == "or")) return value;
        }

        return PythonOperations.None;
    }

    private PythonValue EvaluateCompare(PyCompare expr, Frame frame)
    {
        var left = Evaluate(expr.Left, frame);
        PythonValue result = PythonOperations.True;
        PythonValue? undecided = null;
        for (int i = 0; i < expr.Operators.Count; i++)
        {
            var right = Evaluate(expr.Comparators[i], frame);
            result = EnvironmentMembership(expr.Operators[i], left, right, expr, frame)
                     ?? PythonOperations.Compare(expr.Operators[i], left, right);
            if (result is PythonBool { Value: false }) return result;
            if (result is not PythonBool) undecided ??= result;
            left = right;
        }

        return undecided ?? result;
    }

    /// <summary>
    /// <c>"X" in os.environ</c>: decided by the supplied production environment (a variable not in it is unset).
    /// The result carries the lookup as its origin, like any other environment read.
    /// </summary>
    private PythonValue? EnvironmentMembership(string op, PythonValue left, PythonValue right, PyCompare expr, Frame frame)
    {
        if (op is not ("in" or "not in") || right is not ExternalObject { QualifiedName: "os.environ" } || left is not PythonString name)
            return null;
        var present = _environment.ContainsKey(name.Value);
        var origin = new EnvironmentOrigin(name.Value, EnvironmentLookupKind.OsEnvironGet, present, true, "(unset)",
            PythonOperations.Bool(op == "not in"), Loc(expr.Span, frame.Module));
        return PythonOperations.Bool(op == "in" ? present : !present) with { Origin = origin };
    }

    private PythonValue EvaluateConditional(PyConditional expr, Frame frame)
    {
        var test = Evaluate(expr.Test, frame);
        var truth = PythonOperations.Truthiness(test);
        if (truth == true) return Evaluate(expr.Body, frame);
        if (truth == false) return Evaluate(expr.OrElse, frame);
        string condition = string.Join(' ', TextOf(expr.Test, frame).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var body = Evaluate(expr.Body, frame);
        var orElse = Evaluate(expr.OrElse, frame);
        return new PythonPossibleValues(
        [
            new PossibleValue(body, Loc(expr.Body.Span, frame.Module), condition),
            new PossibleValue(orElse, Loc(expr.OrElse.Span, frame.Module), $"not ({condition})"),
        ]) { Origin = test.Origin };
    }

    private PythonValue EvaluateSequence(IReadOnlyList<PyExpr> elements, Frame frame, Func<List<PythonValue>, PythonValue> build)
    {
        var items = new List<PythonValue>(elements.Count);
        foreach (var element in elements)
        {
            if (element is PyStarred starred)
            {
                var value = Evaluate(starred.Value, frame);
                var expanded = PythonOperations.Iterate(value);
                if (expanded is null) return value as PythonUnknown ?? new PythonUnknown($"*{TextOf(starred.Value, frame)} is not a known sequence");
                items.AddRange(expanded);
            }
            else
            {
                items.Add(Evaluate(element, frame));
            }
        }

        return build(items);
    }

    private static List<PythonValue> Distinct(List<PythonValue> items)
    {
        var result = new List<PythonValue>(items.Count);
        foreach (var item in items)
        {
            if (!result.Any(existing => PythonOperations.AreEqual(existing, item) == true)) result.Add(item);
        }

        return result;
    }

    private PythonValue EvaluateDict(PyDict dict, Frame frame)
    {
        var entries = new List<KeyValuePair<PythonValue, PythonValue>>(dict.Entries.Count);
        foreach (var entry in dict.Entries)
        {
            if (entry.Key is null)
            {
                var value = Evaluate(entry.Value, frame);
                var pairs = PythonBuiltins.DictEntries(value);
                if (pairs is null || value is not PythonDict) return value as PythonUnknown ?? new PythonUnknown($"**{TextOf(entry.Value, frame)} is not a known mapping");
                foreach (var (k, v) in pairs) PythonOperations.SetEntry(entries, k, v);
                continue;
            }

            var key = Evaluate(entry.Key, frame);
            var item = Evaluate(entry.Value, frame);
            if (!key.IsKnown) entries.Add(new(key, item)); // keep it: the other entries are still useful
            else PythonOperations.SetEntry(entries, key, item);
        }

        return new PythonDict(entries);
    }

    private PythonValue EvaluateSubscript(PySubscript subscript, Frame frame)
    {
        var target = Evaluate(subscript.Target, frame);
        if (target is ExternalObject { QualifiedName: "os.environ" })
        {
            var args = new CallArgs("os.environ", subscript.Span, frame.Module);
            args.Positional.Add(Evaluate(subscript.Index, frame));
            args.PositionalExpressions.Add(subscript.Index);
            return OsLookup(EnvironmentLookupKind.OsEnvironSubscript, args, keyName: "key", defaultName: null);
        }

        if (subscript.Index is PySlice slice)
        {
            PythonValue? Part(PyExpr? e) => e is null ? null : Evaluate(e, frame);
            return PythonBuiltins.Slice(target, Part(slice.Lower), Part(slice.Upper), Part(slice.Step));
        }

        return Subscript(target, Evaluate(subscript.Index, frame));
    }

    private PythonValue Subscript(PythonValue target, PythonValue index)
    {
        if (PythonOperations.MapPossible(target, index, Subscript) is { } mapped) return mapped;
        if (PythonOperations.FirstUnknown(target, index) is { } unknown) return unknown;
        switch (target)
        {
            case PythonDict dict:
                var value = dict.Get(index);
                if (value is not null) return value;
                if (dict.Entries.Any(e => !e.Key.IsKnown)) return new PythonUnknown($"key {index} may be among the unknown keys");
                RaiseSoft("KeyError");
                return new PythonUnknown($"key {index} is not in the dict");
            case PythonList or PythonTuple or PythonString when index is PythonInt or PythonBool:
                var items = PythonOperations.Iterate(target)!;
                int position = NormalizeIndex(PythonOperations.ToInteger(index), items.Count);
                if (position >= 0) return PythonOperations.WithOrigin(items[position], target.Origin);
                RaiseSoft("IndexError");
                return new PythonUnknown($"index {index} is out of range");
            default:
                return new PythonUnknown($"'{target.TypeName}' object is not subscriptable with '{index.TypeName}'");
        }
    }

    // ------------------------------------------------------------ f-strings and comprehensions

    private PythonValue EvaluateFormattedString(PyFormattedString formatted, Frame frame)
    {
        if (formatted.IsTemplate) return new PythonUnknown("template string (t-string)");
        var text = RenderPieces(formatted.Pieces, frame, out var problem, out var origin);
        return problem ?? PythonOperations.WithOrigin(new PythonString(text!), origin);
    }

    private string? RenderPieces(IReadOnlyList<PyFStringPiece> pieces, Frame frame, out PythonValue? problem, out EnvironmentOrigin? origin)
    {
        var builder = new StringBuilder();
        problem = null;
        origin = null;
        foreach (var piece in pieces)
        {
            if (piece is PyFStringText literal)
            {
                builder.Append(literal.Text);
                continue;
            }

            var field = (PyFStringValue)piece;
            var value = Evaluate(field.Value, frame);
            origin ??= value.Origin;
            string spec = "";
            if (field.FormatSpec is not null)
            {
                spec = RenderPieces(field.FormatSpec, frame, out problem, out _) ?? "";
                if (problem is not null) return null;
            }

            char? conversion = field.Conversion ?? (field.SelfDocumentingText is not null && spec.Length == 0 ? 'r' : null);
            var rendered = PythonFormatting.FormatField(value, conversion, spec);
            if (rendered is not PythonString renderedText)
            {
                problem = PythonOperations.WithOrigin(rendered, value.Origin);
                return null;
            }

            if (field.SelfDocumentingText is not null) builder.Append(field.SelfDocumentingText);
            builder.Append(renderedText.Value);
            if (builder.Length > PythonOperations.MaxResultSize)
            {
                problem = new PythonUnknown("result too large to compute");
                return null;
            }
        }

        return builder.ToString();
    }

    private PythonValue EvaluateComprehension(PyComprehension comprehension, Frame frame)
    {
        var locals = new Dictionary<string, PythonValue>(StringComparer.Ordinal);
        var inner = new Frame(frame.Module, locals, frame, frame.CallDepth);
        var items = new List<PythonValue>();
        var entries = new List<KeyValuePair<PythonValue, PythonValue>>();
        int produced = 0;
        PythonValue? failure = null;

        void Run(int clauseIndex)
        {
            if (failure is not null) return;
            if (clauseIndex == comprehension.Clauses.Count)
            {
                if (++produced > MaxComprehensionItems)
                {
                    failure = new PythonUnknown("comprehension produces too many items");
                    return;
                }

                var element = Evaluate(comprehension.Element, inner);
                if (comprehension.Kind == PyComprehensionKind.Dict)
                {
                    var value = Evaluate(comprehension.Value!, inner);
                    if (!element.IsKnown) failure = new PythonUnknown("comprehension produces an unknown key");
                    else PythonOperations.SetEntry(entries, element, value);
                }
                else
                {
                    items.Add(element);
                }

                return;
            }

            var clause = comprehension.Clauses[clauseIndex];
            // The first iterable is evaluated in the enclosing scope, as in Python.
            var iterable = Evaluate(clause.Iterable, clauseIndex == 0 ? frame : inner);
            var sequence = PythonOperations.Iterate(iterable);
            if (sequence is null || clause.IsAsync)
            {
                failure = iterable as PythonUnknown ?? new PythonUnknown($"comprehension over `{TextOf(clause.Iterable, frame)}`, which is not a known sequence");
                return;
            }

            foreach (var item in sequence)
            {
                if (!BindLocal(clause.Target, item, locals))
                {
                    failure = new PythonUnknown("comprehension target could not be bound");
                    return;
                }

                bool keep = true;
                foreach (var condition in clause.Conditions)
                {
                    var truth = PythonOperations.Truthiness(Evaluate(condition, inner));
                    if (truth is null)
                    {
                        failure = new PythonUnknown($"comprehension condition `{TextOf(condition, frame)}` could not be decided");
                        return;
                    }

                    if (!truth.Value)
                    {
                        keep = false;
                        break;
                    }
                }

                if (keep) Run(clauseIndex + 1);
                if (failure is not null) return;
            }
        }

        Run(0);
        if (failure is not null) return failure;
        return comprehension.Kind switch
        {
            PyComprehensionKind.List => new PythonList(items),
            PyComprehensionKind.Set => new PythonSet(Distinct(items)),
            PyComprehensionKind.Dict => new PythonDict(entries),
            _ => new PythonTuple(items), // a generator: only ever iterated, so a tuple stands in for it
        };
    }

    private static bool BindLocal(PyExpr target, PythonValue value, Dictionary<string, PythonValue> locals)
    {
        switch (target)
        {
            case PyName name:
                locals[name.Id] = value;
                return true;
            case PyTuple or PyList:
                var targets = target is PyTuple tuple ? tuple.Elements : ((PyList)target).Elements;
                var items = Unpack(value, targets);
                for (int i = 0; i < targets.Count; i++)
                {
                    var element = targets[i] is PyStarred starred ? starred.Value : targets[i];
                    if (!BindLocal(element, items[i], locals)) return false;
                }

                return true;
            default:
                return false;
        }
    }
}
