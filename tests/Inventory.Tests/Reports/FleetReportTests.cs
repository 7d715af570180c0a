using DocumentFormat.OpenXml.Packaging;
using System.Text;
using System.Text.Json;
using Inventory.Model;
using Inventory.Reports;
using Inventory.Reports.Writers;
using Inventory.Rules.Policy;
using NUnit.Framework;

namespace Inventory.Tests.Reports;

/// <summary>Trial32 finding 3: over a fleet of tenants (one database, or one schema, per tenant with the same tables)
/// every ROPA category cell listed one <c>locataire-NN/table.column</c> per tenant and every claim finding repeated once
/// per tenant. Generated fleets of 4 to 120 tenants with French, German, Spanish and English table names, and exceptions
/// (a tenant whose column is classified differently, one without the column): the reports say each table.column once with
/// its places and name the exceptions; the JSON report and the CSV keep every location.</summary>
[TestFixture]
public sealed class FleetReportTests
{
    /// <summary>(account table, e-mail column, name column, billing table, IBAN column), one per language.</summary>
    private static readonly (string Accounts, string Email, string Name, string Billing, string Iban)[] Schemas =
    [
        ("utilisateurs", "courriel", "nom_complet", "factures", "iban_client"),
        ("benutzer", "e_mail_adresse", "vollstaendiger_name", "rechnungen", "iban_kunde"),
        ("usuarios", "correo_electronico", "nombre_completo", "facturas", "iban_cliente"),
        ("users", "email", "full_name", "invoices", "customer_iban"),
    ];

    private static string Tenant(int i) => $"locataire-{i:D2}";

    /// <summary>How a line names the tenants 1..n but <paramref name="except"/>: one by one up to three, else first … last.</summary>
    private static string Places(int n, int except)
    {
        var here = Enumerable.Range(1, n).Where(i => i != except).Select(Tenant).ToList();
        return here.Count <= 3 ? string.Join(", ", here) : $"{here[0]} … {here[^1]}";
    }

    private static string Md(string text) => TemplateRenderer.Markdown(text);

    private static string Code(string table, string column) => TemplateRenderer.Code($"{table}.{column}");

    /// <summary>A fleet of <paramref name="tenants"/> sources of one schema; tenant <paramref name="otherCategory"/> has
    /// its e-mail column classified as a name, tenant <paramref name="withoutName"/> has no name column.</summary>
    private static InventoryDocument SourceFleet(int language, int tenants, int otherCategory, int withoutName)
    {
        var (accounts, email, name, billing, iban) = Schemas[language];
        var sources = Enumerable.Range(1, tenants).Select(i =>
        {
            var columns = new List<ColumnEntry> { Some.Id(), Some.Column(email, i == otherCategory ? "contact.name" : "contact.email") };
            if (i != withoutName) columns.Add(Some.Column(name, "contact.name"));
            return Some.Source(Tenant(i),
                Some.Table(accounts, "account-management", [.. columns]),
                Some.Table(billing, "billing-and-payment", Some.Id(), Some.Column(iban, "financial.bank_account")));
        }).ToArray();
        return Some.Document(sources);
    }

    private static async Task<string> TextOf(IReportWriter writer, ReportModel model) =>
        Encoding.UTF8.GetString(await ReportWriterTests.RenderAsync(writer, model));

    private static IEnumerable<TestCaseData> Fleets() =>
        from language in Enumerable.Range(0, Schemas.Length)
        from tenants in new[] { 4, 55, 120 }
        select new TestCaseData(language, tenants).SetArgDisplayNames(Schemas[language].Accounts, tenants.ToString(System.Globalization.CultureInfo.InvariantCulture));

    [TestCaseSource(nameof(Fleets))]
    public async Task Markdown_SourceFleet_EachTableColumnOnceWithItsSourcesAndTheExceptionsNamed(int language, int tenants)
    {
        // Given a fleet where tenant 3's e-mail column reads as a name and tenant 2 has no name column
        var (accounts, email, name, billing, iban) = Schemas[language];
        var model = ReportModel.Build(SourceFleet(language, tenants, otherCategory: 3, withoutName: 2), PolicyDocument.Seed);

        // When the Markdown report is written
        var markdown = await TextOf(new MarkdownReportWriter(), model);
        var emailCell = model.Activities.Single(a => a.Id == "account-management").Categories.Single(c => c.Category == "contact.email");

        // Then each table.column is one line with its sources, and the exceptions are named on it
        using (Assert.EnterMultipleScope())
        {
            Assert.That(emailCell.Columns, Has.Count.EqualTo(tenants - 1), "the model keeps every location");
            Assert.That(emailCell.Groups, Has.Count.EqualTo(1));
            Assert.That(markdown, Does.Contain($"{Code(accounts, email)} {Md($"in {tenants - 1} of the {tenants} sources holding {accounts} ({Places(tenants, 3)}); not here: locataire-03: contact.name")}"));
            Assert.That(markdown, Does.Contain($"{Code(accounts, name)} {Md($"in {tenants - 1} of the {tenants} sources holding {accounts} ({Places(tenants, 2)}); not here: locataire-02: no column {name}")}"));
            Assert.That(markdown, Does.Contain($"`locataire-03/{accounts}.{email}`"), "tenant 3's e-mail column is listed under contact.name");
            Assert.That(markdown, Does.Not.Contain($"`locataire-05/{accounts}.{email}`"), "no tenant's own location in the record");
            Assert.That(markdown, Does.Contain($"- {Code(billing, iban)} {Md($"in {tenants} sources ({Places(tenants, 0)})")}: "),
                "the payment-through-gateway finding once for the fleet");
            Assert.That(markdown.Split('\n').Count(l => l.Contains($"{billing}.{iban}", StringComparison.Ordinal)), Is.LessThanOrEqualTo(4),
                "a handful of lines, not one per tenant");
        }
    }

    [TestCaseSource(nameof(Fleets))]
    public async Task Html_SourceFleet_FindingsAndCellsGrouped(int language, int tenants)
    {
        var (accounts, email, _, billing, iban) = Schemas[language];
        var model = ReportModel.Build(SourceFleet(language, tenants, otherCategory: 3, withoutName: 2), PolicyDocument.Seed);

        var html = await TextOf(new HtmlReportWriter(), model);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(html, Does.Contain(TemplateRenderer.Name($"{accounts}.{email}")
                + $"</code> in {tenants - 1} of the {tenants} sources holding {accounts} ({Places(tenants, 3)}); not here: locataire-03: contact.name"));
            Assert.That(html, Does.Contain(TemplateRenderer.Name($"{billing}.{iban}") + $"</code> in {tenants} sources ({Places(tenants, 0)}): "));
            Assert.That(html, Does.Not.Contain(TemplateRenderer.Name($"locataire-05/{accounts}.{email}")));
        }
    }

    [Test]
    public async Task Xlsx_FleetOf120_RegisterCellAndClaimFindingsOneLinePerTableColumn()
    {
        var model = ReportModel.Build(SourceFleet(0, 120, otherCategory: 3, withoutName: 2), PolicyDocument.Seed);

        using var stream = new MemoryStream(await ReportWriterTests.RenderAsync(new XlsxReportWriter(), model));
        using var document = SpreadsheetDocument.Open(stream, false);
        var register = ReportWriterTests.ReadSheet(document.WorkbookPart!, "Registre");
        var cell = register.Single(r => r[1] == "account-management")[^1];
        var claims = ReportWriterTests.ReadSheet(document.WorkbookPart!, "Revendications");
        var gateway = claims.Single(r => r[0] == "payment-through-gateway");
        var columns = ReportWriterTests.ReadSheet(document.WorkbookPart!, "Colonnes");

        using (Assert.EnterMultipleScope())
        {
            // The register (French by default) writes the fleet's grouping in French (session 48).
            Assert.That(cell, Does.Contain("contact.email: utilisateurs.courriel dans 119 des 120 sources qui contiennent utilisateurs (locataire-01 … locataire-120) ; sauf : locataire-03 : contact.name"));
            Assert.That(cell.Length, Is.LessThan(1000), "no cut needed: the cell does not grow with the fleet");
            Assert.That(gateway[5].Split('\n'), Has.Length.EqualTo(1));
            // The register (French by default) writes the claim's reason and the fleet's grouping in French (AnalysisWording).
            Assert.That(gateway[5], Is.EqualTo("factures.iban_client dans 120 sources (locataire-01 … locataire-120) : financial.bank_account est stockée : les paiements doivent passer par la passerelle 'stripe'"));
            Assert.That(columns.Count - 1, Is.EqualTo(120 * 5 - 1), "the column sheet keeps every column of every tenant");
        }
    }

    [Test]
    public async Task Json_Fleet_KeepsEveryLocationBesideTheGroups()
    {
        var model = ReportModel.Build(SourceFleet(1, 55, otherCategory: 3, withoutName: 2), PolicyDocument.Seed);

        using var json = JsonDocument.Parse(await ReportWriterTests.RenderAsync(new JsonReportWriter(), model));
        var email = json.RootElement.GetProperty("activities").EnumerateArray().Single(a => a.GetProperty("id").GetString() == "account-management")
            .GetProperty("categories").EnumerateArray().Single(c => c.GetProperty("category").GetString() == "contact.email");
        var group = email.GetProperty("groups").EnumerateArray().Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(email.GetProperty("columns").GetArrayLength(), Is.EqualTo(54));
            Assert.That(group.GetProperty("location").GetString(), Is.EqualTo("benutzer.e_mail_adresse"));
            Assert.That(group.GetProperty("locations").GetArrayLength(), Is.EqualTo(54));
            Assert.That(group.GetProperty("exceptions").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { "locataire-03: contact.name" }));
        }
    }

    [Test]
    public async Task Markdown_TenantSchemasOfOneSource_GroupedBySchema()
    {
        // Given one PostgreSQL source with a table clients in 4 tenant schemas (mixed case among them) and a shared schema
        string[] schemas = ["Mandant_Nord", "tenant_acme", "tenant_globex", "tenant_initech"];
        var tables = schemas.Select(s =>
        {
            var t = Some.Table("clients", "account-management", Some.Id(), Some.Column("courriel", "contact.email"),
                Some.Column("telefono", s == "tenant_globex" ? null : "contact.phone"));
            t.Schema = s;
            t.QualifiedName = $"{s}.clients";
            return t;
        }).Append(Some.Table("parametres", null, Some.Id())).ToArray();
        var model = ReportModel.Build(Some.Document(Some.Source("trial32_app", tables)), PolicyDocument.Seed);

        var markdown = await TextOf(new MarkdownReportWriter(), model);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(markdown, Does.Contain("`clients.courriel` in 4 schemas of trial32\\_app (Mandant\\_Nord … tenant\\_initech)"));
            Assert.That(markdown, Does.Contain("`clients.telefono` in 3 of the 4 schemas of trial32\\_app holding clients (Mandant\\_Nord, tenant\\_acme, tenant\\_initech); not here: tenant\\_globex: undecided"));
            Assert.That(markdown, Does.Not.Contain("`trial32_app/tenant_acme.clients.courriel`"));
        }
    }

    [Test]
    public async Task Markdown_TablesHeldOnce_ListedAsBefore()
    {
        // Given two sources with different tables (no fleet)
        var model = ReportModel.Build(Some.Document(
            Some.Source("app", Some.Table("users", "account-management", Some.Id(), Some.Column("email", "contact.email"))),
            Some.Source("crm", Some.Table("contacts", "account-management", Some.Id(), Some.Column("email", "contact.email")))), PolicyDocument.Seed);

        var markdown = await TextOf(new MarkdownReportWriter(), model);

        Assert.That(markdown, Does.Contain("`app/users.email`, `crm/contacts.email`"));
    }

    [Test]
    public async Task Markdown_FleetWithoutActivities_NotAttributedColumnsGrouped()
    {
        var sources = Enumerable.Range(1, 60).Select(i => Some.Source(Tenant(i),
            Some.Table("kunden", null, Some.Id(), Some.Column("email", "contact.email", ColumnStatus.Suggested)))).ToArray();
        var model = ReportModel.Build(Some.Document(sources), PolicyDocument.Seed);

        var markdown = await TextOf(new MarkdownReportWriter(), model);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(model.Unassigned, Has.Count.EqualTo(60));
            Assert.That(markdown, Does.Contain("| `kunden.email` in 60 sources (locataire-01 … locataire-60) | `contact.email` | suggested |"));
            Assert.That(markdown, Does.Not.Contain("`locataire-07/kunden.email`"));
        }
    }

    [Test]
    public void Normalise_SourceAndSchemaNamesInAReason_Removed()
    {
        var table = Some.Table("clients", null);
        table.Schema = "tenant_a";
        var place = new FleetSummary.Place(Some.Source("t1"), table);

        var text = FleetSummary.Normalise("no account table (users) in source 't1' to delete from; via tenant_a.orders", place);

        Assert.That(text, Is.EqualTo("no account table (users) in its source to delete from; via orders"));
    }
}
