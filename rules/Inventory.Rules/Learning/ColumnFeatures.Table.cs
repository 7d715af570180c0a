using System.Text;
using Inventory.Classification;

namespace Inventory.Rules.Learning;

/// <summary>The table's side of the column model's features: what a table's columns share (<see cref="ColumnFeatures.BuildMany"/>
/// computes it once per table) and the table signals.</summary>
public static partial class ColumnFeatures
{
    /// <summary>What the features of a table's columns share: the table's tokens, and how many of its column names hold
    /// each (non-numeric) token, so a column's sibling tokens are those held by some other column name.</summary>
    private sealed class TableFeatures
    {
        public TableFeatures(string table, IReadOnlyList<string> columns)
        {
            Table = table;
            Columns = columns;
            TableTokens = ColumnFeatures.TableTokens(table);
            TableText = string.Join(' ', TableTokens);
            Head = TableTokens.Count == 0 ? "" : TableTokens[^1];
            // Sized for a few tokens per name: growing them was a tenth of the feature building's time (bench/README.md).
            var counts = new Dictionary<string, int>(columns.Count * 3, StringComparer.Ordinal);
            var seen = new HashSet<string>(8, StringComparer.Ordinal);
            foreach (var name in columns)
            {
                seen.Clear();
                foreach (var t in Tokenize(name))
                    if (!char.IsAsciiDigit(t[0]) && seen.Add(t))
                        System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, t, out _)++;
            }
            Tokens = counts.Keys.ToArray();
            Array.Sort(Tokens, StringComparer.Ordinal);
            Counts = Tokens.Select(t => counts[t]).ToArray();
            _tokensLength = Tokens.Sum(t => t.Length + 1);
            (TableSignals, _columnSignals, _signalCounts) = ReadSignals(table, columns);
        }

        /// <summary>Signals of the table itself (its name's context groups), as bits of <see cref="Signals"/>.</summary>
        public int TableSignals { get; }
        // The length of every token joined by spaces, plus one: the most SiblingsOf writes.
        private readonly int _tokensLength;
        private readonly Dictionary<string, int> _columnSignals;
        private readonly int[] _signalCounts;

        /// <summary>The table's signal tokens for one of its columns: the signals of the table's name, and those of its other
        /// columns (the column's own name left out, as for <see cref="SiblingsOf"/>), each alone and joined to each of the
        /// column's distinct non-numeric name tokens; empty when no signal holds.</summary>
        public string SignalTokens(string name, IReadOnlyList<string> nameTokens)
        {
            int own = _columnSignals.GetValueOrDefault(name);
            int copies = Copies(name);
            int active = TableSignals;
            for (int s = 0; s < ColumnSignalCount; s++)
                if (_signalCounts[s] - ((own >> s & 1) == 1 ? copies : 0) > 0) active |= 1 << s;
            if (active == 0) return "";
            // The text depends only on the active signals and the name (its tokens are the name's): memoised.
            if (BypassInputMemos) return SignalTokensUncached(active, nameTokens);
            var byName = SignalTextByActive[active];
            if (byName is null)
            {
                Interlocked.CompareExchange(ref SignalTextByActive[active], new BoundedNameCache<string>(MaxNamesPerMemoGroup), null);
                byName = SignalTextByActive[active]!;
            }
            if (byName.TryGet(name, out var text)) return text;
            text = SignalTokensUncached(active, nameTokens);
            byName.Add(name, text);
            return text;
        }

        private static string SignalTokensUncached(int active, IReadOnlyList<string> nameTokens)
        {
            var sb = new StringBuilder();
            var distinct = nameTokens.Where(t => !char.IsAsciiDigit(t[0])).Distinct(StringComparer.Ordinal).ToArray();
            for (int s = 0; s < Signals.Length; s++)
            {
                if ((active >> s & 1) == 0) continue;
                if (sb.Length > 0) sb.Append(' ');
                sb.Append(Signals[s]);
                foreach (var t in distinct) sb.Append(' ').Append(Signals[s]).Append('_').Append(t);
            }
            return sb.ToString();
        }

        /// <summary>True when the column belongs to this table: same table name and the same column names (the same
        /// list, or an equal one).</summary>
        public bool Describes(ColumnEvidence column)
        {
            if (!string.Equals(Table, TableContext.NameOf(column), StringComparison.Ordinal)) return false;
            if (ReferenceEquals(Columns, column.TableColumns)) return true;
            if (Columns.Count != column.TableColumns.Count) return false;
            for (int i = 0; i < Columns.Count; i++)
                if (!string.Equals(Columns[i], column.TableColumns[i], StringComparison.Ordinal)) return false;
            return true;
        }

        public string Table { get; }
        public IReadOnlyList<string> Columns { get; }
        public IReadOnlyList<string> TableTokens { get; }
        /// <summary>The table's tokens joined by spaces (<see cref="ColumnModelInput.Table"/>), once per table.</summary>
        public string TableText { get; }
        /// <summary>The table's last token (what its rows are), or empty.</summary>
        public string Head { get; }
        /// <summary>Distinct non-numeric tokens of the column names, in ordinal order.</summary>
        public string[] Tokens { get; }
        /// <summary>Per token, the number of column names (with repetitions) holding it.</summary>
        public int[] Counts { get; }

        /// <summary>The distinct tokens of the other column names (names equal to <paramref name="name"/> left out), in
        /// ordinal order, joined by spaces.</summary>
        public string SiblingsOf(string name, IReadOnlyList<string> nameTokens)
        {
            int copies = Copies(name);
            // One string per column: the kept tokens are written into a pooled buffer of the whole list's length instead
            // of a growing StringBuilder (its chunks were a tenth of a whole scan's allocations, bench/README.md perf39).
            var buffer = System.Buffers.ArrayPool<char>.Shared.Rent(Math.Max(1, _tokensLength));
            int written = 0;
            for (int i = 0; i < Tokens.Length; i++)
            {
                int others = Counts[i];
                if (copies > 0 && Contains(nameTokens, Tokens[i])) others -= copies;
                if (others <= 0) continue;
                if (written > 0) buffer[written++] = ' ';
                Tokens[i].CopyTo(0, buffer, written, Tokens[i].Length);
                written += Tokens[i].Length;
            }
            var text = new string(buffer, 0, written);
            System.Buffers.ArrayPool<char>.Shared.Return(buffer);
            return text;
        }

        // How many of the table's columns bear this name (indexed: a foreach over the interface allocates an enumerator).
        private int Copies(string name)
        {
            int copies = 0;
            for (int i = 0; i < Columns.Count; i++) if (string.Equals(Columns[i], name, StringComparison.Ordinal)) copies++;
            return copies;
        }

        // Indexed, not foreach: it runs for every token of the table and every column, and an enumerator of an
        // IReadOnlyList is an allocation each time.
        private static bool Contains(IReadOnlyList<string> tokens, string token)
        {
            for (int i = 0; i < tokens.Count; i++) if (string.Equals(tokens[i], token, StringComparison.Ordinal)) return true;
            return false;
        }
    }

    /// <summary>The table signals (<see cref="ColumnModelInput.TableSignals"/>), in bit order. Read by the default name
    /// rules (<see cref="NameRuleSet.Default"/>, the rule set the tokeniser reads too, so a saved model keeps meaning what
    /// it meant): from the other columns' names, <c>pi</c> a person's identifier (a match of <c>contact.email</c>,
    /// <c>contact.name</c>, <c>contact.phone</c> or <c>contact.username</c> that no gate took), <c>pr</c> a reference to a
    /// person (a key whose name holds a word of the <c>person</c> table group, the key token at either end: <c>author_id</c>,
    /// <c>user_ref</c>, <c>owner_by</c>, <c>id_cliente</c>; not <c>created_by</c>, whose words name no person;
    /// <see cref="IsPersonReference"/>), <c>mo</c> a money amount (a <c>financial.billing</c> match); from the table's name, its
    /// context groups <c>person</c> (<c>tp</c>), <c>content</c> (<c>tc</c>), <c>order</c> (<c>to</c>), <c>catalogue</c>
    /// (<c>tk</c>), <c>payment</c> (<c>tf</c>) and an event or log table (<c>te</c>: <c>event-log</c> and not
    /// <c>not-online-activity</c>, as the event rules read it, LABELS.md tie-breaker 10).</summary>
    internal static readonly string[] Signals = ["pi", "pr", "mo", "tp", "tc", "to", "tk", "tf", "te"];

    /// <summary>True when a column name's tokens are a key to a person: a key token (<c>id</c>, <c>key</c>, <c>ref</c>, …) or
    /// <c>by</c> at the end (<c>author_id</c>, <c>owner_by</c>), or a key token at the start (<c>id_cliente</c>, <c>idKunde</c>,
    /// <c>fk_user</c>: the order of Spanish, French and some German schemas), the other tokens holding a word of the
    /// <c>person</c> table group.</summary>
    /// <param name="rules">The rule set whose table groups are read.</param>
    /// <param name="tokens">The name's tokens as the rules read them (<see cref="NameMatch.Tokens"/>).</param>
    internal static bool IsPersonReference(NameRuleSet rules, IReadOnlyList<string> tokens)
    {
        if (tokens.Count < 2) return false;
        if ((KeySuffixes.Contains(tokens[^1]) || tokens[^1] == "by")
            && rules.TableGroups(string.Join('_', tokens.Take(tokens.Count - 1))).Contains("person")) return true;
        return KeySuffixes.Contains(tokens[0]) && rules.TableGroups(string.Join('_', tokens.Skip(1))).Contains("person");
    }

    private const int ColumnSignalCount = 3;
    // The column signal bits of a name under a table's groups (key: the groups, then the name); a pure function of both.
    private static readonly BoundedNameCache<int> SignalBitsCache = new(MaxCachedNames);
    // The table-signal text of a name under a set of active signals (TableFeatures.SignalTokens), a pure function of both:
    // per set of signals (a bit each), the text per column name.
    private static readonly BoundedNameCache<string>?[] SignalTextByActive = new BoundedNameCache<string>?[1 << Signals.Length];

    /// <summary>When set on a thread, its table signals are read without the memo (every name matched again, as before
    /// the memo): the reference of the test that compares both readings.</summary>
    [ThreadStatic]
    internal static bool BypassSignalBitsCache;
    private static readonly string[] PersonIdentifiers = ["contact.email", "contact.name", "contact.phone", "contact.username"];

    /// <summary>Reads a table's signals once: the bits of its name's groups, each column name's own bits (the first three
    /// signals), and per such signal the number of column names (with repetitions) that give it.</summary>
    private static (int Table, Dictionary<string, int> Columns, int[] Counts) ReadSignals(string table, IReadOnlyList<string> columns)
    {
        var rules = NameRuleSet.Default;
        var groups = rules.TableGroups(table);
        int tableBits = 0;
        if (groups.Contains("person")) tableBits |= 1 << 3;
        if (groups.Contains("content")) tableBits |= 1 << 4;
        if (groups.Contains("order")) tableBits |= 1 << 5;
        if (groups.Contains("catalogue")) tableBits |= 1 << 6;
        if (groups.Contains("payment")) tableBits |= 1 << 7;
        if (groups.Contains("event-log") && !groups.Contains("not-online-activity")) tableBits |= 1 << 8;
        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        var counts = new int[ColumnSignalCount];
        // A name's bits depend on the table only through its groups (NameRuleSet.Match reads those): memoised per scan by
        // groups and name, since the same names recur from table to table (the match itself is the rule set's cached one).
        var groupsKey = $"{groups.Count}:{string.Join('\u0001', groups)}:";
        foreach (var name in columns)
        {
            if (!byName.TryGetValue(name, out int bits) && !BypassSignalBitsCache && SignalBitsCache.TryGet(groupsKey + name, out bits))
                byName[name] = bits;
            else if (!byName.ContainsKey(name))
            {
                // Sibling families are unknown here: the text family, as the rules' own sibling checks read them.
                var match = rules.Match(table, name, Catalog.TypeFamily.Text);
                bool ungated = match.Gates.Count == 0 && match.DataCategory is not null;
                if (ungated && PersonIdentifiers.Contains(match.DataCategory)) bits |= 1;
                var tokens = match.Tokens;
                if (IsPersonReference(rules, tokens)) bits |= 2;
                if (ungated && match.DataCategory == "financial.billing") bits |= 4;
                byName[name] = bits;
                if (!BypassSignalBitsCache) SignalBitsCache.Add(groupsKey + name, bits);
            }
            for (int s = 0; s < ColumnSignalCount; s++) if ((bits >> s & 1) == 1) counts[s]++;
        }
        return (tableBits, byName, counts);
    }
}
