namespace Inventory.Rules.Learning;

/// <summary>
/// The bounded memo of the model path's pure functions of a name (a column or table identifier: name tokens, name
/// features, table signals), names compared ordinally; see <see cref="BoundedMemo{TKey, TValue}"/> for the bound and
/// how it starts over.
/// </summary>
/// <typeparam name="TValue">What the function gives for a name; never mutated once cached.</typeparam>
/// <param name="capacity">Names kept at most (at least 1).</param>
/// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is below 1.</exception>
internal sealed class BoundedNameCache<TValue>(int capacity) : BoundedMemo<string, TValue>(capacity, StringComparer.Ordinal);
