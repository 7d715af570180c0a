using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Inventory.Model;

namespace Inventory.Annotations;

/// <summary>A copy of every field of a table and its columns that <see cref="AnnotationMerger.Apply"/> may set, to tell
/// whether the merge changed the table, so that a table whose JSON the scan wrote ahead (<see cref="PrewrittenTable"/>)
/// keeps its bytes only when it did not.
/// <para>The fields are not listed: they are every public read-write property reachable from <see cref="TableEntry"/>
/// (its columns, their JSON paths, annotation references and database labels, and whatever is added to them later)
/// except the scan's own fields (<see cref="ScanOwn"/>), which the merge only reads and which are left out for speed
/// (20,000 columns are copied twice per scan). A field added to the document is therefore compared unless it is named
/// the scan's own; naming one wrongly is caught by <c>MergedFieldsTests</c>, which merges generated documents and
/// checks that those fields never change and that exactly the changed tables lose their bytes.</para>
/// <para>Values are copied as they are compared: strings, numbers, enums and records (value equality, replaced rather
/// than changed in place) by value, lists of strings by content, other classes and lists of them field by field.</para></summary>
internal sealed class MergedFields
{
    /// <summary>The fields the scan sets and the merge only reads, as <c>Type.Property</c>.</summary>
    internal static IReadOnlySet<string> ScanOwn { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        Field<TableEntry>(nameof(TableEntry.Schema)), Field<TableEntry>(nameof(TableEntry.Name)),
        Field<TableEntry>(nameof(TableEntry.QualifiedName)), Field<TableEntry>(nameof(TableEntry.Kind)),
        Field<TableEntry>(nameof(TableEntry.RowEstimate)), Field<TableEntry>(nameof(TableEntry.SampledRows)),
        Field<TableEntry>(nameof(TableEntry.SampleMethod)), Field<TableEntry>(nameof(TableEntry.NotSampled)),
        Field<TableEntry>(nameof(TableEntry.Comment)), Field<TableEntry>(nameof(TableEntry.PrimaryKey)),
        Field<TableEntry>(nameof(TableEntry.ForeignKeys)), Field<TableEntry>(nameof(TableEntry.Partitions)), Field<TableEntry>(nameof(TableEntry.History)),
        Field<ColumnEntry>(nameof(ColumnEntry.Name)), Field<ColumnEntry>(nameof(ColumnEntry.Ordinal)),
        Field<ColumnEntry>(nameof(ColumnEntry.DeclaredType)), Field<ColumnEntry>(nameof(ColumnEntry.TypeFamily)),
        Field<ColumnEntry>(nameof(ColumnEntry.Nullable)), Field<ColumnEntry>(nameof(ColumnEntry.Comment)),
        Field<ColumnEntry>(nameof(ColumnEntry.NotSampled)), Field<ColumnEntry>(nameof(ColumnEntry.Stats)),
        Field<ColumnEntry>(nameof(ColumnEntry.Classification)), Field<ColumnEntry>(nameof(ColumnEntry.MaskedExamples)),
        Field<ColumnEntry>(nameof(ColumnEntry.ReadsFrom)),
    };

    private static string Field<T>(string property) => $"{typeof(T).Name}.{property}";

    /// <summary>How one field is copied and compared.</summary>
    private enum FieldKind
    {
        /// <summary>By value (<see cref="object.Equals(object, object)"/>).</summary>
        Value,
        /// <summary>A list of strings, by content.</summary>
        Strings,
        /// <summary>A class, field by field (a presence mark, then its fields).</summary>
        Nested,
        /// <summary>A list of a class, item by item (its count, then each item's fields).</summary>
        NestedList,
    }

    /// <summary>One field: how to read it from its owner and how to copy it.</summary>
    private sealed record FieldPlan(string Name, Func<object, object?> Read, FieldKind Kind, FieldPlan[]? Fields);

    private static readonly FieldPlan[] TablePlan = PlanOf(typeof(TableEntry), []);

    private readonly List<object?> _values;

    private MergedFields(TableEntry table)
    {
        _values = [];
        Copy(table, TablePlan, _values);
    }

    /// <summary>The merged fields of <paramref name="table"/> as they are now.</summary>
    public static MergedFields Of(TableEntry table) => new(table);

    /// <summary>True when <paramref name="table"/>'s merged fields equal these (compared as they are read, without a
    /// second copy).</summary>
    public bool Same(TableEntry table)
    {
        int index = 0;
        return Matches(table, TablePlan, ref index) && index == _values.Count;
    }

    private bool Matches(object owner, FieldPlan[] plan, ref int index)
    {
        foreach (var field in plan)
        {
            if (index >= _values.Count) return false;
            var value = field.Read(owner);
            var before = _values[index++];
            switch (field.Kind)
            {
                case FieldKind.Value:
                    if (!Equals(before, value)) return false;
                    break;
                case FieldKind.Strings:
                    if (before is null != value is null
                        || (before is string[] strings && !strings.SequenceEqual((IEnumerable<string>)value!, StringComparer.Ordinal)))
                        return false;
                    break;
                case FieldKind.Nested:
                    if ((bool)before! != value is not null) return false;
                    if (value is not null && !Matches(value, field.Fields!, ref index)) return false;
                    break;
                case FieldKind.NestedList:
                    var items = (IList?)value;
                    if ((int)before! != (items?.Count ?? -1)) return false;
                    if (items is not null)
                        for (int i = 0; i < items.Count; i++)
                        {
                            var item = items[i];
                            if (index >= _values.Count || (bool)_values[index++]! != item is not null) return false;
                            if (item is not null && !Matches(item, field.Fields!, ref index)) return false;
                        }
                    break;
            }
        }
        return true;
    }

    private static void Copy(object owner, FieldPlan[] plan, List<object?> values)
    {
        foreach (var field in plan)
        {
            var value = field.Read(owner);
            switch (field.Kind)
            {
                case FieldKind.Value:
                    values.Add(value);
                    break;
                case FieldKind.Strings:
                    values.Add(value is null ? null : ((IEnumerable<string>)value).ToArray());
                    break;
                case FieldKind.Nested:
                    values.Add(value is not null);
                    if (value is not null) Copy(value, field.Fields!, values);
                    break;
                case FieldKind.NestedList:
                    var items = (IList?)value;
                    values.Add(items?.Count ?? -1);
                    if (items is not null)
                        for (int i = 0; i < items.Count; i++)
                        {
                            var item = items[i];
                            values.Add(item is not null);
                            if (item is not null) Copy(item, field.Fields!, values);
                        }
                    break;
            }
        }
    }

    private const string KeptWhole = "kept whole in the Native AOT build (TrimmerRootAssembly in Inventory.Cli.csproj); the AOT smoke (bench/aot-smoke.sh) runs every command.";

    /// <summary>The plan of every public read-write property of <paramref name="type"/> that is not the scan's own.</summary>
    /// <exception cref="InvalidOperationException">A property of a type the copy cannot compare (a dictionary, a list of
    /// lists): teach <see cref="KindOf"/> the type.</exception>
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "The types are the document's (Inventory.Contracts), " + KeptWhole)]
    private static FieldPlan[] PlanOf(Type type, HashSet<Type> enclosing)
    {
        if (!enclosing.Add(type))
            throw new InvalidOperationException($"{type.Name} contains itself; the merged fields cannot be copied");
        var plan = new List<FieldPlan>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                     .Where(p => p.GetMethod is { IsPublic: true } && p.SetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0))
        {
            var name = $"{type.Name}.{property.Name}";
            if (ScanOwn.Contains(name)) continue;
            var (kind, item) = KindOf(property.PropertyType, name);
            plan.Add(new FieldPlan(name, Reader(property), kind, item is null ? null : PlanOf(item, enclosing)));
        }
        enclosing.Remove(type);
        return [.. plan];
    }

    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "The types are the document's (Inventory.Contracts), " + KeptWhole)]
    private static (FieldKind Kind, Type? Item) KindOf(Type type, string name)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying.IsPrimitive || underlying.IsEnum || underlying == typeof(string) || underlying == typeof(decimal)
            || underlying == typeof(DateTimeOffset) || underlying.GetMethod("<Clone>$") is not null)
            return (FieldKind.Value, null);
        if (typeof(IEnumerable<string>).IsAssignableFrom(type)) return (FieldKind.Strings, null);
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) && type.GetGenericArguments()[0] is { IsClass: true } element
            && !typeof(IEnumerable).IsAssignableFrom(element))
            return (FieldKind.NestedList, element);
        if (type.IsClass && !typeof(IEnumerable).IsAssignableFrom(type)) return (FieldKind.Nested, type);
        throw new InvalidOperationException($"{name}: a field of type {type} that the merged fields cannot compare");
    }

    /// <summary>A reader of <paramref name="property"/> through <see cref="MethodInvoker"/>: precompiled invoke stubs under
    /// Native AOT, where a compiled expression is only interpreted (an argument array and an interpreter frame per read:
    /// the copy and the comparison of a 20,000-column scan were 7–9 % of its CPU, bench/README.md, perf36); an emitted
    /// stub once warm under the JIT, without loading the expression compiler.</summary>
    /// <param name="property">A public readable instance property without index parameters.</param>
    /// <returns>The property's value, boxed when it is a value type.</returns>
    private static Func<object, object?> Reader(PropertyInfo property)
    {
        var invoker = MethodInvoker.Create(property.GetMethod!);
        return owner => invoker.Invoke(owner);
    }
}
