using System.Collections.Concurrent;

namespace Inventory.Rules.Learning;

/// <summary>
/// A memo of a pure function of a name (a column or table identifier), bounded in memory: it holds about
/// <see cref="Capacity"/> entries at most, and when it is full the next addition empties it and starts over. Starting
/// over (rather than refusing new names once full) keeps a long-running process that scans database after database
/// caching the names of the database it is scanning now; since the cached function is pure, emptying it only costs
/// recomputation, never a different answer. Thread-safe; concurrent additions may overshoot the bound by at most the
/// number of threads adding at the same moment (each generation of the memo counts its own additions).
/// </summary>
/// <typeparam name="TValue">What the function gives for a name; never mutated once cached.</typeparam>
internal sealed class BoundedNameCache<TValue>
{
    // One generation of the memo: its dictionary and the names added to it, counted here because
    // ConcurrentDictionary.Count takes every one of the dictionary's locks (up to 1,024 once it has grown), which under
    // a scan's parallel classification was a sixth of a names-only process's CPU (bench/README.md, 2026-12-04, perf28).
    // Starting over swaps in a new generation instead of emptying this one: emptying and zeroing the count are two
    // steps, and a thread descheduled between them let the others add up to a whole capacity of uncounted names.
    private sealed class Generation
    {
        public readonly ConcurrentDictionary<string, TValue> Entries = new(StringComparer.Ordinal);
        public int Added;
    }

    private Generation _current = new();

    /// <summary>Creates an empty cache.</summary>
    /// <param name="capacity">Names kept at most (at least 1).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is below 1.</exception>
    public BoundedNameCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
    }

    /// <summary>Names kept at most.</summary>
    public int Capacity { get; }

    /// <summary>Names cached now.</summary>
    public int Count => Volatile.Read(ref _current).Entries.Count;

    /// <summary>The cached value of a name.</summary>
    /// <param name="name">Exact (ordinal) name.</param>
    /// <param name="value">The value when cached.</param>
    /// <returns>True when cached.</returns>
    public bool TryGet(string name, out TValue value) => Volatile.Read(ref _current).Entries.TryGetValue(name, out value!);

    /// <summary>Caches the value of a name; when the cache is full it is emptied first. A name already cached keeps its
    /// first value (both are the same: the function is pure).</summary>
    /// <param name="name">Exact (ordinal) name.</param>
    /// <param name="value">The function's value for it.</param>
    public void Add(string name, TValue value)
    {
        var generation = Volatile.Read(ref _current);
        if (Volatile.Read(ref generation.Added) >= Capacity)
        {
            // One thread swaps in the new generation; the others use whichever is current after it. A name added to the
            // old generation by a thread that still held it is lost with it, which only costs recomputation.
            Interlocked.CompareExchange(ref _current, new Generation(), generation);
            generation = Volatile.Read(ref _current);
        }
        if (generation.Entries.TryAdd(name, value)) Interlocked.Increment(ref generation.Added);
    }
}
