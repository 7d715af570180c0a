using System.Net.Sockets;

namespace Inventory.Connectors;

/// <summary>Why a database server could not be reached, told apart from the driver's exception chain (trial35 finding 12:
/// an unknown host, a refused port and an unroutable address all read "unknown host, refused or unreachable", and the
/// last one took 11.6 s without saying it waited): the socket error an operating system gives for each, or the driver's
/// timeout, whose message states the connect timeout and how to change it.</summary>
internal static class ServerUnreachable
{
    /// <summary>The words for a connection that never reached the server, or null when the chain holds no socket error or
    /// timeout (the caller's own message applies).</summary>
    /// <param name="error">The driver's exception.</param>
    /// <param name="engine">The engine as a user names it (<c>PostgreSQL</c>, <c>MySQL/MariaDB</c>).</param>
    /// <param name="target">The target (its display host:port and connect timeout).</param>
    /// <param name="timedOut">True when the driver already said the connect timeout expired (MySqlConnector's
    /// CommandTimeoutExpired inside error 1042).</param>
    /// <returns>What happened and what to do; never a value of the connection string but host and port.</returns>
    public static string? Describe(Exception error, string engine, ConnectionTarget target, bool timedOut = false)
    {
        var socket = Inner<SocketException>(error);
        var waited = target.ConnectTimeout ?? ConnectionTarget.DefaultConnectTimeout;
        var seconds = $"{waited.TotalSeconds:0} s";
        switch (socket?.SocketErrorCode)
        {
            case SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain:
                return $"unknown host: the name in the connection does not resolve (DNS); check the host name";
            case SocketError.ConnectionRefused:
                return $"connection refused: nothing listens on that port of the host; check the port, and that {engine} is running there";
            case SocketError.HostUnreachable or SocketError.NetworkUnreachable:
                return $"the host is unreachable (no route to it); check the host, the network and the firewall";
            case SocketError.TimedOut:
                timedOut = true;
                break;
        }
        if (timedOut || Inner<TimeoutException>(error) is not null)
            return $"no answer from the server within the connect timeout ({seconds}): the host is unreachable, a firewall drops the packets, or another service listens on that port; " +
                   "check host, port and firewall (--connect-timeout or sample.connect-timeout changes the wait)";
        return socket is null ? null : $"cannot reach the server ({socket.SocketErrorCode}): check host and port, and that {engine} is running";
    }

    /// <summary>For a driver that says only "unable to connect" (MySqlConnector's error 1042 carries no socket error):
    /// resolves the host and, when it resolves, opens and closes one TCP connection to its port (nothing is sent), so
    /// the message can say which of unknown host and refused port it was. Waits at most two seconds.</summary>
    /// <param name="host">The host name or address.</param>
    /// <param name="port">The port.</param>
    /// <param name="engine">The engine as a user names it.</param>
    /// <returns>The words for an unknown host or a refused port, or null when neither (the caller's message applies).</returns>
    public static string? Probe(string host, int port, string engine)
    {
        try
        {
            var addresses = System.Net.Dns.GetHostAddresses(host);
            if (addresses.Length == 0) return Describe(new SocketException((int)SocketError.HostNotFound), engine, UnknownTarget);
            using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            var connect = socket.ConnectAsync(addresses, port);
            if (!connect.Wait(TimeSpan.FromSeconds(2))) return null;
            return null; // it listens now: the failure was elsewhere
        }
        catch (Exception e) when (Inner<SocketException>(e) is { } socket)
        {
            return socket.SocketErrorCode is SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain or SocketError.ConnectionRefused
                ? Describe(socket, engine, UnknownTarget) : null;
        }
        catch (Exception e) when (e is ArgumentException or AggregateException)
        {
            return null;
        }
    }

    private static readonly ConnectionTarget UnknownTarget = new() { Provider = "", ConnectionString = "", Display = "" };

    private static T? Inner<T>(Exception? e) where T : Exception
    {
        for (var x = e; x is not null; x = x.InnerException)
            if (x is T found) return found;
        return null;
    }
}
