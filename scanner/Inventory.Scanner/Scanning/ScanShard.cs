using System.Globalization;
using System.Text;

namespace Inventory.Scanning;

/// <summary>One slice of a scan split over N machines: <c>I/N</c>, I from 1 to N. Sources (or, for a config with a
/// single source, its tables) are assigned by a stable hash of their name, so every machine computes the same split
/// without talking to the others, and the split does not change between runs or .NET versions.</summary>
/// <param name="Index">1-based shard number.</param>
/// <param name="Count">Number of shards.</param>
public readonly record struct ScanShard(int Index, int Count)
{
    /// <summary>The environment variable Kubernetes Indexed Jobs set to the 0-based completion index.</summary>
    public const string JobCompletionIndexVariable = "JOB_COMPLETION_INDEX";

    /// <summary>Parses <c>I/N</c> (1 ≤ I ≤ N ≤ 10,000) or <c>auto/N</c>, which takes I from
    /// <c>JOB_COMPLETION_INDEX</c> + 1.</summary>
    /// <param name="text">The option's value.</param>
    /// <param name="environment">Variable lookup (defaults to the process environment).</param>
    /// <returns>The shard.</returns>
    /// <exception cref="ConfigurationException">Malformed text, an index out of range, or <c>auto</c> without a valid
    /// <c>JOB_COMPLETION_INDEX</c>.</exception>
    public static ScanShard Parse(string text, Func<string, string?>? environment = null)
    {
        var parts = text.Split('/');
        if (parts.Length != 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1 || count > 10_000)
            throw new ConfigurationException($"bad shard '{text}': use I/N (e.g. 2/8, I from 1 to N) or auto/N inside a Kubernetes Indexed Job");
        int index;
        if (parts[0] == "auto")
        {
            environment ??= Environment.GetEnvironmentVariable;
            var value = environment(JobCompletionIndexVariable);
            if (value is null || !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var zeroBased))
                throw new ConfigurationException($"--shard auto/{count} needs {JobCompletionIndexVariable} (set by Kubernetes Indexed Jobs, 0-based); it is {(value is null ? "not set" : $"'{value}', not a whole number from 0")}");
            // A Job whose completions exceed N (completions raised, --shard auto/N left as it was) must not read as a
            // typo in an I/N the user never wrote: name the variable and the fix.
            if (zeroBased >= count)
                throw new ConfigurationException($"{JobCompletionIndexVariable} is {zeroBased}, but --shard auto/{count} takes 0 to {count - 1} (shards 1 to {count}): set the Indexed Job's completions to {count}, or N to its completions");
            index = zeroBased + 1;
        }
        else if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out index))
            throw new ConfigurationException($"bad shard '{text}': use I/N (e.g. 2/8, I from 1 to N) or auto/N");
        if (index < 1 || index > count)
            throw new ConfigurationException($"shard {index}/{count} is out of range: I goes from 1 to {count}");
        return new ScanShard(index, count);
    }

    /// <summary>Parses the <c>I/N</c> recorded in a document.</summary>
    /// <param name="text">Recorded text.</param>
    /// <param name="shard">The shard, when the text is well formed.</param>
    /// <returns>True when well formed.</returns>
    public static bool TryParseRecorded(string? text, out ScanShard shard)
    {
        shard = default;
        if (text is null) return false;
        var parts = text.Split('/');
        if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var i)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && i >= 1 && i <= n)
        {
            shard = new ScanShard(i, n);
            return true;
        }
        return false;
    }

    /// <summary>True when the named source or table belongs to this shard.</summary>
    /// <param name="name">Source name, or qualified table name.</param>
    public bool Owns(string name) => (int)(StableHash(name) % (ulong)Count) == Index - 1;

    /// <summary>64-bit FNV-1a over the UTF-8 bytes: the same on every machine, process and runtime version
    /// (<see cref="string.GetHashCode()"/> is randomised per process).</summary>
    /// <param name="name">Text to hash.</param>
    public static ulong StableHash(string name)
    {
        ulong hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(name))
        {
            hash ^= b;
            hash *= 1099511628211UL;
        }
        return hash;
    }

    /// <summary><c>I/N</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
