using System.Diagnostics;
using System.Text.Json;
using Inventory.Cli;
using Inventory.Tests.Support;
using Npgsql;
using NUnit.Framework;

namespace Inventory.Tests.Cli;

/// <summary>
/// The CLI as a real process, stopped the way supervisors stop it and piped the way users pipe it (trial36 findings 1
/// and 2): SIGTERM (<c>docker stop</c>, Kubernetes, CI cancellation) and a SIGINT delivered twice (GNU <c>timeout</c>
/// signals the child and its process group) stop the scan with its sampling statement cancelled on the real PostgreSQL
/// server; an output file that is standard output carries the document alone; a reader that goes away is not an error.
/// </summary>
[TestFixture]
[Category("Integration")]
public sealed class StopSignalAndPipeTests
{
    private string _dir = "";

    [SetUp]
    public void SetUp() => Directory.CreateDirectory(_dir = Path.Combine(Path.GetTempPath(), $"inventory-stop-{Guid.NewGuid():N}"));

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    [TestCase("TERM", 1, ExitCodes.Terminated)]
    [TestCase("INT", 2, ExitCodes.Interrupted)]
    public async Task Scan_StoppedBySignalWhileSampling_CancelsTheStatementOnTheServerAndLeavesTheOutputAsItWas(string signal, int times, int expectedExit)
    {
        // A process started as a background job of a shell without job control inherits SIGINT ignored (POSIX), and so does
        // every child it starts: the CLI then honours the ignore, as nohup'd programs must, and cannot be interrupted.
        if (IgnoredByThisProcess(signal))
            Assert.Ignore($"SIG{signal} is ignored by the test process (started in the background without job control), so the CLI it starts inherits the ignore and cannot receive it");
        // Given a view that takes minutes to read (each row sleeps), and an existing output file
        await using var db = await TestPostgres.CreateAsync("stop",
            "CREATE VIEW slow_rows AS SELECT x, pg_sleep(0.5)::text AS pause FROM generate_series(1, 1000) x;");
        var admin = new NpgsqlConnectionStringBuilder(TestPostgres.AdminConnectionString);
        var output = Path.Combine(_dir, "inventory.json");
        await File.WriteAllTextAsync(output, "{ \"previous\": true }");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _dir };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "inventory.dll"), "scan", "--connection",
                     $"postgres://{admin.Username}:{Uri.EscapeDataString(admin.Password!)}@{admin.Host}:{admin.Port}/{db.Name}", "--out", output })
            info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();
        try
        {
            // When the view's sampling statement is running on the server and the process gets the signal
            Assert.That(await WaitAsync(() => ActiveStatementsAsync(db.Name), n => n > 0, TimeSpan.FromMinutes(2)), Is.GreaterThan(0),
                "the sampling statement started");
            for (int i = 0; i < times; i++) Signal(process.Id, signal);
            Assert.That(process.WaitForExit(TimeSpan.FromSeconds(60)), Is.True, "the process stopped");

            // Then it exits with the signal's code, says so, leaves the file as it was, and the statement is gone
            var error = await standardError;
            using (Assert.EnterMultipleScope())
            {
                Assert.That(process.ExitCode, Is.EqualTo(expectedExit), error);
                Assert.That(error, Does.Contain("error: interrupted: stopped before the output was written"));
                Assert.That(await File.ReadAllTextAsync(output), Is.EqualTo("{ \"previous\": true }"));
                Assert.That(Directory.GetFiles(_dir), Is.EqualTo(new[] { output }), "no temporary file left");
                Assert.That(await WaitAsync(() => ActiveStatementsAsync(db.Name), n => n == 0, TimeSpan.FromSeconds(10)), Is.Zero,
                    "no statement of the scan still running on the server");
            }
            await standardOutput;
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
    }

    [Test]
    public void Scan_OutToStandardOutput_StandardOutputHoldsTheDocumentAlone()
    {
        var chinook = Path.Combine(SharedPaths.Data, "chinook", "Chinook_Sqlite.sqlite");

        var (exit, output, error) = CliProcess.Run(_dir, ["scan", "--connection", "sqlite:" + chinook, "--out", "/dev/stdout"]);

        using var document = JsonDocument.Parse(output); // throws when the summary is mixed in
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Ok), error);
            Assert.That(document.RootElement.GetProperty("sources").GetArrayLength(), Is.EqualTo(1));
            Assert.That(error, Does.Contain("inventory written to /dev/stdout"), "the summary goes to standard error instead");
        }
    }

    [Test]
    public void Scan_ReaderOfStandardOutputGoesAway_EndsQuietlyWithTheBrokenPipeCode()
    {
        var chinook = Path.Combine(SharedPaths.Data, "chinook", "Chinook_Sqlite.sqlite");
        var dll = Path.Combine(AppContext.BaseDirectory, "inventory.dll");
        // The inventory of Chinook is far larger than a pipe's buffer, so the writer meets the closed pipe.
        var script = $"dotnet '{dll}' scan --connection 'sqlite:{chinook}' --out /dev/stdout 2>'{_dir}/err.txt' | head -c 1 >/dev/null; echo ${{PIPESTATUS[0]}}";
        var info = new ProcessStartInfo("bash", ["-c", script]) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _dir };
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        Assert.That(process.WaitForExit(TimeSpan.FromMinutes(2)), Is.True);

        var error = File.ReadAllText(Path.Combine(_dir, "err.txt"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(output.Trim(), Is.EqualTo(ExitCodes.BrokenPipe.ToString(System.Globalization.CultureInfo.InvariantCulture)), error);
            Assert.That(error, Does.Not.Contain("internal error"));
            Assert.That(error, Does.Not.Contain("error:"));
        }
    }

    /// <summary>True when this process ignores <paramref name="signal"/> (INT or TERM): the <c>SigIgn</c> mask of
    /// <c>/proc/self/status</c> (hexadecimal, bit n−1 for signal n), which a child keeps across exec.</summary>
    private static bool IgnoredByThisProcess(string signal)
    {
        int number = signal == "INT" ? 2 : 15;
        foreach (var line in File.ReadLines("/proc/self/status"))
            if (line.StartsWith("SigIgn:", StringComparison.Ordinal))
                return (Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16) & (1UL << (number - 1))) != 0;
        return false;
    }

    private static void Signal(int pid, string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-" + signal, pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]))!;
        kill.WaitForExit();
    }

    private static async Task<long> ActiveStatementsAsync(string database)
    {
        await using var connection = new NpgsqlConnection(TestPostgres.AdminConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = @db AND state = 'active' AND query LIKE '%slow_rows%' AND pid <> pg_backend_pid()", connection);
        cmd.Parameters.AddWithValue("db", database);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    private static async Task<long> WaitAsync(Func<Task<long>> read, Func<long, bool> done, TimeSpan limit)
    {
        var watch = Stopwatch.StartNew();
        long value;
        while (!done(value = await read()) && watch.Elapsed < limit) await Task.Delay(100);
        return value;
    }
}
