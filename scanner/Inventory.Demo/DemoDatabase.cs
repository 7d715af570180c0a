using Microsoft.Data.Sqlite;

namespace Inventory.Demo;

/// <summary>
/// Builds the demo database: a SQLite file of the French PaaS host of ../shared/DESIGN.md §1 (organisations, users,
/// billing, payment methods, invoices, login events, apps, deployments, environment variables, add-on databases,
/// app logs, support tickets, the Intercom sync table) with three traps (a legacy table of full card numbers, a new
/// unannotated table, an annotation contradicted by the data). Only invented values in reserved ranges are inserted.
/// </summary>
public static class DemoDatabase
{
    /// <summary>The seed the shipped demo uses.</summary>
    public const int DefaultSeed = 20261129;

    /// <summary>The file name the demo uses inside its output folder.</summary>
    public const string DefaultFileName = "paas-demo.sqlite";

    /// <summary>"Now" for the generated history (all timestamps are at or before it, UTC), fixed so a seed gives the same file.</summary>
    public static DateTime ReferenceTime { get; } = new(2026, 11, 29, 9, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// Creates (or replaces) the demo database at <paramref name="path"/>, deterministically: the same seed and size
    /// give the same tables, rows and values. The file is built under a temporary name in the same folder, in one
    /// transaction with prepared, parameterised inserts, then moved into place, so a failure never leaves a half-built
    /// file at <paramref name="path"/>.
    /// </summary>
    /// <param name="path">Destination file; its folder is created when missing. An existing file is replaced.</param>
    /// <param name="seed">Seed of every random draw.</param>
    /// <param name="size">Row volume (<see cref="DemoSize.Default"/>: ≈ 75,000 rows).</param>
    /// <returns>The manifest: true category of every column, row counts, traps, canary values.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="IOException">The folder or file cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder or file is not writable.</exception>
    /// <exception cref="SqliteException">SQLite failed to write the temporary file (e.g. disk full).</exception>
    public static DemoManifest Create(string path, int seed = DefaultSeed, DemoSize size = DemoSize.Default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full) ?? throw new ArgumentException($"'{path}' has no folder", nameof(path));
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            DemoGenerator.Result result;
            var connectionString = new SqliteConnectionStringBuilder
            {
                DataSource = temp,
                Mode = SqliteOpenMode.ReadWriteCreate,
                Pooling = false,
            }.ConnectionString;
            using (var connection = new SqliteConnection(connectionString))
            {
                connection.Open();
                using (var pragma = connection.CreateCommand())
                {
                    // The file is private until moved into place, so no rollback journal on disk is needed.
                    pragma.CommandText = "PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF; PRAGMA foreign_keys = ON;";
                    pragma.ExecuteNonQuery();
                }
                using var transaction = connection.BeginTransaction();
                foreach (var table in DemoSchema.Tables)
                {
                    using var create = connection.CreateCommand();
                    create.Transaction = transaction;
                    create.CommandText = table.CreateSql();
                    create.ExecuteNonQuery();
                }
                result = new DemoGenerator(connection, transaction, seed, size).Run();
                transaction.Commit();
            }
            File.Move(temp, full, overwrite: true);
            var truth = DemoSchema.Tables
                .SelectMany(t => t.Columns.Select(c => new DemoColumnTruth(t.Name, c.Name, c.DataType, c.Category,
                    t.Annotated ? c.AnnotatedCategory : null, c.Note)))
                .ToList();
            return new DemoManifest(full, seed, size, truth, result.RowCounts, result.Canaries);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
