using System.Collections;
using System.Reflection;
using System.Text;
using Inventory.Annotations;
using Inventory.Catalog;
using Inventory.Classification;
using Inventory.Model;
using NUnit.Framework;

namespace Inventory.Tests.Scanning;

/// <summary>The merge's copy of the fields it may set (<see cref="MergedFields"/>, every field but the scan's own), by
/// which a table written ahead during the scan keeps or drops its bytes (<see cref="PrewrittenTable"/>). A field the
/// merge sets but the copy misses would leave stale bytes in inventory.json; these tests fail when that happens: every
/// field of a table, its columns, their JSON paths and annotation references is either named the scan's own (never set
/// by the merge, which the second test checks over generated documents) or seen changed by the copy (the first test, by
/// its own reflection walk, so a field added to the document later is covered too).</summary>
[TestFixture]
public sealed class MergedFieldsTests
{
    /// <summary>Fields the scan sets and the merge only reads (<see cref="MergedFields.ScanOwn"/>). Every other public
    /// settable field reachable from a table (through its columns, their paths, annotation references and database
    /// labels) is a merged field.</summary>
    private static IReadOnlySet<string> ScanOwnFields => MergedFields.ScanOwn;

    /// <summary>A table whose every optional merged part is present (annotation reference with recipients, a JSON path with
    /// its own annotation, a database label), so that each field can be changed in place.</summary>
    private static TableEntry FullTable()
    {
        var table = InventoryJsonGeneratedWriterTests.RandomDocument(new Random(30), tables: 1).Sources[0].Tables[0];
        table.Activity = "billing";
        table.Retention = "P1Y";
        table.SharedWith = ["payroll"];
        table.AnnotationFile = "annotations/app.yml";
        var column = table.Columns[0];
        column.DataCategory = "contact.email";
        column.Origin = Origin.Annotation;
        column.Conflict = "annotated contact.email, but 3/3 values are IBANs";
        column.DatabaseLabel = new DatabaseLabel("comment", "contact.email", "Contact Info", "Medium");
        column.Annotation = new AnnotationRef { DataCategory = "contact.email", Reason = "reviewed", Retention = "P2Y", SharedWith = ["crm"], File = "a.yml", Line = 3, Column = 5 };
        column.Paths =
        [
            new PathEntry
            {
                Path = "$.email", DataCategory = "contact.email", Origin = Origin.Annotation,
                Annotation = new AnnotationRef { DataCategory = "contact.email", Reason = "r", Retention = "P3Y", SharedWith = ["x"], File = "b.yml", Line = 1, Column = 2 },
            },
        ];
        return table;
    }

    /// <summary>One change of one field: its path and what it does to a <see cref="FullTable"/>.</summary>
    private sealed record FieldChange(string Path, Action<TableEntry> Apply);

    /// <summary>Every change of a field that is not the scan's own, found by reflection from <see cref="TableEntry"/>.</summary>
    private static List<FieldChange> MergedFieldChanges(ISet<string> scanOwnSeen)
    {
        var changes = new List<FieldChange>();
        void Walk(Type type, string prefix, Func<TableEntry, object> owner)
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true }))
            {
                var name = $"{type.Name}.{property.Name}";
                if (ScanOwnFields.Contains(name)) { scanOwnSeen.Add(name); continue; }
                var path = prefix + property.Name;
                var kind = property.PropertyType;
                if (kind == typeof(List<ColumnEntry>))
                    Walk(typeof(ColumnEntry), path + "[0].", t => ((List<ColumnEntry>)property.GetValue(owner(t))!)[0]);
                else if (kind == typeof(List<PathEntry>))
                {
                    Walk(typeof(PathEntry), path + "[0].", t => ((List<PathEntry>)property.GetValue(owner(t))!)[0]);
                    changes.Add(new(path + ".Count", t => ((List<PathEntry>)property.GetValue(owner(t))!).Add(new PathEntry { Path = "$.added" })));
                }
                else if (kind.GetMethod("<Clone>$") is { } clone)
                {
                    // A record is replaced, never changed in place: its copy with one field changed (as `with` makes it).
                    foreach (var field in kind.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is not null))
                        changes.Add(new(path + "." + field.Name, t =>
                        {
                            var copy = clone.Invoke(property.GetValue(owner(t)), null)!;
                            field.SetValue(copy, Changed(field.PropertyType, field.GetValue(copy), path + "." + field.Name));
                            property.SetValue(owner(t), copy);
                        }));
                }
                else if (kind.IsClass && kind != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(kind))
                    Walk(kind, path + ".", t => property.GetValue(owner(t))!);
                else
                    changes.Add(new(path, t => property.SetValue(owner(t), Changed(kind, property.GetValue(owner(t)), path))));
            }
        }
        Walk(typeof(TableEntry), "", t => t);
        return changes;
    }

    /// <summary>A value of <paramref name="type"/> different from <paramref name="value"/>.</summary>
    /// <exception cref="AssertionException">A field type this test cannot change yet: teach it the type.</exception>
    private static object? Changed(Type type, object? value, string path)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(string)) return (string?)value + "~";
        if (underlying == typeof(int)) return (int)(value ?? 0) + 1;
        if (underlying == typeof(long)) return (long)(value ?? 0L) + 1;
        if (underlying == typeof(double)) return (double)(value ?? 0d) + 0.25;
        if (underlying == typeof(bool)) return !(bool)(value ?? false);
        if (underlying.IsEnum) return Enum.GetValues(underlying).Cast<object>().First(v => !v.Equals(value));
        if (underlying == typeof(List<string>)) return new List<string>((IEnumerable<string>?)value ?? []) { "~" };
        Assert.Fail($"{path}: a field of type {type} that this test cannot change; add the type to {nameof(Changed)}");
        return null;
    }

    [Test]
    public void Same_EveryFieldButTheScansOwnChanged_SeesTheChange()
    {
        // Given every field of a table, its columns, paths, annotation references and labels that is not the scan's own
        var scanOwnSeen = new HashSet<string>();
        var changes = MergedFieldChanges(scanOwnSeen);
        Assert.That(scanOwnSeen, Is.EquivalentTo(ScanOwnFields), "every field named the scan's own exists in the document");
        Assert.That(changes.Select(c => c.Path), Does.Contain("Columns[0].DataCategory").And.Contain("Columns[0].Paths[0].Annotation.Retention")
            .And.Contain("Columns[0].DatabaseLabel.Label").And.Contain("SharedWith"));
        var unchanged = FullTable();
        Assert.That(MergedFields.Of(unchanged).Same(unchanged), Is.True, "an untouched table is the same");

        // When each is changed on its own, Then the merge's list of fields sees the table changed
        using (Assert.EnterMultipleScope())
        {
            foreach (var change in changes)
            {
                var table = FullTable();
                var before = MergedFields.Of(table);
                change.Apply(table);
                Assert.That(before.Same(table), Is.False, $"{change.Path} changed but the merge's copy of its fields is the same");
            }
        }
    }

    /// <summary>Every public readable field of <paramref name="value"/>, recursively, as text (lists by their items, objects
    /// by their properties in name order).</summary>
    private static void Describe(object? value, StringBuilder text, int depth = 0)
    {
        switch (value)
        {
            case null: text.Append("null"); return;
            case string s: text.Append('"').Append(s).Append('"'); return;
            case IFormattable f when value.GetType().IsPrimitive || value.GetType().IsEnum || value is decimal or DateTimeOffset:
                text.Append(f.ToString(null, System.Globalization.CultureInfo.InvariantCulture)); return;
            case bool b: text.Append(b); return;
            case IEnumerable items:
                text.Append('[');
                foreach (var item in items) { Describe(item, text, depth + 1); text.Append(','); }
                text.Append(']');
                return;
        }
        Assert.That(depth, Is.LessThan(12), "the description ends");
        text.Append(value.GetType().Name).Append('{');
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
                     .Where(p => p.GetIndexParameters().Length == 0).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            text.Append(property.Name).Append('=');
            Describe(property.GetValue(value), text, depth + 1);
            text.Append(';');
        }
        text.Append('}');
    }

    private static string Describe(object? value)
    {
        var text = new StringBuilder();
        Describe(value, text);
        return text.ToString();
    }

    /// <summary>The scan's own fields of a table and its columns, as text.</summary>
    private static string ScanOwn(TableEntry table)
    {
        var text = new StringBuilder();
        foreach (var (owner, type) in table.Columns.Select(c => ((object)c, typeof(ColumnEntry))).Prepend((table, typeof(TableEntry))))
            foreach (var name in ScanOwnFields.Where(n => n.StartsWith(type.Name + ".", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                text.Append(name).Append('=');
                Describe(type.GetProperty(name[(type.Name.Length + 1)..])!.GetValue(owner), text);
                text.Append(';');
            }
        return text.ToString();
    }

    private static readonly string[] Categories = ["contact.email", "contact.phone", "financial.iban", "identity.name", "none", "automatic.ip_address"];

    private static string? MaybeCategory(Random random) => random.Next(4) == 0 ? null : Categories[random.Next(Categories.Length)];

    /// <summary>Annotations of a random part of the document's tables (and a few of tables and columns it lacks): with and
    /// without categories, reasons, retention, recipients, expected types and JSON paths.</summary>
    private static AnnotationSet RandomAnnotations(Random random, InventoryDocument document)
    {
        var annotations = new List<TableAnnotation>();
        int line = 1;
        AnnotationLocation Next() => new("annotations/generated.yml", line++, 3);
        foreach (var (source, table) in document.AllTables())
        {
            if (random.Next(3) != 0) continue;
            var columns = table.Columns.Where(_ => random.Next(2) == 0).Select(c => new ColumnAnnotation
            {
                Name = random.Next(8) == 0 ? c.Name + "_gone" : c.Name,
                Category = MaybeCategory(random),
                Reason = random.Next(3) == 0 ? "reviewed" : null,
                Retention = random.Next(3) == 0 ? "P1Y" : null,
                SharedWith = random.Next(3) == 0 ? ["payroll", "crm"] : [],
                Type = random.Next(4) == 0 ? c.DeclaredType : random.Next(6) == 0 ? "text" : null,
                Location = Next(),
                Paths = c.Classification?.JsonPaths?.Named.Where(_ => random.Next(2) == 0)
                    .Select(p => new PathAnnotation { Path = random.Next(6) == 0 ? p.Path + "x" : p.Path, Category = MaybeCategory(random), Reason = random.Next(3) == 0 ? "r" : null, Location = Next() })
                    .ToList() ?? [],
            }).ToList();
            annotations.Add(new TableAnnotation
            {
                Table = random.Next(10) == 0 ? table.QualifiedName + "_gone" : table.QualifiedName,
                Source = random.Next(3) == 0 ? source.Name : null,
                Activities = random.Next(3) switch { 0 => ["billing"], 1 => ["billing", "marketing"], _ => [] },
                Retention = random.Next(2) == 0 ? "P5Y" : null,
                SharedWith = random.Next(2) == 0 ? ["auditor"] : [],
                Columns = columns,
                EntryNames = [.. columns.Select(c => c.Name)],
                Location = Next(),
            });
        }
        return new AnnotationSet(annotations, [], ["annotations/generated.yml"], null);
    }

    [Test]
    public void Apply_GeneratedDocumentsLabelsAndAnnotations_DropsTheBytesOfExactlyTheChangedTables()
    {
        // Given 400 generated documents, half as a scan leaves them (classification applied, nothing merged yet) and half
        // already merged before, with structured comments, database labels and JSON paths, every table written ahead
        var random = new Random(2026_12_04);
        int kept = 0, dropped = 0;
        for (int n = 0; n < 400; n++)
        {
            var document = InventoryJsonGeneratedWriterTests.RandomDocument(random, tables: random.Next(1, 7));
            if (n % 2 == 0)
            {
                foreach (var (_, table) in document.AllTables())
                {
                    table.Activity = table.Retention = table.AnnotationFile = null;
                    table.SharedWith = [];
                }
                foreach (var (_, _, column) in document.AllColumns())
                {
                    column.ApplyClassification();
                    if (random.Next(10) != 0) column.DatabaseLabel = null;
                }
            }
            foreach (var (_, _, column) in document.AllColumns())
                if (random.Next(20) == 0) column.Comment = "inventory: " + Categories[random.Next(Categories.Length)];
            document.Normalize();
            foreach (var (_, table) in document.AllTables()) Assert.That(PrewrittenTable.WriteAhead(table), Is.True);
            var before = document.AllTables().Select(t => (t.Table, Whole: Describe(t.Table), Own: ScanOwn(t.Table))).ToList();

            // When the labels and generated annotations are merged
            new AnnotationMerger(options: new MergeOptions { PathBase = "/" }).Apply(document, RandomAnnotations(random, document));

            // Then the scan's own fields are untouched, a table keeps its bytes exactly when the merge left it as it was,
            // and the document written is the one written anew
            foreach (var (table, whole, own) in before)
            {
                Assert.That(ScanOwn(table), Is.EqualTo(own), $"document {n}, table {table.QualifiedName}: the merge changed a field named the scan's own");
                bool same = Describe(table) == whole;
                Assert.That(table.Prewritten is not null, Is.EqualTo(same),
                    $"document {n}, table {table.QualifiedName}: {(same ? "unchanged but its bytes were dropped" : "changed but kept its bytes")}");
                if (same) kept++; else dropped++;
            }
            Assert.That(PrewrittenTableTests.Written(document), Is.EqualTo(PrewrittenTableTests.WrittenFresh(document)), $"document {n}");
        }
        Assert.That(kept, Is.GreaterThan(100), "tables the merge left alone");
        Assert.That(dropped, Is.GreaterThan(100), "tables the merge changed");
    }
}
