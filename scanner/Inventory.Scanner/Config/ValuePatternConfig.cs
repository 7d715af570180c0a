using System.Globalization;
using System.Text.RegularExpressions;
using Inventory.Yaml;

namespace Inventory.Config;

/// <summary>A checksum a value pattern's matches must pass (<c>validator:</c> of a <c>value-patterns:</c> entry); each is
/// one the shipped detectors already use, run on the digits (or the characters) of the matched text.</summary>
public enum ValueChecksum
{
    /// <summary>Luhn mod 10 (ISO/IEC 7812-1: card numbers, SIREN/SIRET, many internal numbers), over the digits of the match.</summary>
    Luhn,
    /// <summary>ISO 13616 mod 97 with a country code and its length check (IBAN).</summary>
    Iban,
    /// <summary>ISO 7064 mod 97-10 over the digits of the match (the remainder is 1, as an IBAN's once rearranged; many
    /// internal references append two check digits so).</summary>
    Mod97,
    /// <summary>GS1 mod 10 check digit (EAN-8, EAN-13, GTIN), over the digits of the match.</summary>
    Gs1,
}

/// <summary>One entry of <c>value-patterns:</c> in <c>inventory.yml</c>: a detector of the user's own, run beside the
/// shipped ones on a column's sampled values (Presidio's custom recognizers, PIICatcher's regex detectors). A value
/// matches when <see cref="Expression"/> matches all of it (trimmed) and, with a <see cref="Validator"/>, the match
/// passes the checksum; the pattern decides the column when at least <see cref="MinShare"/> of the non-null sampled
/// values match (and, with <see cref="Context"/>, the column's name holds one of its words). Its decision's rule id is
/// <c>pattern.</c><see cref="Name"/>. Built by <see cref="InventoryConfig.Load"/>; the expression is compiled once, there.</summary>
public sealed partial record ValuePatternConfig
{
    /// <summary>The longest one value's match may take before it counts as not matching (a pattern that backtracks
    /// badly on some value costs the scan at most this per value, and the evidence says how many values timed out).</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(50);

    /// <summary>Lower-case letters, digits and single hyphens or dots (<c>employee-id</c>): the rule id is
    /// <c>pattern.</c> and this name.</summary>
    public required string Name { get; init; }
    /// <summary>The expression as written (never a sampled value).</summary>
    public required string Pattern { get; init; }
    /// <summary>The compiled expression: <see cref="Pattern"/> anchored at both ends, culture-invariant, with
    /// <see cref="MatchTimeout"/>.</summary>
    public required Regex Expression { get; init; }
    /// <summary>The data category a match implies (<c>category.subcategory</c>, a bare category, or <c>none</c>); checked
    /// against the taxonomy when the classifier is built.</summary>
    public required string DataCategory { get; init; }
    /// <summary>Where <see cref="DataCategory"/> is written, for the taxonomy's error.</summary>
    public required SettingPlace CategoryAt { get; init; }
    /// <summary>Where the entry starts (its <c>name:</c>), for evidence and messages.</summary>
    public required SettingPlace At { get; init; }
    /// <summary>Share of the non-null sampled values that must match for the pattern to decide (0 to 1, default 0.6,
    /// the shipped validated detectors' share).</summary>
    public double MinShare { get; init; } = DefaultMinShare;
    /// <summary>Words of which the column's name must hold one (case-insensitive, separators and accents ignored:
    /// <c>employee</c> is found in <c>EmployeeNo</c> and <c>employee_ref</c>); empty: any column.</summary>
    public IReadOnlyList<string> Context { get; init; } = [];
    /// <summary>The checksum every match must pass, or null.</summary>
    public ValueChecksum? Validator { get; init; }

    /// <summary>The default <see cref="MinShare"/>.</summary>
    public const double DefaultMinShare = 0.6;

    /// <summary>The validator names <c>validator:</c> accepts, in the order the error lists them.</summary>
    public static IReadOnlyList<string> ValidatorNames { get; } = ["luhn", "iban", "mod97", "gs1"];

    /// <summary>Reads <c>value-patterns:</c>: a list of mappings with <c>name</c>, <c>pattern</c>, <c>category</c> and
    /// optionally <c>min-share</c>, <c>context</c>, <c>validator</c>.</summary>
    /// <param name="node">The <c>value-patterns:</c> value, or null.</param>
    /// <returns>The patterns in file order; empty when the key is absent.</returns>
    /// <exception cref="ConfigurationException">Not a list, an unknown or missing key, a name that is not kebab-case or is
    /// repeated, an expression that does not parse (at the <c>pattern:</c> value, with the parser's reason and offset), a
    /// share outside 0 to 1, an unknown validator — each at its file, line and column.</exception>
    public static IReadOnlyList<ValuePatternConfig> ReadList(YNode? node)
    {
        if (node is null || node is YScalar { IsNull: true }) return [];
        if (node is not YSequence list)
            throw node.Error("'value-patterns' must be a list of patterns (- name: …, pattern: …, category: …)");
        var patterns = new List<ValuePatternConfig>();
        foreach (var item in list.Items)
        {
            if (item is not YMapping m) throw item.Error("each value pattern must be a mapping with name, pattern and category");
            m.AllowOnly("value pattern", "name", "pattern", "category", "min-share", "context", "validator");
            var name = m.RequireString("name", "a value pattern");
            if (!PatternName().IsMatch(name))
                throw m["name"]!.Error($"value pattern name '{name}' must be lower-case letters and digits, joined by single hyphens or dots (employee-id): it becomes the rule id pattern.{name}");
            if (patterns.Any(p => p.Name == name))
                throw m["name"]!.Error($"two value patterns are named '{name}'; names must be unique");
            var patternNode = m["pattern"] ?? throw m.Error($"value pattern '{name}' needs 'pattern' (a regular expression)");
            var pattern = m.RequireString("pattern", $"value pattern '{name}'");
            if (pattern.Length == 0) throw patternNode.Error($"value pattern '{name}': 'pattern' is empty");
            Regex expression;
            try
            {
                expression = new Regex($"^(?:{pattern})$", RegexOptions.CultureInvariant, MatchTimeout);
            }
            catch (RegexParseException e)
            {
                // The offset is in the anchored text: four characters of "^(?:" precede the user's.
                int offset = Math.Clamp(e.Offset - 4, 0, pattern.Length);
                throw patternNode.Error($"value pattern '{name}': 'pattern' is not a valid regular expression: {ParseReason(e.Error)} at character {offset} of the expression");
            }
            var category = m.RequireString("category", $"value pattern '{name}'").Trim();
            var share = m.Number("min-share") ?? DefaultMinShare;
            if (share is <= 0 or > 1 || double.IsNaN(share))
                throw m["min-share"]!.Error($"value pattern '{name}': min-share must be above 0 and at most 1 (a share of the sampled values), not {share.ToString(CultureInfo.InvariantCulture)}");
            var context = m.Strings("context").Select(w => w.Trim()).ToList();
            if (context.Any(w => Letters(w).Length == 0))
                throw m["context"]!.Error($"value pattern '{name}': every context word needs a letter or digit");
            ValueChecksum? validator = null;
            if (m.String("validator") is { } v)
            {
                int index = ValidatorNames.ToList().IndexOf(v.Trim().ToLowerInvariant());
                if (index < 0)
                    throw m["validator"]!.Error($"value pattern '{name}': unknown validator '{v}'; use {string.Join(", ", ValidatorNames)}");
                validator = (ValueChecksum)index;
            }
            var nameNode = m["name"]!;
            var categoryNode = m["category"]!;
            patterns.Add(new ValuePatternConfig
            {
                Name = name,
                Pattern = pattern,
                Expression = expression,
                DataCategory = category,
                CategoryAt = new SettingPlace(categoryNode.File, categoryNode.Line, categoryNode.Column),
                At = new SettingPlace(nameNode.File, nameNode.Line, nameNode.Column),
                MinShare = share,
                Context = context,
                Validator = validator,
            });
        }
        return patterns;
    }

    /// <summary>True when the column name holds one of <see cref="Context"/>'s words (letters and digits only, lower
    /// case), or when there are none.</summary>
    /// <param name="columnName">The column's name as the catalog gives it.</param>
    public bool ContextHolds(string columnName)
    {
        if (Context.Count == 0) return true;
        var name = Letters(columnName);
        return Context.Any(w => name.Contains(Letters(w), StringComparison.Ordinal));
    }

    /// <summary>Letters and digits of a text, lower case, accents dropped (<c>Employé_No</c> → <c>employeno</c>), so that a
    /// context word matches a name written with or without its accents.</summary>
    private static string Letters(string text) =>
        string.Concat(text.Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => char.IsLetterOrDigit(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            .Select(c => char.ToLowerInvariant(c)));

    /// <summary>The parser's error in words: <c>InsufficientClosingParentheses</c> → "insufficient closing parentheses".</summary>
    private static string ParseReason(RegexParseError error) =>
        string.Concat(error.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    [GeneratedRegex(@"^[a-z0-9]+(?:[-.][a-z0-9]+)*$")]
    private static partial Regex PatternName();
}
