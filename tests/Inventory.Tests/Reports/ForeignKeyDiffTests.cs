using Inventory.Catalog;
using Inventory.Cli;
using Inventory.Model;
using Inventory.Reports;
using Inventory.Reports.Diff;
using NUnit.Framework;
using Spectre.Console.Testing;

namespace Inventory.Tests.Reports;

/// <summary>Trial 22 finding 3: <c>inventory diff</c> and <c>report --previous</c> show foreign keys added, removed and
/// whose delete rule changed (what deleting an account erases), as schema changes.</summary>
[TestFixture]
public sealed class ForeignKeyDiffTests
{
    private static (InventoryDocument Old, InventoryDocument New) Pair()
    {
        var old = Some.Document(Some.Source("app",
            Some.Table("orders", null, Some.Id(), Some.Fk()).WithFk("users", "restrict"),
            Some.Table("notes", null, Some.Id(), Some.Fk()).WithFk("users", "cascade"),
            Some.Table("invoices", null, Some.Id(), Some.Fk("order_id"))));
        var @new = Some.Document(Some.Source("app",
            Some.Table("orders", null, Some.Id(), Some.Fk()).WithFk("users", "cascade"),
            Some.Table("notes", null, Some.Id(), Some.Fk()),
            Some.Table("invoices", null, Some.Id(), Some.Fk("order_id")).WithFk("orders", "set-null", "order_id")));
        return (old, @new);
    }

    [Test]
    public void Compare_ForeignKeysAddedRemovedAndRuleChanged_OneLineEach()
    {
        var (old, @new) = Pair();

        var diff = InventoryDiff.Compare(old, @new);

        Assert.That(diff.Changes.Select(InventoryDiffWriter.Line), Is.EqualTo(new[]
        {
            "+ app/invoices foreign key invoices_order_id_fkey (order_id) → orders (id) (on delete set null)",
            "- app/notes foreign key notes_user_id_fkey (user_id) → users (id) (on delete cascade)",
            "~ app/orders foreign key orders_user_id_fkey (user_id) → users (id) delete rule: on delete restrict → on delete cascade",
        }));
        Assert.That(diff.SchemaOnly().Changes, Has.Count.EqualTo(3));
    }

    /// <summary>Trial 28: a one-database MySQL scan names its tables without the database (its default schema), and
    /// named a key's target with it (<c>t28_billetterie.bookings</c>); the target is now named as the tables are, and a
    /// target in another schema (database) keeps its schema.</summary>
    [Test]
    public void Compare_TargetInTheDefaultSchema_NamedAsTheTablesAre_OtherSchemaKeepsIt()
    {
        static SourceEntry MySqlSource(params TableEntry[] tables)
        {
            foreach (var t in tables) t.Schema = "billetterie";
            var source = Some.Source("billetterie", tables);
            source.Provider = "mysql";
            source.DefaultSchema = "billetterie";
            return source;
        }
        var old = Some.Document(MySqlSource(Some.Table("pagos", null, Some.Id(), Some.Fk("booking_id"), Some.Fk("venue_id"))));
        var pagos = Some.Table("pagos", null, Some.Id(), Some.Fk("booking_id"), Some.Fk("venue_id"));
        pagos.ForeignKeys.Add(new ForeignKeyInfo("pagos_booking_fk", ["booking_id"], "billetterie", "bookings", ["id"], "cascade"));
        pagos.ForeignKeys.Add(new ForeignKeyInfo("pagos_venue_fk", ["venue_id"], "catalogue", "venues", ["id"], "restrict"));
        var @new = Some.Document(MySqlSource(pagos));

        var lines = InventoryDiff.Compare(old, @new).Changes.Select(InventoryDiffWriter.Line).ToList();

        Assert.That(lines, Is.EqualTo(new[]
        {
            "+ billetterie/pagos foreign key pagos_booking_fk (booking_id) → bookings (id) (on delete cascade)",
            "+ billetterie/pagos foreign key pagos_venue_fk (venue_id) → catalogue.venues (id) (on delete restrict)",
        }));
    }

    [Test]
    public void Compare_RenamedConstraintSameKey_NoChange()
    {
        var old = Some.Document(Some.Source("app", Some.Table("orders", null, Some.Id(), Some.Fk()).WithFk("users", "cascade")));
        var @new = Some.Document(Some.Source("app", Some.Table("orders", null, Some.Id(), Some.Fk()).WithFk("users", "cascade")));
        @new.Sources[0].Tables[0].ForeignKeys[0] = @new.Sources[0].Tables[0].ForeignKeys[0] with { Name = "fk0" };

        Assert.That(InventoryDiff.Compare(old, @new).IsEmpty, Is.True);
    }

    [Test]
    public void ToJson_DeleteRuleChanged_NamesTheKeyAndBothRules()
    {
        var (old, @new) = Pair();

        var json = InventoryDiffWriter.ToJson(InventoryDiff.Compare(old, @new));

        Assert.That(json, Does.Contain("\"kind\": \"delete-rule-changed\"").And.Contain("\"foreignKey\": \"orders_user_id_fkey (user_id) → users (id)\"")
            .And.Contain("\"old\": \"on delete restrict\"").And.Contain("\"summary\": {\n    \"foreign-key-added\": 1,"));
    }

    [Test]
    public void ChangeRows_ReportPrevious_ForeignKeyRowsAmongSchemaChanges()
    {
        var (old, @new) = Pair();

        var rows = ReportModelBuilder.ChangeRowsOf(InventoryDiff.Compare(old, @new));

        Assert.That(rows.Select(r => (r.Kind, r.Location, r.Old, r.New)), Is.EqualTo(new[]
        {
            ("foreign-key-added", "app/invoices foreign key invoices_order_id_fkey (order_id) → orders (id)", "", "on delete set null"),
            ("foreign-key-removed", "app/notes foreign key notes_user_id_fkey (user_id) → users (id)", "on delete cascade", ""),
            ("delete-rule-changed", "app/orders foreign key orders_user_id_fkey (user_id) → users (id)", "on delete restrict", "on delete cascade"),
        }));
    }

    [Test]
    public async Task DiffCommand_DeleteRuleChanged_Printed()
    {
        var dir = Directory.CreateTempSubdirectory("inv-fkdiff-").FullName;
        try
        {
            var (old, @new) = Pair();
            InventoryJson.Write(old, Path.Combine(dir, "old.json"));
            InventoryJson.Write(@new, Path.Combine(dir, "new.json"));
            var console = new TestConsole();
            console.Profile.Width = 200;

            var code = await InventoryApp.RunAsync(["diff", Path.Combine(dir, "old.json"), Path.Combine(dir, "new.json"), "--schema-only"], console);

            Assert.That(console.Output, Does.Contain("schema: 1 foreign-key-added, 1 foreign-key-removed, 1 delete-rule-changed")
                .And.Contain("delete rule: on delete restrict → on delete cascade"), $"exit {code}");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    // Trial 22 finding 7: a renamed column (one gone, one new, same category, same table) gets a rename hint.
    [Test]
    public void Compare_OneColumnGoneOneNewSameCategory_RenameHint()
    {
        var old = Some.Document(Some.Source("app", Some.Table("users", null, Some.Id(), Some.Column("email", "contact.email"), Some.Column("fax", "contact.phone"))));
        var @new = Some.Document(Some.Source("app", Some.Table("users", null, Some.Id(), Some.Column("email_address", "contact.email"), Some.Column("nickname", "contact.name"))));

        var diff = InventoryDiff.Compare(old, @new);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(diff.Changes.Select(InventoryDiffWriter.Line), Is.EqualTo(new[]
            {
                "+ app/users.email_address (contact.email; renamed from 'email'?)",
                "+ app/users.nickname (contact.name)",
                "- app/users.email (contact.email)",
                "- app/users.fax (contact.phone)",
            }));
            Assert.That(InventoryDiffWriter.ToJson(diff), Does.Contain("\"renamedFrom\": \"email\""));
            Assert.That(ReportModelBuilder.ChangeRowsOf(diff)[0].New, Is.EqualTo("contact.email (renamed from 'email'?)"));
        }
    }

    [Test]
    public void Compare_TwoNewColumnsOfTheRemovedCategory_NoGuess()
    {
        var old = Some.Document(Some.Source("app", Some.Table("users", null, Some.Id(), Some.Column("email", "contact.email"))));
        var @new = Some.Document(Some.Source("app", Some.Table("users", null, Some.Id(), Some.Column("work_email", "contact.email"), Some.Column("home_email", "contact.email"))));

        Assert.That(InventoryDiff.Compare(old, @new).Changes.Select(c => c.RenamedFrom), Has.All.Null);
    }
    // Trial 28: a renamed table (one gone, one new, same columns and types) gets a rename hint, as a renamed column does
    // and as `check` asks "renamed to 'tickets'?" of the stale annotation.
    [Test]
    public void Compare_OneTableGoneOneNewWithTheSameColumns_RenameHint()
    {
        var old = Some.Document(Some.Source("app",
            Some.Table("support_tickets", null, Some.Id(), Some.Column("body", "customer_content.message")),
            Some.Table("audit", null, Some.Id(), Some.Column("ip", "automatic.ip_address"))));
        var @new = Some.Document(Some.Source("app",
            Some.Table("tickets", null, Some.Id(), Some.Column("body", "customer_content.message")),
            Some.Table("audit_events", null, Some.Id(), Some.Column("ip", "automatic.ip_address"), Some.Column("ua", "automatic.user_agent"))));

        var diff = InventoryDiff.Compare(old, @new);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(diff.Changes.Select(InventoryDiffWriter.Line), Is.EqualTo(new[]
            {
                "- app/audit (2 columns; personal: automatic.ip_address)",
                "+ app/audit_events (3 columns; personal: automatic.ip_address, automatic.user_agent)",
                "- app/support_tickets (2 columns; personal: customer_content.message)",
                "+ app/tickets (2 columns; personal: customer_content.message; renamed from 'support_tickets'?)",
            }));
            Assert.That(InventoryDiffWriter.ToJson(diff).Contains("\"renamedFrom\": \"support_tickets\"", StringComparison.Ordinal), Is.True);
            Assert.That(ReportModelBuilder.ChangeRowsOf(diff).Single(r => r.Location == "app/tickets").New, Is.EqualTo("2 columns; personal: customer_content.message (renamed from 'support_tickets'?)"));
        }
    }

    [Test]
    public void Compare_TwoNewTablesWithTheRemovedTablesColumns_NoGuess()
    {
        var old = Some.Document(Some.Source("app", Some.Table("notes", null, Some.Id(), Some.Column("body", "customer_content.message"))));
        var @new = Some.Document(Some.Source("app",
            Some.Table("notes_a", null, Some.Id(), Some.Column("body", "customer_content.message")),
            Some.Table("notes_b", null, Some.Id(), Some.Column("body", "customer_content.message"))));

        Assert.That(InventoryDiff.Compare(old, @new).Changes.Select(c => c.RenamedFrom), Has.All.Null);
    }
}
