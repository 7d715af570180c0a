namespace Inventory;

/// <summary>Base of every error the tool raises on purpose. Its message is safe to print: it never holds a
/// password or a sampled value.</summary>
public class InventoryException : Exception
{
    /// <summary>Creates an error with a message that says what happened and what to do.</summary>
    /// <param name="message">One line, safe to print.</param>
    /// <param name="innerException">The original error, kept for <c>--verbose</c>.</param>
    public InventoryException(string message, Exception? innerException = null) : base(message, innerException) { }
}

/// <summary>Bad input from a configuration, annotation or policy file, or from the command line.
/// Carries the file, 1-based line and column when known.</summary>
public sealed class ConfigurationException : InventoryException
{
    /// <summary>Creates a configuration error.</summary>
    /// <param name="message">What is wrong and what to do, without the location (it is prefixed).</param>
    /// <param name="file">The file at fault, or null for command-line input.</param>
    /// <param name="line">1-based line, or 0 when unknown.</param>
    /// <param name="column">1-based column, or 0 when unknown.</param>
    /// <param name="innerException">The parser error, if any.</param>
    public ConfigurationException(string message, string? file = null, int line = 0, int column = 0, Exception? innerException = null)
        : base(Format(message, file, line, column), innerException)
    {
        Reason = message;
        File = file;
        Line = line;
        Column = column;
    }

    /// <summary>The message without the location prefix.</summary>
    public string Reason { get; }
    /// <summary>The file at fault, or null.</summary>
    public string? File { get; }
    /// <summary>1-based line, 0 when unknown.</summary>
    public int Line { get; }
    /// <summary>1-based column, 0 when unknown.</summary>
    public int Column { get; }

    private static string Format(string message, string? file, int line, int column) =>
        file is null ? message
        : line > 0 ? $"{file}:{line}:{column}: {message}"
        : $"{file}: {message}";
}

/// <summary>A database could not be reached or read. The message names the provider and the host/database,
/// never the password; <see cref="SqlState"/> holds the server's error code when there is one.</summary>
public sealed class ConnectorException : InventoryException
{
    /// <summary>Creates a connector error.</summary>
    /// <param name="provider">The provider name (postgres, sqlserver, sqlite, … as the provider registry names it).</param>
    /// <param name="target">Host and database (or file path) with credentials removed.</param>
    /// <param name="message">What happened and what to do.</param>
    /// <param name="sqlState">SQLSTATE or server error number, if any.</param>
    /// <param name="innerException">The driver error. Drivers may embed values in messages, so it is only shown with --verbose.</param>
    public ConnectorException(string provider, string target, string message, string? sqlState = null, Exception? innerException = null)
        : base($"{provider} {target}: {message}{CodeSuffix(provider, message, sqlState)}", innerException)
    {
        Provider = provider;
        Target = target;
        SqlState = sqlState;
    }

    private ConnectorException(ConnectorException error, string message) : base(message, error.InnerException)
    {
        Provider = error.Provider;
        Target = error.Target;
        SqlState = error.SqlState;
        SourceName = error.SourceName;
    }

    /// <summary>The configured source the error is about, once <see cref="ForSource"/> named it; null otherwise.</summary>
    public string? SourceName { get; private init; }

    /// <summary>The same error naming the configured source and where its connection is written (trial35 finding 12: a
    /// wrong password named neither the source nor the variable its connection came from), e.g.
    /// <c>source 'panel' (connection at inventory.yml:3:17, from ${PANEL_DB}): mysql 127.0.0.1:3306/panel: access denied …</c>.
    /// Never a value of the connection.</summary>
    /// <param name="source">The source's name.</param>
    /// <param name="origin">Where its connection is written (file:line:column and the variables), or null.</param>
    /// <returns>A new exception with the same provider, target, code and cause.</returns>
    public ConnectorException ForSource(string source, string? origin) =>
        new(this, $"source '{source}'{(origin is null ? "" : $" (connection at {origin})")}: {Message}") { SourceName = source };

    /// <summary>The error of a scan of several sources none of which could be reached (exit 2): one line naming every
    /// source with its engine, target and reason (refused, no answer, unknown host, login refused…), each as
    /// <see cref="ForSource"/> words it, so an SRE sees every cause at once rather than the first (trial42 finding 9), e.g.
    /// <c>none of the 2 sources could be reached, nothing was scanned: (1) source 'crm' (connection at inventory.yml:3:17):
    /// postgres db1:5432/crm: connection refused: …; (2) source 'shop' (…): mysql db2:3306/shop: access denied …</c>.
    /// Provider, target and code are the first failure's; <see cref="Failures"/> holds each.</summary>
    /// <param name="failures">Each source's error, already naming its source (<see cref="ForSource"/>), in the order to
    /// print; at least one.</param>
    /// <returns>The scan's error.</returns>
    /// <exception cref="ArgumentException"><paramref name="failures"/> is empty.</exception>
    public static ConnectorException NoSourceReached(IReadOnlyList<ConnectorException> failures)
    {
        if (failures.Count == 0) throw new ArgumentException("at least one failure is needed", nameof(failures));
        var each = string.Join("; ", failures.Select((f, i) => $"({i + 1}) {f.Message}"));
        return new(failures[0], $"none of the {failures.Count} sources could be reached, nothing was scanned: {each}") { SourceName = null, Failures = failures };
    }

    /// <summary>Every source's own error when this one stands for several (<see cref="NoSourceReached"/>); empty otherwise.</summary>
    public IReadOnlyList<ConnectorException> Failures { get; private init; } = [];

    /// <summary>The provider name, as the provider registry names it.</summary>
    public string Provider { get; }
    /// <summary>Host and database with credentials removed.</summary>
    public string Target { get; }
    /// <summary>SQLSTATE or server error number, if any.</summary>
    public string? SqlState { get; }

    /// <summary>The error code as the message's last words, named as its engine names it: a five-character code of
    /// PostgreSQL, MySQL or MariaDB is a SQLSTATE (ISO/IEC 9075 "SQLSTATE"), a shorter MySQL/MariaDB code a server error
    /// number, a SQL Server code an error number (sys.messages), a SQLite code a result code (SQLite "Result and Error
    /// Codes"; not repeated when the message already says "SQLite error N"). Empty when there is no code.</summary>
    /// <param name="provider">The provider name.</param>
    /// <param name="message">The message the code follows.</param>
    /// <param name="code">The code, or null.</param>
    /// <returns>" (SQLSTATE 28P01)", " (error 18456)", " (SQLite result code 26)" or "".</returns>
    internal static string CodeSuffix(string provider, string message, string? code)
    {
        if (string.IsNullOrEmpty(code)) return "";
        if (string.Equals(provider, "sqlite", StringComparison.Ordinal))
            return message.Contains($"SQLite error {code}", StringComparison.Ordinal) ? "" : $" (SQLite result code {code})";
        if (string.Equals(provider, "sqlserver", StringComparison.Ordinal)) return $" (error {code})";
        return code.Length == 5 ? $" (SQLSTATE {code})" : $" (error {code})";
    }
}

/// <summary>An output file could not be written: its folder may not be created or written by this user (permission
/// denied, a read-only or special file system such as <c>/proc</c>), or the disk is full. The message names the path
/// the user gave and the folder at fault, never the temporary file (trial40 finding 1: such a write was an "internal
/// error", exit 70, after the whole scan).</summary>
public sealed class OutputWriteException : InventoryException
{
    /// <summary>Creates the error.</summary>
    /// <param name="path">The output path as the user gave it.</param>
    /// <param name="folder">The folder the file (or its temporary file) is created in.</param>
    /// <param name="innerException">The file system's error, kept for <c>--verbose</c>.</param>
    public OutputWriteException(string path, string folder, Exception innerException)
        : base($"cannot write {path}: {Reason(innerException)} in {folder}; give a path in a folder this user may write to "
               + "(an existing file there is left as it was)", innerException)
    {
        Path = path;
        Folder = folder;
    }

    /// <summary>The output path as the user gave it.</summary>
    public string Path { get; }

    /// <summary>The folder at fault.</summary>
    public string Folder { get; }

    /// <summary>The file system's refusal in words: permission denied for <see cref="UnauthorizedAccessException"/>,
    /// otherwise a read-only or special file system, or a full disk (the usual causes of an <see cref="IOException"/>
    /// on creating, writing or renaming a file in a folder that exists).</summary>
    /// <param name="error">The file system's error.</param>
    /// <returns>A few words, without the path.</returns>
    public static string Reason(Exception error) => error is UnauthorizedAccessException
        ? "permission denied: this user may not create files"
        : "the file system refuses the file (read-only or special file system, or no space left)";
}
