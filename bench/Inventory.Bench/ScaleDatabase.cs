using Npgsql;

namespace Inventory.Bench;

/// <summary>
/// The database of issue 11: 1,000 tables × 20 columns of realistic values (names, e-mail addresses, E.164 phone
/// numbers, IBANs, test PANs, IP addresses, user agents, dates, amounts, statuses, free text), 10 rows each, plus one
/// 2,000,000-row table of the same kind, generated server-side and analysed. Each table takes 19 columns from a pool
/// of 24 shapes, rotated by its number, so column names repeat across tables as in a real schema. Values are synthetic
/// (example.com addresses, documentation IP ranges, published test IBANs and card numbers).
/// </summary>
internal static class ScaleDatabase
{
    public const string Name = "inv_bench_scale";
    public const int Tables = 1000;
    public const int RowsPerTable = 10;
    public const int BigRows = 2_000_000;

    private static readonly (string Name, string Type, string Expression)[] Pool =
    [
        ("email", "text", "'user' || g || '.' || @i || '@example.com'"),
        ("first_name", "text", "(ARRAY['Anna','Jean','Marie','Lukas','Sofia','Pierre','Emma','Noah','Lea','Hugo'])[1 + (g + @i) % 10]"),
        ("last_name", "text", "(ARRAY['Martin','Bernard','Dubois','Muller','Schmidt','Rossi','Garcia','Smith','Jones','Moreau'])[1 + (g * 3 + @i) % 10]"),
        ("phone", "text", "'+336' || lpad(((g * 7919 + @i * 13) % 100000000)::text, 8, '0')"),
        ("created_at", "timestamptz", "timestamptz '2024-01-01' + (g * 3607 + @i) * interval '1 second'"),
        ("ip_address", "text", "'198.51.100.' || ((g + @i) % 250)"),
        ("iban", "text", "(ARRAY['FR7630006000011234567890189','DE89370400440532013000','GB82WEST12345698765432','NL91ABNA0417164300'])[1 + (g + @i) % 4]"),
        ("city", "text", "(ARRAY['Paris','Lyon','Berlin','Madrid','Roma','Lisboa','Wien','Bruxelles'])[1 + (g + @i) % 8]"),
        ("postal_code", "text", "lpad(((g * 37 + @i) % 95000 + 1000)::text, 5, '0')"),
        ("amount", "numeric(12,2)", "round(((g * 17 + @i) % 100000) / 100.0, 2)"),
        ("status", "text", "(ARRAY['active','pending','closed','suspended'])[1 + (g + @i) % 4]"),
        ("description", "text", "'Order ' || g || ' shipped with standard delivery, see ticket ' || (@i * 100 + g)"),
        ("user_agent", "text", "'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/' || (100 + g % 20) || '.0 Safari/537.36'"),
        ("birth_date", "date", "date '1950-01-01' + ((g * 97 + @i) % 20000)::int"),
        ("country", "text", "(ARRAY['FR','DE','ES','IT','PT','AT','BE','NL'])[1 + (g + @i) % 8]"),
        ("quantity", "int", "(g * 7 + @i) % 50"),
        ("website", "text", "'https://shop' || @i || '.example.com/p/' || g"),
        ("api_token", "text", "md5(g::text || @i::text)"),
        ("card_number", "text", "(ARRAY['4111111111111111','5555555555554444','378282246310005','4012888888881881'])[1 + (g + @i) % 4]"),
        ("vat_number", "text", "(ARRAY['FR40303265045','DE136695976','IT00743110157','ESA28015865'])[1 + (g + @i) % 4]"),
        ("street", "text", "(g % 200 + 1) || ' ' || (ARRAY['rue de la Paix','Hauptstrasse','Calle Mayor','Via Roma'])[1 + (g + @i) % 4]"),
        ("is_active", "boolean", "(g + @i) % 3 <> 0"),
        ("updated_at", "timestamptz", "timestamptz '2025-01-01' + (g * 611 + @i) * interval '1 second'"),
        ("notes", "text", "(ARRAY['call back next week','prefers e-mail','VIP customer','no remarks'])[1 + (g + @i) % 4]"),
    ];

    private static readonly string[] TablePrefixes = ["customers", "orders", "invoices", "accounts", "contacts", "shipments", "payments", "sessions", "tickets", "members"];

    /// <summary>Whether the database exists.</summary>
    public static async Task<bool> ExistsAsync(string admin)
    {
        await using var c = new NpgsqlConnection(admin);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = @d)", c);
        cmd.Parameters.AddWithValue("d", Name);
        return (bool)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>Drops and creates the database, then every table (about a minute on 2 cores).</summary>
    public static async Task GenerateAsync(string admin, string db)
    {
        await ExecAsync(admin, $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
        await ExecAsync(admin, $"CREATE DATABASE {Name}");
        // One DO block: for table i, 19 pool shapes starting at i mod 24.
        var names = string.Join(",", Pool.Select(p => $"'{p.Name}'"));
        var types = string.Join(",", Pool.Select(p => $"'{p.Type}'"));
        var exprs = string.Join(",", Pool.Select(p => "'" + p.Expression.Replace("'", "''") + "'"));
        var prefixes = string.Join(",", TablePrefixes.Select(p => $"'{p}'"));
        await ExecAsync(db, $$"""
            DO $$
            DECLARE
              names text[] := ARRAY[{{names}}];
              types text[] := ARRAY[{{types}}];
              exprs text[] := ARRAY[{{exprs}}];
              prefixes text[] := ARRAY[{{prefixes}}];
              cols text; sel text; k int; p int; tname text;
            BEGIN
              FOR i IN 1..{{Tables}} LOOP
                cols := 'id int PRIMARY KEY'; sel := 'g';
                FOR k IN 0..18 LOOP
                  p := 1 + (i + k) % {{Pool.Length}};
                  cols := cols || ', ' || names[p] || ' ' || types[p];
                  sel := sel || ', ' || replace(exprs[p], '@i', i::text);
                END LOOP;
                tname := prefixes[1 + i % 10] || '_' || i;
                EXECUTE format('CREATE TABLE %I (%s)', tname, cols);
                EXECUTE format('INSERT INTO %I SELECT %s FROM generate_series(1, {{RowsPerTable}}) g', tname, sel);
              END LOOP;
            END $$;
            """);
        var bigColumns = string.Join(", ", Pool.Take(19).Select(p => $"({p.Expression.Replace("@i", "7")})::{p.Type} AS {p.Name}"));
        await ExecAsync(db, $"CREATE TABLE events_big AS SELECT g AS id, {bigColumns} FROM generate_series(1::bigint, {BigRows}) g");
        await ExecAsync(db, "ALTER TABLE events_big ADD PRIMARY KEY (id)");
        await ExecAsync(db, "VACUUM ANALYZE");
    }

    /// <summary>Drops the database.</summary>
    public static Task DropAsync(string admin) => ExecAsync(admin, $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");

    private static async Task ExecAsync(string connection, string sql)
    {
        await using var c = new NpgsqlConnection(connection);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, c) { CommandTimeout = 3600 };
        await cmd.ExecuteNonQueryAsync();
    }
}
