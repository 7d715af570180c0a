using Inventory.Catalog;
using Inventory.Classification;
using Inventory.Model;

namespace Inventory.Tests.Reports;

/// <summary>Builders for inventory documents as the scanner and the annotation step would leave them: names,
/// categories, statuses, evidence counts and foreign keys; never raw values.</summary>
internal static class Some
{
    public static ColumnEntry Column(string name, string? category, ColumnStatus? status = null, TypeFamily family = TypeFamily.Text,
        string? declaredType = null, ColumnClassification? classification = null, NotSampledReason? notSampled = null) => new()
    {
        Name = name,
        DeclaredType = declaredType ?? family switch
        {
            TypeFamily.Integer => "bigint", TypeFamily.Temporal => "timestamp with time zone", TypeFamily.Decimal => "numeric(12,2)",
            TypeFamily.Boolean => "boolean", TypeFamily.Network => "inet", TypeFamily.Uuid => "uuid", _ => "text",
        },
        TypeFamily = family,
        DataCategory = category,
        Confidence = category is null ? 0 : 1,
        Origin = category is null ? null : Origin.Annotation,
        Status = status ?? (category is null ? ColumnStatus.Untagged : ColumnStatus.Tagged),
        Classification = classification,
        NotSampled = notSampled,
        Annotation = category is null || status is ColumnStatus.Suggested ? null : new AnnotationRef { DataCategory = category, File = "annotations/app.yml", Line = 1 },
        Stats = notSampled is null ? new SampleStats { SampledRows = 40, NonNull = 40, DistinctRatio = 1 } : new SampleStats(),
    };

    public static ColumnEntry Id(string name = "id") => Column(name, "none", family: TypeFamily.Integer);

    public static ColumnEntry Fk(string name = "user_id") => Column(name, "none", family: TypeFamily.Integer);

    public static TableEntry Table(string name, string? activity, params ColumnEntry[] columns)
    {
        for (int i = 0; i < columns.Length; i++) columns[i].Ordinal = i + 1;
        return new TableEntry
        {
            Schema = "public", Name = name, QualifiedName = name, Kind = TableKind.Table, RowEstimate = 1000, SampledRows = 40,
            SampleMethod = "tablesample system(4) repeatable(42)", Activity = activity, PrimaryKey = ["id"], Columns = [.. columns],
            AnnotationFile = activity is null ? null : "annotations/app.yml",
        };
    }

    public static TableEntry WithFk(this TableEntry table, string referenced, string onDelete, string column = "user_id")
    {
        table.ForeignKeys.Add(new ForeignKeyInfo($"{table.Name}_{column}_fkey", [column], "public", referenced, ["id"], onDelete));
        return table;
    }

    public static TableEntry SharedWith(this TableEntry table, params string[] recipients)
    {
        table.SharedWith.AddRange(recipients);
        return table;
    }

    public static SourceEntry Source(string name, params TableEntry[] tables) => new()
    {
        Name = name, Provider = "postgres", Target = $"db.example.internal/{name}", ServerVersion = "PostgreSQL 15.8",
        DefaultSchema = "public", Tables = [.. tables],
    };

    public static InventoryDocument Document(params SourceEntry[] sources)
    {
        var document = new InventoryDocument { Tool = "inventory 0.1.0", Sources = [.. sources] };
        document.Normalize();
        return document;
    }

    /// <summary>A PAN detector result: <paramref name="matched"/> Luhn-valid card numbers out of <paramref name="total"/>.</summary>
    public static ColumnClassification PanEvidence(int matched, int total) => new()
    {
        DataCategory = "financial.payment_card",
        Confidence = matched > 0 ? 0.97 : 0.6,
        Evidence =
        [
            new EvidenceItem("detector", "detector.payment-card", "financial.payment_card", matched, total, total == 0 ? 0 : (double)matched / total),
            new EvidenceItem("name-rule", "name.en.card", "financial.payment_card"),
        ],
    };
}

/// <summary>The demo inventory of a small PaaS host: accounts, billing through the gateway, a legacy table with card
/// numbers, an Intercom export table, login events, prospects, deployments holding customers' build logs, and a
/// processor-scope source with a customer database.</summary>
internal static class SampleInventory
{
    public static InventoryDocument Build() => Some.Document(App(), CustomerDbs());

    /// <summary>The same host one release earlier: no Intercom table, no prospects' phone, users.locale was untagged,
    /// and a fax column that has since been dropped.</summary>
    public static InventoryDocument BuildPrevious()
    {
        var app = App();
        app.Tables.RemoveAll(t => t.Name == "intercom_contacts");
        var prospects = app.Tables.Single(t => t.Name == "prospects");
        prospects.Columns.RemoveAll(c => c.Name == "phone");
        var users = app.Tables.Single(t => t.Name == "users");
        var locale = users.Columns.Single(c => c.Name == "locale");
        locale.DataCategory = null;
        locale.Status = ColumnStatus.Untagged;
        locale.Annotation = null;
        users.Columns.Add(new ColumnEntry { Name = "fax", Ordinal = 99, DeclaredType = "text", DataCategory = "contact.phone", Status = ColumnStatus.Tagged });
        var doc = Some.Document(app, CustomerDbs());
        doc.ScannedAt = new DateTimeOffset(2025, 4, 1, 9, 0, 0, TimeSpan.Zero);
        return doc;
    }

    private static SourceEntry App() => Some.Source("app",
        Some.Table("users", "account-management",
            Some.Id(),
            Some.Column("email", "contact.email"),
            Some.Column("full_name", "contact.name"),
            Some.Column("company_name", "contact.company_name"),
            Some.Column("phone", "contact.phone"),
            Some.Column("encrypted_password", "other_personal.credentials"),
            Some.Column("locale", "automatic.browser_language"),
            Some.Column("last_sign_in_ip", "automatic.ip_address", family: TypeFamily.Network),
            Some.Column("last_sign_in_at", "automatic.activity", family: TypeFamily.Temporal),
            Some.Column("created_at", "none", family: TypeFamily.Temporal),
            Some.Column("deleted_at", "none", family: TypeFamily.Temporal)),
        Some.Table("billing_profiles", "billing-and-payment",
            Some.Id(), Some.Fk(),
            Some.Column("vat_number", "financial.tax_id"),
            Some.Column("billing_address", "contact.postal_address"),
            Some.Column("stripe_customer_id", "financial.payment_reference"))
            .WithFk("users", "restrict"),
        Some.Table("invoices", "billing-and-payment",
            Some.Id(), Some.Fk("billing_profile_id"),
            Some.Column("amount_cents", "financial.billing", family: TypeFamily.Integer),
            Some.Column("issued_at", "none", family: TypeFamily.Temporal))
            .WithFk("billing_profiles", "restrict", "billing_profile_id"),
        Some.Table("payment_methods", "billing-and-payment",
            Some.Id(), Some.Fk(),
            Some.Column("stripe_payment_method_id", "financial.payment_reference"),
            Some.Column("card_last4", "financial.payment_card", classification: Some.PanEvidence(0, 40)),
            Some.Column("card_exp_month", "financial.payment_card", family: TypeFamily.Integer))
            .WithFk("users", "restrict"),
        Some.Table("legacy_payments", null,
            Some.Id(), Some.Fk(),
            Some.Column("card_number", "financial.payment_card", ColumnStatus.Suggested, classification: Some.PanEvidence(38, 40)),
            Some.Column("amount", "financial.billing", ColumnStatus.Suggested, TypeFamily.Decimal))
            .WithFk("users", "no-action"),
        Some.Table("intercom_contacts", "activity-analytics",
            Some.Id(), Some.Fk(),
            Some.Column("email", "contact.email"),
            Some.Column("signed_up_at", "none", family: TypeFamily.Temporal))
            .WithFk("users", "cascade").SharedWith("intercom"),
        Some.Table("login_events", "service-operation",
            Some.Id(), Some.Fk(),
            Some.Column("ip", "automatic.ip_address", family: TypeFamily.Network),
            Some.Column("user_agent", "automatic.user_agent"),
            Some.Column("payload", null, notSampled: NotSampledReason.TimedOut, family: TypeFamily.Document, declaredType: "jsonb"))
            .WithFk("users", "cascade"),
        Some.Table("prospects", "prospect-contact",
            Some.Id(),
            Some.Column("email", "contact.email"),
            Some.Column("name", "contact.name"),
            Some.Column("phone", "contact.phone"),
            Some.Column("anonymized_at", "none", family: TypeFamily.Temporal)),
        Some.Table("deployments", "hosting-customer-data",
            Some.Id(), Some.Fk("app_id"),
            Some.Column("build_log", "customer_content.source_code"),
            Some.Column("finished_at", "none", family: TypeFamily.Temporal)));

    private static SourceEntry CustomerDbs()
    {
        var orders = Some.Table("orders", null,
            Some.Column("id", null, family: TypeFamily.Integer, notSampled: NotSampledReason.ProcessorScope),
            Some.Column("customer_email", null, notSampled: NotSampledReason.ProcessorScope),
            Some.Column("total", null, family: TypeFamily.Decimal, notSampled: NotSampledReason.ProcessorScope));
        orders.Schema = "tenant_42";
        orders.QualifiedName = "tenant_42.orders";
        orders.NotSampled = NotSampledReason.ProcessorScope;
        orders.SampledRows = 0;
        orders.SampleMethod = null;
        var source = Some.Source("customer-dbs", orders);
        source.Role = ProcessingRole.Processor;
        return source;
    }
}
