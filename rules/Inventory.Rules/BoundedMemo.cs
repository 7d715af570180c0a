using System.Collections.Concurrent;

namespace Inventory.Rules;

/// <summary>
/// A memo of a pure function, bounded in memory: it holds about <see cref="Capacity"/> entries at most, and when it is
/// full the next addition starts it over, empty. Starting over (rather than refusing new keys once full) keeps a
/// long-running process that scans database after database caching the names of the database it is scanning now; since
/// the function is pure, starting over only costs recomputation, never a different answer. Thread-safe; concurrent
/// additions may overshoot the bound by at most the number of threads adding at the same moment.
/// </summary>
/// <typeparam name="TKey">The function's argument (a name, or a name with its context).</typeparam>
/// <typeparam name="TValue">What the function gives for it; never mutated once cached.</typeparam>
internal class BoundedMemo<TKey, TValue> where TKey : notnull
{
    // One generation of the memo: its dictionary and the keys added to it, counted here because
    // ConcurrentDictionary.Count takes every one of the dictionary's locks (up to 1,024 once it has grown), which under
    // a scan's parallel classification was a sixth of a names-only process's CPU (bench/README.md, 2026-12-04, perf28).
    // Starting over swaps in a new generation instead of emptying this one: emptying and zeroing the count are two
    // steps, and a thread descheduled between them let the others add up to a whole capacity of uncounted keys.
    private sealed class Generation(IEqualityComparer<TKey>? comparer)
    {
        public readonly ConcurrentDictionary<TKey, TValue> Entries = new(comparer);
        public int Added;
    }

    private readonly IEqualityComparer<TKey>? _comparer;
    private Generation _current;

    /// <summary>Creates an empty memo.</summary>
    /// <param name="capacity">Keys kept at most (at least 1).</param>
    /// <param name="comparer">How keys compare (null: the type's default equality).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is below 1.</exception>
    public BoundedMemo(int capacity, IEqualityComparer<TKey>? comparer = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
        _comparer = comparer;
        _current = new Generation(comparer);
    }

    /// <summary>Keys kept at most.</summary>
    public int Capacity { get; }

    /// <summary>Keys cached now (takes every lock of the dictionary: for tests and diagnostics, not for hot paths).</summary>
    public int Count => Volatile.Read(ref _current).Entries.Count;

    /// <summary>The cached value of a key.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value when cached.</param>
    /// <returns>True when cached.</returns>
    public bool TryGet(TKey key, out TValue value) => Volatile.Read(ref _current).Entries.TryGetValue(key, out value!);

    /// <summary>Caches the value of a key; when the memo is full it starts over first. A key already cached keeps its
    /// first value (both are the same: the function is pure).</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The function's value for it.</param>
    public void Add(TKey key, TValue value)
    {
        var generation = Volatile.Read(ref _current);
        if (Volatile.Read(ref generation.Added) >= Capacity)
        {
            // One thread swaps in the new generation; the others use whichever is current after it. A key added to the
            // old generation by a thread that still held it is lost with it, which only costs recomputation.
            Interlocked.CompareExchange(ref _current, new Generation(_comparer), generation);
            generation = Volatile.Read(ref _current);
        }
        if (generation.Entries.TryAdd(key, value)) Interlocked.Increment(ref generation.Added);
    }
}
