using Inventory.Classification;
using Inventory.Config;
using Inventory.Model;
using Inventory.Rules;
using Inventory.Scanning;
using Inventory.Tests.Support;
using Microsoft.Data.Sqlite;
using NUnit.Framework;

namespace Inventory.Tests.Connectors;

/// <summary>Trial 35 finding 3c on real servers: a generated column built from a customer's company name and city
/// (MariaDB <c>VIRTUAL</c>, PostgreSQL <c>GENERATED ALWAYS AS … STORED</c>, SQLite <c>GENERATED ALWAYS AS … VIRTUAL</c>)
/// is read from the catalog with the columns it uses, and the scan (shipped classifier, sampled values) gives it the
/// company name's category instead of the free-text detector's <c>customer_content.message</c>; a generated column over a
/// product's catalogue columns stays <c>none</c>.</summary>
[TestFixture]
[Category("Integration")]
public sealed class GeneratedColumnsLiveTests
{
    private static readonly Lazy<IColumnClassifier> Combined = new(() => ClassifierFactory.CreateDefault());
    private readonly TemporarySqliteFiles _files = new();

    [TearDown]
    public void TearDown() => _files.DeleteAll();

    private const int Rows = 120;

    /// <summary>Company names: a trade, a family name and a legal form, in the four languages.</summary>
    private static string CompanyName(int i)
    {
        string[] trades = ["Boulangerie", "Garage", "Cabinet", "Bäckerei", "Ferretería", "Consulting", "Atelier", "Zahnarztpraxis", "Panadería"];
        string[] families = ["Martin", "Schmidt", "García", "Dubois", "Weber", "López", "Bernard", "Müller", "Fernández", "Moreau", "Wilson"];
        string[] forms = ["SARL", "GmbH", "S.L.", "Ltd", "SAS", "KG", "S.A."];
        return $"{trades[i % trades.Length]} {families[i * 7 % families.Length]} {forms[i * 3 % forms.Length]}";
    }

    private static string City(int i)
    {
        string[] cities = ["Strasbourg", "Lyon", "Berlin", "München", "Sevilla", "Valencia", "Manchester", "Lille", "Köln", "Bordeaux"];
        return cities[i % cities.Length];
    }

    private static string Inserts(string table) => string.Join(";\n", Enumerable.Range(1, Rows).Select(i =>
        $"INSERT INTO {table} (id, company_name, city, sku, colour) VALUES ({i}, '{CompanyName(i)}', '{City(i)}', 'SKU-{i:D5}', '{(i % 3 == 0 ? "red" : "blue")}')")) + ";";

    private static async Task<InventoryDocument> ScanAsync(string provider, string connection) =>
        await new ScanRunner(Combined.Value).RunAsync(new ScanRequest
        {
            Sources = [new SourceConfig { Name = "app", Provider = provider, Connection = connection }],
        });

    private static void AssertInherited(InventoryDocument document)
    {
        ColumnEntry Column(string table, string column) => document.AllColumns().Single(x => x.Table.Name == table && x.Column.Name == column).Column;
        var company = Column("customers", "company_name");
        var label = Column("customers", "label");
        var variant = Column("products", "variant");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(company.DataCategory, Does.StartWith("contact."), "the company name itself");
            Assert.That(label.DataCategory, Is.EqualTo(company.DataCategory), "the label takes the company name's category");
            Assert.That(label.Classification?.Evidence.FirstOrDefault()?.Detail, Is.EqualTo("generated from company_name, city"));
            Assert.That(variant.DataCategory, Is.EqualTo("none"), "a product's generated variant code stays none");
        }
    }

    [Test]
    public async Task Scan_MariaDbVirtualColumnFromContactParts_TakesCompanyNamesCategory()
    {
        await using var db = await TestMySql.CreateAsync("gencol", """
            CREATE TABLE customers (id int PRIMARY KEY, company_name varchar(120), city varchar(80), sku varchar(20), colour varchar(10),
              label varchar(220) AS (CONCAT(company_name, ' (', city, ')')) VIRTUAL);
            CREATE TABLE products (id int PRIMARY KEY, company_name varchar(120), city varchar(80), sku varchar(20), colour varchar(10),
              variant varchar(40) AS (CONCAT(sku, '-', UPPER(colour))) STORED);
            """ + Inserts("customers") + Inserts("products"));
        AssertInherited(await ScanAsync("mysql", db.ConnectionString));
    }

    [Test]
    public async Task Scan_PostgresGeneratedColumnFromContactParts_TakesCompanyNamesCategory()
    {
        await using var db = await TestPostgres.CreateAsync("gencol", """
            CREATE TABLE customers (id int PRIMARY KEY, company_name text, city text, sku text, colour text,
              label text GENERATED ALWAYS AS (company_name || ' (' || city || ')') STORED);
            CREATE TABLE products (id int PRIMARY KEY, company_name text, city text, sku text, colour text,
              variant text GENERATED ALWAYS AS (sku || '-' || upper(colour)) STORED);
            """ + Inserts("customers") + Inserts("products"));
        AssertInherited(await ScanAsync("postgres", db.ConnectionString));
    }

    [Test]
    public async Task Scan_SqliteGeneratedColumnFromContactParts_TakesCompanyNamesCategory()
    {
        var path = _files.NewPath("inv_gencol");
        await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ConnectionString))
        {
            await connection.OpenAsync();
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = """
                CREATE TABLE customers (id INTEGER PRIMARY KEY, company_name TEXT, city TEXT, sku TEXT, colour TEXT,
                  "label" TEXT GENERATED ALWAYS AS (company_name || ' (' || city || ')') VIRTUAL);
                CREATE TABLE products (id INTEGER PRIMARY KEY, company_name TEXT, city TEXT, sku TEXT, colour TEXT,
                  variant TEXT AS (sku || '-' || upper(colour)) STORED);
                """ + Inserts("customers") + Inserts("products");
            await cmd.ExecuteNonQueryAsync();
        }
        AssertInherited(await ScanAsync("sqlite", "sqlite:" + path));
    }
}
