using System.Text;
using System.Text.Json;
using Inventory.Catalog;
using Inventory.Model;
using Inventory.Reports;
using Inventory.Reports.Check;
using Inventory.Reports.Claims;
using Inventory.Reports.Writers;
using Inventory.Tests.Annotations;
using NUnit.Framework;

namespace Inventory.Tests.Reports;

/// <summary>The controller's own claims leave out tables annotated with a processor activity, and every claim says what it
/// examined and what it left out (trial35 findings 4 and 7). Customers' application tables are generated in the four
/// languages (shop orders with invoices, club members with IBANs, a forum's accounts, a school's pupils with health
/// data), annotated with the built-in processor activity <c>hosting-customer-data</c>, beside the host's own account
/// table; against the built-in policy.</summary>
[TestFixture]
public sealed class ProcessorTablesLeftOutTests
{
    private const string Processor = "hosting-customer-data";

    /// <summary>Words of one language for the generated customers' tables.</summary>
    public sealed record Words(string Lang, string Orders, string Invoices, string Members, string Iban, string Accounts, string Email, string Pupils, string Allergies, string Vat)
    {
        public override string ToString() => Lang;
    }

    private static readonly Words[] Languages =
    [
        new("en", "orders", "invoices", "members", "iban", "users", "email", "pupils", "allergies", "vat_number"),
        new("fr", "commandes", "factures", "adherents", "iban", "utilisateurs", "courriel", "eleves", "allergies", "numero_tva"),
        new("de", "bestellungen", "rechnungen", "mitglieder", "iban", "benutzer", "email", "schueler", "allergien", "ust_idnr"),
        new("es", "pedidos", "facturas", "socios", "iban", "usuarios", "correo", "alumnos", "alergias", "numero_iva"),
    ];

    /// <summary>A customer's application tables, every one annotated with the processor activity; <paramref name="tenant"/>
    /// makes names differ per generated application.</summary>
    private static TableEntry[] CustomerApp(Words w, int tenant) =>
    [
        Some.Table($"{w.Accounts}", Processor, Some.Id(), Some.Column(w.Email, "contact.email"), Some.Column($"{w.Email}_{tenant}", "contact.email")),
        Some.Table(w.Orders, Processor, Some.Id(), Some.Fk(), Some.Column("total", "financial.billing")).WithFk(w.Accounts, "cascade"),
        Some.Table(w.Invoices, Processor, Some.Id(), Some.Fk(), Some.Column(w.Vat, "financial.vat_number"), Some.Column("amount", "financial.billing")).WithFk(w.Accounts, "cascade"),
        Some.Table(w.Members, Processor, Some.Id(), Some.Column(w.Iban, "financial.bank_account"), Some.Column("card", null, classification: Some.PanEvidence(30, 40))).SharedWith("intercom"),
        Some.Table(w.Pupils, Processor, Some.Id(), Some.Column(w.Allergies, "other_personal.health"), Some.Column("last_seen_path", "automatic.activity")),
    ];

    /// <summary>The host's own account table: a root, with declared categories only.</summary>
    private static TableEntry HostUsers() => Some.Table("accounts", "account-management", Some.Id(), Some.Column("email", "contact.email"));

    private static InventoryDocument Fleet(Words w, int tenants, bool withHostTable = true)
    {
        var sources = Enumerable.Range(1, tenants).Select(i => Some.Source($"app{i:00}-{w.Lang}", CustomerApp(w, i))).ToList();
        if (withHostTable) sources.Add(Some.Source("panel", HostUsers()));
        return Some.Document([.. sources]);
    }

    private static IEnumerable<Words> All() => Languages;

    [TestCaseSource(nameof(All))]
    public void ControllerClaims_CustomersAppTablesOfTheProcessorActivity_LeftOutAndNamed(Words w)
    {
        var document = Fleet(w, tenants: 5);
        var processorTables = document.AllTables().Where(x => x.Table.Activity == Processor).Select(x => $"{x.Source.Name}/{x.Table.QualifiedName}").ToHashSet();
        var results = ClaimEvaluator.EvaluateAll(SeedClaims.Policy, document);

        using (Assert.EnterMultipleScope())
        {
            foreach (var r in results.Where(r => r.Claim.Kind != "customer-data-in-processor-scope"))
            {
                var named = r.Findings.Concat(r.Unresolved).Select(f => $"{f.Source}/{f.Table}");
                Assert.That(named, Has.None.Matches<string>(processorTables.Contains), $"{r.Claim.Id}: {r.Summary}");
                Assert.That(r.ExaminedTables, Has.None.Matches<string>(processorTables.Contains), r.Claim.Id);
                Assert.That(r.Verdict, Is.Not.EqualTo(ClaimVerdict.Violated), $"{r.Claim.Id}: {r.Summary}");
                // Every left-out table is one of the processor tables the claim would have looked at, named with why.
                Assert.That(r.Exempted.Select(e => e.Location), Is.SubsetOf(processorTables), r.Claim.Id);
                Assert.That(r.Exempted.Select(e => e.Reason), Has.All.Contains($"processor activity '{Processor}'"), r.Claim.Id);
                if (r.Exempted.Count > 0) Assert.That(r.Summary, Does.Contain("left out: ").And.Contain("of a processor activity"), r.Claim.Id);
            }
            var byId = results.ToDictionary(r => r.Claim.Id);
            // The claims a customer's tables used to break (payments, billing, declared categories, automatic data) name them.
            Assert.That(byId["payment-through-gateway"].Exempted, Has.Count.EqualTo(5), "the members' IBAN tables, one per tenant");
            Assert.That(byId["billing-kept"].Exempted.Select(e => e.Table).Distinct(), Is.EquivalentTo(new[] { w.Orders, w.Invoices }));
            Assert.That(byId["declared-categories-only"].Exempted, Has.Count.EqualTo(25), "every processor table: all their columns were examined");
            Assert.That(byId["no-stored-card-number"].Exempted, Has.Count.EqualTo(25));
            Assert.That(byId["intercom-email-and-signup-date-only"].Exempted.Select(e => e.Table).Distinct(), Is.EqualTo(new[] { w.Members }));
            // The host's own account table is still the one examined.
            Assert.That(byId["deletion-path"].ExaminedTables, Is.EqualTo(new[] { "panel/accounts" }));
            Assert.That(byId["deletion-path"].Verdict, Is.EqualTo(ClaimVerdict.Holds), byId["deletion-path"].Summary);
        }
    }

    [TestCaseSource(nameof(All))]
    public void ProcessorScopeClaim_StillExaminesTheProcessorTables(Words w)
    {
        var document = Fleet(w, tenants: 2);
        foreach (var (_, t, c) in document.AllColumns().Where(x => x.Table.Name == w.Pupils && x.Column.Name == w.Allergies))
            c.DataCategory = "customer_content.application_data";
        var result = SeedClaims.Evaluate("customer-data-processor-scope", document);

        Assert.That((result.Verdict, result.Examined, result.Exempted.Count), Is.EqualTo((ClaimVerdict.Holds, 2, 0)), result.Summary);
    }

    [TestCaseSource(nameof(All))]
    public void EveryClaim_FleetOfProcessorTablesOnly_NothingExaminedIsUnknownNeverHolds(Words w)
    {
        var results = ClaimEvaluator.EvaluateAll(SeedClaims.Policy, Fleet(w, tenants: 3, withHostTable: false));

        using (Assert.EnterMultipleScope())
            foreach (var r in results.Where(r => r.Claim.Kind != "customer-data-in-processor-scope"))
            {
                Assert.That(r.Verdict, Is.EqualTo(ClaimVerdict.Unknown), $"{r.Claim.Id}: {r.Summary}");
                Assert.That(r.Summary, Does.Contain("left out: "), r.Claim.Id);
            }
        var deletion = results.Single(r => r.Claim.Id == "deletion-path");
        Assert.That(deletion.Summary, Does.StartWith("nothing examined: "));
    }

    [Test]
    public void DeletionPath_ExemptActivityNotErasableAndView_EachLeftOutWithWhy()
    {
        var users = Some.Table("users", "account-management", Some.Id(), Some.Column("email", "contact.email"));
        var logs = Some.Table("access_logs", "service-operation", Some.Id(), Some.Column("ip", "automatic.ip_address"), Some.Column("ua", "automatic.user_agent"));
        var legal = Some.Table("requisitions", "legal-requests", Some.Id(), Some.Column("name", "contact.name"));
        var view = Some.Table("v_users", "account-management", Some.Column("email", "contact.email"));
        view.Kind = TableKind.View;

        var result = SeedClaims.Evaluate("deletion-path", users, logs, legal, view);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Holds), result.Summary);
            Assert.That(result.ExaminedTables, Is.EqualTo(new[] { "app/users" }));
            Assert.That(result.Exempted.ToDictionary(e => e.Table, e => e.Reason), Is.EquivalentTo(new Dictionary<string, string>
            {
                ["access_logs"] = "activity 'service-operation' keeps its personal data (automatic.ip_address, automatic.user_agent) under a retention rule marked not erasable (erasable: false)",
                ["requisitions"] = "activity 'legal-requests' is exempt by the claim's exempt-activities (kept by law or by contract)",
                ["v_users"] = "a view stores no rows: deleting the account's rows from its base tables removes them from it",
            }));
            Assert.That(result.Summary, Does.EndWith("; left out: 3 tables (1 not erasable, 1 in an exempt activity, 1 view)"));
        }
    }

    [Test]
    public async Task Report_AndCheck_NameWhatEachClaimLeftOut_InEveryFormat()
    {
        var document = Fleet(Languages[1], tenants: 3);
        var claims = ClaimEvaluator.EvaluateAll(SeedClaims.Policy, document);
        var model = ReportModel.Build(document, SeedClaims.Policy, claims);
        var md = Encoding.UTF8.GetString(await Render(ReportWriters.Create("md"), model));
        var html = Encoding.UTF8.GetString(await Render(ReportWriters.Create("html"), model));
        using var json = JsonDocument.Parse(await Render(ReportWriters.Create("json"), model));
        var billing = json.RootElement.GetProperty("claims").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "billing-kept");

        using var dir = new TempFolder();
        var check = CheckGate.Evaluate(document, new CheckOptions { PathBase = dir.Path, Claims = claims });
        var text = CheckTextWriter.Render(check);
        using var checkJson = JsonDocument.Parse(await Render(new CheckJsonWriter(), check));
        var sarifText = Encoding.UTF8.GetString(await Render(new SarifCheckWriter(), check));
        using var sarif = JsonDocument.Parse(sarifText);
        var junit = Encoding.UTF8.GetString(await Render(new JUnitCheckWriter(), check));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(md, Does.Contain("- (left out) `factures` in 3 sources"));
            Assert.That(html, Does.Contain("left out: <code>factures</code> in 3 sources"));
            Assert.That(billing.GetProperty("exempted").EnumerateArray().Select(e => e.GetProperty("location").GetString()),
                Is.EquivalentTo(new[] { "app01-fr/commandes", "app01-fr/factures", "app02-fr/commandes", "app02-fr/factures", "app03-fr/commandes", "app03-fr/factures" }));
            Assert.That(text, Does.Contain("claim billing-kept: unknown — no billing table found").And.Contain("left out: commandes in 3 sources"));
            Assert.That(text, Does.Contain("claim deletion-path: holds — 1 table with personal data").And.Contain("examined: panel/accounts"));
            Assert.That(checkJson.RootElement.GetProperty("claims").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "billing-kept")
                .GetProperty("leftOut").GetArrayLength(), Is.EqualTo(6));
            Assert.That(sarif.RootElement.GetProperty("runs")[0].GetProperty("properties").GetProperty("claims").GetArrayLength(), Is.EqualTo(claims.Count));
            Assert.That(Inventory.Tests.Check.CheckWriterTests.Validate(sarifText).IsValid, Is.True, "the claims property bag keeps SARIF 2.1.0 valid");
            Assert.That(junit, Does.Contain("name=\"deletion-path\"").And.Contain("left out: "));
        }
    }

    private static async Task<byte[]> Render(IReportWriter writer, ReportModel model)
    {
        using var stream = new MemoryStream();
        await writer.WriteAsync(model, stream);
        return stream.ToArray();
    }

    private static async Task<byte[]> Render(ICheckWriter writer, CheckResult result)
    {
        using var stream = new MemoryStream();
        await writer.WriteAsync(result, stream);
        return stream.ToArray();
    }
}
