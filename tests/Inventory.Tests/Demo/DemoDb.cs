using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Inventory.Tests.Demo;

/// <summary>Read-only helpers over a demo SQLite file for the demo tests (independent of the generator's code).</summary>
internal static class DemoDb
{
    public static SqliteConnection Open(string path)
    {
        var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString);
        c.Open();
        return c;
    }

    /// <summary>Tables of the file (no sqlite_ internals), in catalog order.</summary>
    public static List<string> Tables(SqliteConnection c) =>
        Strings(c, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid");

    /// <summary>Columns of a table with their declared types, from pragma_table_info.</summary>
    public static List<(string Name, string Type)> Columns(SqliteConnection c, string table)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT name, type FROM pragma_table_info($t) ORDER BY cid";
        cmd.Parameters.AddWithValue("$t", table);
        using var r = cmd.ExecuteReader();
        var list = new List<(string, string)>();
        while (r.Read()) list.Add((r.GetString(0), r.GetString(1)));
        return list;
    }

    public static List<string> Strings(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        var list = new List<string>();
        while (r.Read()) if (!r.IsDBNull(0)) list.Add(Convert.ToString(r.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        return list;
    }

    public static long Count(SqliteConnection c, string table)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT count(*) FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
        return (long)cmd.ExecuteScalar()!;
    }

    /// <summary>SHA-256 over every table's name, columns and rows (in rowid order), each value tagged with its storage class.</summary>
    public static Dictionary<string, string> ContentHashes(string path)
    {
        using var c = Open(path);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in Tables(c))
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            void Add(string s) { hash.AppendData(Encoding.UTF8.GetBytes(s)); hash.AppendData([0]); }
            foreach (var (name, type) in Columns(c, table)) { Add(name); Add(type); }
            using var cmd = c.CreateCommand();
            cmd.CommandText = $"SELECT * FROM \"{table}\" ORDER BY rowid";
            using var r = cmd.ExecuteReader();
            while (r.Read())
                for (int i = 0; i < r.FieldCount; i++)
                    Add(r.IsDBNull(i) ? "N" : r.GetDataTypeName(i) + ":" + Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture));
            result[table] = Convert.ToHexString(hash.GetHashAndReset());
        }
        return result;
    }

    /// <summary>Every non-null cell as text.</summary>
    public static IEnumerable<string> AllCells(SqliteConnection c)
    {
        foreach (var table in Tables(c))
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = $"SELECT * FROM \"{table}\"";
            using var r = cmd.ExecuteReader();
            while (r.Read())
                for (int i = 0; i < r.FieldCount; i++)
                    if (!r.IsDBNull(i)) yield return Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!;
        }
    }

    /// <summary>Luhn check (ISO/IEC 7812-1), written here independently of the generator.</summary>
    public static bool Luhn(string digits)
    {
        if (digits.Length < 2 || !digits.All(char.IsAsciiDigit)) return false;
        int sum = 0;
        bool dbl = false;
        for (int i = digits.Length - 1; i >= 0; i--)
        {
            int d = digits[i] - '0';
            if (dbl) { d *= 2; if (d > 9) d -= 9; }
            sum += d;
            dbl = !dbl;
        }
        return sum % 10 == 0;
    }
}
