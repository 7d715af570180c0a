using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Annotations;

/// <summary>Trial45's schema-per-tenant fleet on a real PostgreSQL server, through the command line users run: a database
/// with the same two tables in six tenant schemas (one missing a column, as a migration not applied there) beside the
/// application's own <c>public</c> tables. <c>annotate</c> writes one glob stub per tenant table, not one per tenant; once
/// filled in, <c>check</c> passes for every tenant and still fails the application's own table the glob does not match.</summary>
[TestFixture]
[Category("Integration")]
public sealed class TenantSchemaGlobLiveTests
{
    private static readonly string[] Tenants = ["cliente_acme", "cliente_globex", "cliente_initech", "cliente_müller", "cliente_umbrella", "cliente_zorg"];

    [Test]
    public async Task Annotate_SchemaPerTenantPostgres_OneGlobStubPerTableAndCheckPassesOnceFilled()
    {
        var setup = string.Concat(Tenants.Select(t =>
            $"CREATE SCHEMA \"{t}\"; CREATE TABLE \"{t}\".clientes (id int primary key, correo text, nombre text"
            + (t == "cliente_zorg" ? "" : ", telefono text") + $"); CREATE TABLE \"{t}\".pedidos (id int primary key, cliente_id int, importe numeric(10,2), creado_en timestamptz);\n"
            + $"INSERT INTO \"{t}\".clientes (id, correo, nombre) SELECT g, 'c' || g || '@ejemplo.es', 'Nombre ' || g FROM generate_series(1, 8) g;\n"))
            + "CREATE TABLE public.clientes (id int primary key, login text, clave_hash text, rol text); CREATE TABLE public.planes (id int primary key, nombre text);";
        await using var db = await TestPostgres.CreateAsync("tenantglob", setup);
        using var dir = new TempFolder();
        var inventory = Path.Combine(dir.Path, "inventory.json");
        var annotations = Path.Combine(dir.Path, "annotations");

        var (code, output) = await InProcessCli.RunAsync("scan", "--connection", db.ConnectionString, "--out", inventory);
        Assert.That(code, Is.Zero, output);
        (code, output) = await InProcessCli.RunAsync("annotate", "--inventory", inventory, "--out", annotations);
        Assert.That(code, Is.Zero, output);

        var files = Directory.GetFiles(annotations, "*.yml").Select(f => File.ReadAllText(f)).ToList();
        var tables = files.Select(f => f.Split('\n').Single(l => l.StartsWith("table: ", StringComparison.Ordinal))).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(tables, Is.EquivalentTo(new[] { "table: \"cliente_*.clientes\"", "table: \"cliente_*.pedidos\"", "table: clientes", "table: planes" }));
            Assert.That(files.Single(f => f.Contains("cliente_*.clientes", StringComparison.Ordinal)),
                Does.Contain("# One entry for table clientes in the 5 schemas (cliente_acme … cliente_umbrella) of "));
            Assert.That(files.Single(f => f.Contains("cliente_*.clientes", StringComparison.Ordinal)), Does.Contain("It also matches cliente_zorg.clientes, whose columns differ"));
            Assert.That(string.Concat(files), Does.Not.Contain("@ejemplo.es").And.Not.Contain("Nombre 1"), "no sampled value in a stub");
        }

        // The engineer fills in the tenant stubs only: the gate passes for all six tenants (the one a migration missed
        // included) and names the application's own tables.
        foreach (var file in Directory.GetFiles(annotations, "*.yml").Where(f => File.ReadAllText(f).Contains("cliente_*", StringComparison.Ordinal)))
            File.WriteAllText(file, File.ReadAllText(file).Replace("category:\n", "category: none\n", StringComparison.Ordinal));
        (code, output) = await InProcessCli.RunAsync("check", "--inventory", inventory, "--annotations", annotations);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(1), output);
            Assert.That(output, Does.Contain("clientes.login").And.Contain("planes.nombre"));
            Assert.That(output.Split('\n').Where(l => l.Contains("  untagged:", StringComparison.Ordinal)).Select(l => l.Split(' ')[0]),
                Is.EquivalentTo(new[] { "clientes.id", "clientes.login", "clientes.clave_hash", "clientes.rol", "planes.id", "planes.nombre" }),
                "every tenant table is tagged by the glob; the application's own tables are not");
            Assert.That(output, Does.Contain("column 'telefono' is not in 1 of the 6 tables matching 'cliente_*.clientes': cliente_zorg.clientes"));
        }
    }
}
