using System.Text.RegularExpressions;
using Inventory.Cli;
using Inventory.Config;
using Inventory.Model;
using Inventory.Reports.Claims;
using Inventory.Rules;
using Inventory.Rules.Policy;
using Inventory.Scanning;
using Inventory.Tests.Annotations;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Reports;

/// <summary>Trial43 findings 6 and 8, on real scans: a claim's "left out" names the tables of processor-role sources
/// (outside every controller's claim) with their count and source, beside the tables annotated with a processor
/// activity; and <c>no-stored-card-number</c>, whose "holds" rests on sampled values, says on what: <c>in N sampled rows
/// of M tables (K read whole)</c>, never a value.</summary>
[TestFixture]
[Category("Integration")]
public sealed class ClaimBasisLiveTests
{
    private TempFolder _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new TempFolder();

    [TearDown]
    public void TearDown() => _dir.Dispose();

    /// <summary>The host's panel: 20 accounts and 12 plans (read whole), 3,000 page views (sampled), and a table of
    /// customers' files annotated with the processor activity; no card number anywhere.</summary>
    private const string PanelSql = """
        CREATE TABLE accounts (id INTEGER PRIMARY KEY, email TEXT NOT NULL, created_at TEXT NOT NULL);
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20)
          INSERT INTO accounts SELECT i, 'user' || i || '@example.org', '2026-01-' || printf('%02d', 1 + i % 28) FROM n;
        CREATE TABLE plans (id INTEGER PRIMARY KEY, label TEXT NOT NULL, monthly_price NUMERIC NOT NULL);
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 12)
          INSERT INTO plans SELECT i, 'plan ' || i, i * 5 FROM n;
        CREATE TABLE page_views (id INTEGER PRIMARY KEY, account_id INTEGER NOT NULL, path TEXT NOT NULL, viewed_at TEXT NOT NULL);
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)
          INSERT INTO page_views SELECT i, 1 + i % 20, '/dashboard/' || (i % 37), '2026-02-01T10:' || printf('%02d', i % 60) FROM n;
        CREATE TABLE customer_files (id INTEGER PRIMARY KEY, file_name TEXT NOT NULL, body TEXT NOT NULL);
        INSERT INTO customer_files VALUES (1, 'readme.txt', 'hello'), (2, 'notes.md', 'build steps');
        """;

    /// <summary>A customer's shop hosted by the platform: scanned as a processor source (names and types only).</summary>
    private const string ShopSql = """
        CREATE TABLE customers (id INTEGER PRIMARY KEY, email TEXT, full_name TEXT);
        CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER, total NUMERIC);
        CREATE TABLE payments (id INTEGER PRIMARY KEY, order_id INTEGER, card_last4 TEXT, iban TEXT);
        """;

    private static readonly Regex Basis = new(@"in (\d+) sampled rows? of (\d+) tables? \((\d+) read whole\)", RegexOptions.CultureInvariant);

    [Test]
    public async Task SqliteScan_CheckSaysTheSampleAndLeavesOutTheProcessorSourceByName()
    {
        // Given a controller source and a processor source (real SQLite files), one panel table annotated with the
        // processor activity, the built-in policy
        var panel = Path.Combine(_dir.Path, "panel.db");
        var shop = Path.Combine(_dir.Path, "shop.db");
        InProcessCli.ExecuteSqlite(panel, PanelSql);
        InProcessCli.ExecuteSqlite(shop, ShopSql);
        Directory.CreateDirectory(Path.Combine(_dir.Path, "annotations"));
        File.WriteAllText(Path.Combine(_dir.Path, "annotations", "panel.yml"), "table: customer_files\nsource: panel\nactivity: hosting-customer-data\n");
        var config = Path.Combine(_dir.Path, "inventory.yml");
        File.WriteAllText(config, $"""
            policy: builtin
            annotations: annotations
            sources:
              - {"{"} name: panel, connection: "sqlite:{panel}" {"}"}
              - {"{"} name: shop, connection: "sqlite:{shop}", role: processor, controller: "Boutique Lyon SARL" {"}"}
            """);
        var inventoryPath = Path.Combine(_dir.Path, "inventory.json");
        var (scanCode, scanOutput) = await InProcessCli.RunAsync("scan", "--config", config, "--out", inventoryPath);
        Assert.That(scanCode, Is.EqualTo(ExitCodes.Ok), scanOutput);

        // When the gate runs on it
        var (_, output) = await InProcessCli.RunAsync("check", "--config", config, "--inventory", inventoryPath);

        // Then the card claim holds, naming the sampled rows of the three examined tables (the two small ones read
        // whole), and leaves out the annotated table and the three tables of the processor source, each said
        var inventory = InventoryJson.Read(inventoryPath);
        var examined = inventory.AllTables().Where(x => x.Source.Name == "panel" && x.Table.Name != "customer_files").Select(x => x.Table).ToList();
        var line = output.Split('\n').Single(l => l.StartsWith("claim no-stored-card-number:", StringComparison.Ordinal));
        var basis = Basis.Match(line);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(line, Does.StartWith("claim no-stored-card-number: holds — "), output);
            Assert.That(basis.Success, Is.True, line);
            Assert.That(int.Parse(basis.Groups[1].Value), Is.EqualTo(examined.Sum(t => t.SampledRows)).And.InRange(20 + 12 + 400, 20 + 12 + 500), "the rows the inventory records");
            Assert.That((basis.Groups[2].Value, basis.Groups[3].Value), Is.EqualTo(("3", "2")), "accounts and plans read whole, page_views sampled");
            Assert.That(examined.Single(t => t.Name == "page_views").SampleMethod, Does.StartWith("random rowids"));
            Assert.That(line, Does.Contain("; left out: 4 tables (1 of a processor activity, 3 of processor source 'shop')"));
            Assert.That(line, Does.Contain("shop/* (3 tables of the processor source 'shop' (role: processor, controller: Boutique Lyon SARL): customers' data hosted on their instruction"));
            Assert.That(line, Does.Contain("panel/customer_files (annotated with the processor activity 'hosting-customer-data'"));
            Assert.That(line, Does.Not.Contain("@example.org"), "no value");
            // Every controller claim that examines columns leaves the processor source out by name.
            foreach (var id in new[] { "declared-categories-only", "no-stored-card-number" })
                Assert.That(output.Split('\n').Single(l => l.StartsWith($"claim {id}:", StringComparison.Ordinal)), Does.Contain("3 of processor source 'shop'"), id);
        }
    }

    [Test]
    public async Task SqliteFleet_ManyProcessorSourcesAreOneCountedItem_UpToThreeStayNamed()
    {
        // Given the host's panel and 6 customers' shops scanned as processor sources (real SQLite files), then the panel
        // beside only 3 of them: the trial45 fleet, whose 40 customer databases made every claim line 2,000 to 4,000
        // characters of "5 of processor source 'blog-01', 5 of processor source 'blog-02', …" twice over
        var panel = Path.Combine(_dir.Path, "panel.db");
        InProcessCli.ExecuteSqlite(panel, PanelSql);
        var shops = Enumerable.Range(1, 6).Select(i => $"shop-{i:00}").ToList();
        foreach (var shop in shops) InProcessCli.ExecuteSqlite(Path.Combine(_dir.Path, shop + ".db"), ShopSql);
        string Config(string name, IEnumerable<string> processors)
        {
            var path = Path.Combine(_dir.Path, name);
            File.WriteAllText(path, "policy: builtin\nsources:\n  - { name: panel, connection: \"sqlite:" + panel + "\" }\n"
                + string.Concat(processors.Select(s => $"  - {{ name: {s}, connection: \"sqlite:{Path.Combine(_dir.Path, s + ".db")}\", role: processor, controller: \"Client {s}\" }}\n")));
            return path;
        }
        async Task<(string Output, string Json)> Check(string config)
        {
            var inventoryPath = Path.ChangeExtension(config, ".json");
            var (scanCode, scanOutput) = await InProcessCli.RunAsync("scan", "--config", config, "--out", inventoryPath);
            Assert.That(scanCode, Is.EqualTo(ExitCodes.Ok), scanOutput);
            var jsonPath = Path.ChangeExtension(config, ".check.json");
            var (_, output) = await InProcessCli.RunAsync("check", "--config", config, "--inventory", inventoryPath, "--format", "text,json", "--json", jsonPath);
            return (output, File.ReadAllText(jsonPath));
        }

        // When the gate runs on each
        var (fleetOutput, fleetJson) = await Check(Config("fleet.yml", shops));
        var (fewOutput, _) = await Check(Config("few.yml", shops.Take(3)));

        // Then over 6 sources every claim that leaves them out counts them as one item naming the first and the last,
        // in its summary and in its left-out list, while check.json keeps one entry per source; over 3 each is named
        string Claim(string output, string id) => output.Split('\n').Single(l => l.StartsWith($"claim {id}:", StringComparison.Ordinal));
        var cards = Claim(fleetOutput, "no-stored-card-number");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(cards, Does.Contain("; left out: 18 tables (18 in 6 processor sources ('shop-01' … 'shop-06'))"), cards);
            Assert.That(cards, Does.Contain("; tables left out: shop-01/* … shop-06/* (6 processor sources (role: processor;"), cards);
            Assert.That(cards, Does.Not.Contain("of processor source 'shop-0"), cards);
            Assert.That(cards, Does.Not.Contain("Client shop-"), "each controller is the report's to name");
            Assert.That(Claim(fleetOutput, "payment-through-gateway"), Does.Contain("(6 in 6 processor sources ('shop-01' … 'shop-06'))"),
                "the payment claim counts only the payments table of each");
            foreach (var shop in shops) Assert.That(fleetJson, Does.Contain($"\"location\": \"{shop}/*\""), shop);
            var few = Claim(fewOutput, "no-stored-card-number");
            Assert.That(few, Does.Contain("; left out: 9 tables (3 of processor source 'shop-01', 3 of processor source 'shop-02', 3 of processor source 'shop-03')"), few);
            Assert.That(few, Does.Contain("shop-02/* (3 tables of the processor source 'shop-02' (role: processor, controller: Client shop-02)"), few);
        }
    }

    [Test]
    public async Task PostgresScan_HoldsOnTheSampleItRead_ProcessorSourceCountedOnlyForTablesTheClaimWouldExamine()
    {
        // Given a PostgreSQL panel (30 accounts read whole; 5,000 sign-ins sampled by TABLESAMPLE once analysed) and a
        // customer's PostgreSQL database scanned as a processor source: two tables, one with card-payment columns
        await using var host = await TestPostgres.CreateAsync("users44basis", """
            CREATE TABLE accounts (id serial PRIMARY KEY, email text NOT NULL);
            INSERT INTO accounts (email) SELECT 'member' || i || '@example.org' FROM generate_series(1, 30) i;
            CREATE TABLE sign_ins (id serial PRIMARY KEY, account_id int NOT NULL, at timestamptz NOT NULL, outcome text NOT NULL);
            INSERT INTO sign_ins (account_id, at, outcome)
              SELECT 1 + i % 30, timestamptz '2026-03-01' + i * interval '1 minute', CASE WHEN i % 7 = 0 THEN 'failed' ELSE 'ok' END FROM generate_series(1, 5000) i;
            ANALYZE accounts; ANALYZE sign_ins;
            """);
        await using var customer = await TestPostgres.CreateAsync("users44cust", """
            CREATE TABLE clients (id serial PRIMARY KEY, nom text, courriel text);
            CREATE TABLE paiements (id serial PRIMARY KEY, client_id int, iban text, carte_4_derniers text);
            """);
        var sources = new[]
        {
            new SourceConfig { Name = "panel", Connection = host.ConnectionString },
            new SourceConfig { Name = "boutique", Connection = customer.ConnectionString, Role = ProcessingRole.Processor },
        };

        // When it is scanned and the built-in policy's claims are evaluated
        var document = await new ScanRunner(ClassifierFactory.CreateRules()).RunAsync(new ScanRequest { Sources = sources });
        var results = ClaimEvaluator.EvaluateAll(PolicyDocument.Seed, document).ToDictionary(r => r.Claim.Id);

        // Then the card claim holds on exactly the rows the inventory records, accounts read whole and sign_ins sampled
        var panel = document.Sources.Single(s => s.Name == "panel").Tables;
        var cards = results["no-stored-card-number"];
        var basis = Basis.Match(cards.Summary);
        var payment = results["payment-through-gateway"];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(cards.Verdict, Is.EqualTo(ClaimVerdict.Holds), cards.Summary);
            Assert.That(basis.Success, Is.True, cards.Summary);
            Assert.That(int.Parse(basis.Groups[1].Value), Is.EqualTo(panel.Sum(t => t.SampledRows)));
            Assert.That(panel.Single(t => t.Name == "sign_ins").SampledRows, Is.InRange(1, 4999), "sampled, not read whole");
            Assert.That((basis.Groups[2].Value, basis.Groups[3].Value), Is.EqualTo(("2", "1")), string.Join(", ", panel.Select(t => $"{t.Name}: {t.SampleMethod}")));
            Assert.That(cards.Summary, Does.EndWith("; left out: 2 tables (2 of processor source 'boutique')"));
            Assert.That(cards.Exempted.Select(e => (e.Location, e.Reason)).Single().Reason,
                Does.StartWith("2 tables of the processor source 'boutique' (role: processor, controller: not declared)"));
            // The payment claim would look only at tables with payment data: the processor source counts the one.
            Assert.That(payment.Summary, Does.EndWith("; left out: 1 table (1 of processor source 'boutique')"), payment.Summary);
            Assert.That(payment.Exempted.Single().Location, Is.EqualTo("boutique/*"));
        }
    }
}
