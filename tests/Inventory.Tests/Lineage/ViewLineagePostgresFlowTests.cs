using Inventory.Annotations;
using Inventory.Classification;
using Inventory.Config;
using Inventory.Model;
using Inventory.Reports;
using Inventory.Reports.Check;
using Inventory.Rules.Policy;
using Inventory.Scanning;
using Inventory.Tests.Annotations;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Lineage;

/// <summary>Trial 32 finding 9 end to end on a real PostgreSQL server: base columns labelled in the database (the
/// comments <c>export --format postgres-comments</c> writes), a view and a materialized view over them, scanned: the
/// view columns come back tagged by lineage, the gate flags only the view's expression column, and the record lists each
/// labelled column once with the views it is also readable through.</summary>
[TestFixture]
[Category("Integration")]
public sealed class ViewLineagePostgresFlowTests
{
    private sealed class UndecidedClassifier : IColumnClassifier
    {
        public ColumnClassification Classify(ColumnEvidence column) => ColumnClassification.Undecided();
    }

    [Test]
    public async Task Scan_ViewsOverLabelledColumns_InheritLabelsAndRecordListsDataOnce()
    {
        // Given
        await using var db = await TestPostgres.CreateAsync("linflow", """
            CREATE TABLE clients (id int PRIMARY KEY, courriel text, nom text);
            INSERT INTO clients SELECT g, 'c' || g || '@exemple.fr', 'n' || g FROM generate_series(1, 5) g;
            COMMENT ON COLUMN clients.id IS 'inventory: none';
            COMMENT ON COLUMN clients.courriel IS 'inventory: contact.email';
            COMMENT ON COLUMN clients.nom IS 'inventory: contact.name';
            CREATE VIEW v_contacts_clients AS SELECT c.courriel, c.nom AS client, c.nom || ' <' || c.courriel || '>' AS destinataire FROM clients c;
            CREATE MATERIALIZED VIEW mv_clients AS SELECT courriel FROM clients;
            """);
        var document = await new ScanRunner(new UndecidedClassifier()).RunAsync(new ScanRequest
        {
            Sources = [new SourceConfig { Name = "app", Provider = "postgres", Connection = db.ConnectionString }],
        });
        using var dir = new TempFolder();

        // When
        var merge = new AnnotationMerger(options: new MergeOptions { PathBase = dir.Path }).Apply(document, AnnotationSet.Empty);
        var check = CheckGate.Evaluate(document, new CheckOptions { PathBase = dir.Path, Stale = merge.Stale });
        var model = ReportModel.Build(document, PolicyDocument.Seed);

        // Then
        ColumnEntry Column(string table, string column) => document.AllColumns().Single(x => x.Table.Name == table && x.Column.Name == column).Column;
        using (Assert.EnterMultipleScope())
        {
            Assert.That((Column("v_contacts_clients", "courriel").Status, Column("v_contacts_clients", "courriel").Origin, Column("v_contacts_clients", "courriel").DataCategory),
                Is.EqualTo((ColumnStatus.Tagged, (Origin?)Origin.Lineage, "contact.email")));
            Assert.That(Column("v_contacts_clients", "client").DataCategory, Is.EqualTo("contact.name"));
            Assert.That(Column("mv_clients", "courriel").Status, Is.EqualTo(ColumnStatus.Tagged));
            Assert.That(check.Failures.Select(f => f.Key), Is.EqualTo(new[] { "v_contacts_clients.destinataire" }), "only the expression is left to tag");
            Assert.That(model.Unassigned.Select(u => u.Location), Is.EqualTo(new[] { "app/clients.courriel", "app/clients.nom" }), "the data once");
            Assert.That(model.UnassignedReadableThrough, Is.EqualTo(new[]
            {
                "app/clients.courriel also readable through materialized view mv_clients.courriel, view v_contacts_clients.courriel",
                "app/clients.nom also readable through view v_contacts_clients.client",
            }));
        }
    }
}
