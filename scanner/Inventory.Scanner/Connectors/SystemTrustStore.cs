using System.Data.Common;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Inventory.Connectors;

/// <summary>
/// The system's trusted certificates, loaded on a background task at the start of a scan that will open a TLS
/// connection, so the first handshake does not wait for them. On Linux, <c>SslStream</c> builds the server
/// certificate's chain on every handshake (also when the connection does not verify it, as Npgsql's <c>Prefer</c> and
/// <c>Require</c>), and the runtime's chain builder first loads the system trust and intermediate stores into a
/// process-wide cache: 60–130 ms of CPU on the first connection's critical path of every process (profiles in
/// bench/README.md, 2026-12-02 third session and 2026-12-03 ninth session). Building the chain of a throw-away
/// self-signed certificate fills the same cache. Nothing is trusted or changed by it, and nothing is sent anywhere.
/// </summary>
internal static class SystemTrustStore
{
    private static int _started;

    /// <summary>Starts loading the system's certificate stores on the thread pool, once per process, when one of the
    /// targets may open a TLS connection (<see cref="MayUseTls"/>); returns at once.</summary>
    /// <param name="targets">The scan's parsed connections.</param>
    /// <returns>True when the load was started by this call.</returns>
    public static bool LoadInBackground(IEnumerable<ConnectionTarget> targets)
    {
        if (!targets.Any(MayUseTls) || Interlocked.Exchange(ref _started, 1) == 1) return false;
        _ = Task.Run(Load);
        return true;
    }

    /// <summary>True when a connection may be encrypted with TLS: a server provider (PostgreSQL, MySQL / MariaDB, SQL
    /// Server) whose connection string does not switch TLS off (<c>SSL Mode=Disable</c> for Npgsql, <c>SslMode=None</c>
    /// or <c>Disabled</c> for MySqlConnector). SQLite files never are.</summary>
    /// <param name="target">A parsed connection.</param>
    /// <returns>False for SQLite and for a connection string that disables TLS; true otherwise (also when the string
    /// cannot be read here: the connector reports that).</returns>
    internal static bool MayUseTls(ConnectionTarget target)
    {
        if (string.Equals(target.Provider, "sqlite", StringComparison.Ordinal)) return false;
        try
        {
            var builder = new DbConnectionStringBuilder { ConnectionString = target.ConnectionString };
            foreach (var key in (string[])["SSL Mode", "SslMode", "Ssl-Mode", "sslmode"])
                if (builder.TryGetValue(key, out var value) && value?.ToString() is { } mode
                    && (mode.Equals("disable", StringComparison.OrdinalIgnoreCase) || mode.Equals("disabled", StringComparison.OrdinalIgnoreCase)
                        || mode.Equals("none", StringComparison.OrdinalIgnoreCase)))
                    return false;
            return true;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }

    private static void Load()
    {
        try
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest("CN=inventory system trust store load", key, HashAlgorithmName.SHA256);
            var now = DateTimeOffset.UtcNow;
            using var certificate = request.CreateSelfSigned(now.AddMinutes(-1), now.AddMinutes(1));
            using var chain = new X509Chain();
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            chain.Build(certificate);
        }
        catch (CryptographicException)
        {
            // Best effort: the first handshake then loads the stores itself, as it always did.
        }
    }
}
