using System.Reflection;

/// <summary>
/// A .NET startup hook (<c>DOTNET_STARTUP_HOOKS</c>, which requires this exact name in the global namespace): when a child
/// process is started with it and <see cref="OutputVariable"/> names a file, the process writes the simple name of every
/// assembly loaded in it to that file when it exits. <c>ScanWithoutMicrosoftMlTests</c> uses it to see what a real
/// <c>inventory</c> process loaded, unpolluted by the test process. Touches no other type of the test assembly, so the
/// child loads nothing of NUnit.
/// </summary>
internal static class StartupHook
{
    /// <summary>Environment variable naming the output file.</summary>
    internal const string OutputVariable = "INVENTORY_TEST_LOADED_ASSEMBLIES";

    /// <summary>Called by the runtime before the child's <c>Main</c>.</summary>
    public static void Initialize()
    {
        if (Environment.GetEnvironmentVariable(OutputVariable) is not { Length: > 0 } path) return;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            File.WriteAllLines(path, AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name ?? "").Order(StringComparer.Ordinal));
    }
}
