using Inventory.Classification;
using Inventory.Rules;
using NUnit.Framework;

namespace Inventory.Tests.Support;

/// <summary>
/// The base of the bulk adversarial tests of the classifier (issue 10 item 6: <c>*AdversarialTests</c>,
/// <c>ErrorKind*RoundAdversarialTests</c>, <c>*GateTests</c>): the classifiers under test, shared by every fixture of the
/// run; seeded picks and the spellings a database gives a name; and the assertion that a generated kind has no wrong
/// column, naming the wrong columns (never sampled values) in its message. Only kinds are asserted, never one literal
/// row; every generator is seeded, so a failure is reproducible.
/// </summary>
/// <remarks>
/// A new class adopts it by deriving from it (<c>public sealed class XAdversarialTests : GeneratedNameFixture</c>) and
/// using <see cref="Combined"/>, <see cref="Rules"/> or <see cref="NameRules"/> instead of its own fields. Columns of a
/// <see cref="ColumnKind"/> (names across the four languages) are generated and asserted with
/// <see cref="AdversarialColumns.Generate"/>, <see cref="AdversarialColumns.AssertAllAccepted"/> and
/// <see cref="AdversarialColumns.AssertNoneTake"/>; a hand-written loop collects its wrong columns as
/// <c>table.column → category</c> lines and ends with <see cref="AssertNoneWrong"/>.
/// </remarks>
public abstract class GeneratedNameFixture
{
    private static readonly Lazy<IColumnClassifier> CombinedClassifier = new(() => ClassifierFactory.CreateDefault());
    private static readonly Lazy<RuleClassifier> RuleClassifier = new(() => ClassifierFactory.CreateRules());

    /// <summary>The classifier the CLI uses: the name rules and detectors combined with the embedded model
    /// (<see cref="ClassifierFactory.CreateDefault"/>), created once per test run.</summary>
    protected static IColumnClassifier Combined => CombinedClassifier.Value;

    /// <summary>The rule classifier alone, without the model (<see cref="ClassifierFactory.CreateRules"/>), created once
    /// per test run.</summary>
    protected static RuleClassifier Rules => RuleClassifier.Value;

    /// <summary>The shipped name rules (<c>rules/name-rules.yml</c>), for tests of table groups and rule matches.</summary>
    protected static NameRuleSet NameRules => NameRuleSet.Default;

    /// <summary>Text column types as schemas of several engines spell them (PostgreSQL, MySQL, SQL Server, ClickHouse), in
    /// the order the eighth and ninth rounds' kinds draw them from (a seeded draw depends on the order).</summary>
    protected static readonly string[] EngineTextTypes =
        ["varchar(255)", "varchar(100)", "character varying(255)", "text", "string", "String", "nvarchar(200)", "VARCHAR(64)"];

    /// <summary>Bogus locales of the four languages the rules are written in, and regional variants of them, for generated
    /// names and values.</summary>
    protected static readonly string[] FakerLocales = ["fr", "de", "es", "en", "en_GB", "de_AT", "es_MX", "fr_CH"];

    /// <summary>A value of <paramref name="values"/> picked with <paramref name="random"/> (one draw).</summary>
    /// <param name="random">The seeded source.</param>
    /// <param name="values">The values (at least one).</param>
    /// <returns>The value picked.</returns>
    protected static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    /// <summary>A value of <paramref name="values"/> picked with <paramref name="random"/> (one draw).</summary>
    /// <param name="random">The seeded source.</param>
    /// <param name="values">The values (at least one).</param>
    /// <returns>The value picked.</returns>
    protected static T Pick<T>(Random random, T[] values) => values[random.Next(values.Length)];

    /// <summary>A sampled text column of a values kind under a name that says nothing about it: a table of
    /// <paramref name="tables"/> with <paramref name="siblings"/> beside the column, the column a name of
    /// <paramref name="columns"/> in one of three styles, an engine's text type, and <paramref name="rows"/> values drawn
    /// from <paramref name="value"/> (draws in that order, so a seed gives the same column wherever it is used).</summary>
    /// <param name="random">The seeded source.</param>
    /// <param name="tables">Neutral table names.</param>
    /// <param name="siblings">The table's other column names.</param>
    /// <param name="columns">Neutral column names (snake case).</param>
    /// <param name="value">One value of the kind per call.</param>
    /// <param name="rows">How many values the column holds.</param>
    /// <returns>The column's evidence.</returns>
    protected static ColumnEvidence NeutralColumn(Random random, string[] tables, string[] siblings, string[] columns, Func<Random, string> value, int rows = 40) =>
        Tests.Rules.Some.InTable(Pick(random, tables), siblings, SnakeCamelOrPascal(random, Pick(random, columns)), Pick(random, EngineTextTypes),
            Enumerable.Range(0, rows).Select(_ => value(random)).ToArray());

    /// <summary>Word lists for a kind's names (<see cref="AdversarialColumns.Words"/>): each entry split on spaces.</summary>
    /// <param name="names">The names, words separated by spaces (<c>"last login"</c>).</param>
    /// <returns>One word list per name.</returns>
    protected static string[][] W(params string[] names) => AdversarialColumns.Words(names);

    /// <summary>A snake-case name in one of three styles, one draw of <paramref name="random"/>: as given, camel case
    /// (<c>sickLeave</c>) or Pascal case (<c>SickLeave</c>). <see cref="AdversarialColumns.Styled"/> adds upper snake
    /// case with a draw of four; the two are not interchangeable under one seed.</summary>
    /// <param name="random">The seeded source.</param>
    /// <param name="snake">The name in snake case, lower case, no empty word.</param>
    /// <returns>The name as spelled.</returns>
    protected static string SnakeCamelOrPascal(Random random, string snake) => random.Next(3) switch
    {
        0 => snake,
        1 => string.Concat(snake.Split('_').Select((w, i) => i == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..])),
        _ => string.Concat(snake.Split('_').Select(w => char.ToUpperInvariant(w[0]) + w[1..])),
    };

    /// <summary>A snake-case table name in one of three styles, one draw of <paramref name="random"/>: as given, Pascal
    /// case (<c>SalesOrders</c>) or upper snake case (<c>SALES_ORDERS</c>).</summary>
    /// <param name="random">The seeded source.</param>
    /// <param name="table">The table name in snake case, lower case, no empty word.</param>
    /// <returns>The name as spelled.</returns>
    protected static string AsIsPascalOrUpper(Random random, string table) => random.Next(3) switch
    {
        0 => table,
        1 => string.Concat(table.Split('_').Select(w => char.ToUpperInvariant(w[0]) + w[1..])),
        _ => table.ToUpperInvariant(),
    };

    /// <summary>The share of <paramref name="total"/> that <paramref name="hits"/> is, for thresholds (<c>≥ 0.99</c>).</summary>
    /// <param name="hits">How many met the condition.</param>
    /// <param name="total">How many there were (above 0).</param>
    /// <returns>hits / total, between 0 and 1.</returns>
    protected static double Rate(int hits, int total) => (double)hits / total;

    /// <summary>Asserts that no generated column was decided wrongly: <paramref name="wrong"/> is empty. The failure
    /// message counts them against <paramref name="total"/> and lists the first twelve as the test wrote them (names,
    /// types and categories; a test never puts sampled values in them).</summary>
    /// <param name="wrong">The wrong columns, one line each (<c>table.column → category</c>).</param>
    /// <param name="total">How many columns were generated.</param>
    /// <param name="what">What the wrong ones are, after the count (<c>"session columns misclassified"</c>).</param>
    /// <exception cref="AssertionException">Some column was wrong.</exception>
    protected static void AssertNoneWrong(IReadOnlyCollection<string> wrong, int total, string what) =>
        Assert.That(wrong, Is.Empty, $"{wrong.Count} of {total} {what}; e.g. {string.Join("; ", wrong.Take(12))}");

    /// <summary>Generates <paramref name="count"/> columns of <paramref name="kind"/> (look-alikes a rule must leave to the
    /// others, whatever they decide) and asserts that no decision of the rules (<see cref="Rules"/>) carries the rule
    /// <paramref name="ruleId"/> among its evidence; the failure names the columns taken (names and types only).</summary>
    /// <param name="kind">The look-alikes.</param>
    /// <param name="count">How many columns to generate.</param>
    /// <param name="seed">The generator's seed.</param>
    /// <param name="ruleId">The name rule's id (<c>name.multi.tax-rate</c>).</param>
    /// <exception cref="AssertionException">Some column was taken by the rule.</exception>
    private protected static void AssertRuleNeverFires(ColumnKind kind, int count, int seed, string ruleId)
    {
        var columns = AdversarialColumns.Generate(kind, count, seed);
        var decisions = Rules.ClassifyMany(columns.Select(c => c.ToEvidence()).ToArray());
        var taken = columns.Zip(decisions)
            .Where(p => p.Second.Evidence.Any(e => string.Equals(e.Id, ruleId, StringComparison.Ordinal)))
            .Select(p => $"{p.First.Table}.{p.First.Column} ({p.First.Type}, {p.First.Language}) → {p.Second.DataCategory}")
            .ToList();
        TestContext.Out.WriteLine($"{kind.What}: {taken.Count} of {columns.Count} taken by {ruleId}");
        Assert.That(columns, Has.Count.EqualTo(count));
        Assert.That(taken, Is.Empty, $"{taken.Count} of {count} {kind.What} taken by {ruleId}; e.g. {string.Join("; ", taken.Take(12))}");
    }

    /// <summary>Generates <paramref name="count"/> columns of <paramref name="kind"/> and asserts that the rules
    /// (<see cref="Rules"/>) mark each with the gate <paramref name="gateId"/> (category none) while deciding nothing else for
    /// it (undecided, or customer content as the name reads it), or that a name rule decided none for it unmarked; and that
    /// at least <paramref name="minimumMarked"/> of them are marked. For the gates applied after the combination
    /// (<c>gate.type.enumeration</c>, <c>gate.name.configuration</c>); the failure names the columns (names and types only).</summary>
    /// <param name="kind">The kind the gate marks.</param>
    /// <param name="count">How many columns to generate.</param>
    /// <param name="seed">The generator's seed.</param>
    /// <param name="gateId">The gate's evidence id.</param>
    /// <param name="minimumMarked">The least share of the columns marked, in [0, 1].</param>
    /// <exception cref="AssertionException">Too few were marked, or some column was decided otherwise.</exception>
    private protected static void AssertGateMarksOrANameRuleDecidesNone(ColumnKind kind, int count, int seed, string gateId, double minimumMarked)
    {
        var columns = AdversarialColumns.Generate(kind, count, seed);
        var decisions = Rules.ClassifyMany(columns.Select(c => c.ToEvidence()).ToArray());
        bool Marked(ColumnClassification d) =>
            d.Evidence.Any(e => string.Equals(e.Id, gateId, StringComparison.Ordinal) && e.DataCategory == "none");
        static bool ByANameRulesNone(ColumnClassification d) =>
            d.DataCategory == "none" && d.Evidence.Any(e => e.Kind == "name-rule" && e.DataCategory == "none");
        static bool LeftAsTheNameReads(ColumnClassification d) =>
            d.DataCategory is null || d.DataCategory.StartsWith("customer_content", StringComparison.Ordinal);
        int marked = decisions.Count(Marked);
        TestContext.Out.WriteLine($"{kind.What}: {marked} of {count} marked by {gateId}, the rest a name rule's none");
        Assert.That(marked, Is.GreaterThanOrEqualTo((int)Math.Ceiling(count * minimumMarked)));
        var wrong = columns.Zip(decisions)
            .Where(p => !(Marked(p.Second) && LeftAsTheNameReads(p.Second)) && !(!Marked(p.Second) && ByANameRulesNone(p.Second)))
            .Select(p => $"{p.First.Table}.{p.First.Column} ({p.First.Type}, {p.First.Language}) → {p.Second.DataCategory} "
                         + $"[{string.Join(", ", p.Second.Evidence.Select(e => e.Id))}]")
            .ToList();
        AssertNoneWrong(wrong, count, $"{kind.What} neither marked by {gateId} nor a name rule's none");
    }
}
