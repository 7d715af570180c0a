namespace Inventory.Rules.Learning;

/// <summary>
/// A feature group's vocabulary: each term's index, looked up by a span of characters (a character n-gram or a word cut
/// from a longer text, never allocated as a string). An open-addressing table with linear probing over the FNV-1a hash
/// of the term's UTF-16 code units (Fowler, Noll, Vo: http://www.isthe.com/chongo/tech/comp/fnv/), at most half full.
/// <para>Why not <c>Dictionary&lt;string, int&gt;.GetAlternateLookup&lt;ReadOnlySpan&lt;char&gt;&gt;()</c>, which it replaces
/// with the same answers: that lookup is a generic instantiation of the framework's code that ReadyToRun cannot hold in
/// this assembly, so every scan process JIT-compiled it and ran it as tier-0 code through most of a names-only scan
/// (bench/README.md, 2026-12-04, thirteenth session); this type is precompiled. The table is built once from the model's
/// terms and never grows, so a crafted column name can only probe the chains the model's own terms made.</para>
/// </summary>
internal sealed class TermVocabulary
{
    private readonly string[] _terms;
    private readonly int[] _slots; // index + 1 of the term in each slot; 0 for an empty slot
    private readonly int _mask;

    /// <summary>Builds the vocabulary of <paramref name="terms"/>, whose positions are their indices.</summary>
    /// <param name="terms">Distinct terms.</param>
    /// <exception cref="ArgumentException">A term appears twice (the message names it).</exception>
    public TermVocabulary(string[] terms)
    {
        _terms = terms;
        int capacity = 4;
        while (capacity < 2 * terms.Length) capacity *= 2;
        _slots = new int[capacity];
        _mask = capacity - 1;
        for (int i = 0; i < terms.Length; i++)
        {
            int slot = Hash(terms[i]) & _mask;
            while (_slots[slot] != 0)
            {
                if (Same(_terms[_slots[slot] - 1], terms[i])) throw new ArgumentException($"term '{terms[i]}' appears twice");
                slot = (slot + 1) & _mask;
            }
            _slots[slot] = i + 1;
        }
    }

    /// <summary>The index of <paramref name="term"/> (ordinal comparison).</summary>
    /// <param name="term">The characters of a term.</param>
    /// <param name="index">Its index when found.</param>
    /// <returns>True when the term is in the vocabulary.</returns>
    public bool TryGetValue(ReadOnlySpan<char> term, out int index)
    {
        for (int slot = Hash(term) & _mask; _slots[slot] != 0; slot = (slot + 1) & _mask)
        {
            index = _slots[slot] - 1;
            if (Same(_terms[index], term)) return true;
        }
        index = -1;
        return false;
    }

    private static int Hash(ReadOnlySpan<char> text)
    {
        uint hash = 2166136261;
        foreach (char c in text) hash = (hash ^ c) * 16777619;
        return (int)hash;
    }

    private static bool Same(string term, ReadOnlySpan<char> text)
    {
        if (term.Length != text.Length) return false;
        for (int i = 0; i < text.Length; i++)
            if (term[i] != text[i]) return false;
        return true;
    }
}
