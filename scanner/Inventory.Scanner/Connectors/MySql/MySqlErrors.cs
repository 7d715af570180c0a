using Inventory.Catalog;
using MySqlConnector;

namespace Inventory.Connectors.MySql;

/// <summary>Turns MySqlConnector errors into safe text and scan outcomes. Server messages can quote values
/// (<c>Incorrect datetime value: '…'</c>) so they are never copied: only the error number, the SQLSTATE and a fixed
/// description. Numbers: MySQL "Server Error Message Reference" and MariaDB "MariaDB Error Codes".</summary>
internal static class MySqlErrors
{
    /// <summary>TimedOut (1969 MariaDB max_statement_time, 3024 MySQL MAX_EXECUTION_TIME, 1205 lock wait, 1317
    /// interrupted, client command timeout), NoPrivilege (1142, 1143, 1044), null when the connection itself is lost
    /// (1927 killed, 2006/2013 gone or lost, 1053 shutdown, 4031 MySQL idle disconnect, 1042 host unreachable, no
    /// server number), Error for the rest.</summary>
    public static NotSampledReason? Classify(MySqlException e) => e.Number switch
    {
        1969 or 3024 or 1205 or 1317 => NotSampledReason.TimedOut,
        1142 or 1143 or 1044 => NotSampledReason.NoPrivilege,
        1927 or 2006 or 2013 or 1053 or 1152 or 1158 or 1159 or 1160 or 1161 or 4031 or 1042 => null,
        _ when e.ErrorCode == MySqlErrorCode.CommandTimeoutExpired => NotSampledReason.TimedOut,
        0 or < 1000 => null,
        _ => NotSampledReason.Error,
    };

    /// <summary>True when a failure during a read means the connection itself is gone (the server killed it, shut down,
    /// or the network dropped), so the read cannot be narrowed or retried on it: a <see cref="MySqlException"/> that
    /// <see cref="Classify"/> calls lost, any failure once the connection is no longer open (MySqlConnector marks it
    /// broken), and the socket errors the driver lets through when it writes to a connection the server closed
    /// (<see cref="IOException"/>, <see cref="System.Net.Sockets.SocketException"/>).</summary>
    /// <param name="e">The failure.</param>
    /// <param name="connection">The connection the read ran on.</param>
    public static bool IsConnectionLoss(Exception e, MySqlConnection connection) => e switch
    {
        MySqlException m => Classify(m) is null || connection.State != System.Data.ConnectionState.Open,
        IOException or System.Net.Sockets.SocketException or ObjectDisposedException => true,
        InvalidOperationException => connection.State != System.Data.ConnectionState.Open,
        _ => false,
    };

    /// <summary>True for SQLSTATE class 22 (data exception).</summary>
    public static bool IsConversion(MySqlException e) => e.SqlState?.StartsWith("22", StringComparison.Ordinal) == true;

    /// <summary>The SQLSTATE when the server sent one, else the error number.</summary>
    public static string? State(MySqlException e) =>
        e.SqlState is { Length: 5 } s && s != "HY000" ? s : e.Number != 0 ? e.Number.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>A fixed description per error number, with the number; never the server's message.</summary>
    public static string Describe(Exception e)
    {
        if (e is MySqlException m)
        {
            var what = m.Number switch
            {
                1969 or 3024 => "statement timeout",
                1205 => "lock wait timeout (another session holds a conflicting lock)",
                1317 => "query interrupted",
                1142 => "SELECT denied on the table",
                1143 => "SELECT denied on a column",
                1044 => "access to the database denied",
                1045 => "access denied (user or password)",
                1698 => "access denied (the account does not log in with a password)",
                1049 => "unknown database",
                1146 => "table not found (dropped or renamed since the catalog was read)",
                1054 => "column not found (changed since the catalog was read)",
                1356 => "the view references invalid tables, columns or functions",
                1792 => "a write was refused in a read-only transaction",
                1927 => "the connection was killed",
                2006 => "the server has gone away",
                2013 => "lost connection to the server during the query",
                1053 => "the server is shutting down",
                4031 => "the server disconnected an inactive client",
                0 when HasIoCause(m) => "the server closed the connection (killed, shut down, or the network dropped)",
                _ when m.ErrorCode == MySqlErrorCode.CommandTimeoutExpired => "client timeout",
                _ when m.ErrorCode == MySqlErrorCode.UnableToConnectToHost => "cannot reach the server",
                _ => m.SqlState is { Length: 5 } s && s.StartsWith("22", StringComparison.Ordinal) ? "data exception (a value could not be converted)" : "server error",
            };
            return m.Number == 0 ? what : $"{what} (error {m.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)})";
        }
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is TimeoutException) return "client timeout";
            if (inner is System.Net.Sockets.SocketException s) return $"the connection to the server broke (network error {s.SocketErrorCode})";
            if (inner is IOException) return "network I/O error";
        }
        return "driver error (" + e.GetType().Name + ")";
    }

    private static bool HasIoCause(Exception e)
    {
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
            if (inner is IOException or System.Net.Sockets.SocketException) return true;
        return false;
    }
}
