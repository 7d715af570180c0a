using System.Text;
using Inventory.Annotations;
using Inventory.Config;
using Inventory.Model;
using Inventory.Rules;
using Inventory.Scanning;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Scanning;

/// <summary>Tables written ahead during the scan (<see cref="PrewrittenTable"/>): the document written with them must be
/// byte-identical to the one written without, and a table changed after it was written ahead must be written anew.</summary>
[TestFixture]
public sealed class PrewrittenTableTests
{
    internal static string Written(InventoryDocument document)
    {
        using var output = new MemoryStream();
        InventoryJson.WriteDocument(document, output);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    /// <summary>The same document written with no table written ahead.</summary>
    internal static string WrittenFresh(InventoryDocument document)
    {
        var kept = document.AllTables().Select(t => (t.Table, t.Table.Prewritten)).ToList();
        foreach (var (table, _) in kept) table.Prewritten = null;
        try { return Written(document); }
        finally { foreach (var (table, prewritten) in kept) table.Prewritten = prewritten; }
    }

    [Test]
    public void WriteDocument_GeneratedDocumentsWithTablesWrittenAhead_SameBytes()
    {
        // Given 300 generated documents (escapes, non-ASCII, every enum, absent parts) of one to three sources, and in each
        // a random part of the tables written ahead, in a shuffled order
        var random = new Random(20261204);
        int ahead = 0, tables = 0;
        for (int n = 0; n < 300; n++)
        {
            var document = InventoryJsonGeneratedWriterTests.RandomDocument(random, tables: random.Next(0, 8));
            for (int s = random.Next(0, 3); s > 0; s--)
            {
                var other = InventoryJsonGeneratedWriterTests.RandomDocument(random, tables: random.Next(0, 5)).Sources[0];
                other.Name += s;
                document.Sources.Add(other);
            }
            document.Normalize();
            var expected = Written(document);
            foreach (var (_, table) in document.AllTables().OrderBy(_ => random.Next()))
            {
                tables++;
                if (random.Next(3) == 0) continue;
                Assert.That(PrewrittenTable.WriteAhead(table), Is.True);
                ahead++;
            }

            // Then the document written with them is the same text
            Assert.That(Written(document), Is.EqualTo(expected), $"document {n}");
        }
        Assert.That(ahead, Is.GreaterThan(tables / 2), "most tables were written ahead");
    }

    [Test]
    public void WriteAhead_MegabytesOfTablesOnOneThread_EveryTableKeepsItsBytes()
    {
        // Given generated documents whose tables, written ahead one after the other on this thread, fill several of the
        // slabs their bytes are cut from (1 MB each), with some tables grown past a quarter of a slab (arrays of their own)
        var random = new Random(31);
        var documents = new List<(InventoryDocument Document, string Expected)>();
        long bytes = 0;
        while (bytes < 5_000_000)
        {
            var document = InventoryJsonGeneratedWriterTests.RandomDocument(random, tables: random.Next(1, 8));
            if (random.Next(4) == 0)
                foreach (var (_, table) in document.AllTables())
                    for (int copy = 0; copy < 3; copy++) table.Columns.AddRange(table.Columns.ToList());
            document.Normalize();
            documents.Add((document, Written(document)));
            foreach (var (_, table) in document.AllTables())
            {
                Assert.That(PrewrittenTable.WriteAhead(table), Is.True);
                bytes += table.Prewritten!.Json.Length;
            }
        }

        // Then every document written afterwards, from bytes kept since, is the one written without them
        Assert.That(documents.Any(d => d.Document.AllTables().Any(t => t.Table.Prewritten!.Json.Length > 256 * 1024)), Is.True, "a table of its own array");
        foreach (var (document, expected) in documents)
            Assert.That(Written(document), Is.EqualTo(expected));
    }

    [Test]
    public void WriteAhead_TableAtItsDepth_HoldsTheIndentedObject()
    {
        // Given a table
        var document = InventoryJsonGeneratedWriterTests.RandomDocument(new Random(5), tables: 1);
        var table = document.Sources[0].Tables[0];

        // When written ahead
        PrewrittenTable.WriteAhead(table);

        // Then the bytes are a newline, eight spaces (depth 4) and the object, with no list separator
        var text = Encoding.UTF8.GetString(table.Prewritten!.Json.Span);
        Assert.That(text.StartsWith("\n        {\n          \"schema\": ", StringComparison.Ordinal), Is.True, text[..Math.Min(60, text.Length)]);
        Assert.That(text.EndsWith("\n        }", StringComparison.Ordinal), Is.True);
    }

    [Test]
    public void WriteDocument_ColumnsReorderedOrReplacedAfterWritingAhead_TableWrittenAnew()
    {
        // Given documents whose tables were written ahead, then changed in their columns
        var random = new Random(11);
        for (int n = 0; n < 50; n++)
        {
            var document = InventoryJsonGeneratedWriterTests.RandomDocument(random, tables: 4);
            document.Normalize();
            foreach (var (_, table) in document.AllTables()) PrewrittenTable.WriteAhead(table);
            var tables = document.Sources[0].Tables;
            // the columns' order reversed, a column replaced, the list replaced by a longer one
            tables[0].Columns.Reverse();
            tables[1].Columns[^1] = new ColumnEntry { Name = "replaced", Ordinal = tables[1].Columns[^1].Ordinal };
            tables[2].Columns = [.. tables[2].Columns, new ColumnEntry { Name = "added", Ordinal = 999 }];

            // Then the document is the one written from the tables as they are now
            Assert.That(Written(document), Is.EqualTo(WrittenFresh(document)), $"document {n}");
            Assert.That(tables[3].Prewritten!.Fits(tables[3]), Is.True, "the unchanged table still fits");
        }
    }

    [Test]
    public void AnnotationMergerApply_AnnotatedAndLabelledTables_WrittenAnewOthersKeepTheirBytes()
    {
        // Given a document whose tables were all written ahead, as a scan leaves them (classification applied only)
        var document = InventoryJsonGeneratedWriterTests.RandomDocument(new Random(17), tables: 6);
        foreach (var (_, table, column) in document.AllColumns())
        {
            column.ApplyClassification();
            column.DatabaseLabel = null;
            column.Comment = null;
        }
        foreach (var (_, table) in document.AllTables())
        {
            table.Activity = table.Retention = table.AnnotationFile = null;
            table.SharedWith = [];
        }
        document.Normalize();
        document.Sources[0].Tables[1].QualifiedName = "billing.invoices";
        foreach (var (_, table) in document.AllTables()) PrewrittenTable.WriteAhead(table);
        var tables = document.Sources[0].Tables;
        // one table annotated, one column of another labelled by its comment
        var annotated = tables[1];
        var labelled = tables[4];
        labelled.Columns[0].Comment = "inventory: contact.email";
        var location = new AnnotationLocation("annotations/app.yml", 1, 1);
        var annotations = new AnnotationSet(
            [new TableAnnotation
            {
                Table = annotated.QualifiedName, Activities = ["billing"], Location = location,
                Columns = [new ColumnAnnotation { Name = annotated.Columns[0].Name, Category = "contact.phone", Location = location }],
            }], [], ["annotations/app.yml"], null);

        // When the annotations and labels are merged
        new AnnotationMerger().Apply(document, annotations);

        // Then the two changed tables lost their bytes, the others kept them, and the document is the one written anew
        using (Assert.EnterMultipleScope())
        {
            Assert.That(annotated.Prewritten, Is.Null);
            Assert.That(labelled.Prewritten, Is.Null);
            Assert.That(tables.Where(t => t != annotated && t != labelled).Select(t => t.Prewritten is not null), Is.All.True);
            Assert.That(annotated.Activity, Is.EqualTo("billing"));
            Assert.That(labelled.Columns[0].DataCategory, Is.EqualTo("contact.email"));
            Assert.That(Written(document), Is.EqualTo(WrittenFresh(document)));
        }
    }

    [Test]
    public async Task Scan_TablesWrittenAhead_SameDocumentAsWithout()
    {
        // Given two sources (copies of Chinook), one with a structured comment the merge turns into a label
        var dir = Path.Combine(Path.GetTempPath(), $"inventory-prewritten-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            var sources = ScanRunnerScaleTests.ChinookSources(dir, 2);
            var request = new ScanRequest { Sources = sources, MaskedExamples = true };

            // When scanned with and without writing the tables ahead, and the database labels merged as `scan` does
            var without = await new ScanRunner(ClassifierFactory.CreateRules()).RunAsync(request);
            var ahead = await new ScanRunner(ClassifierFactory.CreateRules()).RunAsync(request with { WriteTablesAhead = true });
            var annotated = ahead.Sources[1].Tables.Single(t => t.Name == "Genre");
            var location = new AnnotationLocation("annotations/genre.yml", 1, 1);
            var annotations = new AnnotationSet([new TableAnnotation { Table = "Genre", Source = ahead.Sources[1].Name, Retention = "P1Y", Location = location }],
                [], ["annotations/genre.yml"], null);
            new AnnotationMerger().Apply(without, annotations);
            new AnnotationMerger().Apply(ahead, annotations);

            // Then every table but the annotated one was written ahead, and both documents are the same bytes
            using (Assert.EnterMultipleScope())
            {
                Assert.That(ahead.AllTables().Count(t => t.Table.Prewritten is not null), Is.EqualTo(21));
                Assert.That(annotated.Prewritten, Is.Null);
                Assert.That(without.AllTables().Count(t => t.Table.Prewritten is not null), Is.Zero);
                Assert.That(InventoryJson.Serialize(ahead), Is.EqualTo(InventoryJson.Serialize(without)));
            }
        }
        finally { Directory.Delete(dir, recursive: true); }
    }
}
