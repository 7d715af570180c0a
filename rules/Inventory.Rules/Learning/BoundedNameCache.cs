using System.Collections.Concurrent;

namespace Inventory.Rules.Learning;

/// <summary>
/// A memo of a pure function of a name (a column or table identifier), bounded in memory: it holds about
/// <see cref="Capacity"/> entries at most, and when it is full the next addition empties it and starts over. Starting
/// over (rather than refusing new names once full) keeps a long-running process that scans database after database
/// caching the names of the database it is scanning now; since the cached function is pure, emptying it only costs
/// recomputation, never a different answer. Thread-safe; concurrent additions may overshoot the bound by at most the
/// number of threads adding at the same moment.
/// </summary>
/// <typeparam name="TValue">What the function gives for a name; never mutated once cached.</typeparam>
internal sealed class BoundedNameCache<TValue>
{
    private readonly ConcurrentDictionary<string, TValue> _entries = new(StringComparer.Ordinal);
    // Names added since the last emptying, counted here: ConcurrentDictionary.Count takes every one of the dictionary's
    // locks (up to 1,024 once it has grown), which under a scan's parallel classification was a sixth of a names-only
    // process's CPU (bench/README.md, 2026-12-04, perf28).
    private int _added;

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
    public int Count => _entries.Count;

    /// <summary>The cached value of a name.</summary>
    /// <param name="name">Exact (ordinal) name.</param>
    /// <param name="value">The value when cached.</param>
    /// <returns>True when cached.</returns>
    public bool TryGet(string name, out TValue value) => _entries.TryGetValue(name, out value!);

    /// <summary>Caches the value of a name; when the cache is full it is emptied first. A name already cached keeps its
    /// first value (both are the same: the function is pure).</summary>
    /// <param name="name">Exact (ordinal) name.</param>
    /// <param name="value">The function's value for it.</param>
    public void Add(string name, TValue value)
    {
        if (Volatile.Read(ref _added) >= Capacity)
        {
            _entries.Clear();
            Volatile.Write(ref _added, 0);
        }
        if (_entries.TryAdd(name, value)) Interlocked.Increment(ref _added);
    }
}
