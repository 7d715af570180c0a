using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Inventory.Catalog;
using Inventory.Classification;

namespace Inventory.Rules.Learning;

/// <summary>One column as the column model reads it (<see cref="ColumnVectorizer"/> turns it into the model's features).
/// Text fields hold lower-case tokens separated by single spaces.</summary>
public sealed class ColumnModelInput
{
    /// <summary>Training label <c>category.subcategory</c> or <c>none</c>; empty when scoring.</summary>
    public string Label { get; set; } = "";
    /// <summary>Column name tokens after camelCase/snake/digit splitting and abbreviation expansion (e.g. <c>first name</c>
    /// for <c>fname</c>); the source of word 1–2-grams and character 1–4-grams.</summary>
    public string Name { get; set; } = "";
    /// <summary>Table name tokens without the schema, singularised (e.g. <c>customer address</c>).</summary>
    public string Table { get; set; } = "";
    /// <summary>Distinct tokens of the other columns of the table (table context: a <c>name</c> beside <c>email</c> and
    /// <c>phone</c> is a person's; beside <c>price</c> and <c>sku</c> a product's).</summary>
    public string Siblings { get; set; } = "";
    /// <summary>Interaction tokens <c>tablehead_nametoken</c>, so a linear model can tell <c>product_name</c> from <c>customer_name</c>.</summary>
    public string Context { get; set; } = "";
    /// <summary>What the table is about, read by the name rules over all its column names and its table name
    /// (<see cref="ColumnFeatures.TableSignalsOf"/>): each signal alone and joined to each of the column's name tokens
    /// (<c>pi_comment</c>: a comment in a table that holds a person's identifier), so a linear model can read a
    /// <c>comment</c> or a <c>price</c> by its table.</summary>
    public string TableSignals { get; set; } = "";
    /// <summary>The <see cref="TypeFamily"/> name.</summary>
    public string TypeFamily { get; set; } = "";
    /// <summary>A coarse shape of the declared type (e.g. <c>text-tiny</c>, <c>decimal-money</c>, <c>temporal-date</c>).</summary>
    public string TypeShape { get; set; } = "";
    /// <summary>The rule classifier's view as tokens: its label and category (<c>rl:contact.email rc:contact</c>, or
    /// <c>rl:undecided</c>), its rule id and its gates (stacking: the model learns how far to trust each rule).</summary>
    public string Rule { get; set; } = "";
    /// <summary>Numeric flags, in the order of <see cref="ColumnFeatures.FlagNames"/>.</summary>
    public float[] Flags { get; set; } = new float[ColumnFeatures.FlagCount];
}

/// <summary>Turns a column's evidence (names, declared type, keys, table context, the rule decision) into the model's
/// features. The tokeniser is <see cref="NameTokenizer"/> with the abbreviations of the default name rules (all four
/// languages), so a saved model keeps meaning what it meant when trained as long as the rule file's abbreviations do.</summary>
public static partial class ColumnFeatures
{
    /// <summary>Names of the numeric flags of <see cref="ColumnModelInput.Flags"/>, in vector order.</summary>
    public static readonly IReadOnlyList<string> FlagNames =
        ["name-is-id", "name-ends-with-key", "foreign-key", "rule-confidence", "rule-undecided", "rule-gated", "table-width"];

    /// <summary>Length of <see cref="ColumnModelInput.Flags"/>.</summary>
    public const int FlagCount = 7;

    private static readonly HashSet<string> KeySuffixes = new(StringComparer.Ordinal) { "id", "ids", "key", "uuid", "guid", "fk", "pk", "ref", "oid" };

    /// <summary>Splits an identifier into folded lower-case tokens (<see cref="NameTokenizer.Tokenize"/>), expands the
    /// abbreviations of the default name rules, and appends the English words of French, German and Spanish tokens
    /// (<see cref="NameLexicon"/>), so that <c>montant_ttc</c> shares features with <c>amount</c>.</summary>
    /// <param name="identifier">A column or table name as spelled in the database.</param>
    /// <returns>Tokens in order; empty for an empty name.</returns>
    public static IReadOnlyList<string> Tokenize(string identifier)
    {
        // A pure function of the identifier (the default rules and lexicon never change in a process), asked for every
        // sibling of every column of a table: memoised (the model's features of a 20-column table tokenised 400 names).
        if (TokenCache.TryGet(identifier, out var known)) return known;
        var tokens = NameLexicon.Default.AddEnglish(NameRuleSet.Default.ExpandAbbreviations(NameTokenizer.Tokenize(identifier))).ToArray();
        TokenCache.Add(identifier, tokens);
        return tokens;
    }

    /// <summary>The tokens of a column's own name as its name features read them (<see cref="ColumnModelInput.Name"/>):
    /// <see cref="Tokenize"/>, with each closed compound followed by its words (<see cref="ClosedCompoundSegmenter"/>:
    /// <c>billingaddress</c> → <c>billingaddress billing address</c>, <c>kundennummer</c> → <c>kundennummer kunden nummer
    /// customer number</c>; the words' abbreviations expanded and their English appended like the other tokens'). Only
    /// the name's own features get the words: the siblings, the context and the table signals read <see cref="Tokenize"/>
    /// (rules/MODEL.md, *Closed-compound column names*).</summary>
    /// <param name="identifier">A column name as spelled in the database.</param>
    /// <returns>Tokens in order; empty for an empty name.</returns>
    public static IReadOnlyList<string> NameTokens(string identifier)
    {
        if (NameTokenCache.TryGet(identifier, out var known)) return known;
        var rules = NameRuleSet.Default;
        var expanded = rules.ExpandAbbreviations(NameTokenizer.Tokenize(identifier));
        List<string>? withWords = null;
        for (int i = 0; i < expanded.Count; i++)
        {
            var words = ClosedCompoundSegmenter.Default.Segment(expanded[i]);
            if (words is null) { withWords?.Add(expanded[i]); continue; }
            withWords ??= [.. expanded.Take(i)];
            withWords.Add(expanded[i]);
            withWords.AddRange(rules.ExpandAbbreviations(words));
        }
        var tokens = withWords is null ? Tokenize(identifier).ToArray() : NameLexicon.Default.AddEnglish(withWords).ToArray();
        NameTokenCache.Add(identifier, tokens);
        return tokens;
    }

    /// <summary>Names whose tokens are kept at most (a bound on memory, not a tuning: a database's distinct column
    /// names are far fewer).</summary>
    internal const int MaxCachedNames = 100_000;
    private static readonly BoundedNameCache<string[]> TokenCache = new(MaxCachedNames);
    private static readonly BoundedNameCache<string[]> NameTokenCache = new(MaxCachedNames);

    /// <summary>Builds the model input of a column.</summary>
    /// <param name="column">The column's evidence (values are not read here).</param>
    /// <param name="rule">The rule classifier's decision for the same column, or null when rules are not used.</param>
    /// <returns>A new input row with an empty label.</returns>
    public static ColumnModelInput Build(ColumnEvidence column, ColumnClassification? rule)
    {
        ArgumentNullException.ThrowIfNull(column);
        return Build(column, rule, new TableFeatures(TableContext.NameOf(column), column.TableColumns));
    }

    /// <summary>Builds the model inputs of many columns; the table's tokens and its columns' tokens are computed once per
    /// table (columns of one table share the same <see cref="ColumnEvidence.TableColumns"/> list) instead of once per
    /// column. Same result as <see cref="Build(ColumnEvidence, ColumnClassification?)"/> for each column.</summary>
    /// <param name="columns">Columns.</param>
    /// <param name="rules">The rule decisions of the same columns (same order), or null.</param>
    /// <returns>One input per column, labels empty.</returns>
    public static ColumnModelInput[] BuildMany(IReadOnlyList<ColumnEvidence> columns, IReadOnlyList<ColumnClassification>? rules)
    {
        var inputs = new ColumnModelInput[columns.Count];
        TableFeatures? table = null;
        for (int i = 0; i < columns.Count; i++)
        {
            var column = columns[i];
            if (table is null || !table.Describes(column))
                table = new TableFeatures(TableContext.NameOf(column), column.TableColumns);
            inputs[i] = Build(column, rules?[i], table);
        }
        return inputs;
    }

    private static ColumnModelInput Build(ColumnEvidence column, ColumnClassification? rule, TableFeatures table)
    {
        var info = column.Column;
        var nameTokens = Tokenize(info.Name);
        var head = table.Head;
        var family = Evaluation.DeclaredTypes.FamilyOf(info.DeclaredType) is var f && f is not (Catalog.TypeFamily.Other or Catalog.TypeFamily.Untyped) ? f : info.Family;
        var last = nameTokens.Count == 0 ? "" : nameTokens[^1];
        var flags = new float[FlagCount];
        flags[0] = nameTokens.Count == 1 && last is "id" or "uuid" or "guid" or "oid" ? 1f : 0f;
        flags[1] = nameTokens.Count > 1 && KeySuffixes.Contains(last) ? 1f : 0f;
        flags[2] = column.References is null ? 0f : 1f;
        flags[3] = rule is null ? 0f : (float)rule.Confidence;
        flags[4] = rule is { DataCategory: null } ? 1f : 0f;
        flags[5] = rule is not null && rule.Evidence.Any(e => e.Kind.EndsWith("gate", StringComparison.Ordinal)) ? 1f : 0f;
        flags[6] = Math.Min(1f, column.TableColumns.Count / 50f);
        return new ColumnModelInput
        {
            Name = NameText(info.Name, NameTokens(info.Name)),
            Table = table.TableText,
            Siblings = table.SiblingsOf(info.Name, nameTokens),
            Context = head.Length == 0 ? "" : ContextText(head, info.Name, nameTokens),
            TableSignals = table.SignalTokens(info.Name, nameTokens),
            TypeFamily = family.ToString(),
            TypeShape = ShapeOf(info.DeclaredType, family),
            Rule = RuleTokens(rule),
            Flags = flags,
        };
    }

    /// <summary>When set on a thread, the model's inputs are built without the memos of the joined texts (name, context,
    /// table signals): the reference of the test that compares both builds.</summary>
    [ThreadStatic]
    internal static bool BypassInputMemos;

    // The joined texts of a column's input are pure functions of its name and its table's head word or signal bits; a
    // database repeats its column names from table to table (id, name, created_at…), so each text is built once per
    // distinct key instead of once per column (bench/README.md, 2026-12-03, tenth session). Every memo is keyed and
    // valued by strings only: a value-tuple key made the runtime JIT-compile its dictionary's code in every process
    // (ReadyToRun cannot hold those instantiations), which cost more than the memo saved.
    private static readonly BoundedNameCache<string> NameTextCache = new(MaxCachedNames);
    // Per table head word (at most MaxMemoGroups, then the memo starts over), the context text per column name.
    private static readonly BoundedNameCache<BoundedNameCache<string>> ContextTextByHead = new(MaxMemoGroups);

    /// <summary>Keys of the first level of a two-level memo (table heads, sets of table signals) kept at most.</summary>
    internal const int MaxMemoGroups = 4_096;
    /// <summary>Names kept at most per key of the first level (a bound on memory: at most <see cref="MaxMemoGroups"/> ×
    /// this many texts, and never more than the distinct columns seen).</summary>
    internal const int MaxNamesPerMemoGroup = 8_192;

    /// <summary>The name's tokens joined by spaces (<see cref="ColumnModelInput.Name"/>).</summary>
    /// <param name="name">The column name.</param>
    /// <param name="nameTokens">Its name tokens (<see cref="NameTokens"/> of <paramref name="name"/>).</param>
    private static string NameText(string name, IReadOnlyList<string> nameTokens)
    {
        if (BypassInputMemos) return string.Join(' ', nameTokens);
        if (NameTextCache.TryGet(name, out var text)) return text;
        text = string.Join(' ', nameTokens);
        NameTextCache.Add(name, text);
        return text;
    }

    /// <summary>The interaction tokens <c>head_token</c> of a name in a table whose last token is <paramref name="head"/>
    /// (<see cref="ColumnModelInput.Context"/>).</summary>
    /// <param name="head">The table's last token (not empty).</param>
    /// <param name="name">The column name.</param>
    /// <param name="nameTokens">Its tokens (<see cref="Tokenize"/> of <paramref name="name"/>).</param>
    private static string ContextText(string head, string name, IReadOnlyList<string> nameTokens)
    {
        if (BypassInputMemos) return ContextTextUncached(head, nameTokens);
        if (!ContextTextByHead.TryGet(head, out var byName))
        {
            ContextTextByHead.Add(head, new BoundedNameCache<string>(MaxNamesPerMemoGroup));
            // The first memo added for the head is the one kept (a thread that raced to add its own reads this one).
            if (!ContextTextByHead.TryGet(head, out byName)) return ContextTextUncached(head, nameTokens);
        }
        if (byName.TryGet(name, out var text)) return text;
        text = ContextTextUncached(head, nameTokens);
        byName.Add(name, text);
        return text;
    }

    private static string ContextTextUncached(string head, IReadOnlyList<string> nameTokens) =>
        string.Join(' ', nameTokens.Select(t => head + "_" + t));

    /// <summary>The rule token of a column built without a rule decision.</summary>
    public const string RulesAbsent = "rl:absent";

    private static string RuleTokens(ColumnClassification? rule)
    {
        if (rule is null) return RulesAbsent;
        // Sized for a label and a few name-rule and gate items: growing from the default 16 characters took two or three
        // more chunks per column.
        var sb = new StringBuilder(128);
        if (rule.DataCategory is { } label)
            sb.Append("rl:").Append(label).Append(" rc:").Append(DataCategory.TopLevelOf(label));
        else sb.Append("rl:undecided");
        foreach (var e in rule.Evidence)
            if (e.Kind is "name-rule" || e.Kind.EndsWith("gate", StringComparison.Ordinal))
                sb.Append(' ').Append(e.Kind).Append(':').Append(e.Id);
        return sb.ToString();
    }

    /// <summary>Table tokens without the schema prefix, each singularised by a plain rule (<c>addresses</c> → <c>address</c>,
    /// <c>customers</c> → <c>customer</c>, <c>kunden</c> unchanged), so that singular and plural tables share features; a
    /// token written as a closed compound is followed by its head (<see cref="NameRuleSet.CompoundHead"/> of the default
    /// rules: <c>glpi_computertypes</c> → <c>glpi computertype type</c>), so the table's last token is what its rows are.</summary>
    /// <param name="table">Table name, optionally <c>schema.table</c>.</param>
    /// <returns>Tokens in order.</returns>
    public static IReadOnlyList<string> TableTokens(string table)
    {
        var dot = table.LastIndexOf('.');
        var bare = dot >= 0 && dot < table.Length - 1 ? table[(dot + 1)..] : table;
        var tokens = new List<string>();
        foreach (var token in Tokenize(bare))
        {
            tokens.Add(Singular(token));
            if (NameRuleSet.Default.CompoundHead(token) is { } head) tokens.Add(Singular(head));
        }
        return tokens;
    }

    private static string Singular(string token) =>
        token.Length <= 3 ? token
        : token.EndsWith("sses", StringComparison.Ordinal) ? token[..^2]
        : token.EndsWith("ies", StringComparison.Ordinal) ? token[..^3] + "y"
        : token.EndsWith("ss", StringComparison.Ordinal) || token.EndsWith("us", StringComparison.Ordinal) ? token
        : token.EndsWith('s') ? token[..^1]
        : token;

    /// <summary>A coarse shape of a declared type: text by declared length (<c>text-tiny</c> ≤ 3, <c>text-short</c> ≤ 16,
    /// <c>text-medium</c> ≤ 64, <c>text-long</c> ≤ 1000, else <c>text-unbounded</c>), decimals with two decimals or a money
    /// type (<c>decimal-money</c>), floating point, integer widths, date vs timestamp; otherwise the family name.</summary>
    /// <param name="declaredType">Declared type.</param>
    /// <param name="family">Its family.</param>
    /// <returns>A short lower-case token.</returns>
    /// <remarks>A pure function of both arguments, memoised (a database declares a handful of types for all its
    /// columns; the regular expression and the lower-casing were 13 % of the model's feature building in a names-only
    /// scan of 20,000 columns, bench/README.md). <see cref="ShapeOfUncached"/> is the function itself.</remarks>
    public static string ShapeOf(string declaredType, TypeFamily family)
    {
        if (ShapeCache.TryGetValue((declaredType, family), out var shape)) return shape;
        shape = ShapeOfUncached(declaredType, family);
        if (ShapeCache.Count >= MaxCachedShapes) ShapeCache.Clear();
        ShapeCache.TryAdd((declaredType, family), shape);
        return shape;
    }

    /// <summary>Declared types whose shapes are kept at most (then the memo starts over).</summary>
    private const int MaxCachedShapes = 10_000;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string DeclaredType, TypeFamily Family), string> ShapeCache = new();

    /// <summary><see cref="ShapeOf"/> without the memo.</summary>
    /// <param name="declaredType">Declared type.</param>
    /// <param name="family">Its family.</param>
    /// <returns>A short lower-case token.</returns>
    internal static string ShapeOfUncached(string declaredType, TypeFamily family)
    {
        var t = Evaluation.DeclaredTypes.Unwrapped(declaredType.Trim().ToLowerInvariant());
        var args = ArgsPattern().Match(t);
        int? first = args.Success && int.TryParse(args.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var a) ? a : null;
        int? second = args.Success && args.Groups[2].Success && int.TryParse(args.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var b) ? b : null;
        return family switch
        {
            Catalog.TypeFamily.Text => first switch
            {
                null => "text-unbounded",
                <= 3 => "text-tiny",
                <= 16 => "text-short",
                <= 64 => "text-medium",
                <= 1000 => "text-long",
                _ => "text-unbounded",
            },
            Catalog.TypeFamily.Decimal when t.Contains("money", StringComparison.Ordinal) || second is 2 => "decimal-money",
            Catalog.TypeFamily.Decimal when t.StartsWith("float", StringComparison.Ordinal) || t.StartsWith("real", StringComparison.Ordinal)
                || t.StartsWith("double", StringComparison.Ordinal) => "decimal-float",
            Catalog.TypeFamily.Decimal => "decimal-plain",
            Catalog.TypeFamily.Integer when t.StartsWith("smallint", StringComparison.Ordinal) || t.StartsWith("tinyint", StringComparison.Ordinal)
                || t is "int2" or "smallserial" or "uint8" or "uint16" or "int16" => "integer-small",
            Catalog.TypeFamily.Integer when t.StartsWith("bigint", StringComparison.Ordinal)
                || t is "int8" or "bigserial" or "uint64" or "int64" or "uint128" or "int128" or "uint256" or "int256" => "integer-big",
            Catalog.TypeFamily.Temporal when t.StartsWith("date", StringComparison.Ordinal) && !t.StartsWith("datetime", StringComparison.Ordinal) => "temporal-date",
            Catalog.TypeFamily.Temporal => "temporal-timestamp",
            _ => family.ToString().ToLowerInvariant(),
        };
    }

    [GeneratedRegex(@"\(\s*(\d+)\s*(?:,\s*(\d+)\s*)?\)", RegexOptions.CultureInvariant)]
    private static partial Regex ArgsPattern();

    /// <summary>Joins tokens for display (tests and diagnostics).</summary>
    internal static string Describe(ColumnModelInput input) =>
        $"{input.Table} | {input.Name} | {input.TypeFamily}/{input.TypeShape} | {input.Rule}";
}
