using SecurityGate.Findings;

namespace SecurityGate.Sources.Python;

public sealed partial class PythonEvaluator
{
    /// <summary>A raise that ends the block being evaluated (a <c>raise</c> statement, or an exception caught by a try).</summary>
    private sealed record RaiseSignal(string Type, SourceLocation Location);

    private static readonly HashSet<string> MutatingMethods = new(StringComparer.Ordinal)
    {
        "append", "insert", "extend", "remove", "pop", "clear", "sort", "reverse", "update", "setdefault", "add", "discard",
        "popitem",
    };

    private RaiseSignal? EvaluateBlock(IReadOnlyList<PyStatement> statements, ModuleContext context)
    {
        foreach (var statement in statements)
        {
            var raised = EvaluateStatementSafely(statement, context);
            if (raised is not null) return raised;
        }

        return null;
    }

    /// <summary>Evaluates a statement; an evaluator bug or exhausted stack becomes a note, never an exception.</summary>
    private RaiseSignal? EvaluateStatementSafely(PyStatement statement, ModuleContext context)
    {
        try
        {
            return EvaluateStatement(statement, context);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            string why = ex is InsufficientExecutionStackException
                ? "statement nests too deeply to evaluate"
                : $"statement could not be evaluated ({ex.GetType().Name}: {ex.Message})";
            Note(PythonNoteKind.Unsupported, why, Loc(statement.Span, context));
            foreach (var name in AssignedNames([statement]).Assigned)
                Bind(context, name, new PythonUnknown($"assigned by a statement that could not be evaluated at line {statement.Span.Line}"), statement.Span);
            return null;
        }
    }

    private static SourceLocation Loc(PySpan span, ModuleContext context) => span.ToLocation(context.Path);

    private RaiseSignal? EvaluateStatement(PyStatement statement, ModuleContext context)
    {
        EnsureStack();
        var frame = new Frame(context, null, null, 0);
        switch (statement)
        {
            case PyAssign s:
            {
                var value = Evaluate(s.Value, frame);
                foreach (var target in s.Targets) Assign(target, value, s.Span, frame);
                return null;
            }

            case PyAnnotatedAssign s:
                if (s.Value is not null) Assign(s.Target, Evaluate(s.Value, frame), s.Span, frame);
                return null;
            case PyAugmentedAssign s:
                AugmentedAssign(s, frame);
                return null;
            case PyExpressionStatement s:
                if (!TryApplyMutation(s, frame)) Evaluate(s.Value, frame);
                return null;
            case PyDelete s:
                foreach (var target in s.Targets) Delete(target, s.Span, frame);
                return null;
            case PyIf s:
                return EvaluateIf(s, context, frame);
            case PyTry s:
                return EvaluateTry(s, context);
            case PyImport s:
                EvaluateImport(s, context);
                return null;
            case PyImportFrom s:
                EvaluateImportFrom(s, context);
                return null;
            case PyFor or PyWhile or PyWith or PyMatch:
                SkipBlock(statement, context);
                return null;
            case PyFunctionDef s:
                Bind(context, s.Name, MakeFunction(s, frame), s.Span);
                return null;
            case PyClassDef s:
                Bind(context, s.Name, MakeClass(s, frame), s.Span);
                return null;
            case PyRaise s:
                return new RaiseSignal(RaisedTypeName(s.Exception), Loc(s.Span, context));
            case PyUnparsedStatement s when s.Body.Count > 0:
                // The header could not be parsed but opened a block: evaluate it as if under an unknown condition.
                return EvaluateBothBranches($"<unparsed: {s.Text}>", s.Body, [], s.Span, context);
            default:
                return null; // pass, global, assert, return, break, continue, type aliases, unparsed lines
        }
    }

    private static string RaisedTypeName(PyExpr? exception)
    {
        var callee = exception is PyCall call ? call.Function : exception;
        string? dotted = callee is null ? null : DottedName(callee);
        return dotted is null ? "exception" : dotted[(dotted.LastIndexOf('.') + 1)..];
    }

    private static string? DottedName(PyExpr expr) => expr switch
    {
        PyName name => name.Id,
        PyAttribute attribute when DottedName(attribute.Target) is { } target => target + "." + attribute.Name,
        _ => null,
    };

    // ------------------------------------------------------------ binding names

    private static void Bind(ModuleContext context, string name, PythonValue value, PySpan span) =>
        context.Globals[name] = new PythonBinding(name, value, span.ToLocation(context.Path), []);

    /// <summary>Changes the value of an existing binding in place, keeping where it was defined and recording where it changed.</summary>
    private static void Mutate(ModuleContext context, string name, PythonValue value, PySpan span)
    {
        var location = span.ToLocation(context.Path);
        if (context.Globals.TryGetValue(name, out var binding))
            context.Globals[name] = binding with { Value = value, Mutations = binding.Mutations.Append(location).ToList() };
        else
            context.Globals[name] = new PythonBinding(name, value, location, []);
    }

    private void Assign(PyExpr target, PythonValue value, PySpan span, Frame frame)
    {
        var context = frame.Module;
        switch (target)
        {
            case PyName name:
                Bind(context, name.Id, value, span);
                break;
            case PyTuple or PyList:
                var targets = target is PyTuple tuple ? tuple.Elements : ((PyList)target).Elements;
                var items = Unpack(value, targets);
                for (int i = 0; i < targets.Count; i++)
                {
                    var element = targets[i] is PyStarred starred ? starred.Value : targets[i];
                    Assign(element, items[i], span, frame);
                }

                break;
            case PyStarred starred:
                Assign(starred.Value, value, span, frame);
                break;
            case PySubscript subscript:
                if (ResolvePlace(subscript, frame) is { } place)
                    UpdatePlace(place, span, frame, (_, _) => value, "assign to");
                break;
            // Attribute assignment (obj.attr = v) changes no module-level name.
        }
    }

    /// <summary>Splits a value over tuple targets (a starred target takes the rest as a list).</summary>
    private static List<PythonValue> Unpack(PythonValue value, IReadOnlyList<PyExpr> targets)
    {
        var items = PythonOperations.Iterate(value);
        int starIndex = -1;
        for (int i = 0; i < targets.Count; i++)
        {
            if (targets[i] is PyStarred) starIndex = i;
        }

        var result = new List<PythonValue>(targets.Count);
        bool fits = items is not null && (starIndex < 0 ? items.Count == targets.Count : items.Count >= targets.Count - 1);
        if (!fits)
        {
            PythonValue unknown = value is PythonUnknown u
                ? u
                : new PythonUnknown(items is null ? $"unpacked from a value that is not a known sequence" : $"cannot unpack {items.Count} values into {targets.Count} targets");
            for (int i = 0; i < targets.Count; i++) result.Add(PythonOperations.WithOrigin(unknown, value.Origin));
            return result;
        }

        var known = items!;
        int after = targets.Count - starIndex - 1;
        for (int i = 0; i < targets.Count; i++)
        {
            if (starIndex < 0 || i < starIndex) result.Add(known[i]);
            else if (i == starIndex) result.Add(new PythonList(known.Skip(starIndex).Take(known.Count - starIndex - after).ToList()));
            else result.Add(known[known.Count - (targets.Count - i)]);
        }

        return result;
    }

    private void AugmentedAssign(PyAugmentedAssign s, Frame frame)
    {
        var operand = Evaluate(s.Value, frame);
        if (s.Target is PyName name)
        {
            var current = Evaluate(name, frame);
            Mutate(frame.Module, name.Id, Augment(s.Operator, current, operand), s.Span);
        }
        else if (s.Target is PySubscript subscript && ResolvePlace(subscript, frame) is { } place)
        {
            UpdatePlace(place, s.Span, frame, (current, _) => Augment(s.Operator, current ?? new PythonUnknown("missing item"), operand), "update");
        }
    }

    /// <summary><c>a op= b</c>: like <c>a op b</c>, except that a list extends in place with any iterable.</summary>
    private static PythonValue Augment(string op, PythonValue current, PythonValue operand)
    {
        if (op == "+" && current is PythonList list && operand is PythonTuple or PythonSet or PythonDict or PythonString)
        {
            var items = PythonOperations.Iterate(operand);
            if (items is not null) return PythonOperations.WithOrigin(new PythonList(list.Items.Concat(items).ToList()), current.Origin ?? operand.Origin);
        }

        if (op == "|" && current is PythonDict dict && operand is PythonDict other)
            return PythonOperations.MergeDicts(dict, other);
        return PythonOperations.Binary(op, current, operand);
    }

    private void Delete(PyExpr target, PySpan span, Frame frame)
    {
        switch (target)
        {
            case PyName name:
                frame.Module.Globals.Remove(name.Id);
                break;
            case PyTuple tuple:
                foreach (var element in tuple.Elements) Delete(element, span, frame);
                break;
            case PyList list:
                foreach (var element in list.Elements) Delete(element, span, frame);
                break;
            case PySubscript subscript when ResolvePlace(subscript, frame) is { } place:
                UpdatePlace(place, span, frame, (_, _) => null, "delete");
                break;
        }
    }

    // ------------------------------------------------------------ places: NAME[k1][k2]...

    /// <summary>A module-level name and the subscript keys leading into it.</summary>
    private sealed record Place(string Root, IReadOnlyList<PythonValue> Keys);

    private Place? ResolvePlace(PyExpr expr, Frame frame)
    {
        switch (expr)
        {
            case PyName name:
                return new Place(name.Id, []);
            case PySubscript subscript when subscript.Index is not PySlice:
                var parent = ResolvePlace(subscript.Target, frame);
                if (parent is null) return null;
                var key = Evaluate(subscript.Index, frame);
                return parent with { Keys = parent.Keys.Append(key).ToList() };
            default:
                return null;
        }
    }

    /// <summary>
    /// Replaces the item a place designates (<paramref name="change"/> gets the current item, null when missing, and
    /// returns the new one, null to delete it) and records the change as a mutation of the root name.
    /// </summary>
    private void UpdatePlace(Place place, PySpan span, Frame frame, Func<PythonValue?, PythonValue, PythonValue?> change, string verb)
    {
        var context = frame.Module;
        if (!context.Globals.TryGetValue(place.Root, out var binding))
        {
            if (place.Keys.Count == 0) return;
            Note(PythonNoteKind.Unsupported, $"cannot {verb} an item of '{place.Root}', which is not defined", Loc(span, context));
            return;
        }

        if (place.Keys.Count == 0)
        {
            var replaced = change(binding.Value, binding.Value);
            if (replaced is not null) Mutate(context, place.Root, replaced, span);
            return;
        }

        var updated = SetAt(binding.Value, place.Keys, 0, change, out string? problem);
        if (problem is not null)
        {
            Note(PythonNoteKind.Unsupported, $"cannot {verb} an item of '{place.Root}': {problem}", Loc(span, context));
            if (updated is null) return;
        }

        Mutate(context, place.Root, updated!, span);
    }

    private static PythonValue? SetAt(PythonValue container, IReadOnlyList<PythonValue> keys, int index,
        Func<PythonValue?, PythonValue, PythonValue?> change, out string? problem)
    {
        problem = null;
        var key = keys[index];
        if (container is PythonPossibleValues possible)
        {
            var options = new List<PossibleValue>();
            foreach (var option in possible.Options)
            {
                var value = SetAt(option.Value, keys, index, change, out problem) ?? option.Value;
                options.Add(option with { Value = value });
            }

            return new PythonPossibleValues(options) { Origin = container.Origin };
        }

        if (container is PythonUnknown) return container; // still unknown, but the change is recorded

        if (!key.IsKnown)
        {
            problem = "the key is not known";
            return null;
        }

        PythonValue? current = ItemOf(container, key);
        PythonValue? replacement = index == keys.Count - 1
            ? change(current, container)
            : current is null ? new PythonUnknown("missing item") : SetAt(current, keys, index + 1, change, out problem);
        if (problem is not null && replacement is null) return null;

        switch (container)
        {
            case PythonDict dict:
            {
                var entries = dict.Entries.ToList();
                if (replacement is null) entries.RemoveAll(e => PythonOperations.AreEqual(e.Key, key) == true);
                else PythonOperations.SetEntry(entries, key, replacement);
                return new PythonDict(entries) { Origin = dict.Origin };
            }

            case PythonList list when key is PythonInt or PythonBool:
            {
                int position = NormalizeIndex(PythonOperations.ToInteger(key), list.Items.Count);
                if (position < 0)
                {
                    problem = "list index out of range";
                    return null;
                }

                var items = list.Items.ToList();
                if (replacement is null) items.RemoveAt(position);
                else items[position] = replacement;
                return new PythonList(items) { Origin = list.Origin };
            }

            default:
                problem = $"'{container.TypeName}' items cannot be changed";
                return null;
        }
    }

    private static PythonValue? ItemOf(PythonValue container, PythonValue key) => container switch
    {
        PythonDict dict => dict.Get(key),
        PythonList list when key is PythonInt or PythonBool => NormalizeIndex(PythonOperations.ToInteger(key), list.Items.Count) is var i && i >= 0 ? list.Items[i] : null,
        _ => null,
    };

    private static int NormalizeIndex(System.Numerics.BigInteger index, int count)
    {
        if (index < 0) index += count;
        return index >= 0 && index < count ? (int)index : -1;
    }

    // ------------------------------------------------------------ mutating method calls

    /// <summary>
    /// Applies <c>NAME[...].method(...)</c> statements such as <c>MIDDLEWARE.append(x)</c> or
    /// <c>DATABASES["default"].update(...)</c> to the module-level value. False when the statement is not one.
    /// </summary>
    private bool TryApplyMutation(PyExpressionStatement statement, Frame frame)
    {
        if (statement.Value is not PyCall { Function: PyAttribute attribute } call || !MutatingMethods.Contains(attribute.Name))
            return false;
        var place = ResolvePlace(attribute.Target, frame);
        if (place is null || !frame.Module.Globals.TryGetValue(place.Root, out var binding)) return false;

        var target = place.Keys.Count == 0 ? binding.Value : Navigate(binding.Value, place.Keys);
        if (target is not (PythonList or PythonDict or PythonSet or PythonUnknown or PythonPossibleValues)) return false;

        var args = EvaluateArguments(call, frame);
        UpdatePlace(place, statement.Span, frame, (current, _) =>
        {
            if (current is null) return new PythonUnknown("missing item");
            return ApplyMutation(current, attribute.Name, args);
        }, attribute.Name);
        return true;
    }

    private static PythonValue Navigate(PythonValue value, IReadOnlyList<PythonValue> keys)
    {
        foreach (var key in keys)
        {
            if (value is PythonPossibleValues or PythonUnknown) return value;
            value = key.IsKnown ? ItemOf(value, key) ?? new PythonUnknown("missing item") : new PythonUnknown("unknown key");
        }

        return value;
    }

    /// <summary>The container after a mutating method call.</summary>
    private PythonValue ApplyMutation(PythonValue container, string method, CallArgs args)
    {
        if (PythonOperations.MapPossible(container, c => ApplyMutation(c, method, args)) is { } mapped) return mapped;
        if (container is PythonUnknown) return container;
        if (args.Unknown is not null) return new PythonUnknown($"{method}() called with unknown arguments");

        switch (container)
        {
            case PythonList list:
                return MutateList(list, method, args);
            case PythonDict dict:
                return MutateDict(dict, method, args);
            case PythonSet set:
                return MutateSet(set, method, args);
            default:
                return container;
        }
    }

    private static PythonValue MutateList(PythonList list, string method, CallArgs args)
    {
        var items = list.Items.ToList();
        switch (method)
        {
            case "append" when args.Get(0, "object") is { } item:
                items.Add(item);
                break;
            case "insert" when args.Get(0, "index") is { } index && args.Get(1, "object") is { } item:
                if (!PythonOperations.IsNumber(index) || index is PythonFloat) return new PythonUnknown("list.insert() with an unknown index");
                var position = PythonOperations.ToInteger(index);
                if (position < 0) position += items.Count;
                items.Insert((int)System.Numerics.BigInteger.Clamp(position, 0, items.Count), item);
                break;
            case "extend" when args.Get(0, "iterable") is { } iterable:
                var more = PythonOperations.Iterate(iterable);
                if (more is null) return PythonOperations.FirstUnknown(iterable) ?? new PythonUnknown("list extended with an unknown iterable");
                items.AddRange(more);
                break;
            case "remove" when args.Get(0, "value") is { } value:
                int found = IndexOf(items, value);
                if (found == -2) return new PythonUnknown("list.remove() of a value that could not be compared");
                if (found >= 0) items.RemoveAt(found);
                break;
            case "pop":
                if (items.Count == 0) return list;
                var at = args.Get(0, "index");
                int popIndex = at is null ? items.Count - 1 : NormalizeIndex(PythonOperations.ToInteger(at), items.Count);
                if (at is not null && !PythonOperations.IsNumber(at)) return new PythonUnknown("list.pop() with an unknown index");
                if (popIndex >= 0) items.RemoveAt(popIndex);
                break;
            case "clear":
                items.Clear();
                break;
            case "reverse":
                items.Reverse();
                break;
            case "sort":
                if (args.Positional.Count > 0 || args.Keywords.Count > 0) return new PythonUnknown("list.sort() with arguments");
                var sorted = PythonBuiltins.Sorted(items);
                if (sorted is null) return new PythonUnknown("list.sort() of values that could not be compared");
                items = sorted;
                break;
            default:
                return new PythonUnknown($"list.{method}() is not supported");
        }

        return new PythonList(items) { Origin = list.Origin };
    }

    /// <summary>Index of the first item equal to <paramref name="value"/>; -1 when none, -2 when it cannot be decided.</summary>
    private static int IndexOf(List<PythonValue> items, PythonValue value)
    {
        for (int i = 0; i < items.Count; i++)
        {
            var equal = PythonOperations.AreEqual(items[i], value);
            if (equal == true) return i;
            if (equal is null) return -2;
        }

        return -1;
    }

    private static PythonValue MutateDict(PythonDict dict, string method, CallArgs args)
    {
        var entries = dict.Entries.ToList();
        switch (method)
        {
            case "update":
                if (args.Positional.Count > 0)
                {
                    var pairs = PythonBuiltins.DictEntries(args.Positional[0]);
                    if (pairs is null) return PythonOperations.FirstUnknown(args.Positional[0]) ?? new PythonUnknown("dict updated with an unknown mapping");
                    foreach (var (key, value) in pairs) PythonOperations.SetEntry(entries, key, value);
                }

                foreach (var (key, value) in args.Keywords) PythonOperations.SetEntry(entries, new PythonString(key), value);
                break;
            case "setdefault" when args.Get(0, "key") is { } key:
                if (!key.IsKnown) return new PythonUnknown("dict.setdefault() with an unknown key");
                if (dict.Get(key) is null) entries.Add(new(key, args.Get(1, "default") ?? PythonOperations.None));
                break;
            case "pop" when args.Get(0, "key") is { } key:
                if (!key.IsKnown) return new PythonUnknown("dict.pop() with an unknown key");
                entries.RemoveAll(e => PythonOperations.AreEqual(e.Key, key) == true);
                break;
            case "popitem":
                if (entries.Count > 0) entries.RemoveAt(entries.Count - 1);
                break;
            case "clear":
                entries.Clear();
                break;
            default:
                return new PythonUnknown($"dict.{method}() is not supported");
        }

        return new PythonDict(entries) { Origin = dict.Origin };
    }

    private static PythonValue MutateSet(PythonSet set, string method, CallArgs args)
    {
        var items = set.Items.ToList();
        switch (method)
        {
            case "add" when args.Get(0, "element") is { } element:
                if (IndexOf(items, element) == -1) items.Add(element);
                break;
            case "discard" or "remove" when args.Get(0, "element") is { } element:
                int found = IndexOf(items, element);
                if (found == -2) return new PythonUnknown($"set.{method}() of a value that could not be compared");
                if (found >= 0) items.RemoveAt(found);
                break;
            case "update":
                foreach (var iterable in args.Positional)
                {
                    var more = PythonOperations.Iterate(iterable);
                    if (more is null) return new PythonUnknown("set updated with an unknown iterable");
                    foreach (var item in more)
                    {
                        if (IndexOf(items, item) == -1) items.Add(item);
                    }
                }

                break;
            case "clear":
                items.Clear();
                break;
            default:
                return new PythonUnknown($"set.{method}() is not supported");
        }

        return new PythonSet(items) { Origin = set.Origin };
    }

    // ------------------------------------------------------------ if / else

    private RaiseSignal? EvaluateIf(PyIf statement, ModuleContext context, Frame frame)
    {
        var test = Evaluate(statement.Test, frame);
        var truth = PythonOperations.Truthiness(test);
        if (truth == true) return EvaluateBlock(statement.Body, context);
        if (truth == false) return EvaluateBlock(statement.OrElse, context);

        string condition = ConditionText(statement.Test, context);
        string why = test is PythonUnknown unknown ? unknown.Reason : test is PythonPossibleValues ? "it has several possible values" : "its truth is not known";
        Note(PythonNoteKind.UnknownCondition, $"condition `{condition}` could not be decided ({why}); both branches were evaluated",
            Loc(statement.Test.Span, context));
        return EvaluateBothBranches(condition, statement.Body, statement.OrElse, statement.Span, context);
    }

    private static string ConditionText(PyExpr test, ModuleContext context)
    {
        string text = context.Module.TextOf(test.Span);
        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>Evaluates both branches of an undecided condition and merges what they set into possible values.</summary>
    private RaiseSignal? EvaluateBothBranches(string condition, IReadOnlyList<PyStatement> body, IReadOnlyList<PyStatement> orElse, PySpan span, ModuleContext context)
    {
        var globals = context.Globals;
        var before = new Dictionary<string, PythonBinding>(globals, StringComparer.Ordinal);

        var thenRaised = EvaluateBlock(body, context);
        var afterThen = new Dictionary<string, PythonBinding>(globals, StringComparer.Ordinal);
        Restore(globals, before);

        var elseRaised = EvaluateBlock(orElse, context);
        var afterElse = new Dictionary<string, PythonBinding>(globals, StringComparer.Ordinal);

        if (thenRaised is not null && elseRaised is not null)
            return thenRaised;
        if (thenRaised is not null)
        {
            // A branch that raises never finishes the module: only the other branch matters afterwards.
            Note(PythonNoteKind.Raise, $"when `{condition}` the module raises {thenRaised.Type}; the other branch was kept", thenRaised.Location);
            return null;
        }

        if (elseRaised is not null)
        {
            Note(PythonNoteKind.Raise, $"unless `{condition}` the module raises {elseRaised.Type}; the other branch was kept", elseRaised.Location);
            Restore(globals, afterThen);
            return null;
        }

        Restore(globals, Merge(afterThen, afterElse, condition, span, context));
        return null;
    }

    private static void Restore(Dictionary<string, PythonBinding> globals, Dictionary<string, PythonBinding> saved)
    {
        globals.Clear();
        foreach (var (name, binding) in saved) globals[name] = binding;
    }

    private static Dictionary<string, PythonBinding> Merge(Dictionary<string, PythonBinding> whenTrue, Dictionary<string, PythonBinding> whenFalse,
        string condition, PySpan span, ModuleContext context)
    {
        var merged = new Dictionary<string, PythonBinding>(StringComparer.Ordinal);
        foreach (var name in whenTrue.Keys.Concat(whenFalse.Keys))
        {
            if (merged.ContainsKey(name)) continue;
            whenTrue.TryGetValue(name, out var a);
            whenFalse.TryGetValue(name, out var b);
            if (ReferenceEquals(a, b) || (a is not null && b is not null && SameValue(a.Value, b.Value)))
            {
                merged[name] = a!;
                continue;
            }

            var options = OptionsOf(name, a, condition).Concat(OptionsOf(name, b, $"not ({condition})")).ToList();
            PythonValue value = options.Count <= MaxPossibleValues
                ? new PythonPossibleValues(options)
                : new PythonUnknown($"{name} has more than {MaxPossibleValues} possible values");
            var mutations = (a?.Mutations ?? []).Concat(b?.Mutations ?? []).Distinct().ToList();
            merged[name] = new PythonBinding(name, value, Loc(span, context), mutations);
        }

        return merged;
    }

    private static bool SameValue(PythonValue a, PythonValue b) =>
        a.IsKnown && b.IsKnown && a.GetType() == b.GetType() && a.ToString() == b.ToString() && Equals(a.Origin, b.Origin);

    private static IEnumerable<PossibleValue> OptionsOf(string name, PythonBinding? binding, string condition)
    {
        if (binding is null)
            return [new PossibleValue(new PythonUnknown($"{name} is not set"), null, condition)];
        if (binding.Value is PythonPossibleValues possible)
            return possible.Options.Select(o => o with { Condition = $"{condition} and {o.Condition}" });
        return [new PossibleValue(binding.Value, binding.Location, condition)];
    }

    // ------------------------------------------------------------ try / except

    private RaiseSignal? EvaluateTry(PyTry statement, ModuleContext context)
    {
        var outer = _softRaises;
        RaiseSignal? raised = null;
        foreach (var inner in statement.Body)
        {
            _softRaises = new List<string>();
            var signal = EvaluateStatementSafely(inner, context);
            var soft = _softRaises;
            _softRaises = outer;
            if (signal is not null)
            {
                raised = signal;
                break;
            }

            // An import that did not resolve (or a lookup that would fail) ends the try body when a handler catches it.
            var caught = soft.FirstOrDefault(type => FindHandler(statement.Handlers, type) is not null);
            if (caught is not null)
            {
                raised = new RaiseSignal(caught, Loc(inner.Span, context));
                break;
            }

            outer.AddRange(soft);
        }

        RaiseSignal? result = null;
        if (raised is not null)
        {
            var handler = FindHandler(statement.Handlers, raised.Type);
            if (handler is null)
            {
                result = raised;
            }
            else
            {
                if (handler.Name is not null)
                    Bind(context, handler.Name, new PythonUnknown($"the {raised.Type} caught at line {handler.Span.Line}"), handler.Span);
                result = EvaluateBlock(handler.Body, context);
            }
        }
        else
        {
            result = EvaluateBlock(statement.OrElse, context);
        }

        return EvaluateBlock(statement.Finally, context) ?? result;
    }

    private static PyExceptHandler? FindHandler(IReadOnlyList<PyExceptHandler> handlers, string raisedType)
    {
        foreach (var handler in handlers)
        {
            if (handler.Type is null) return handler;
            foreach (var dotted in handler.TypeNames)
            {
                if (Catches(dotted[(dotted.LastIndexOf('.') + 1)..], raisedType)) return handler;
            }
        }

        return null;
    }

    private static bool Catches(string handlerType, string raisedType) => handlerType switch
    {
        _ when handlerType == raisedType => true,
        "Exception" or "BaseException" => true,
        "ImportError" => raisedType == "ModuleNotFoundError",
        "LookupError" => raisedType is "KeyError" or "IndexError",
        _ => false,
    };

    // ------------------------------------------------------------ loops and other skipped blocks

    /// <summary>Loops, with and match bodies are not run; every name they set or change becomes unknown.</summary>
    private void SkipBlock(PyStatement statement, ModuleContext context)
    {
        string what = statement switch
        {
            PyFor => "a for loop",
            PyWhile => "a while loop",
            PyWith => "a with block",
            _ => "a match statement",
        };
        int line = statement.Span.Line;
        var (assigned, mutated) = AssignedNames([statement]);
        foreach (var name in assigned)
            Bind(context, name, new PythonUnknown($"assigned in {what} at line {line}"), statement.Span);
        foreach (var name in mutated.Where(n => !assigned.Contains(n)))
        {
            if (context.Globals.ContainsKey(name))
                Mutate(context, name, new PythonUnknown($"modified in {what} at line {line}"), statement.Span);
        }

        if (assigned.Count + mutated.Count > 0)
            Note(PythonNoteKind.SkippedBlock, $"{what} was not evaluated; names it sets are unknown: {string.Join(", ", assigned.Concat(mutated).Distinct())}",
                Loc(statement.Span, context));
    }

    /// <summary>Names a block binds (assigned) and names whose values it changes in place (mutated).</summary>
    private static (HashSet<string> Assigned, HashSet<string> Mutated) AssignedNames(IReadOnlyList<PyStatement> statements)
    {
        var assigned = new HashSet<string>(StringComparer.Ordinal);
        var mutated = new HashSet<string>(StringComparer.Ordinal);
        CollectNames(statements, assigned, mutated);
        return (assigned, mutated);
    }

    private static void CollectNames(IReadOnlyList<PyStatement> statements, HashSet<string> assigned, HashSet<string> mutated)
    {
        foreach (var statement in statements)
        {
            switch (statement)
            {
                case PyAssign s:
                    foreach (var target in s.Targets) CollectTarget(target, assigned, mutated);
                    break;
                case PyAnnotatedAssign { Value: not null } s:
                    CollectTarget(s.Target, assigned, mutated);
                    break;
                case PyAugmentedAssign s:
                    if (RootName(s.Target) is { } augmented) mutated.Add(augmented);
                    break;
                case PyDelete s:
                    foreach (var target in s.Targets) CollectTarget(target, assigned, mutated);
                    break;
                case PyExpressionStatement { Value: PyCall { Function: PyAttribute attribute } } when MutatingMethods.Contains(attribute.Name):
                    if (RootName(attribute.Target) is { } root) mutated.Add(root);
                    break;
                case PyImport s:
                    foreach (var alias in s.Names) assigned.Add(alias.AsName ?? alias.Name.Split('.')[0]);
                    break;
                case PyImportFrom s:
                    foreach (var alias in s.Names) assigned.Add(alias.AsName ?? alias.Name);
                    break;
                case PyFunctionDef s:
                    assigned.Add(s.Name);
                    continue; // its body runs only when called
                case PyClassDef s:
                    assigned.Add(s.Name);
                    continue;
                case PyFor s:
                    CollectTarget(s.Target, assigned, mutated);
                    break;
                case PyWith s:
                    foreach (var item in s.Items)
                    {
                        if (item.Target is not null) CollectTarget(item.Target, assigned, mutated);
                    }

                    break;
            }

            foreach (var block in ChildBlocks(statement)) CollectNames(block, assigned, mutated);
        }
    }

    private static void CollectTarget(PyExpr target, HashSet<string> assigned, HashSet<string> mutated)
    {
        switch (target)
        {
            case PyName name: assigned.Add(name.Id); break;
            case PyTuple tuple: foreach (var e in tuple.Elements) CollectTarget(e, assigned, mutated); break;
            case PyList list: foreach (var e in list.Elements) CollectTarget(e, assigned, mutated); break;
            case PyStarred starred: CollectTarget(starred.Value, assigned, mutated); break;
            case PySubscript subscript when RootName(subscript) is { } root: mutated.Add(root); break;
        }
    }

    private static string? RootName(PyExpr expr) => expr switch
    {
        PyName name => name.Id,
        PySubscript subscript => RootName(subscript.Target),
        _ => null,
    };
}
