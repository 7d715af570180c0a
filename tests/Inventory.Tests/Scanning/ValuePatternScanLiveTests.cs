using System.Globalization;
using System.Text.Json;
using Inventory.Cli;
using Inventory.Tests.Annotations;
using Inventory.Tests.Support;
using Microsoft.Data.Sqlite;
using NUnit.Framework;

namespace Inventory.Tests.Scanning;

/// <summary>
/// <c>value-patterns:</c> end to end (users45): <c>inventory scan --config</c> on a real SQLite file and a real
/// PostgreSQL database holding employee ids (<c>EMP-123456</c>) and internal customer numbers (<c>C</c>, eight digits,
/// Luhn check digit). The inventory shows each pattern's category, its rule id <c>pattern.name</c> first in the
/// evidence with its counts, and no sampled value anywhere.
/// </summary>
[TestFixture]
public sealed class ValuePatternScanLiveTests
{
    private const string PatternsYaml = """
        value-patterns:
          - name: employee-id
            pattern: 'EMP-\d{6}'
            category: other_personal.employment
            context: [employee, staff, worker]
          - name: customer-number
            pattern: 'C\d{8}'
            category: none
            validator: luhn
            min-share: 0.9
        """;

    private TempFolder _dir = null!;

    [SetUp]
    public void CreateFolder() => _dir = new TempFolder();

    [TearDown]
    public void RemoveFolder()
    {
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    /// <summary>40 rows: an employee id, a customer number with a valid Luhn digit, a ticket reference of the employee
    /// id's shape under a name without a context word, and a customer number whose last digit is wrong in every row.</summary>
    private static List<(string Employee, string Customer, string Ticket, string BadCustomer)> Rows()
    {
        var random = new Random(45);
        var rows = new List<(string, string, string, string)>();
        for (int i = 0; i < 40; i++)
        {
            var digits = Enumerable.Range(0, 7).Select(_ => random.Next(10)).ToArray();
            int sum = 0;
            for (int k = 0; k < 7; k++)
            {
                int d = digits[6 - k];
                if (k % 2 == 0) { d *= 2; if (d > 9) d -= 9; }
                sum += d;
            }
            int check = (10 - sum % 10) % 10;
            var body = string.Concat(digits);
            rows.Add(("EMP-" + random.Next(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture), $"C{body}{check}",
                "EMP-" + random.Next(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture), $"C{body}{(check + 1) % 10}"));
        }
        return rows;
    }

    private static string InsertSql(string table, List<(string Employee, string Customer, string Ticket, string BadCustomer)> rows) =>
        $"INSERT INTO {table} (employee_no, customer_phone, ticket_ref, legacy_number) VALUES "
        + string.Join(", ", rows.Select(r => $"('{r.Employee}', '{r.Customer}', '{r.Ticket}', '{r.BadCustomer}')")) + ";";

    private async Task<(JsonElement Table, string Json)> ScanAsync(string sourceYaml, string table)
    {
        var config = _dir.Write("inventory.yml", sourceYaml + PatternsYaml);
        var output = Path.Combine(_dir.Path, "inventory.json");
        var (code, console) = await InProcessCli.RunAsync("scan", "--config", config, "--out", output);
        Assert.That(code, Is.EqualTo(ExitCodes.Ok), console);
        var json = File.ReadAllText(output);
        using var document = JsonDocument.Parse(json);
        var found = document.RootElement.GetProperty("sources")[0].GetProperty("tables").EnumerateArray()
            .Single(t => t.GetProperty("name").GetString() == table).Clone();
        return (found, json);
    }

    private static JsonElement ColumnOf(JsonElement table, string name) =>
        table.GetProperty("columns").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    private static void AssertPatternDecisions(JsonElement table, string json, List<(string Employee, string Customer, string Ticket, string BadCustomer)> rows)
    {
        var employee = ColumnOf(table, "employee_no").GetProperty("classification");
        var customer = ColumnOf(table, "customer_phone").GetProperty("classification");
        var ticket = ColumnOf(table, "ticket_ref").GetProperty("classification");
        var legacy = ColumnOf(table, "legacy_number").GetProperty("classification");
        var employeeFirst = employee.GetProperty("evidence")[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(employee.GetProperty("dataCategory").GetString(), Is.EqualTo("other_personal.employment"));
            Assert.That(employee.GetProperty("confidence").GetDouble(), Is.EqualTo(0.99));
            Assert.That(employeeFirst.GetProperty("kind").GetString(), Is.EqualTo("pattern"));
            Assert.That(employeeFirst.GetProperty("id").GetString(), Is.EqualTo("pattern.employee-id"));
            Assert.That((employeeFirst.GetProperty("matched").GetInt32(), employeeFirst.GetProperty("total").GetInt32()), Is.EqualTo((40, 40)));
            Assert.That(employeeFirst.GetProperty("detail").GetString(), Does.Match(@"^value pattern 'employee-id' of inventory\.yml:\d+: 40 of 40 sampled values match"));
            Assert.That(customer.GetProperty("dataCategory").GetString(), Is.EqualTo("none"));
            Assert.That(customer.GetProperty("evidence")[0].GetProperty("id").GetString(), Is.EqualTo("pattern.customer-number"));
            // The ticket references have the employee ids' shape, but their name holds no context word.
            Assert.That(ticket.GetProperty("evidence").EnumerateArray().Select(e => e.GetProperty("id").GetString()), Has.None.StartsWith("pattern."));
            // Every legacy number fails the Luhn check: no match, no pattern evidence.
            Assert.That(legacy.GetProperty("evidence").EnumerateArray().Select(e => e.GetProperty("id").GetString()), Has.None.StartsWith("pattern."));
            Assert.That(rows.SelectMany(r => new[] { r.Employee, r.Customer, r.Ticket, r.BadCustomer }).Where(v => json.Contains(v, StringComparison.Ordinal)), Is.Empty,
                "no sampled value in the inventory");
        }
    }

    [Test]
    public async Task Sqlite_PatternsDecideWithTheirRuleIds()
    {
        var rows = Rows();
        var database = Path.Combine(_dir.Path, "hr.db");
        InProcessCli.ExecuteSqlite(database, "CREATE TABLE staff (id INTEGER PRIMARY KEY, employee_no TEXT, customer_phone TEXT, ticket_ref TEXT, legacy_number TEXT);"
            + InsertSql("staff", rows));

        var (table, json) = await ScanAsync("connection: sqlite:hr.db\n", "staff");

        AssertPatternDecisions(table, json, rows);
    }

    [Test]
    public async Task Postgres_PatternsDecideWithTheirRuleIds()
    {
        var rows = Rows();
        await using var db = await TestPostgres.CreateAsync("users45_patterns",
            "CREATE TABLE staff (id serial PRIMARY KEY, employee_no text, customer_phone varchar(20), ticket_ref text, legacy_number text);"
            + InsertSql("staff", rows));
        const string variable = "INVENTORY_USERS45_PG";
        Environment.SetEnvironmentVariable(variable, db.ConnectionString);
        try
        {
            var (table, json) = await ScanAsync($"provider: postgres\nconnection: ${{{variable}}}\n", "staff");

            AssertPatternDecisions(table, json, rows);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }
}
