using System.Globalization;
using System.Net.Sockets;
using System.Security.Authentication;
using Microsoft.Data.SqlClient;

namespace Inventory.Connectors.SqlServer;

/// <summary>What failed when SqlClient could not open a connection: the facts the message is built from, read from the
/// <see cref="SqlException"/> (its number and class, whether a TCP connection was made, the socket error and whether a
/// TLS authentication failed underneath). Never the exception's message, which can quote the user or the server's text.</summary>
/// <param name="Number">SqlException.Number: the server's error number (18456 login failed…), an SNI network error
/// (11001 host not found, 10061 refused, 10060 timed out…), a Windows security status for TLS (negative), or 0 when the
/// client reports a failure without one (refused on Linux, a failed pre-login handshake).</param>
/// <param name="Class">SqlException.Class (severity): 20 and above are connection-level failures.</param>
/// <param name="Connected">True when a TCP connection was established first (SqlClient gave a client connection id).</param>
/// <param name="Socket">The socket error underneath, or null.</param>
/// <param name="Tls">True when a TLS authentication failed underneath (certificate not trusted, name mismatch, protocol).</param>
/// <param name="TimedOut">True when the client gave up waiting (number -2, or a timeout underneath).</param>
internal readonly record struct SqlConnectFailure(int Number, byte Class, bool Connected, SocketError? Socket, bool Tls, bool TimedOut)
{
    /// <summary>Reads the facts of a SqlException raised by <c>SqlConnection.Open</c>.</summary>
    /// <param name="e">The exception.</param>
    public static SqlConnectFailure Of(SqlException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        SocketError? socket = null;
        bool tls = false, timedOut = e.Number == -2;
        for (Exception? inner = e.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException s) socket ??= s.SocketErrorCode;
            if (inner is AuthenticationException) tls = true;
            if (inner is TimeoutException) timedOut = true;
        }
        return new SqlConnectFailure(e.Number, e.Class, e.ClientConnectionId != Guid.Empty, socket, tls, timedOut);
    }
}

/// <summary>
/// One-line messages for a SQL Server connection that failed: what failed (host not found or unreachable, timeout, TLS
/// or certificate, pre-login handshake, login, database unavailable, firewall) and what to check. Never the password,
/// never the exception's text. Numbers: SQL Server "Database engine events and errors" (18456, 4060, 4064, 18486–18488),
/// Azure SQL "connectivity errors" (40613, 40615, 40532), SNI/Winsock network errors (10060, 10061, 11001, 11004, 26,
/// -2, 258) and the Windows TLS statuses SqlClient reports for certificate failures (SEC_E_UNTRUSTED_ROOT 0x80090325,
/// CERT_E_UNTRUSTEDROOT 0x800B0109, SEC_E_WRONG_PRINCIPAL 0x80090322, SEC_E_ALGORITHM_MISMATCH 0x80090331,
/// CERT_E_CN_NO_MATCH 0x800B010F).
/// </summary>
internal static class SqlServerConnectErrors
{
    private static readonly int[] TlsStatuses = [unchecked((int)0x80090325), unchecked((int)0x800B0109), unchecked((int)0x80090322),
        unchecked((int)0x80090331), unchecked((int)0x800B010F)];

    /// <summary>The message for a failed connection.</summary>
    /// <param name="failure">The facts of the failure.</param>
    /// <param name="user">The login of the connection (never the password), or a placeholder.</param>
    /// <returns>One line: what failed, then what to check.</returns>
    public static string Describe(SqlConnectFailure failure, string user)
    {
        var f = failure;
        if (f.Tls || TlsStatuses.Contains(f.Number))
            return "TLS/certificate check failed: the server's certificate is not trusted or does not match the host name; "
                   + "trust its CA or connect with the name in the certificate (TrustServerCertificate=true only for a test server)";
        return f.Number switch
        {
            18456 => $"login failed for user '{user}': {ConnectionTarget.CheckCredentials}, and that the server allows SQL Server authentication",
            18486 => $"login failed for user '{user}': the account is locked out; ask the DBA to unlock it",
            18487 or 18488 => $"login failed for user '{user}': the password has expired or must be changed",
            18452 => "login failed: Windows authentication from an untrusted domain; use a SQL login or a trusted domain account",
            4060 => $"database unavailable: it does not exist, or user '{user}' may not open it; check the database name and the user's access",
            4064 => $"the default database of user '{user}' cannot be opened: name a database in the connection",
            40613 => "database unavailable: Azure SQL reports it is not currently available; retry in a moment",
            40615 or 40914 => "the server's firewall refuses this client's IP address: ask for a firewall rule",
            40532 => $"the server refused the login '{user}': check the server name in the host and the user name",
            18401 => "the server is not accepting logins (starting, upgrading or in single-user mode): retry later",
            -2 or 258 or 10060 => TimedOutMessage,
            11001 or 11004 => "host not found: the host name does not resolve; check the host in the connection",
            10061 => Unreachable,
            26 or -1 => "the SQL Server instance was not found (SQL Server Browser): give the TCP port instead of the instance name",
            _ when f.TimedOut || f.Socket == SocketError.TimedOut => TimedOutMessage,
            _ when f.Socket is SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain =>
                "host not found: the host name does not resolve; check the host in the connection",
            _ when f.Socket is not null && !f.Connected => Unreachable,
            _ when f.Connected && f.Class >= 20 =>
                "connected, but the pre-login (TLS) handshake failed: the port is not SQL Server's, or the encryption settings disagree (Encrypt, TrustServerCertificate)",
            _ when f.Class >= 20 => $"the connection failed before login (SQL Server error {N(f.Number)}, severity {N(f.Class)}): check host, port and encryption settings",
            _ => $"cannot connect (SQL Server error {N(f.Number)}, severity {N(f.Class)}); check host, port and encryption settings",
        };
    }

    /// <summary>The message when the server closed the connection in a way SqlClient reports as an internal error
    /// (an <see cref="InvalidOperationException"/> from Open: another protocol answered on that port).</summary>
    public const string NotSqlServer = "the server at that host and port closed the connection during the handshake (is it SQL Server?): check the port";

    /// <summary>The error number worth keeping as <see cref="ConnectorException.SqlState"/>: null for 0 (no number).</summary>
    /// <param name="failure">The facts of the failure.</param>
    public static string? State(SqlConnectFailure failure) => failure.Number == 0 ? null : N(failure.Number);

    private const string Unreachable =
        "host unreachable: nothing accepts connections on that host and port (refused or no route); check host, port, and that SQL Server listens on TCP";

    private const string TimedOutMessage =
        "connecting timed out: the host does not answer on that port (a firewall may drop the traffic); check host, port and firewall";

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
}
