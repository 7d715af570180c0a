using System.Diagnostics;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Inventory.Connectors.Sqlite;

/// <summary>The sampling statement of one table run through SQLite's own statement API (SQLitePCL.raw): each cell is
/// read with one <c>sqlite3_column_type</c> and one getter, where <see cref="SqliteDataReader.GetValue"/> asked SQLite
/// for the cell's type again in each getter it called (about a third of the cell reads' cost on a Chinook sample,
/// bench/README.md, 2026-12-04, perf29). Everything around the cells is Microsoft.Data.Sqlite's, unchanged: the
/// connection and its read-only mode, <c>sqlite3_interrupt</c> on timeout (the connector's), the error codes (thrown as
/// <see cref="SqliteException"/> through <see cref="SqliteException.ThrowExceptionForRC"/>, as its reader throws them),
/// and its wait on a locked database (the statement's preparation and its first step retried every 150 ms while the
/// database is busy or locked, up to the command timeout; SQLite documents <c>SQLITE_BUSY</c>/<c>SQLITE_LOCKED</c> at
/// sqlite.org/rescode.html).</summary>
internal sealed class SqliteSampleStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly TimeSpan _timeout;
    private bool _started;

    /// <summary>Prepares <paramref name="sql"/> (one statement) on <paramref name="connection"/>.</summary>
    /// <param name="connection">An open connection.</param>
    /// <param name="sql">The statement.</param>
    /// <param name="timeout">How long the preparation and the first step wait for a locked database (the command timeout).</param>
    /// <exception cref="SqliteException">SQLite refuses the statement (e.g. a dropped table: code 1).</exception>
    public SqliteSampleStatement(SqliteConnection connection, string sql, TimeSpan timeout)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        _timeout = timeout;
        var waited = Stopwatch.StartNew();
        int rc;
        while (Busy(rc = raw.sqlite3_prepare_v2(_db, sql, out _statement)) && waited.Elapsed < timeout)
        {
            _statement.Dispose();
            Thread.Sleep(150);
        }
        if (rc != raw.SQLITE_OK)
        {
            _statement.Dispose();
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }

    /// <summary>Binds an integer to the named parameter (<c>@name</c>).</summary>
    /// <exception cref="ArgumentException">The statement has no such parameter.</exception>
    public void Bind(string name, long value) => Check(raw.sqlite3_bind_int64(_statement, Index(name), value));

    /// <summary>Binds a text to the named parameter (<c>@name</c>).</summary>
    /// <exception cref="ArgumentException">The statement has no such parameter.</exception>
    public void Bind(string name, string value) => Check(raw.sqlite3_bind_text(_statement, Index(name), value));

    /// <summary>Steps to the next row.</summary>
    /// <returns>True on a row, false when the statement is done.</returns>
    /// <exception cref="SqliteException">Any other result code (interrupted: 9, busy: 5, locked: 6, …).</exception>
    public bool Read()
    {
        int rc = raw.sqlite3_step(_statement);
        if (!_started)
        {
            _started = true;
            var waited = Stopwatch.StartNew();
            while (Busy(rc) && waited.Elapsed < _timeout)
            {
                raw.sqlite3_reset(_statement);
                Thread.Sleep(150);
                rc = raw.sqlite3_step(_statement);
            }
        }
        if (rc == raw.SQLITE_ROW) return true;
        if (rc == raw.SQLITE_DONE) return false;
        SqliteException.ThrowExceptionForRC(rc, _db);
        return false;
    }

    /// <summary>The storage class of a cell of the current row (<c>raw.SQLITE_NULL</c>, <c>SQLITE_INTEGER</c>,
    /// <c>SQLITE_FLOAT</c>, <c>SQLITE_TEXT</c>, <c>SQLITE_BLOB</c>).</summary>
    public int Type(int column) => raw.sqlite3_column_type(_statement, column);

    /// <summary>An integer cell of the current row.</summary>
    public long Int64(int column) => raw.sqlite3_column_int64(_statement, column);

    /// <summary>A real cell of the current row.</summary>
    public double Real(int column) => raw.sqlite3_column_double(_statement, column);

    /// <summary>A text cell of the current row (UTF-8 decoded).</summary>
    public string Text(int column) => raw.sqlite3_column_text(_statement, column).utf8_to_string();

    /// <summary>Finalizes the statement.</summary>
    public void Dispose() => _statement.Dispose();

    private static bool Busy(int rc) => rc is raw.SQLITE_BUSY or raw.SQLITE_LOCKED;

    private int Index(string name)
    {
        int index = raw.sqlite3_bind_parameter_index(_statement, name);
        return index > 0 ? index : throw new ArgumentException($"the statement has no parameter {name}", nameof(name));
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, _db);
    }
}
