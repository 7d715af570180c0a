using Inventory.Cli;
using Inventory.Tests.Support;
using Microsoft.Data.Sqlite;
using NUnit.Framework;
using Spectre.Console.Testing;

namespace Inventory.Tests.Cli;

/// <summary>C28 through the command line as an engineer meets it: scan a SQLite database holding JSON documents,
/// `annotate` writes the column's paths, `check` fails until every path (or the column) has a category, passes once
/// they do, and reports a path the scan never saw as stale.</summary>
[TestFixture]
[Category("Integration")]
public sealed class JsonPathCliTests
{
    private string _dir = "";

    [SetUp]
    public void SetUp() => Directory.CreateDirectory(_dir = Path.Combine(Path.GetTempPath(), $"inventory-cli-paths-{Guid.NewGuid():N}"));

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    private static async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        var console = new TestConsole();
        console.Profile.Width = 400;
        var code = await InventoryApp.RunAsync(args, console);
        return (code, console.Output);
    }

    [Test]
    public async Task ScanAnnotateCheck_JsonDocumentColumn_PathsAnnotatedPassTheGate()
    {
        // Given: the C28 documents in SQLite, scanned (app_event only)
        var database = Path.Combine(_dir, "c28.sqlite");
        await using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = await File.ReadAllTextAsync(Path.Combine(SharedPaths.Cases, "C28-json-document-columns", "setup.sqlite.sql"));
            await cmd.ExecuteNonQueryAsync();
        }
        var inventory = Path.Combine(_dir, "inventory.json");
        var annotations = Path.Combine(_dir, "annotations");
        var (scanCode, scanOutput) = await RunAsync("scan", "--connection", "sqlite:" + database, "--include", "main.app_event", "--out", inventory);
        Assert.That(scanCode, Is.EqualTo(ExitCodes.Ok), scanOutput);

        // When: annotate writes the stubs, then check runs on them as written, then on filled-in paths, then with a
        // renamed path
        var (annotateCode, annotateOutput) = await RunAsync("annotate", "--inventory", inventory, "--out", annotations);
        var stub = await File.ReadAllTextAsync(Path.Combine(annotations, "app_event.yml"));
        var (stubCode, stubOutput) = await RunAsync("check", "--inventory", inventory, "--annotations", annotations);
        await File.WriteAllTextAsync(Path.Combine(annotations, "app_event.yml"), """
            table: app_event
            columns:
              id: none
              kind: none
              payload:
                paths:
                  $.customer.email: contact.email
                  $.customer.name: contact.name
                  $.customer.phone: contact.phone
                  $.ctx.ip: automatic.ip_address
                  $.ctx.ua: automatic.user_agent
                  $.ctx.lang: automatic.browser_language
                  $.plan: none
            """);
        var (filledCode, filledOutput) = await RunAsync("check", "--inventory", inventory, "--annotations", annotations);
        await File.WriteAllTextAsync(Path.Combine(annotations, "app_event.yml"),
            (await File.ReadAllTextAsync(Path.Combine(annotations, "app_event.yml"))).Replace("$.plan: none", "$.plan: none\n      $.plan_name: none"));
        var (staleCode, staleOutput) = await RunAsync("check", "--inventory", inventory, "--annotations", annotations, "--strict");
        var (_, githubOutput) = await RunAsync("check", "--inventory", inventory, "--annotations", annotations, "--strict", "--format", "github");

        // Then
        using (Assert.EnterMultipleScope())
        {
            Assert.That(annotateCode, Is.EqualTo(ExitCodes.Ok), annotateOutput);
            Assert.That(stub, Does.Contain("    paths:\n").And.Contain("      $.customer.email:\n        category:\n").And.Contain("      $.plan:\n"));
            Assert.That(stubCode, Is.EqualTo(ExitCodes.GateFailed), stubOutput);
            Assert.That(stubOutput, Does.Contain("app_event.payload  untagged: annotation entry has no category; 7 of 7 JSON paths have no category"));
            Assert.That(filledCode, Is.EqualTo(ExitCodes.Ok), filledOutput);
            Assert.That(staleCode, Is.EqualTo(ExitCodes.GateFailed), staleOutput);
            Assert.That(staleOutput, Does.Contain("path '$.plan_name' is not among the paths the scan found in column 'payload'"));
            Assert.That(githubOutput, Does.Contain("/annotations/app_event.yml,line=14,col=7,title=inventory stale"), "the path's own key");
        }
    }
}
