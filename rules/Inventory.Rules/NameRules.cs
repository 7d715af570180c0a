// Over 400 lines on purpose: the rule file's parser, its ablation variants (a rule left out, gates turned off) and the
// matcher share the private state of one NameRuleSet (groups, gates, match caches); splitting them would expose it.
using Inventory.Catalog;
using Inventory.Yaml;

namespace Inventory.Rules;

/// <summary>One name rule: phrases (token sequences) or compound fragments that point a column at a data category.</summary>
/// <param name="Id">Stable id, <c>name.&lt;lang&gt;.&lt;what&gt;</c> (e.g. <c>name.fr.email</c>).</param>
/// <param name="DataCategory">The data category it suggests (may be <c>none</c>).</param>
/// <param name="Phrases">Token sequences, each already tokenised; a phrase matches a contiguous run of column tokens whose
/// concatenation equals the phrase's concatenation (so <c>first name</c> matches <c>first_name</c> and <c>firstname</c>).
/// A phrase with a <c>*</c> word (<c>stripe * id</c>) matches word by word instead, the <c>*</c> standing for exactly one word
/// (<c>stripe_connect_id</c>, <c>stripeRecipientId</c>; not <c>stripe_id</c>).</param>
/// <param name="Contains">Compound fragments (folded) matched as substrings of the joined column name (German compounds).</param>
/// <param name="Families">Type families the rule may take; others are a type gate.</param>
/// <param name="Tables">When set, the rule applies only in tables of these context groups.</param>
/// <param name="NotTables">The rule does not apply in tables of these context groups.</param>
/// <param name="Weight">Strength in [0, 1].</param>
/// <param name="AllowSuffixes">Trailing tokens that do not gate this rule (e.g. <c>at</c> for <c>last_seen_at</c>).</param>
public sealed record NameRule(string Id, string DataCategory, IReadOnlyList<string[]> Phrases, IReadOnlyList<string> Contains,
    IReadOnlySet<TypeFamily> Families, IReadOnlyList<string> Tables, IReadOnlyList<string> NotTables, double Weight, IReadOnlySet<string> AllowSuffixes)
{
    /// <summary>Data categories of which another column of the same table must hold a name match for this rule to give its
    /// category (e.g. a <c>country</c> is a postal address only inside an address record, LABELS.md tie-breaker 4); empty
    /// when the rule stands alone. Checked only when the table's column names are known.</summary>
    public IReadOnlyList<string> NeedsSiblings { get; init; } = [];

    /// <summary>True when the words of <see cref="AllowSuffixes"/> are forms of this rule's fact (a flag, a count, a
    /// date, a status or a code of a health or Art. 9 fact: <c>sick_days_count</c>, <c>religion_code</c>): a rule that
    /// matches only such trailing words (<c>count</c>, <c>code</c>, <c>status</c>, <c>date</c>, all <c>none</c> rules)
    /// does not take the name from it. YAML key <c>keeps-allowed-suffixes</c> (default false).</summary>
    public bool KeepsAllowedSuffixes { get; init; }

    /// <summary>True when the rule names a kind the names-only training corpus holds too few of for the column model to
    /// learn (a person's nationality, a user's device name, a server's host name): its ungated decision stands in the
    /// combination, names only as well (evidence kind <c>name-authority</c>). YAML key <c>stands</c> (default false); each
    /// such rule is justified by bulk adversarial tests of its kind, since cross-validation cannot measure it.</summary>
    public bool Stands { get; init; }

    /// <summary>True when a phrase of the rule (or a <c>contains</c> fragment) must be the whole column name, every word of
    /// it, not a run inside a longer name: a bare <c>name</c> or <c>key</c> of a table of uploads is the file's, while
    /// <c>lower_name</c>, <c>service_name</c> or <c>encryption_key</c> there are not (sixth error-kind round, errors27).
    /// YAML key <c>whole-name</c> (default false).</summary>
    public bool WholeName { get; init; }

    /// <summary>True when only a sibling that matches a rule of its own, one needing no siblings (a street address, a postal
    /// code), meets <see cref="NeedsSiblings"/>: another part that itself needs a record (a country beside a city) does not
    /// make one, so two such parts alone do not vouch for each other (ninth error-kind round, errors30). Such a rule is no
    /// sibling for any rule's <see cref="NeedsSiblings"/> either: its match is not checked against its own siblings there.
    /// YAML key <c>needs-standalone-siblings</c> (default false; only with <c>needs-siblings</c>).</summary>
    public bool NeedsStandaloneSiblings { get; init; }

    /// <summary>True when the rule holds only in a table where another column is a key to a person: a key word (<c>id</c>,
    /// <c>uuid</c>, <c>key</c>, <c>ref</c>, <c>fk</c>, <c>no</c>, <c>number</c>) beside a word of the name group
    /// <c>person-key-subject</c> (<c>user_id</c>, <c>visitor_uuid</c>, <c>id_utilisateur</c>, <c>kunde_id</c>,
    /// <c>usuario_id</c>). Without one the match is gated (<c>gate.context.person-key</c>) and gives <c>none</c>: an
    /// aggregate of tracked activity per person is that person's activity, per page or day it is the organisation's figure
    /// (fourteenth error-kind round, kinds35; LABELS.md tie-breaker 10). Checked only when the table's column names are
    /// known. YAML key <c>needs-person-key</c> (default false).</summary>
    public bool NeedsPersonKey { get; init; }

    /// <summary>The name group whose words name what another column of the table must be a key to, or null: like
    /// <see cref="NeedsPersonKey"/> with that group in place of <c>person-key-subject</c> (a key word, <c>id</c>,
    /// <c>uuid</c>, <c>key</c>, <c>ref</c>, <c>fk</c>, <c>no</c>, <c>number</c>, beside a word of the group). Without such
    /// a column the match is gated (<c>gate.context.</c> and the group's name) and gives <c>none</c>: the reason of an
    /// appointment is the patient's health only where the appointment is kept for a patient or a doctor (kinds47, trial46
    /// kind K1: name group <c>care-key-subject</c>), not a hairdresser's booking. Checked only when the table's column names
    /// are known. YAML key <c>needs-key-to</c> (a name group; unknown groups are an error at the key).</summary>
    public string? NeedsKeyTo { get; init; }

    /// <summary>The name group of which another column's whole name must be a phrase for the rule to give its category, or
    /// null: a bare <c>nom</c> is a surname beside <c>prenom</c> (kinds48, trial47 kind K3: name group
    /// <c>name-pair-part</c>), a label elsewhere. Without such a column the rule does not match at all: the other rules
    /// decide as if it were not there (a gate would replace their reading, e.g. <c>name.en.generic-name</c>'s, which table
    /// rules read). Checked only when the table's column names are known. YAML key
    /// <c>needs-sibling-named</c> (a name group; unknown groups are an error at the key).</summary>
    public string? NeedsSiblingNamed { get; init; }

    /// <summary>True when the rule comes from the user's own name-rules file (<c>name-rules:</c> in inventory.yml), added to
    /// the shipped rules by <see cref="NameRuleSet.Extend"/>: when it matches a column name it wins over every shipped
    /// rule that matches too (the user wrote it for their own schema), and it stands in the combination unless it says
    /// <c>stands: false</c> (the column model was never trained on it, so without standing it would be outvoted).</summary>
    public bool UserRule { get; init; }
}

/// <summary>The outcome of matching a column name against the name rules.</summary>
/// <param name="Rule">The winning rule, or null when none matched (or all were gated).</param>
/// <param name="DataCategory">Its data category (after gates), or null.</param>
/// <param name="Weight">Its strength in [0, 1], 0 when none.</param>
/// <param name="Gates">Gates applied (ids like <c>gate.type.boolean</c>, <c>gate.suffix.verified</c>), in order.</param>
/// <param name="TableGroups">Context groups the table belongs to (e.g. <c>person</c>, <c>catalogue</c>).</param>
/// <param name="Tokens">Column tokens after abbreviation expansion.</param>
/// <param name="GatedCategory">The personal category a gate took away (e.g. <c>contact.email</c> for <c>email_verified</c>), or null.</param>
public sealed record NameMatch(NameRule? Rule, string? DataCategory, double Weight, IReadOnlyList<string> Gates,
    IReadOnlyList<string> TableGroups, IReadOnlyList<string> Tokens, string? GatedCategory);

/// <summary>The kinds of negative evidence of the name rules: gates that turn a personal match into <c>none</c> evidence.
/// All are on in a loaded rule set; <see cref="NameRuleSet.WithoutGates"/> turns kinds off to measure what they are worth
/// (<c>inventory evaluate --ablate-rules</c>).</summary>
[Flags]
public enum NameGates
{
    /// <summary>No gate.</summary>
    None = 0,
    /// <summary>A gate suffix after the match (<c>email_verified</c>, <c>phone_count</c>, <c>gate-suffixes</c>).</summary>
    Suffix = 1,
    /// <summary>A gate prefix before the match (<c>is_</c>, <c>has_</c>, <c>gate-prefixes</c>).</summary>
    Prefix = 2,
    /// <summary>A type family the rule does not take (<c>types</c> of a rule).</summary>
    Type = 4,
    /// <summary>A record the column would belong to and the table lacks (<c>needs-siblings</c> of a rule).</summary>
    Context = 8,
    /// <summary>Every gate.</summary>
    All = Suffix | Prefix | Type | Context,
}

/// <summary>
/// Name rules loaded from YAML (<c>rules/name-rules.yml</c>, embedded; users may load their own file): abbreviations,
/// table context groups, name groups (words of a column name other rules read, <see cref="InNameGroup"/>), gate tokens (suffixes such as <c>_verified</c>, <c>_count</c>, <c>_at</c>, prefixes such as
/// <c>is_</c>, <c>has_</c>) and rules in English, French, German and Spanish. Matching: the column name is tokenised
/// (<see cref="NameTokenizer"/>), abbreviations expanded, every rule's phrases matched; the match that ends last wins
/// (the head of a compound name is its last word), then the longer phrase, then the rule that takes the column's type,
/// then a rule scoped to the table's groups (<c>tables:</c>) over one that holds in any table, then the higher weight,
/// then file order.
/// A rule restricted to table groups must match the table's group; a personal category from a match followed by a gate
/// token, preceded by a gate prefix, or on a family the rule does not allow, is gated to <c>none</c> evidence.
/// </summary>
public sealed class NameRuleSet
{
    private const string DefaultResource = "Inventory.Rules.Defaults.name-rules.yml";
    private const string CompiledDefaultResource = DefaultResource + ".compiled";
    private const string EmbeddedFile = "name-rules.yml (embedded)";
    private static readonly Lazy<NameRuleSet> EmbeddedDefault = new(() => Build(EmbeddedDocuments(), EmbeddedFile, Taxonomy.Default, extending: null));

    private readonly Dictionary<string, string[]> _abbreviations;
    private readonly List<WordGroup> _tableGroups;
    private readonly List<WordGroup> _nameGroups;
    // One-word table-group words long enough to be the head of a closed compound (computertypes → types).
    private readonly HashSet<string> _tableGroupWords;
    private const int CompoundHeadMinLength = 5, CompoundModifierMinLength = 3;
    private readonly HashSet<string> _gateSuffixes, _gatePrefixes;
    // Matching is a pure function of (table groups, column, family) for a rule set (the table name counts only through
    // its context groups); a scan asks for the same names many times (each column's siblings, repeated column names
    // across tables), so answers are kept per rule set, up to MatchCacheLimit entries (then the cache starts over).
    private const int MatchCacheLimit = 200_000;
    private readonly BoundedMemo<(string Groups, string Column, TypeFamily Family), NameMatch> _matches = new(MatchCacheLimit);
    private readonly BoundedMemo<string, (IReadOnlyList<string> Groups, string Key)> _groupsOfTable = new(MatchCacheLimit, StringComparer.Ordinal);

    private readonly NameGates _gates;

    private NameRuleSet(List<NameRule> rules, Dictionary<string, string[]> abbreviations,
        List<WordGroup> tableGroups, List<WordGroup> nameGroups,
        HashSet<string> gateSuffixes, HashSet<string> gatePrefixes, NameGates gates = NameGates.All)
    {
        Rules = rules;
        _abbreviations = abbreviations;
        _tableGroups = tableGroups;
        _tableGroupWords = tableGroups.SelectMany(g => g.Phrases).Where(w => w.Length >= CompoundHeadMinLength).ToHashSet(StringComparer.Ordinal);
        _nameGroups = nameGroups;
        _gateSuffixes = gateSuffixes;
        _gatePrefixes = gatePrefixes;
        _gates = gates;
    }

    /// <summary>The same rule set without one rule (the others, abbreviations, groups and gates unchanged): what the
    /// classifier would decide had the rule never been written (<c>inventory evaluate --ablate-rules</c>).</summary>
    /// <param name="id">A rule id of this set.</param>
    /// <returns>A new rule set (its own match cache).</returns>
    /// <exception cref="ArgumentException">No rule has that id.</exception>
    public NameRuleSet WithoutRule(string id)
    {
        var kept = Rules.Where(r => !string.Equals(r.Id, id, StringComparison.Ordinal)).ToList();
        if (kept.Count == Rules.Count) throw new ArgumentException($"no name rule has the id '{id}'", nameof(id));
        return new NameRuleSet(kept, _abbreviations, _tableGroups, _nameGroups, _gateSuffixes, _gatePrefixes, _gates);
    }

    /// <summary>The same rule set with some kinds of gate turned off (<see cref="NameGates"/>): a match those gates would
    /// have turned into <c>none</c> evidence keeps its rule's category.</summary>
    /// <param name="gates">The kinds to turn off.</param>
    /// <returns>A new rule set (its own match cache).</returns>
    public NameRuleSet WithoutGates(NameGates gates) =>
        new(Rules.ToList(), _abbreviations, _tableGroups, _nameGroups, _gateSuffixes, _gatePrefixes, _gates & ~gates);

    /// <summary>The embedded default rules.</summary>
    public static NameRuleSet Default => EmbeddedDefault.Value;

    /// <summary>Rules in file order.</summary>
    public IReadOnlyList<NameRule> Rules { get; }

    /// <summary>Every word the rule file names, folded: the abbreviations and their expansions, the words of the table and
    /// name groups, the gate suffixes and prefixes, the words of every rule's phrases and its <c>contains</c> fragments
    /// (the data-model vocabulary of the four languages the rules were written in; <c>*</c> left out). The column model's
    /// closed-compound segmentation reads it as its dictionary (<see cref="Learning.ClosedCompoundSegmenter"/>).</summary>
    /// <returns>A new set, ordinal comparison.</returns>
    public HashSet<string> Words()
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, expansion) in _abbreviations) { words.Add(key); words.UnionWith(expansion); }
        foreach (var (_, single, multi) in _tableGroups.Concat(_nameGroups))
        {
            words.UnionWith(single);
            foreach (var phrase in multi) words.UnionWith(phrase);
        }
        words.UnionWith(_gateSuffixes);
        words.UnionWith(_gatePrefixes.SelectMany(p => NameTokenizer.Tokenize(p)));
        foreach (var rule in Rules)
        {
            foreach (var phrase in rule.Phrases) words.UnionWith(phrase.Where(w => w != AnyWord));
            words.UnionWith(rule.Contains);
        }
        return words;
    }

    private HashSet<string>? _vocabulary;

    /// <summary>True when a folded token (<see cref="NameTokenizer.Tokenize"/>) is a word of this rule file's data-model
    /// vocabulary (<see cref="Words"/>, built once per rule set), itself or as its English or Spanish singular
    /// (<c>details</c> → <c>detail</c>). A key of a JSON document is named in the inventory only when every word of it
    /// passes (<see cref="ContentEvidence"/>): a map keyed by people's user names or surnames (<c>jmueller</c>,
    /// <c>Quadflieg</c>) has keys that are data, and the vocabulary of column names holds no person's name.</summary>
    /// <param name="token">A lower-case, accent-folded token.</param>
    /// <returns>True for <c>email</c>, <c>billing</c>, <c>details</c>, <c>telefono</c>; false for <c>jmueller</c>.</returns>
    public bool IsVocabularyWord(string token)
    {
        var words = LazyInitializer.EnsureInitialized(ref _vocabulary, Words);
        return words.Contains(token) || words.Contains(Singular(token)) || words.Contains(SingularOfEs(token));
    }

    /// <summary>Loads name rules from a file (null: the embedded default), validating categories against the taxonomy.</summary>
    /// <param name="path">A YAML file, or null.</param>
    /// <param name="taxonomy">Taxonomy that every rule's category must belong to (default taxonomy when null).</param>
    /// <exception cref="ConfigurationException">Invalid file, with file, line and column.</exception>
    public static NameRuleSet Load(string? path = null, Taxonomy? taxonomy = null)
    {
        if (path is null && taxonomy is null) return Default;
        if (path is null) return Build(EmbeddedDocuments(), EmbeddedFile, taxonomy!, extending: null);
        if (!File.Exists(path)) throw new ConfigurationException("file not found", path);
        return Parse(File.ReadAllText(path), path, taxonomy ?? Taxonomy.Default);
    }

    /// <summary>Parses name rules from YAML text.</summary>
    /// <param name="yaml">The text.</param>
    /// <param name="file">File name for error positions.</param>
    /// <param name="taxonomy">Taxonomy to validate categories against.</param>
    /// <exception cref="ConfigurationException">Invalid content, with file, line and column.</exception>
    public static NameRuleSet Parse(string yaml, string file, Taxonomy taxonomy) => Parse(yaml, file, taxonomy, extending: null);

    /// <summary>This rule set with the rules of a user's file added (<c>name-rules:</c> in inventory.yml; trial44 finding
    /// 1: a file of one rule used to replace every shipped rule, and the column model, trained on the shipped rules'
    /// decisions, then misread most columns). The file has the format of <c>name-rules.yml</c>; its abbreviations are
    /// added (one of the same token replaces the shipped expansion), the words of a table or name group of a shipped
    /// group's name are added to that group (a new name makes a new group), its gate suffixes and prefixes are added, and
    /// its rules are marked <see cref="NameRule.UserRule"/>: one that matches a column name wins over the shipped rules
    /// (among the user's rules the usual order holds), and it stands in the combination (<see cref="NameRule.Stands"/>)
    /// unless it says <c>stands: false</c>. The column model's own inputs (its tokeniser and compound dictionary read
    /// <see cref="Default"/>) are unchanged.</summary>
    /// <param name="path">The user's YAML file.</param>
    /// <param name="taxonomy">Taxonomy that every rule's category must belong to.</param>
    /// <returns>A new rule set (its own match cache).</returns>
    /// <exception cref="ConfigurationException">The file is missing or invalid, or a rule id is already a shipped rule's
    /// (file, line and column).</exception>
    public NameRuleSet Extend(string path, Taxonomy taxonomy)
    {
        if (!File.Exists(path)) throw new ConfigurationException("file not found", path);
        return Parse(File.ReadAllText(path), path, taxonomy, this);
    }

    /// <summary><see cref="Extend(string, Taxonomy)"/> on YAML text.</summary>
    /// <param name="yaml">The text of the user's rules.</param>
    /// <param name="file">File name for error positions.</param>
    /// <param name="taxonomy">Taxonomy to validate categories against.</param>
    /// <returns>A new rule set.</returns>
    /// <exception cref="ConfigurationException">Invalid content, or a rule id already taken (file, line and column).</exception>
    public NameRuleSet ExtendWith(string yaml, string file, Taxonomy taxonomy) => Parse(yaml, file, taxonomy, this);

    /// <summary>The node tree of the embedded <c>name-rules.yml</c>: read from its compiled form, embedded by the build
    /// (<see cref="CompiledYaml"/>; no YAML parse, 28–36 ms of CPU less per process), when that form was compiled from
    /// the embedded YAML's bytes; parsed from the YAML otherwise (a build that did not compile it, a stale form). The
    /// nodes carry the same values, styles, lines and columns either way (<c>CompiledNameRulesTests</c>).</summary>
    /// <returns>The YAML's documents.</returns>
    /// <exception cref="ConfigurationException">The embedded YAML is invalid (only when it is parsed).</exception>
    internal static List<YNode> EmbeddedDocuments()
    {
        var yaml = Taxonomy.ReadResourceBytes(DefaultResource);
        using (var compiled = typeof(NameRuleSet).Assembly.GetManifestResourceStream(CompiledDefaultResource))
            if (compiled is not null && CompiledYaml.TryRead(compiled, yaml, EmbeddedFile, out var documents))
                return documents!;
        return StrictYaml.ReadDocuments(CompiledYaml.Decode(yaml), EmbeddedFile);
    }

    private static NameRuleSet Parse(string yaml, string file, Taxonomy taxonomy, NameRuleSet? extending) =>
        Build(StrictYaml.ReadDocuments(yaml, file), file, taxonomy, extending);

    private static NameRuleSet Build(List<YNode> documents, string file, Taxonomy taxonomy, NameRuleSet? extending)
    {
        if (documents.Count != 1 || documents[0] is not YMapping root)
            throw new ConfigurationException("expected one YAML mapping", file, 1, 1);
        root.AllowOnly("name rules", "abbreviations", "table-groups", "name-groups", "gate-suffixes", "gate-prefixes", "rules");

        var abbreviations = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (root.Mapping("abbreviations") is { } abbr)
            foreach (var (key, node) in abbr.Entries)
            {
                if (node is not YScalar s) throw node.Error("an abbreviation expands to one value (words separated by spaces)");
                abbreviations[NameTokenizer.Fold(key.Value)] = NameTokenizer.Tokenize(s.Value).ToArray();
            }

        var groups = WordGroups(root.Mapping("table-groups"));
        var nameGroups = WordGroups(root.Mapping("name-groups"));
        if (extending is not null)
        {
            groups = MergeGroups(extending._tableGroups, groups);
            nameGroups = MergeGroups(extending._nameGroups, nameGroups);
        }
        var groupNames = groups.Select(g => g.Group).ToHashSet(StringComparer.Ordinal);

        var suffixes = root.Strings("gate-suffixes").Select(NameTokenizer.Fold).ToHashSet(StringComparer.Ordinal);
        var prefixes = root.Strings("gate-prefixes").Select(NameTokenizer.Fold).ToHashSet(StringComparer.Ordinal);

        var rules = new List<NameRule>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (root["rules"] is YSequence seq)
            foreach (var item in seq.Items)
            {
                if (item is not YMapping m) throw item.Error("each rule is a mapping with id, category and names");
                m.AllowOnly("name rule", "id", "category", "names", "contains", "types", "tables", "not-tables", "weight", "allow-suffixes", "needs-siblings", "needs-sibling-named",
                    "keeps-allowed-suffixes", "stands", "whole-name", "needs-standalone-siblings", "needs-person-key", "needs-key-to");
                var id = m.RequireString("id", "a name rule");
                if (!ids.Add(id)) throw m["id"]!.Error($"duplicate rule id '{id}'");
                if (extending is not null && extending.Rules.Any(r => string.Equals(r.Id, id, StringComparison.Ordinal)))
                    throw m["id"]!.Error($"rule id '{id}' is a shipped rule's id: give your rule an id of its own (your rules are added to the shipped ones, and win where they match)");
                var category = m.RequireString("category", $"rule '{id}'");
                if (category != "none" && !taxonomy.IsKnown(category)) throw m["category"]!.Error($"unknown data category '{category}' in rule '{id}'");
                var phrases = m.Strings("names").Select(Phrase).Where(t => t.Length > 0).ToList();
                var contains = m.Strings("contains").Select(NameTokenizer.Fold).ToList();
                if (phrases.Count == 0 && contains.Count == 0) throw m.Error($"rule '{id}' needs 'names' or 'contains'");
                var families = new HashSet<TypeFamily>();
                var typeNames = m.Strings("types");
                if (typeNames.Count == 0) typeNames = ["text", "untyped", "other", "document"];
                foreach (var t in typeNames)
                {
                    if (t == "any") { foreach (var f in Enum.GetValues<TypeFamily>()) families.Add(f); continue; }
                    if (!Enum.TryParse<TypeFamily>(t, ignoreCase: true, out var family) || !char.IsAsciiLetterLower(t[0]))
                        throw m["types"]!.Error($"unknown type family '{t}'; use any, {string.Join(", ", Enum.GetNames<TypeFamily>().Select(n => n.ToLowerInvariant()))}");
                    families.Add(family);
                }
                var tables = m.Strings("tables");
                var notTables = m.Strings("not-tables");
                foreach (var g in tables.Concat(notTables))
                    if (!groupNames.Contains(g)) throw m.Error($"rule '{id}' names unknown table group '{g}'");
                double weight = m.Number("weight") ?? 0.8;
                if (weight is < 0 or > 1) throw m["weight"]!.Error("weight must be between 0 and 1");
                var allow = m.Strings("allow-suffixes").Select(NameTokenizer.Fold).ToHashSet(StringComparer.Ordinal);
                var siblings = m.Strings("needs-siblings");
                foreach (var c in siblings)
                    if (!taxonomy.IsKnown(c)) throw m["needs-siblings"]!.Error($"unknown data category '{c}' in rule '{id}'");
                bool standalone = m.Bool("needs-standalone-siblings") ?? false;
                if (standalone && siblings.Count == 0)
                    throw m["needs-standalone-siblings"]!.Error($"rule '{id}' needs standalone siblings but lists no 'needs-siblings'");
                var keyTo = m.String("needs-key-to");
                if (keyTo is not null && !nameGroups.Any(g => string.Equals(g.Group, keyTo, StringComparison.Ordinal)))
                    throw m["needs-key-to"]!.Error($"rule '{id}' needs a key to unknown name group '{keyTo}'");
                var siblingNamed = m.String("needs-sibling-named");
                if (siblingNamed is not null && !nameGroups.Any(g => string.Equals(g.Group, siblingNamed, StringComparison.Ordinal)))
                    throw m["needs-sibling-named"]!.Error($"rule '{id}' needs a sibling named by unknown name group '{siblingNamed}'");
                bool keeps = m.Bool("keeps-allowed-suffixes") ?? false;
                if (keeps && allow.Count == 0) throw m["keeps-allowed-suffixes"]!.Error($"rule '{id}' keeps its allowed suffixes but lists no 'allow-suffixes'");
                rules.Add(new NameRule(id, category, phrases, contains, families, tables, notTables, weight, allow)
                    { NeedsSiblings = siblings, NeedsStandaloneSiblings = standalone, KeepsAllowedSuffixes = keeps,
                      Stands = m.Bool("stands") ?? extending is not null, WholeName = m.Bool("whole-name") ?? false,
                      NeedsPersonKey = m.Bool("needs-person-key") ?? false, NeedsKeyTo = keyTo, NeedsSiblingNamed = siblingNamed, UserRule = extending is not null });
            }
        else if (root["rules"] is not null) throw root["rules"]!.Error("'rules' must be a list");
        if (extending is null) return new NameRuleSet(rules, abbreviations, groups, nameGroups, suffixes, prefixes);
        var allAbbreviations = new Dictionary<string, string[]>(extending._abbreviations, StringComparer.Ordinal);
        foreach (var (key, expansion) in abbreviations) allAbbreviations[key] = expansion;
        suffixes.UnionWith(extending._gateSuffixes);
        prefixes.UnionWith(extending._gatePrefixes);
        return new NameRuleSet([.. rules, .. extending.Rules], allAbbreviations, groups, nameGroups, suffixes, prefixes, extending._gates);
    }

    // The shipped groups with a user file's added: the words of a group of the same name join it, a new name is a new group
    // (after the shipped ones, so the shipped groups keep their order).
    private static List<WordGroup> MergeGroups(List<WordGroup> shipped, List<WordGroup> added)
    {
        var merged = shipped.Select(g => new WordGroup(g.Group, new HashSet<string>(g.Phrases, StringComparer.Ordinal), [.. g.Multi])).ToList();
        foreach (var group in added)
        {
            if (merged.FirstOrDefault(g => g.Group == group.Group) is { } same)
            {
                same.Phrases.UnionWith(group.Phrases);
                same.Multi.AddRange(group.Multi);
            }
            else merged.Add(group);
        }
        return merged;
    }

    // A group of words (table-groups, name-groups): its one-word phrases as a set, its longer phrases as token runs. A
    // class, not a tuple: the ReadyToRun build then runs the framework's shared precompiled list code for it (perf43).
    private sealed record WordGroup(string Group, HashSet<string> Phrases, List<string[]> Multi);

    // Reads a mapping of word groups.
    private static List<WordGroup> WordGroups(YMapping? mapping)
    {
        var groups = new List<WordGroup>();
        if (mapping is null) return groups;
        foreach (var (key, _) in mapping.Entries)
        {
            var single = new HashSet<string>(StringComparer.Ordinal);
            var multi = new List<string[]>();
            foreach (var phrase in mapping.Strings(key.Value))
            {
                var tokens = NameTokenizer.Tokenize(phrase).ToArray();
                if (tokens.Length == 1) single.Add(tokens[0]); else if (tokens.Length > 1) multi.Add(tokens);
            }
            groups.Add(new WordGroup(key.Value, single, multi));
        }
        return groups;
    }

    /// <summary>The context groups (from <c>table-groups</c>) a table name belongs to: a group matches when one of its
    /// words is a token of the table name (or the table name's last token in singular form). A token that is no group
    /// word but ends in one of at least five letters after at least three others is read as a closed compound whose last
    /// word is its head (<c>glpi_computertypes</c> → <c>types</c>, <c>vertragstypen</c> → <c>typen</c>): schemas that join
    /// words without separators name a table after what its rows are, and in English (as in German) a compound names
    /// the kind of thing its head names. The longest such head counts. A schema-qualified name (<c>schema.table</c>, the
    /// schema up to the first dot) adds the schema's groups of <see cref="SchemaContextGroups"/> to the table's own.</summary>
    /// <param name="table">Table name, possibly schema-qualified.</param>
    /// <returns>The groups in the file's order (the same list for every call with this table name: memoised with
    /// <see cref="Match(string, string, TypeFamily)"/>'s groups per table).</returns>
    public IReadOnlyList<string> TableGroups(string table) => GroupsOf(table).Groups;

    // The groups of a table name and their cache key, memoised per name (a scan asks per table and per column).
    private (IReadOnlyList<string> Groups, string Key) GroupsOf(string table)
    {
        if (_groupsOfTable.TryGet(table, out var context)) return context;
        var found = TableGroupsUncached(table);
        context = (found, string.Join('\u0001', found));
        _groupsOfTable.Add(table, context);
        return context;
    }

    /// <summary>The groups of <see cref="TableGroups"/> computed afresh (the reference of the memo's test).</summary>
    /// <param name="table">Table name, possibly schema-qualified.</param>
    internal IReadOnlyList<string> TableGroupsUncached(string table)
    {
        int dot = table.IndexOf('.');
        if (dot <= 0 || dot == table.Length - 1) return GroupsOfName(table);
        var own = GroupsOfName(table[(dot + 1)..]);
        var passedOn = GroupsOfName(table[..dot]).Where(g => SchemaContextGroups.Contains(g) && !own.Contains(g)).ToList();
        if (passedOn.Count == 0) return own;
        var result = new List<string>(own.Count + passedOn.Count);
        // In the file's order, as for an unqualified name.
        foreach (var (group, _, _) in _tableGroups)
            if (own.Contains(group) || passedOn.Contains(group)) result.Add(group);
        return result;
    }

    /// <summary>The table groups a schema passes on to its tables (<see cref="TableGroups"/> of <c>schema.table</c>): the
    /// groups of records of what someone did (<c>event-log</c>, <c>event-record</c>, <c>activity</c>; LABELS.md
    /// tie-breaker 10). A namespace named <c>events</c>, <c>audit</c>, <c>analytics</c>, <c>tracking</c>,
    /// <c>protokoll</c> or <c>bitacora</c> says what every table in it records (<c>events.clicks</c>, <c>audit.entries</c>),
    /// while a schema named after a thing or a domain (<c>inventory</c>, <c>store</c>, <c>billing</c>, <c>hr</c>) or after
    /// the application (<c>public</c>, <c>dbo</c>, <c>auth</c>, a MariaDB database) describes no row: its other groups
    /// are not passed on (issue 10, context39).</summary>
    public static readonly IReadOnlySet<string> SchemaContextGroups = new HashSet<string>(StringComparer.Ordinal) { "event-log", "event-record", "activity" };

    // The groups of a table name's own words (no schema).
    private List<string> GroupsOfName(string table)
    {
        var tokens = Expand(NameTokenizer.Tokenize(table));
        for (int i = tokens.Count - 1; i >= 0; i--)
            if (CompoundHead(tokens[i]) is { } head) tokens.Add(head);
        // Each token as written and in its singular forms, computed once for every group (InGroup's singular test
        // made them again for each of the ~90 groups: two strings per plural token per group, per table; perf45).
        var forms = new List<string>(tokens.Count * 2);
        foreach (var t in tokens)
        {
            forms.Add(t);
            var singular = Singular(t);
            if (!ReferenceEquals(singular, t)) forms.Add(singular);
            var ofEs = SingularOfEs(t);
            if (!ReferenceEquals(ofEs, t)) forms.Add(ofEs);
        }
        var result = new List<string>();
        foreach (var (group, single, multi) in _tableGroups)
            if (AnyIn(forms, single) || AnyRun(tokens, multi)) result.Add(group);
        return result;
    }

    private static bool AnyIn(List<string> forms, HashSet<string> single)
    {
        foreach (var f in forms)
            if (single.Contains(f)) return true;
        return false;
    }

    private static bool AnyRun(List<string> tokens, List<string[]> multi)
    {
        foreach (var phrase in multi)
            if (FindRun(tokens, phrase) >= 0) return true;
        return false;
    }

    /// <summary>True when a column name holds a word of a name group (<c>name-groups</c> of the rule file, e.g.
    /// <c>payment</c>: <c>stripe_token</c>, <c>card_ref</c>): a group word is one of the name's tokens as written in the
    /// group (plural forms are listed, not derived: <c>pays</c> is French for country, not a plural of <c>pay</c>), a phrase
    /// of several words a run of them. False for a group the file does not define.</summary>
    /// <param name="tokens">The name's tokens after abbreviation expansion (<see cref="NameMatch.Tokens"/>).</param>
    /// <param name="group">The group's name.</param>
    public bool InNameGroup(IReadOnlyList<string> tokens, string group)
    {
        foreach (var (name, single, multi) in _nameGroups)
        {
            if (!string.Equals(name, group, StringComparison.Ordinal)) continue;
            var list = tokens as List<string> ?? tokens.ToList();
            return AnyIn(list, single) || AnyRun(list, multi);
        }
        return false;
    }

    /// <summary>True when the whole column name is one phrase of a name group (<c>name-groups</c> of the rule file, e.g.
    /// <c>item-label</c>: <c>name</c>, <c>nom</c>, <c>libelle</c>), its words as written; digit runs are not words.
    /// False for a group the file does not define.</summary>
    /// <param name="tokens">The name's tokens after abbreviation expansion (<see cref="NameMatch.Tokens"/>).</param>
    /// <param name="group">The group's name.</param>
    public bool IsNameGroupPhrase(IReadOnlyList<string> tokens, string group)
    {
        var words = tokens.Where(t => !char.IsAsciiDigit(t[0])).ToList();
        if (words.Count == 0) return false;
        foreach (var (name, single, multi) in _nameGroups)
            if (string.Equals(name, group, StringComparison.Ordinal))
                return words.Count == 1 ? single.Contains(words[0]) : multi.Any(p => p.SequenceEqual(words));
        return false;
    }

    /// <summary>The head of a closed compound a table-name token may be (see <see cref="TableGroups"/>): the longest
    /// table-group word of at least five letters that ends the token after at least three other letters.</summary>
    /// <param name="token">A folded lower-case token (<see cref="NameTokenizer.Tokenize"/>).</param>
    /// <returns>The head as it ends the token, or null when the token is itself a group word (in any number), starts with
    /// a digit, or ends in none.</returns>
    public string? CompoundHead(string token)
    {
        if (token.Length < CompoundHeadMinLength + CompoundModifierMinLength || _tableGroupWords.Contains(token)
            || _tableGroupWords.Contains(Singular(token)) || _tableGroupWords.Contains(SingularOfEs(token))
            || char.IsAsciiDigit(token[0])) return null;
        for (int start = CompoundModifierMinLength; start <= token.Length - CompoundHeadMinLength; start++)
        {
            var tail = token[start..];
            if (_tableGroupWords.Contains(tail) || _tableGroupWords.Contains(Singular(tail))) return tail;
        }
        return null;
    }


    /// <summary>Matches a column name in its table context, checking the rule's <see cref="NameRule.NeedsSiblings"/> against
    /// the table's other column names: when none of them matches a rule of a required category, the match is gated
    /// (<c>gate.context.&lt;category&gt;</c>, the first required category) and gives <c>none</c> evidence.</summary>
    /// <param name="table">Table name (schema-qualified or not).</param>
    /// <param name="column">Column name as spelled in the database.</param>
    /// <param name="family">The column's type family (for type gates).</param>
    /// <param name="tableColumns">All column names of the table (the column itself included or not); empty or null when
    /// unknown, and then sibling requirements are not checked.</param>
    /// <returns>The best match with the gates applied; never null.</returns>
    public NameMatch Match(string table, string column, TypeFamily family, IReadOnlyList<string>? tableColumns)
    {
        var match = Match(table, column, family);
        if (match.Rule is null || match.Gates.Count > 0 || tableColumns is not { Count: > 0 } || (_gates & NameGates.Context) == 0)
            return match;
        if (match.Rule.NeedsPersonKey && !HasKeyTo(column, tableColumns, "person-key-subject"))
            return match with { DataCategory = "none", Weight = Math.Min(match.Rule.Weight, 0.8), Gates = ["gate.context.person-key"],
                GatedCategory = match.Rule.DataCategory };
        if (match.Rule.NeedsKeyTo is { } keyGroup && !HasKeyTo(column, tableColumns, keyGroup))
            return match with { DataCategory = "none", Weight = Math.Min(match.Rule.Weight, 0.8), Gates = ["gate.context." + keyGroup],
                GatedCategory = match.Rule.DataCategory };
        // Without the sibling its group names, a rule of needs-sibling-named says nothing: the other rules decide, as if it
        // were not there (a bare `name` stays name.en.generic-name's, and the table rules that read that rule still see it).
        if (match.Rule.NeedsSiblingNamed is { } namedGroup && !HasSiblingNamed(column, tableColumns, namedGroup))
        {
            match = MatchUncached(GroupsOf(table).Groups, column, family, match.Rule);
            if (match.Rule is null || match.Gates.Count > 0) return match;
        }
        if (match.Rule is not { NeedsSiblings.Count: > 0 } rule) return match;
        foreach (var sibling in tableColumns)
        {
            if (string.Equals(sibling, column, StringComparison.Ordinal)) continue;
            // Sibling families are unknown here: the text family, which every address rule takes.
            var other = Match(table, sibling, TypeFamily.Text);
            // A part that needs standalone siblings is no sibling itself (its own record is not checked here), and a rule
            // that needs them takes no part that needs a record.
            if (other.Rule is not null && other.Gates.Count == 0 && rule.NeedsSiblings.Contains(other.Rule.DataCategory)
                && !other.Rule.NeedsStandaloneSiblings && !(rule.NeedsStandaloneSiblings && other.Rule.NeedsSiblings.Count > 0)) return match;
        }
        // The gate names the record the column would be part of: the first required category (an address part needs an
        // address record; a person's name beside it also makes one, LABELS.md tie-breaker 4).
        var gate = "gate.context." + rule.NeedsSiblings[0];
        return match with { DataCategory = "none", Weight = Math.Min(rule.Weight, 0.8), Gates = [gate], GatedCategory = rule.DataCategory };
    }

    // Words of a column name that make it a key (user_id, visitor_uuid, kunde_nr), for NeedsPersonKey.
    private static readonly HashSet<string> PersonKeyWords = new(StringComparer.Ordinal) { "id", "uuid", "guid", "key", "ref", "fk", "no", "number" };

    // True when another column of the table is a key to what the name group names (NameRule.NeedsPersonKey: a person,
    // group person-key-subject; NameRule.NeedsKeyTo: its group): a key word and a word of the group among its tokens
    // (abbreviations expanded: nr and no read number).
    private bool HasKeyTo(string column, IReadOnlyList<string> tableColumns, string group)
    {
        foreach (var sibling in tableColumns)
        {
            if (string.Equals(sibling, column, StringComparison.Ordinal)) continue;
            var tokens = Expand(NameTokenizer.Tokenize(sibling));
            if (tokens.Count >= 2 && tokens.Any(PersonKeyWords.Contains) && InNameGroup(tokens, group)) return true;
        }
        return false;
    }

    // True when another column's whole name is a phrase of the name group (NameRule.NeedsSiblingNamed).
    private bool HasSiblingNamed(string column, IReadOnlyList<string> tableColumns, string group)
    {
        foreach (var sibling in tableColumns)
        {
            if (string.Equals(sibling, column, StringComparison.Ordinal)) continue;
            if (IsNameGroupPhrase(Expand(NameTokenizer.Tokenize(sibling)), group)) return true;
        }
        return false;
    }

    /// <summary>Matches a column name in its table context.</summary>
    /// <param name="table">Table name (schema-qualified or not).</param>
    /// <param name="column">Column name as spelled in the database.</param>
    /// <param name="family">The column's type family (for type gates).</param>
    /// <returns>The best match with the gates applied (sibling requirements not checked); never null.</returns>
    public NameMatch Match(string table, string column, TypeFamily family)
    {
        var context = GroupsOf(table);
        if (_matches.TryGet((context.Key, column, family), out var known)) return known;
        var match = MatchUncached(context.Groups, column, family);
        _matches.Add((context.Key, column, family), match);
        return match;
    }

    private NameMatch MatchUncached(IReadOnlyList<string> groups, string column, TypeFamily family, NameRule? without = null)
    {
        // An abbreviation followed by the word it ends with (ssn_number → social security number number) says it once.
        var tokens = Expand(NameTokenizer.Tokenize(column));
        for (int i = tokens.Count - 1; i > 0; i--)
            if (tokens[i] == tokens[i - 1] && !char.IsAsciiDigit(tokens[i][0])) tokens.RemoveAt(i);
        var gates = new List<string>();
        // Tokens that repeat the table name at the start (customer.customer_email) are kept: phrases match anywhere.
        var words = tokens.Where(t => !char.IsAsciiDigit(t[0])).ToList();
        string joined = string.Concat(words);

        NameRule? best = null, keeper = null;
        bool bestFits = false, keeperFits = false;
        int bestEnd = -1, bestLength = 0, bestStart = 0, keeperEnd = -1, keeperLength = 0, keeperStart = 0;
        // One delegate for the whole loop: a method group bound to groups is a new delegate at each use, two per rule.
        Func<string, bool> inGroups = groups.Contains;
        foreach (var rule in Rules)
        {
            if (ReferenceEquals(rule, without)) continue;
            if (rule.Tables.Count > 0 && !rule.Tables.Any(inGroups)) continue;
            if (rule.NotTables.Count > 0 && rule.NotTables.Any(inGroups)) continue;
            bool fits = rule.Families.Contains(family);
            // Phrases and fragments read by index: a foreach over the rule's IReadOnlyList boxed a list enumerator per
            // rule (hundreds per column name not yet matched).
            var phrases = rule.Phrases;
            for (int ph = 0; ph < phrases.Count; ph++)
            {
                var phrase = phrases[ph];
                int start, end;
                if (phrase.Any(p => char.IsAsciiDigit(p[0])))
                {
                    // Phrases with numbers (last 4, address line 1) match the tokens with their digit runs; positions are
                    // then counted in words (digit runs left out) like every other match.
                    start = FindRunLast(tokens, phrase, out end);
                    if (start < 0) continue;
                    start = WordIndex(tokens, start);
                    end = Math.Max(start, WordIndex(tokens, end + 1) - 1);
                }
                else if (Array.IndexOf(phrase, AnyWord) >= 0) start = FindPatternLast(words, phrase, out end);
                else start = FindRunLast(words, phrase, out end);
                if (start < 0) continue;
                if (rule.WholeName && (start != 0 || end != words.Count - 1)) continue;
                int length = phrase.Sum(p => p.Length);
                if (Better(end, length, fits, rule, bestEnd, bestLength, bestFits, best))
                {
                    best = rule; bestFits = fits; bestEnd = end; bestLength = length; bestStart = start;
                }
                if (rule.KeepsAllowedSuffixes && Better(end, length, fits, rule, keeperEnd, keeperLength, keeperFits, keeper))
                {
                    keeper = rule; keeperFits = fits; keeperEnd = end; keeperLength = length; keeperStart = start;
                }
            }
            var fragments = rule.Contains;
            for (int f = 0; f < fragments.Count; f++)
            {
                var fragment = fragments[f];
                int at = joined.LastIndexOf(fragment, StringComparison.Ordinal);
                if (at < 0 || (rule.WholeName && fragment.Length != joined.Length)) continue;
                // Position in tokens: the token holding the fragment's last character.
                int end = TokenAt(words, at + fragment.Length - 1), start = TokenAt(words, at);
                if (Better(end, fragment.Length, fits, rule, bestEnd, bestLength, bestFits, best))
                {
                    best = rule; bestFits = fits; bestEnd = end; bestLength = fragment.Length; bestStart = start;
                }
                if (rule.KeepsAllowedSuffixes && Better(end, fragment.Length, fits, rule, keeperEnd, keeperLength, keeperFits, keeper))
                {
                    keeper = rule; keeperFits = fits; keeperEnd = end; keeperLength = fragment.Length; keeperStart = start;
                }
            }
        }
        if (best is null) return new NameMatch(null, null, 0, gates, groups, tokens, null);
        // A fact stored as a count, date, status or code (sick_days_count, religion_code): the later match on the form word
        // alone does not take the name from the fact, when every word after the fact is one of its forms.
        if (keeper is not null && best != keeper && bestStart > keeperEnd && (keeper.UserRule || !best.UserRule)
            && words.Skip(keeperEnd + 1).All(keeper.AllowSuffixes.Contains))
        {
            best = keeper; bestEnd = keeperEnd; bestStart = keeperStart;
        }

        bool personal = best.DataCategory != "none";
        if (personal)
        {
            for (int i = bestEnd + 1; i < words.Count && (_gates & NameGates.Suffix) != 0; i++)
                if (_gateSuffixes.Contains(words[i]) && !best.AllowSuffixes.Contains(words[i])) { gates.Add("gate.suffix." + words[i]); break; }
            for (int i = 0; i < bestStart && (_gates & NameGates.Prefix) != 0; i++)
                if (_gatePrefixes.Contains(words[i]) && !best.AllowSuffixes.Contains(words[i])) { gates.Add("gate.prefix." + words[i]); break; }
            if ((_gates & NameGates.Type) != 0 && !best.Families.Contains(family)) gates.Add("gate.type." + family.ToString().ToLowerInvariant());
        }
        if (gates.Count > 0) return new NameMatch(best, "none", Math.Min(best.Weight, 0.8), gates, groups, tokens, best.DataCategory);
        return new NameMatch(best, best.DataCategory, best.Weight, gates, groups, tokens, null);
    }

    // A rule of the user's file first (NameRule.UserRule); then the later match wins, then the longer; of two equal matches (the same phrase in two rules: "iva" is the VAT number
    // as text and the VAT amount as a decimal), the rule that takes the column's type (kinds20), then the rule scoped to the
    // table's groups (kinds26: a rule whose `tables:` matched is more specific evidence than one that holds in any table,
    // whatever their weights), then the stronger. Rules reach here only when their scope matched.
    private static bool Better(int end, int length, bool fits, NameRule rule, int bestEnd, int bestLength, bool bestFits, NameRule? best)
    {
        // A rule of the user's own file (NameRule.UserRule) that matches wins over every shipped rule that matches.
        if (best is not null && rule.UserRule != best.UserRule) return rule.UserRule;
        if (best is null || end != bestEnd) return end > bestEnd;
        if (length != bestLength) return length > bestLength;
        if (fits != bestFits) return fits;
        bool scoped = IsScoped(rule), bestScoped = IsScoped(best);
        if (scoped != bestScoped) return scoped;
        return rule.Weight > best.Weight;
    }

    /// <summary>True when <paramref name="rule"/> holds only in tables of some context groups (<c>tables:</c>); such a
    /// rule, when it matches at all, wins a tie (same end, same length, same type fit) against a rule that holds in any
    /// table, whatever the weights (kinds26). <c>not-tables:</c> alone does not scope a rule.</summary>
    /// <param name="rule">A rule of this set.</param>
    /// <returns>True for a rule with table groups.</returns>
    internal static bool IsScoped(NameRule rule) => rule.Tables.Count > 0;

    /// <summary>The ids of the rules that could take part in matching <paramref name="name"/> in any table, for any type
    /// and with any siblings: a rule is listed when one of its phrases (its words run together, or for a phrase with
    /// <c>*</c> each other word) or <c>contains</c> fragments is a substring of the name's tokens run together (abbreviations
    /// expanded, a repeated token once, as <see cref="Match(string, string, TypeFamily)"/> reads them), of its words
    /// without digit runs, or of those words without the name group <c>age</c> (the priced-item reading of the rule
    /// classifier). A superset of the rules any match of the name can return, so a rule not listed for a column nor for
    /// any of its table's columns cannot change the column's rule decision (<see cref="Learning.RuleAblation"/>).</summary>
    /// <param name="name">A column name.</param>
    /// <returns>A new set of rule ids, ordinal comparison.</returns>
    internal HashSet<string> RulesMentioning(string name)
    {
        var tokens = Expand(NameTokenizer.Tokenize(name));
        for (int i = tokens.Count - 1; i > 0; i--)
            if (tokens[i] == tokens[i - 1] && !char.IsAsciiDigit(tokens[i][0])) tokens.RemoveAt(i);
        var words = tokens.Where(t => !char.IsAsciiDigit(t[0])).ToList();
        string[] texts = [string.Concat(tokens), string.Concat(words), string.Concat(words.Where(w => !InNameGroup([w], "age")))];
        bool InAny(string part) => texts.Any(t => t.Contains(part, StringComparison.Ordinal));
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in Rules)
        {
            bool mentioned = rule.Phrases.Any(phrase => Array.IndexOf(phrase, AnyWord) >= 0
                    ? phrase.Where(w => w != AnyWord).All(InAny)
                    : InAny(string.Concat(phrase)))
                || rule.Contains.Any(InAny);
            if (mentioned) ids.Add(rule.Id);
        }
        return ids;
    }

    /// <summary>Replaces every token that is a known abbreviation (the <c>abbreviations</c> of the rule file, all four
    /// languages: <c>fname</c> → <c>first name</c>, <c>tel</c> → <c>phone</c>) by its expansion.</summary>
    /// <param name="tokens">Folded tokens (<see cref="NameTokenizer.Tokenize"/>).</param>
    /// <returns>A new list; tokens without expansion are kept as they are.</returns>
    public IReadOnlyList<string> ExpandAbbreviations(IReadOnlyList<string> tokens) => Expand(tokens);

    private List<string> Expand(IReadOnlyList<string> tokens)
    {
        var result = new List<string>(tokens.Count + 2);
        foreach (var t in tokens)
            if (_abbreviations.TryGetValue(t, out var expansion)) result.AddRange(expansion); else result.Add(t);
        return result;
    }

    /// <summary>The singular of a Spanish plural in <c>-es</c> of a noun ending in a consonant (<c>suscriptores</c> →
    /// <c>suscriptor</c>, <c>autores</c> → <c>autor</c>, <c>canales</c> → <c>canal</c>, <c>huespedes</c> → <c>huesped</c>; the
    /// Real Academia's rule for nouns ending in -r, -l, -n, -d), which <see cref="Singular"/>'s English -s leaves as
    /// <c>suscriptore</c>. Applied to tokens of at least six letters, so that short English plurals (<c>files</c>,
    /// <c>roles</c>, <c>nodes</c>) are not read as other words (<c>fil</c>, <c>rol</c>), and only after a vowel and that
    /// consonant, as Spanish nouns end, so that French plurals in -des, -nes, -les (<c>commandes</c>, <c>personnes</c>,
    /// <c>tables</c>) are not read as <c>command</c>, <c>personn</c>, <c>tabl</c>.</summary>
    /// <param name="token">A folded lower-case token.</param>
    /// <returns>The token without its <c>-es</c>, or the token unchanged when it is no such plural.</returns>
    private static string SingularOfEs(string token) =>
        token.Length >= 6 && token.EndsWith("es", StringComparison.Ordinal) && token[^3] is 'r' or 'l' or 'n' or 'd'
            && token[^4] is 'a' or 'e' or 'i' or 'o' or 'u' ? token[..^2] : token;

    private static string Singular(string token) =>
        token.Length > 4 && token.EndsWith("ies", StringComparison.Ordinal) ? token[..^3] + "y"
        : token.Length > 4 && token.EndsWith("sses", StringComparison.Ordinal) ? token[..^2]
        : token.Length > 3 && token.EndsWith('s') && !token.EndsWith("ss", StringComparison.Ordinal) ? token[..^1]
        : token;

    /// <summary>The number of word (non-digit) tokens before token <paramref name="tokenIndex"/>.</summary>
    private static int WordIndex(List<string> tokens, int tokenIndex)
    {
        int words = 0;
        for (int i = 0; i < tokenIndex && i < tokens.Count; i++) if (!char.IsAsciiDigit(tokens[i][0])) words++;
        return words;
    }

    private static int TokenAt(List<string> words, int charIndex)
    {
        int position = 0;
        for (int i = 0; i < words.Count; i++)
        {
            position += words[i].Length;
            if (charIndex < position) return i;
        }
        return words.Count - 1;
    }

    private static int FindRun(List<string> tokens, string[] phrase) => FindRunLast(tokens, phrase, out _);

    /// <summary>The word that stands for any one word in a phrase of the rule file (<c>stripe * id</c>).</summary>
    private const string AnyWord = "*";

    /// <summary>A phrase of the rule file as tokens: tokenised as a column name, except that a <c>*</c> word is kept as
    /// <see cref="AnyWord"/> (the tokenizer would drop it).</summary>
    private static string[] Phrase(string text) =>
        text.Contains('*', StringComparison.Ordinal)
            ? text.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .SelectMany(part => part == AnyWord ? [AnyWord] : NameTokenizer.Tokenize(part)).ToArray()
            : NameTokenizer.Tokenize(text).ToArray();

    /// <summary>The start of the last run of words matching a phrase with <see cref="AnyWord"/>: each other word of the
    /// phrase equals its word of the run, each <c>*</c> takes exactly one word; -1 when none.</summary>
    private static int FindPatternLast(List<string> words, string[] phrase, out int end)
    {
        end = -1;
        for (int start = words.Count - phrase.Length; start >= 0; start--)
        {
            int i = 0;
            while (i < phrase.Length && (phrase[i] == AnyWord || string.Equals(phrase[i], words[start + i], StringComparison.Ordinal))) i++;
            if (i == phrase.Length) { end = start + phrase.Length - 1; return start; }
        }
        return -1;
    }

    /// <summary>The start of the last run of tokens whose concatenation equals the phrase's; -1 when none.</summary>
    private static int FindRunLast(List<string> tokens, string[] phrase, out int end)
    {
        // The phrase's words are read as one run of letters (as if concatenated) without building that string: this is
        // called for every phrase of every rule on each name the match memo has not seen (perf28: the concatenation was
        // half of the uncached matching's time).
        int targetLength = 0;
        foreach (var word in phrase) targetLength += word.Length;
        end = -1;
        for (int start = tokens.Count - 1; start >= 0; start--)
        {
            int length = 0;
            for (int i = start; i < tokens.Count; i++)
            {
                var t = tokens[i];
                if (length + t.Length > targetLength || !RunHolds(phrase, length, t)) break;
                length += t.Length;
                if (length == targetLength) { end = i; return start; }
            }
        }
        return -1;
    }

    // True when the phrase's words, read as one run of letters, hold text at the offset (which with the text's length
    // stays within the run). Compared char by char in this loop, which ReadyToRun precompiles: string.CompareOrdinal's
    // vectorised core is not precompiled for the processor, so each process ran it as tier-0 JIT code for most of a
    // names-only scan (2–3 % of its samples; bench/README.md, 2026-12-04, thirteenth session), for tokens of a few letters.
    private static bool RunHolds(string[] phrase, int offset, string text)
    {
        int part = 0;
        while (offset >= phrase[part].Length) offset -= phrase[part++].Length;
        for (int done = 0; done < text.Length; part++, offset = 0)
        {
            var word = phrase[part];
            int n = Math.Min(word.Length - offset, text.Length - done);
            for (int k = 0; k < n; k++)
                if (word[offset + k] != text[done + k]) return false;
            done += n;
        }
        return true;
    }
}
