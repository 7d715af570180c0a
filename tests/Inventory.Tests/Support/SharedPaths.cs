namespace Inventory.Tests.Support;

/// <summary>Paths to the repository and to ../shared (the cases and labelled data), found from the test binary.</summary>
public static class SharedPaths
{
    /// <summary>The repository root (the folder holding Inventory.sln).</summary>
    public static string Repository { get; } = FindUp("Inventory.sln");

    /// <summary>The shared folder: <c>INVENTORY_SHARED</c> if set, else <c>../shared</c> next to the repository (or /work/shared).</summary>
    public static string Shared { get; } =
        Environment.GetEnvironmentVariable("INVENTORY_SHARED") is { Length: > 0 } s ? Path.GetFullPath(s)
        : new[] { Path.Combine(Repository, "..", "shared"), "/work/shared" }.Select(Path.GetFullPath).FirstOrDefault(d => Directory.Exists(Path.Combine(d, "cases")))
          ?? Path.GetFullPath(Path.Combine(Repository, "..", "shared"));

    /// <summary>../shared/cases.</summary>
    public static string Cases => Path.Combine(Shared, "cases");
    /// <summary>../shared/data.</summary>
    public static string Data => Path.Combine(Shared, "data");

    private static string FindUp(string marker)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, marker))) return dir.FullName;
        throw new InvalidOperationException($"{marker} not found above {AppContext.BaseDirectory}");
    }
}
