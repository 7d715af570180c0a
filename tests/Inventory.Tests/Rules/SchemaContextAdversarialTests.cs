using Inventory.Classification;
using Inventory.Rules;
using Inventory.Rules.Evaluation;
using Inventory.Rules.Learning;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// Issue 10 (context39): a table's schema is context when it says what the table's rows are. A schema named for records
/// of what someone did (<c>events</c>, <c>audit_log</c>, <c>analytics</c>, <c>tracking</c>, <c>evenements</c>,
/// <c>protokoll</c>, <c>eventos</c>, <c>bitacora</c>) makes a table whose own name says nothing (<c>events.inputs</c>,
/// <c>audit.entries</c>) an event table: the event's time and kind are <c>automatic.activity</c>, a tracking session id
/// <c>automatic.device_id</c> (LABELS.md tie-breakers 10 and 11). A schema that names the application or a domain
/// (<c>public</c>, <c>dbo</c>, <c>main</c>, <c>auth</c>, <c>shop</c>, <c>billing</c>, an application's name), a schema
/// mixing a thing's word with an event word (only the event groups pass on), and an event word as the source's default
/// schema (a MariaDB database the connection opened) move nothing. Generated in bulk over English, French, German and
/// Spanish schema words; columns are built as <c>inventory evaluate</c> builds them (<see cref="GoldRow.ToEvidence"/>).
/// </summary>
[TestFixture]
public sealed class SchemaContextAdversarialTests : GeneratedNameFixture
{
    private static readonly string[] EventSchemas =
    [
        "events", "event_log", "audit", "audit_log", "audit_logs", "analytics", "web_analytics", "logs", "log",
        "activity", "activity_log", "pageviews", "evenements", "journal_d_audit", "visites", "ereignisse", "protokoll", "besuche",
        "eventos", "auditoria", "bitacora", "registro_de_actividad", "visitas", "EventLog", "Audit", "events_ios", "events_common",
    ];

    // Tables whose own names put them in no event group (checked by the test).
    private static readonly string[] PlainTables =
    [
        "inputs", "crashes", "customs", "taps", "swipes", "graphql", "performance", "pages", "entries", "records", "rows", "chunks",
        "web_vitals", "resources", "exceptions_raw", "saisies", "eintraege", "entradas", "registros_raw", "mouse_moves", "scrolls",
    ];

    private static readonly string[] LookAlikeSchemas =
    [
        "public", "dbo", "main", "auth", "shop", "store", "billing", "crm", "hr", "app", "core", "data", "myapp", "acme", "openpanel",
        "wordpress", "gitea", "inventory", "catalog", "storage", "extensions", "sales", "accounting", "content", "boutique", "verwaltung",
        "tienda", "facturation", "personal", "kunden", "experimental", "spots", "reporting_v2", "tenant_042",
    ];

    private static readonly (string Column, string Type, string Expected)[] EventColumns =
    [
        ("timestamp", "bigint", "automatic.activity"), ("timestamp", "timestamp with time zone", "automatic.activity"),
        ("occurred_at", "timestamptz", "automatic.activity"), ("created_at", "timestamp", "automatic.activity"),
        ("logged_at", "datetime", "automatic.activity"), ("event_time", "DateTime64", "automatic.activity"),
        ("time", "bigint", "automatic.activity"), ("date", "date", "automatic.activity"), ("cree_le", "timestamp", "automatic.activity"),
        ("erstellt_am", "timestamp", "automatic.activity"), ("fecha_creacion", "datetime", "automatic.activity"),
        ("event_type", "varchar(50)", "automatic.activity"), ("event_name", "text", "automatic.activity"), ("action", "varchar(40)", "automatic.activity"),
        ("duration", "integer", "automatic.activity"), ("duration_ms", "bigint", "automatic.activity"), ("url", "text", "automatic.activity"),
        ("path", "text", "automatic.activity"), ("referrer", "text", "automatic.activity"), ("page_title", "varchar(255)", "automatic.activity"),
        ("session_id", "uuid", "automatic.device_id"), ("session_id", "varchar(64)", "automatic.device_id"),
        ("device_id", "text", "automatic.device_id"), ("visitor_id", "uuid", "automatic.device_id"), ("id_session", "varchar(36)", "automatic.device_id"),
    ];

    private static readonly (string Column, string Type)[] OtherColumns =
    [
        ("id", "bigint"), ("project_id", "integer"), ("name", "varchar(120)"), ("email", "varchar(255)"), ("description", "text"),
        ("price", "numeric(10,2)"), ("label", "text"), ("value", "text"), ("updated_at", "timestamp"), ("is_active", "boolean"),
        ("country", "varchar(2)"), ("first_name", "varchar(80)"), ("status", "varchar(20)"), ("x", "integer"), ("y", "integer"),
    ];

    private static readonly string[] AnyTables =
    [
        "users", "customers", "products", "settings", "orders", "invoices", "comments", "inputs", "pages", "requests", "sessions",
        "clicks", "page_views", "utilisateurs", "kunden", "productos", "configuration", "attachments", "events", "audit_entries",
    ];

    private static ColumnEvidence Evidence(string table, string column, string type, string[] siblings) =>
        new GoldRow(table, column, type, "none", "", "", 1).ToEvidence([.. siblings, column]);

    private static string[] Siblings(Random random) =>
        ["id", .. Enumerable.Range(0, random.Next(1, 4)).Select(_ => Pick(random, ["project_id", "label", "value", "x", "y", "payload", "source"])).Distinct()];

    private static (string Column, string Type) AsNameAndType((string Column, string Type, string Expected) column) => (column.Column, column.Type);

    private static string Category(ColumnClassification decision) => decision.DataCategory ?? "untagged";

    [Test]
    public void EventWordSchemas_PassOnTheirEventGroups_ToTablesWhoseNamesSayNothing()
    {
        var wrong = new List<string>();
        foreach (var schema in EventSchemas)
        {
            Assert.That(NameRules.TableGroups(schema), Does.Contain("event-log"), $"precondition: {schema} as a table name is an event table");
            foreach (var table in PlainTables)
            {
                var own = NameRules.TableGroups(table);
                Assert.That(own, Does.Not.Contain("event-log"), $"precondition: {table} alone is no event table");
                var qualified = NameRules.TableGroups($"{schema}.{table}");
                if (!qualified.Contains("event-log")) wrong.Add($"{schema}.{table}: [{string.Join(", ", qualified)}]");
                var gained = qualified.Except(own).ToList();
                if (gained.Any(g => !NameRuleSet.SchemaContextGroups.Contains(g))) wrong.Add($"{schema}.{table} gained [{string.Join(", ", gained)}]");
                if (own.Except(qualified).Any()) wrong.Add($"{schema}.{table} lost its own groups");
            }
        }
        AssertNoneWrong(wrong, EventSchemas.Length * PlainTables.Length, "schema-qualified tables without their schema's event groups");
    }

    [Test]
    public void LookAlikeSchemas_AndTheThingWordsOfMixedSchemas_PassNothingOn()
    {
        var wrong = new List<string>();
        var mixed = new[] { "product_analytics", "shop_events", "store_audit", "billing_logs", "crm_tracking", "inventaire_evenements", "kunden_protokoll" };
        foreach (var table in AnyTables.Concat(PlainTables))
        {
            var own = NameRules.TableGroups(table);
            foreach (var schema in LookAlikeSchemas)
                if (!NameRules.TableGroups($"{schema}.{table}").SequenceEqual(own)) wrong.Add($"{schema}.{table}: [{string.Join(", ", NameRules.TableGroups($"{schema}.{table}"))}] vs [{string.Join(", ", own)}]");
            foreach (var schema in mixed)
            {
                var gained = NameRules.TableGroups($"{schema}.{table}").Except(own).ToList();
                if (gained.Any(g => !NameRuleSet.SchemaContextGroups.Contains(g))) wrong.Add($"{schema}.{table} gained [{string.Join(", ", gained)}]");
            }
        }
        AssertNoneWrong(wrong, (AnyTables.Length + PlainTables.Length) * (LookAlikeSchemas.Length + mixed.Length), "tables whose groups a non-event schema changed");
    }

    [TestCase(1)]
    [TestCase(2)]
    public void EventSchemaColumns_AreActivityAndTrackingIds_WhereTheBareTableSaysNone(int seed)
    {
        var random = new Random(seed);
        var columns = new List<(ColumnEvidence Qualified, ColumnEvidence Bare, string Expected)>();
        for (int i = 0; i < 500; i++)
        {
            var (column, type, expected) = Pick(random, EventColumns);
            var schema = Pick(random, EventSchemas);
            var table = Pick(random, PlainTables);
            var siblings = Siblings(random).Where(s => s != column).ToArray();
            columns.Add((Evidence($"{schema}.{table}", column, type, siblings), Evidence(table, column, type, siblings), expected));
        }
        var qualified = Combined.ClassifyMany(columns.Select(c => c.Qualified).ToArray());
        var bare = Combined.ClassifyMany(columns.Select(c => c.Bare).ToArray());
        var wrong = columns.Zip(qualified)
            .Where(p => DataCategory.TopLevelOf(Category(p.Second)) != DataCategory.TopLevelOf(p.First.Expected)
                        || (p.First.Expected == "automatic.device_id" && Category(p.Second) != p.First.Expected))
            .Select(p => $"{p.First.Qualified.Schema}.{p.First.Qualified.Table}.{p.First.Qualified.Column.Name} {p.First.Qualified.Column.DeclaredType} → {Category(p.Second)}, expected {p.First.Expected}")
            .ToList();
        AssertNoneWrong(wrong, columns.Count, "columns of event-schema tables misclassified");
        // The schema is what moved them: without it, most of these columns are not automatic.
        int bareAutomatic = bare.Count(d => DataCategory.TopLevelOf(Category(d)) == "automatic");
        Assert.That(bareAutomatic, Is.LessThan(columns.Count / 2), "the generated kind must be one the bare table name does not decide");
    }

    [TestCase(1)]
    [TestCase(2)]
    public void LookAlikeSchemas_AndEventSchemasThatAreTheSourceDefault_MoveNoDecision(int seed)
    {
        var random = new Random(seed);
        var columns = new List<(ColumnEvidence Qualified, ColumnEvidence Bare)>();
        for (int i = 0; i < 700; i++)
        {
            var (column, type) = random.Next(2) == 0 ? Pick(random, OtherColumns) : AsNameAndType(Pick(random, EventColumns));
            var table = Pick(random, random.Next(2) == 0 ? AnyTables : PlainTables);
            var siblings = Siblings(random).Where(s => s != column).ToArray();
            var bare = Evidence(table, column, type, siblings);
            // A look-alike schema, or an event word that is the source's default schema (the MariaDB database the
            // connection opened, a PostgreSQL search path's first schema): neither says what the rows are.
            var qualified = i % 3 == 0
                ? bare with { Schema = Pick(random, EventSchemas), InDefaultSchema = true }
                : Evidence($"{Pick(random, LookAlikeSchemas)}.{table}", column, type, siblings);
            columns.Add((qualified, bare));
        }
        var qualifiedDecisions = Combined.ClassifyMany(columns.Select(c => c.Qualified).ToArray());
        var bareDecisions = Combined.ClassifyMany(columns.Select(c => c.Bare).ToArray());
        var wrong = columns.Zip(qualifiedDecisions, bareDecisions)
            .Where(t => Category(t.Second) != Category(t.Third) || Math.Abs(t.Second.Confidence - t.Third.Confidence) > 1e-9)
            .Select(t => $"{t.First.Qualified.Schema}.{t.First.Qualified.Table}.{t.First.Qualified.Column.Name} → {Category(t.Second)} {t.Second.Confidence:0.000}, bare {Category(t.Third)} {t.Third.Confidence:0.000}")
            .ToList();
        AssertNoneWrong(wrong, columns.Count, "decisions a non-informative schema moved");
    }

    [Test]
    public void ModelInputs_ReadTheSchemasEventGroups_AndNothingOfALookAlike()
    {
        var wrong = new List<string>();
        var random = new Random(3);
        for (int i = 0; i < 300; i++)
        {
            var (column, type, _) = Pick(random, EventColumns);
            var table = Pick(random, PlainTables);
            var siblings = Siblings(random).Where(s => s != column).ToArray();
            var bare = ColumnFeatures.Build(Evidence(table, column, type, siblings), null);
            var events = ColumnFeatures.Build(Evidence($"{Pick(random, EventSchemas)}.{table}", column, type, siblings), null);
            var lookAlike = ColumnFeatures.Build(Evidence($"{Pick(random, LookAlikeSchemas)}.{table}", column, type, siblings), null);
            var signals = events.TableSignals.Split(' ');
            if (!signals.Contains("te") || bare.TableSignals.Split(' ').Contains("te")) wrong.Add($"{table}.{column}: te {events.TableSignals}");
            if (events.Table != bare.Table || events.Context != bare.Context || events.Name != bare.Name) wrong.Add($"{table}.{column}: the schema entered the table tokens");
            if (lookAlike.TableSignals != bare.TableSignals || lookAlike.Table != bare.Table || lookAlike.Context != bare.Context)
                wrong.Add($"{table}.{column}: a look-alike schema changed the model's input");
        }
        AssertNoneWrong(wrong, 300, "model inputs that read a schema wrongly");
    }
}
