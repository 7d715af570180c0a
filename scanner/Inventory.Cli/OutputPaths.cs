using Inventory.Model;
using Spectre.Console;

namespace Inventory.Cli;

/// <summary>What an output option names: a file written, or a folder files are written into.</summary>
internal enum OutputKind
{
    /// <summary>A file (<c>scan --out</c>, <c>check --sarif</c>, <c>export --out</c>…).</summary>
    File,
    /// <summary>A folder (<c>report --out</c>, <c>check --output-dir</c>, <c>annotate --out</c>…).</summary>
    Folder,
}

/// <summary>One output option of a command and the path it was given.</summary>
/// <param name="Option">The option as the user types it (<c>--out</c>).</param>
/// <param name="Path">The path given, or null when the option is not set.</param>
/// <param name="Kind">A file or a folder.</param>
internal readonly record struct OutputOption(string Option, string? Path, OutputKind Kind);

/// <summary>
/// Checks the paths of a command's output options before the command does any work (trial 35 finding 8b:
/// <c>scan --out FOLDER</c> ran the whole scan, then failed with "internal error", exit 70; <c>report --out FILE</c> the
/// same). A path of the wrong kind is a bad option: the command stops at once with exit 2 and one line saying what to
/// give. Wrong kinds: a file option naming an existing folder; a folder option naming an existing file (or device); any
/// path under an existing file (<c>inventory.json/report</c>). A path that does not exist yet is fine (files and missing
/// folders are created when written). Only the kind of what exists is looked at; devices, FIFOs and symbolic links are
/// left to the writer. A path whose folder this user may not create files in (another user's folder, a read-only mount,
/// <c>/proc</c>) is refused too, so a long scan never ends in a file it cannot write.
/// </summary>
internal static class OutputPaths
{
    /// <summary>The first problem among <paramref name="outputs"/>, as a validation result.</summary>
    /// <param name="outputs">The command's output options (unset ones have a null path).</param>
    /// <returns>An error naming the option and what to give, or success.</returns>
    public static ValidationResult Validate(params ReadOnlySpan<OutputOption> outputs)
    {
        foreach (var output in outputs)
            if (Problem(output) is { } problem) return ValidationResult.Error(problem);
        return ValidationResult.Success();
    }

    /// <summary>What is wrong with one output path, or null.</summary>
    /// <param name="output">The option and its path.</param>
    /// <returns>A one-line message (option, path, what to give), or null when the path can be written.</returns>
    public static string? Problem(OutputOption output)
    {
        if (output.Path is not { } path) return null;
        if (path.Length == 0) return $"{output.Option} needs a {Noun(output.Kind)} name, not an empty string";
        if (output.Kind == OutputKind.File && Directory.Exists(path))
            return $"{output.Option} {path} is a folder; give a file name (e.g. {System.IO.Path.Combine(path, "NAME")})";
        if (output.Kind == OutputKind.Folder && File.Exists(path))
            return $"{output.Option} {path} is a file; it names the folder the files are written into: give a folder name";
        var full = System.IO.Path.GetFullPath(path);
        if (output.Kind == OutputKind.Folder && Directory.Exists(full)) return NotWritable(output, full);
        // An existing file among the path's ancestors: nothing can be created under it.
        for (var ancestor = System.IO.Path.GetDirectoryName(full); !string.IsNullOrEmpty(ancestor);
             ancestor = System.IO.Path.GetDirectoryName(ancestor))
        {
            if (Directory.Exists(ancestor))
            {
                // A device, pipe or /dev/stdout is written through, never created: its folder is not where it lands.
                if (output.Kind == OutputKind.File && File.Exists(full) && AtomicFile.KindOf(full) == AtomicFile.DestinationKind.Special)
                    return null;
                return NotWritable(output, ancestor);
            }
            if (File.Exists(ancestor))
                return $"{output.Option} {path} lies under {ancestor}, which is a file, not a folder; give a path in a folder";
        }
        return null;
    }

    /// <summary>Whether files can be created in <paramref name="folder"/>, the existing folder the output (its temporary
    /// file, or the missing folders above it) is created in, tried by creating and deleting an empty hidden file there
    /// (trial40 finding 1: a folder of another user, a read-only mount or <c>/proc</c> made the command fail after all
    /// its work with "internal error", exit 70). Permission bits alone would not tell: root ignores them, and a
    /// read-only mount or ACLs refuse what they allow.</summary>
    /// <param name="output">The option and its path, for the message.</param>
    /// <param name="folder">An existing folder.</param>
    /// <returns>A one-line message naming the option, the path, the folder and the cause, or null when a file could be
    /// created there.</returns>
    private static string? NotWritable(OutputOption output, string folder)
    {
        var probe = System.IO.Path.Combine(folder, $".inventory-write-test.{Environment.ProcessId}.{Guid.NewGuid():N}");
        try
        {
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose)) { }
            return null;
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return $"{output.Option} {output.Path}: cannot write in {folder}: {OutputWriteException.Reason(e)}; give a path in a folder this user may write to";
        }
    }

    private static string Noun(OutputKind kind) => kind == OutputKind.File ? "file" : "folder";
}
