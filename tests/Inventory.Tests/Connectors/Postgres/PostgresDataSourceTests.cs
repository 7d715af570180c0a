using Inventory.Connectors;
using Inventory.Tests.Support;
using Npgsql;
using NUnit.Framework;

namespace Inventory.Tests.Connectors.Postgres;

/// <summary>The connector's data source on the real server (guards a change of builder: Npgsql's slim one refuses TLS and arrays unless enabled): it
/// speaks TLS under an SSL mode that asks for it, and reads every type the connector's queries return or send.</summary>
[TestFixture]
[Category("Integration")]
public sealed class PostgresDataSourceTests
{
    [Test]
    public async Task CreateDataSource_SslModeRequire_ConnectionIsEncrypted()
    {
        // Given the test server (which offers TLS) and sslmode=require
        await using var db = await TestPostgres.CreateAsync("perf23_tls");
        var connection = new NpgsqlConnectionStringBuilder(db.ConnectionString) { SslMode = SslMode.Require, Pooling = false }.ConnectionString;
        // When the connector's data source opens a connection
        await using var dataSource = PostgresConnector.CreateDataSource(connection);
        await using var c = await dataSource.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()", c);
        // Then the session is encrypted (a slim builder without TLS enabled would refuse to connect)
        Assert.That(await cmd.ExecuteScalarAsync(), Is.EqualTo(true));
    }

    [Test]
    public async Task CreateDataSource_TypesTheConnectorUses_ReadAndSent()
    {
        // Given the connector's data source
        await using var db = await TestPostgres.CreateAsync("perf23_types");
        await using var dataSource = PostgresConnector.CreateDataSource(db.ConnectionString);
        await using var c = await dataSource.OpenConnectionAsync();
        // When a query returns text, int4, int8, bool, NULL and text[] and takes an int8[] parameter cast to oid[]
        await using var cmd = new NpgsqlCommand("""
            SELECT 'a'::text, 7::int4, 8000000000::int8, true, NULL::text, ARRAY['x', 'y"z']::text[],
                   pg_catalog.array_length(@oids::oid[], 1)::int8, 'pg_class'::regclass = ANY(@oids::oid[])
            """, c);
        cmd.Parameters.AddWithValue("oids", new long[] { 1259, 42 });
        await using var reader = await cmd.ExecuteReaderAsync();
        Assert.That(await reader.ReadAsync(), Is.True);
        // Then each value comes back as the connector reads it
        using (Assert.EnterMultipleScope())
        {
            Assert.That(reader.GetString(0), Is.EqualTo("a"));
            Assert.That(reader.GetInt32(1), Is.EqualTo(7));
            Assert.That(reader.GetInt64(2), Is.EqualTo(8_000_000_000L));
            Assert.That(reader.GetBoolean(3), Is.True);
            Assert.That(reader.IsDBNull(4), Is.True);
            Assert.That(reader.GetFieldValue<string[]>(5), Is.EqualTo(new[] { "x", "y\"z" }));
            Assert.That(reader.GetInt64(6), Is.EqualTo(2));
            Assert.That(reader.GetBoolean(7), Is.True);
        }
    }
}
