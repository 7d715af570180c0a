using System.Runtime.InteropServices;
using System.Text;

namespace Inventory.Model;

/// <summary>Writes output files atomically: a temporary file in the target's folder, flushed to disk, then renamed over
/// the target, so a crash or an interrupted write never leaves a half-written file and readers see the old file or the
/// new one.
/// <para>Only a regular file (or a path that does not exist yet) is replaced that way. A destination that is not a
/// regular file — a character device such as <c>/dev/null</c>, a named pipe, a socket, <c>/dev/stdout</c> — is written
/// through, as a shell redirection would, since renaming over it would replace the device or pipe itself with a
/// regular file (as root, <c>/dev/null</c> for the whole machine: trial35). A symbolic link to a regular file keeps its
/// link: the file it points to (followed to the end of the chain) is the one replaced atomically.</para>
/// <para>The file type comes from <c>statx(2)</c> on Linux (its <c>stx_mode</c>, whose offset is the same on every
/// architecture); elsewhere a path under <c>/dev/</c> is taken as a device.</para>
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes UTF-8 text (no BOM) atomically.</summary>
    /// <param name="path">Destination; its folder is created if needed.</param>
    /// <param name="text">Content.</param>
    /// <exception cref="IOException">The destination is a folder, or the write fails.</exception>
    public static void WriteAllText(string path, string text) => WriteAllBytes(path, new UTF8Encoding(false).GetBytes(text));

    /// <summary>Writes bytes atomically.</summary>
    /// <param name="path">Destination; its folder is created if needed.</param>
    /// <param name="bytes">Content.</param>
    /// <exception cref="IOException">The destination is a folder, or the write fails.</exception>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes)
    {
        var array = bytes.ToArray();
        Write(path, stream => stream.Write(array));
    }

    /// <summary>Writes what <paramref name="write"/> puts in the stream atomically, straight to the temporary file (or
    /// straight through a destination that is not a regular file).</summary>
    /// <param name="path">Destination; its folder is created if needed.</param>
    /// <param name="write">Writes the content (buffered) to the given stream.</param>
    /// <exception cref="IOException">The destination is a folder.</exception>
    /// <exception cref="OutputWriteException">The destination's folder cannot be created or written (permission denied,
    /// read-only or special file system, disk full); the destination is left as it was.</exception>
    public static void Write(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        switch (KindOf(full))
        {
            case DestinationKind.Folder:
                throw new IOException($"{path} is a folder; give a file name");
            case DestinationKind.Special:
                using (var through = new FileStream(full, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1 << 16))
                {
                    write(through);
                    through.Flush();
                }
                return;
        }
        full = FinalTarget(full);
        var dir = Path.GetDirectoryName(full)!;
        var temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(dir);
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new OutputWriteException(path, dir, e);
        }
        finally
        {
            try
            {
                if (File.Exists(temp)) File.Delete(temp);
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                // The temporary file could not be created in the first place, or its folder went away: nothing to clean.
            }
        }
    }

    /// <summary>Writes a stream produced by <paramref name="write"/> atomically.</summary>
    /// <param name="path">Destination.</param>
    /// <param name="write">Writes the content to the given stream.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <exception cref="IOException">The destination is a folder, or the write fails.</exception>
    public static async Task WriteAsync(string path, Func<Stream, Task> write, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        await write(buffer).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        WriteAllBytes(path, buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    /// <summary>What a destination path names, symbolic links followed.</summary>
    internal enum DestinationKind
    {
        /// <summary>Nothing yet (or a dangling link): created by the rename.</summary>
        Missing,
        /// <summary>A regular file: replaced by the rename.</summary>
        Regular,
        /// <summary>A folder: an error.</summary>
        Folder,
        /// <summary>A device, named pipe or socket: written through.</summary>
        Special,
    }

    /// <summary>The kind of <paramref name="full"/>, links followed.</summary>
    /// <param name="full">An absolute path.</param>
    internal static DestinationKind KindOf(string full)
    {
        if (Directory.Exists(full)) return DestinationKind.Folder;
        if (!File.Exists(full)) return DestinationKind.Missing;
        if (OperatingSystem.IsLinux())
        {
            var buffer = new byte[256];
            if (Statx(AtFdCwd, full, 0, StatxType, buffer) == 0)
            {
                // struct statx: stx_mask u32, stx_blksize u32, stx_attributes u64, stx_nlink u32, stx_uid u32,
                // stx_gid u32, then stx_mode u16 at byte 28 (linux/stat.h); S_IFMT 0xF000, S_IFREG 0x8000.
                int mode = buffer[28] | buffer[29] << 8;
                return (mode & 0xF000) == 0x8000 ? DestinationKind.Regular : DestinationKind.Special;
            }
        }
        var final = FinalTarget(full);
        return final.StartsWith("/dev/", StringComparison.Ordinal) || final.StartsWith("/proc/", StringComparison.Ordinal)
            ? DestinationKind.Special : DestinationKind.Regular;
    }

    /// <summary>The path a chain of symbolic links ends at (the path itself when it is no link or the chain cannot be
    /// read).</summary>
    private static string FinalTarget(string full)
    {
        try
        {
            return File.ResolveLinkTarget(full, returnFinalTarget: true) is { } target ? Path.GetFullPath(target.FullName) : full;
        }
        catch (IOException)
        {
            return full;
        }
        catch (UnauthorizedAccessException)
        {
            return full;
        }
    }

    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);
}
