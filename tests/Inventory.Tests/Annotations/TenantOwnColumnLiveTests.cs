using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Annotations;

/// <summary>Trial47 S3 on a real PostgreSQL server, through the command line: six tenant schemas annotated by one
/// <c>table:</c> glob, then a migration adds a column. A column that only some tenants hold (one tenant's
/// <c>siret</c>) goes to a stub with that table's exact name, so <c>check --strict</c> stays green; a column that every
/// tenant, or most of them, hold is appended to the glob's file, as before; <c>check</c>'s warning for a glob entry that
/// only a few tables hold says to move it to an exact-name stub, and <c>annotate</c> then writes that stub.</summary>
[TestFixture]
[Category("Integration")]
public sealed class TenantOwnColumnLiveTests
{
    private static readonly string[] Tenants = ["t_acme", "t_globex", "t_hooli", "t_initech", "t_umbrella", "t_wayne"];

    private static string Setup() => string.Concat(Tenants.Select(t =>
        $"CREATE SCHEMA {t}; CREATE TABLE {t}.clients (id int primary key, libelle text, code text);\n"
        + $"INSERT INTO {t}.clients SELECT g, 'Lib ' || g, 'C' || g FROM generate_series(1, 8) g;\n"));

    /// <summary>Scans, annotates and fills in every stub (category none), as the engineer does once.</summary>
    private static async Task<(string Inventory, string Annotations)> AnnotatedFleetAsync(TestDatabase db, TempFolder dir)
    {
        var inventory = Path.Combine(dir.Path, "inventory.json");
        var annotations = Path.Combine(dir.Path, "annotations");
        var (code, output) = await InProcessCli.RunAsync("scan", "--connection", db.ConnectionString, "--out", inventory);
        Assert.That(code, Is.Zero, output);
        (code, output) = await InProcessCli.RunAsync("annotate", "--inventory", inventory, "--out", annotations);
        Assert.That(code, Is.Zero, output);
        Assert.That(Directory.GetFiles(annotations, "*.yml").Select(File.ReadAllText).Single(), Does.Contain("\ntable: \"t_*.clients\"\n"),
            "one glob stub for the six tenants");
        FillIn(annotations);
        (code, output) = await InProcessCli.RunAsync("scan", "--connection", db.ConnectionString, "--out", inventory);
        Assert.That(code, Is.Zero, output);
        (code, output) = await InProcessCli.RunAsync("check", "--inventory", inventory, "--annotations", annotations, "--strict");
        Assert.That(code, Is.Zero, output);
        return (inventory, annotations);
    }

    private static void FillIn(string annotations)
    {
        foreach (var file in Directory.GetFiles(annotations, "*.yml"))
            File.WriteAllText(file, File.ReadAllText(file).Replace("category:\n", "category: none\n", StringComparison.Ordinal));
    }

    private static string GlobFile(string annotations) =>
        Directory.GetFiles(annotations, "*.yml").Single(f => File.ReadAllText(f).Contains("table: \"t_*.clients\"", StringComparison.Ordinal));

    [Test]
    public async Task Annotate_ColumnOfOneTenant_GoesToAnExactNameStubAndCheckStaysGreen()
    {
        await using var db = await TestPostgres.CreateAsync("ownacme", Setup());
        using var dir = new TempFolder();
        var (inventory, annotations) = await AnnotatedFleetAsync(db, dir);
        var globFile = GlobFile(annotations);
        var globBefore = File.ReadAllText(globFile);

        await db.ExecuteAsync("ALTER TABLE t_acme.clients ADD COLUMN siret text;");
        var (code, output) = await InProcessCli.RunAsync("scan", "--connection", db.ConnectionString, "--out", inventory);
        Assert.That(code, Is.Zero, output);
        (code, output) = await InProcessCli.RunAsync("annotate", "--inventory", inventory, "--out", annotations);
        Assert.That(code, Is.Zero, output);

        var files = Directory.GetFiles(annotations, "*.yml").Where(f => f != globFile).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(File.ReadAllText(globFile), Is.EqualTo(globBefore), "the glob's file is left alone");
            Assert.That(files.Select(Path.GetFileName), Is.EqualTo(new[] { "t_acme.clients.yml" }));
            var stub = File.ReadAllText(files[0]);
            Assert.That(stub, Does.Contain("\ntable: t_acme.clients\n"));
            Assert.That(stub, Does.Contain("\n  siret:\n    category:\n"));
            Assert.That(stub, Does.Not.Contain("\n  libelle:").And.Not.Contain("\n  code:"), "the other columns keep the glob's entries");
            Assert.That(stub, Does.Contain("# Only the column siret that t_acme.clients has and most tables matching t_*.clients"));
        }

        // Until it is filled in, check names the column once, at the new stub; once filled in, --strict passes.
        (code, output) = await InProcessCli.RunAsync("check", "--inventory", inventory, "--annotations", annotations, "--strict");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(1), output);
            Assert.That(output, Does.Contain("t_acme.clients.siret  untagged: annotation entry has no category"));
            Assert.That(output, Does.Not.Contain("stale"));
        }
        FillIn(annotations);
        (code, output) = await InProcessCli.RunAsync("check", "--inventory", inventory, "--annotations", annotations, "--strict");
        Assert.That(code, Is.Zero, output);
        (code, output) = await InProcessCli.RunAsync("annotate", "--inventory", inventory, "--out", annotations);
        Assert.That((code, Directory.GetFiles(annotations, "*.yml").Length), Is.EqualTo((0, 2)), "a second annotate writes nothing: " + output);
    }

    [TestCase(6, TestName = "Annotate_ColumnOfEveryTenant_IsAppendedToTheGlob")]
    [TestCase(4, TestName = "Annotate_ColumnOfMostTenants_IsAppendedToTheGlob")]
    public async Task Annotate_ColumnOfMostTenants_IsAppendedToTheGlob(int holders)
    {
        await using var db = await TestPostgres.CreateAsync("ownall", Setup());
        using var dir = new TempFolder();
        var (inventory, annotations) = await AnnotatedFleetAsync(db, dir);
        var globFile = GlobFile(annotations);

        await db.ExecuteAsync(string.Concat(Tenants.Take(holders).Select(t => $"ALTER TABLE {t}.clients ADD COLUMN telephone text;\n")));
        var (code, output) = await InProcessCli.RunAsync("scan", "--connection", db.ConnectionString, "--out", inventory);
        Assert.That(code, Is.Zero, output);
        (code, output) = await InProcessCli.RunAsync("annotate", "--inventory", inventory, "--out", annotations);
        Assert.That(code, Is.Zero, output);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Directory.GetFiles(annotations, "*.yml"), Is.EqualTo(new[] { globFile }), "no exact-name stub");
            Assert.That(File.ReadAllText(globFile), Does.Contain("\n  telephone:\n    category:\n"));
        }
        FillIn(annotations);
        (code, output) = await InProcessCli.RunAsync("check", "--inventory", inventory, "--annotations", annotations, "--strict");
        using (Assert.EnterMultipleScope())
        {
            if (holders == Tenants.Length)
                Assert.That(code, Is.Zero, output);
            else
            {
                // Two tenants a migration missed: the glob's entry is right, and check names where it is missing.
                Assert.That(code, Is.EqualTo(1), output);
                Assert.That(output, Does.Contain("column 'telephone' is not in 2 of the 6 tables matching 't_*.clients': t_umbrella.clients, t_wayne.clients (a migration not applied there?); the entry applies to the others"));
            }
        }
    }

    [Test]
    public async Task Check_GlobEntryOfOneTenantsColumn_SaysToMoveItAndAnnotateWritesTheStub()
    {
        await using var db = await TestPostgres.CreateAsync("ownmove", Setup());
        using var dir = new TempFolder();
        var (inventory, annotations) = await AnnotatedFleetAsync(db, dir);
        var globFile = GlobFile(annotations);
        var globBefore = File.ReadAllText(globFile);

        // What annotate wrote before trial47 S3 was fixed: the one tenant's column in the glob's entry.
        await db.ExecuteAsync("ALTER TABLE t_acme.clients ADD COLUMN siret text;");
        File.WriteAllText(globFile, globBefore + "  siret:\n    category: financial.tax_id\n    type: text\n");
        var (code, output) = await InProcessCli.RunAsync("scan", "--connection", db.ConnectionString, "--out", inventory);
        Assert.That(code, Is.Zero, output);
        (code, output) = await InProcessCli.RunAsync("check", "--inventory", inventory, "--annotations", annotations, "--strict");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(1), output);
            Assert.That(output, Does.Contain("stale: column 'siret' is not in 5 of the 6 tables matching 't_*.clients': t_globex.clients, t_hooli.clients, t_initech.clients and 2 more; "
                + "only t_acme.clients holds it: move the entry out of this file into a stub with the exact table name (delete it here and run `inventory annotate`, which writes that stub)"));
            Assert.That(output, Does.Not.Contain("a migration not applied there"));
        }

        File.WriteAllText(globFile, globBefore);
        (code, output) = await InProcessCli.RunAsync("annotate", "--inventory", inventory, "--out", annotations);
        Assert.That(code, Is.Zero, output);
        Assert.That(File.ReadAllText(Path.Combine(annotations, "t_acme.clients.yml")), Does.Contain("\ntable: t_acme.clients\n").And.Contain("\n  siret:\n"));
        FillIn(annotations);
        (code, output) = await InProcessCli.RunAsync("check", "--inventory", inventory, "--annotations", annotations, "--strict");
        Assert.That(code, Is.Zero, output);
    }
}
