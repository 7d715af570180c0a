using System.Diagnostics;
using NUnit.Framework;

namespace Inventory.Tests.Support;

/// <summary>The <c>inventory</c> CLI run as a real process (<c>dotnet inventory.dll</c>) with standard output and error
/// redirected, as CI runs it: for what only a process shows (the working directory it reads <c>inventory.yml</c> from,
/// output that is not a terminal).</summary>
internal static class CliProcess
{
    /// <summary>Runs the CLI in <paramref name="workingDirectory"/> and waits for it (at most two minutes, else the test
    /// fails).</summary>
    /// <param name="workingDirectory">The process's working directory.</param>
    /// <param name="arguments">The command line after <c>inventory</c>.</param>
    /// <param name="unset">Environment variables the process must not inherit.</param>
    /// <returns>The exit code, standard output and standard error.</returns>
    public static (int Exit, string Output, string Error) Run(string workingDirectory, IEnumerable<string> arguments, params string[] unset)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "inventory.dll"));
        foreach (var a in arguments) info.ArgumentList.Add(a);
        foreach (var name in unset) info.Environment.Remove(name);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        output.Wait();
        Assert.That(process.WaitForExit(TimeSpan.FromMinutes(2)), Is.True, "the CLI finished");
        return (process.ExitCode, output.Result, error);
    }
}
