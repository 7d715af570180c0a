using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Inventory.Catalog;

namespace Inventory.Rules.Learning;

/// <summary>The kinds of structure tokens (<see cref="ColumnModelInput.Structure"/>); a cross-validation may keep only some
/// (<see cref="CrossValidationOptions.StructureKinds"/>) to measure each.</summary>
[Flags]
public enum StructureKinds
{
    /// <summary>No structure token.</summary>
    None = 0,
    /// <summary>The declared type's spelling: its base name and its arguments (length, precision, scale), each qualified by
    /// the type family (<c>ty:varchar ta:text-2 tb:text-2</c> for <c>varchar(2)</c>, <c>ta:decimal-10 ts:decimal-2</c> for
    /// <c>numeric(10,2)</c>).</summary>
    Shape = 1,
    /// <summary>The position of a word in the name: its first and last word (<c>p0:user pz:name</c> for <c>user_name</c>,
    /// <c>p0:name pz:user</c> for <c>name_user</c>) and, for a key, the word it keys (<c>pk:customer</c> for
    /// <c>customer_id</c> and <c>id_customer</c>).</summary>
    Position = 2,
    /// <summary>Word pairs across table and column: each table word other than its last (which the context group pairs
    /// already) joined to the name's last word (<c>tx:invoice_number</c> for <c>number</c> in <c>invoice_line</c>).</summary>
    Pairs = 4,
    /// <summary>Every kind.</summary>
    All = Shape | Position | Pairs,
}

/// <summary>The structure tokens of the column model's features (<see cref="ColumnModelInput.Structure"/>).</summary>
public static partial class ColumnFeatures
{
    /// <summary>The prefix of each structure token, by kind (how <see cref="KeepStructure"/> filters them).</summary>
    private static StructureKinds KindOf(string token) => token.AsSpan(0, 3) switch
    {
        "ty:" or "ta:" or "tb:" or "ts:" => StructureKinds.Shape,
        "p0:" or "pz:" or "pk:" => StructureKinds.Position,
        _ => StructureKinds.Pairs,
    };

    /// <summary>The structure tokens of a column, of every kind, joined by spaces.</summary>
    /// <param name="declaredType">The declared type as spelled (empty when unknown).</param>
    /// <param name="family">Its family.</param>
    /// <param name="name">The column name.</param>
    /// <param name="tableTokens">The table's tokens (<see cref="TableTokens"/>).</param>
    /// <returns>Tokens joined by single spaces; empty when there are none.</returns>
    internal static string StructureText(string declaredType, TypeFamily family, string name, IReadOnlyList<string> tableTokens)
    {
        var shape = TypeSpellingTokens(declaredType, family);
        var (position, head) = PositionTokens(name);
        var sb = new StringBuilder(shape.Length + position.Length + 32);
        sb.Append(shape);
        if (position.Length > 0) { if (sb.Length > 0) sb.Append(' '); sb.Append(position); }
        if (head.Length > 0)
            for (int i = 0; i < tableTokens.Count - 1; i++)
            {
                var t = tableTokens[i];
                if (t.Length == 0 || char.IsAsciiDigit(t[0]) || string.Equals(t, tableTokens[^1], StringComparison.Ordinal)) continue;
                bool repeated = false;
                for (int j = 0; j < i; j++) repeated |= string.Equals(tableTokens[j], t, StringComparison.Ordinal);
                if (repeated) continue;
                if (sb.Length > 0) sb.Append(' ');
                sb.Append("tx:").Append(t).Append('_').Append(head);
            }
        return sb.ToString();
    }

    /// <summary>Only the structure tokens of the given kinds.</summary>
    /// <param name="structure">A <see cref="ColumnModelInput.Structure"/> text.</param>
    /// <param name="kinds">The kinds kept.</param>
    /// <returns>The kept tokens joined by spaces.</returns>
    public static string KeepStructure(string structure, StructureKinds kinds) =>
        kinds == StructureKinds.All ? structure
        : string.Join(' ', structure.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(t => (KindOf(t) & kinds) != 0));

    private static readonly ConcurrentDictionary<(string DeclaredType, TypeFamily Family), string> TypeSpellingCache = new();

    /// <summary>The shape tokens of a declared type (<see cref="StructureKinds.Shape"/>): <c>ty:</c> its base name
    /// (lower case, spaces as <c>-</c>, <c>unsigned</c> a token of its own), and for its first argument the exact value
    /// (<c>ta:</c>) and its power-of-two class (<c>tb:</c>: 1, 2, 4, … 1024, then <c>more</c>), for a second the exact
    /// value (<c>ts:</c>), each qualified by the family. A quoted (user-defined) type gives no base name; an array
    /// <c>ty:array</c>.</summary>
    /// <param name="declaredType">The declared type as spelled (<c>character varying(80)</c>, <c>numeric(10,2)</c>, <c>int unsigned</c>).</param>
    /// <param name="family">Its family.</param>
    /// <returns>Tokens joined by spaces; empty for an empty type.</returns>
    internal static string TypeSpellingTokens(string declaredType, TypeFamily family)
    {
        if (TypeSpellingCache.TryGetValue((declaredType, family), out var text)) return text;
        text = TypeSpellingTokensUncached(declaredType, family);
        if (TypeSpellingCache.Count >= MaxCachedShapes) TypeSpellingCache.Clear();
        TypeSpellingCache.TryAdd((declaredType, family), text);
        return text;
    }

    private static string TypeSpellingTokensUncached(string declaredType, TypeFamily family)
    {
        var t = declaredType.Trim().ToLowerInvariant().TrimEnd('?', '!');
        if (t.Length == 0) return "";
        var tokens = new List<string>(5);
        var qualifier = family.ToString().ToLowerInvariant();
        if (t.EndsWith("[]", StringComparison.Ordinal)) tokens.Add("ty:array");
        else if (!t.StartsWith('"'))
        {
            var paren = t.IndexOf('(');
            var baseName = (paren >= 0 ? t[..paren] : t).Trim();
            if (baseName.Contains(" unsigned", StringComparison.Ordinal) || (paren >= 0 && t[paren..].Contains("unsigned", StringComparison.Ordinal)))
            {
                tokens.Add("ty:unsigned");
                baseName = baseName.Replace(" unsigned", "", StringComparison.Ordinal).Trim();
            }
            if (baseName.Length is > 0 and <= 40 && baseName.All(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '_'))
                tokens.Add("ty:" + baseName.Replace(' ', '-'));
        }
        var args = ArgsPattern().Match(t);
        if (args.Success && int.TryParse(args.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var first))
        {
            tokens.Add(string.Create(CultureInfo.InvariantCulture, $"ta:{qualifier}-{first}"));
            tokens.Add("tb:" + qualifier + "-" + PowerOfTwoClass(first));
            if (args.Groups[2].Success && int.TryParse(args.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var second))
                tokens.Add(string.Create(CultureInfo.InvariantCulture, $"ts:{qualifier}-{second}"));
        }
        return string.Join(' ', tokens);
    }

    /// <summary>The smallest power of two at least <paramref name="value"/> (1 for 0 or 1), or <c>more</c> above 1024.</summary>
    private static string PowerOfTwoClass(int value)
    {
        if (value > 1024) return "more";
        int p = 1;
        while (p < value) p <<= 1;
        return p.ToString(CultureInfo.InvariantCulture);
    }

    private static readonly BoundedNameCache<string[]> PositionCache = new(MaxCachedNames);

    /// <summary>The position tokens of a column name (<see cref="StructureKinds.Position"/>) and its last word. The words
    /// are the name's tokens with abbreviations expanded, digits left out (<c>address_2</c> ends with <c>address</c>); the
    /// first (<c>p0:</c>, when there are two words or more) and the last (<c>pz:</c>) each followed by their English
    /// (<see cref="NameLexicon"/>: <c>pz:nom pz:name</c>); a key token at either end (<c>id</c>, <c>key</c>, <c>fk</c>, …)
    /// gives the word next to it as the thing keyed (<c>pk:</c>).</summary>
    /// <param name="name">The column name.</param>
    /// <returns>The tokens joined by spaces, and the name's last word (empty when it has none).</returns>
    internal static (string Tokens, string Head) PositionTokens(string name)
    {
        if (PositionCache.TryGet(name, out var known)) return (known[0], known[1]);
        var words = NameRuleSet.Default.ExpandAbbreviations(NameTokenizer.Tokenize(name)).Where(w => w.Length > 0 && !char.IsAsciiDigit(w[0])).ToArray();
        var tokens = new List<string>(6);
        void Add(string prefix, string word)
        {
            foreach (var w in NameLexicon.Default.AddEnglish([word])) tokens.Add(prefix + w);
        }
        if (words.Length >= 2) Add("p0:", words[0]);
        if (words.Length >= 1) Add("pz:", words[^1]);
        if (words.Length >= 2 && KeySuffixes.Contains(words[^1]) && !KeySuffixes.Contains(words[^2])) Add("pk:", words[^2]);
        else if (words.Length >= 2 && KeySuffixes.Contains(words[0]) && !KeySuffixes.Contains(words[1])) Add("pk:", words[1]);
        var result = new[] { string.Join(' ', tokens), words.Length == 0 ? "" : words[^1] };
        PositionCache.Add(name, result);
        return (result[0], result[1]);
    }
}
