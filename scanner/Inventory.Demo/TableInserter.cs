using Microsoft.Data.Sqlite;

namespace Inventory.Demo;

/// <summary>One prepared, parameterised <c>INSERT</c> for a demo table; values are given in DDL column order.</summary>
internal sealed class TableInserter : IDisposable
{
    private readonly SqliteCommand _command;
    private readonly SqliteParameter[] _parameters;

    public TableInserter(SqliteConnection connection, SqliteTransaction transaction, DemoTable table)
    {
        Table = table;
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        var names = table.Columns.Select(c => DemoTable.Quote(c.Name));
        var slots = table.Columns.Select((_, i) => "$p" + i);
        _command.CommandText = $"INSERT INTO {DemoTable.Quote(table.Name)} ({string.Join(", ", names)}) VALUES ({string.Join(", ", slots)})";
        _parameters = table.Columns.Select((_, i) => _command.Parameters.Add(new SqliteParameter("$p" + i, DBNull.Value))).ToArray();
        _command.Prepare();
    }

    /// <summary>The table written to.</summary>
    public DemoTable Table { get; }

    /// <summary>Rows inserted so far.</summary>
    public long Count { get; private set; }

    /// <summary>Inserts one row. Values: string, long/int, double, bool (stored 0/1) or null.</summary>
    /// <exception cref="InvalidOperationException">The number of values differs from the number of columns (a bug in the generator).</exception>
    public void Insert(params object?[] values)
    {
        if (values.Length != _parameters.Length)
            throw new InvalidOperationException($"demo table {Table.Name}: {values.Length} values given for {_parameters.Length} columns");
        for (int i = 0; i < values.Length; i++)
            _parameters[i].Value = values[i] switch
            {
                null => DBNull.Value,
                bool b => b ? 1L : 0L,
                var v => v,
            };
        _command.ExecuteNonQuery();
        Count++;
    }

    public void Dispose() => _command.Dispose();
}
