using Inventory.Catalog;
using Inventory.Classification;

namespace Inventory.Rules;

/// <summary>The rule classifier's decision on the text of articles that people write (kinds46, trial45 kind 1): a table
/// named with a word the catalogue group shares with a blog or a newspaper (<c>articles</c>, <c>Artikel</c>,
/// <c>articulos</c>: a shop's products in French, German and Spanish, a writer's posts everywhere).</summary>
public sealed partial class RuleClassifier
{
    /// <summary>Evidence id of <see cref="UsersArticleText"/>'s decision (kind <c>table-context</c>).</summary>
    public const string UsersArticlesEvidence = "table.users-articles";

    /// <summary>Evidence id of <see cref="PricedArticleText"/>'s decision (kind <c>table-context</c>).</summary>
    public const string PricedArticlesEvidence = "table.priced-articles";

    /// <summary>True when the column's table is a catalogue-named table (<c>catalogue</c> group, not a <c>content</c> or
    /// <c>uploads</c> table) another column of which names a price, a SKU or a stock (name group <c>priced-item</c>): a
    /// shop's articles, whose text staff write (LABELS.md tie-breaker 6), whoever the rows name as their author.</summary>
    /// <param name="rules">The name rules (groups and matching).</param>
    /// <param name="column">The column, with its table's column names.</param>
    /// <param name="tableGroups">The table's context groups (<see cref="NameMatch.TableGroups"/>).</param>
    /// <returns>True for a priced catalogue.</returns>
    internal static bool IsPricedCatalogue(NameRuleSet rules, ColumnEvidence column, IReadOnlyList<string> tableGroups)
    {
        if (!tableGroups.Contains("catalogue") || tableGroups.Contains("content") || tableGroups.Contains("uploads")) return false;
        foreach (var sibling in column.TableColumns)
            if (!string.Equals(sibling, column.Column.Name, StringComparison.Ordinal)
                && rules.InNameGroup(rules.Match(TableContext.NameOf(column), sibling, TypeFamily.Text).Tokens, "priced-item")) return true;
        return false;
    }

    /// <summary>True when the whole column name is the text of an article (name group <c>article-text</c>) in a priced
    /// catalogue (<see cref="IsPricedCatalogue"/>): the catalogue's own text, which <c>name.multi.message</c> reads as a
    /// message by its words <c>body</c> and <c>content</c>.</summary>
    internal static bool IsPricedArticleText(NameRuleSet rules, ColumnEvidence column, NameMatch name) =>
        rules.IsNameGroupPhrase(name.Tokens, "article-text") && IsPricedCatalogue(rules, column, name.TableGroups);

    /// <summary>True when the column's table is a catalogue-named table (<c>catalogue</c> group, not a <c>content</c> or
    /// <c>uploads</c> table) whose rows people write: another column is a key to a person or an author (a key word,
    /// <c>id</c>, <c>ref</c>, <c>fk</c>, <c>by</c>…, beside a word of the name group <c>person-key-subject</c>:
    /// <c>author_id</c>, <c>auteur_id</c>, <c>autor_id</c>, <c>Verfasser_Nr</c>, <c>id_usuario</c>) and no column names a
    /// price, a SKU or a stock (name group <c>priced-item</c>). LABELS.md customer_content.message: posts and articles users
    /// write are their content; a product catalogue (price, SKU, stock) is the organisation's own (tie-breaker 6), whoever
    /// entered its rows.</summary>
    /// <param name="rules">The name rules (groups and matching).</param>
    /// <param name="column">The column, with its table's column names.</param>
    /// <param name="tableGroups">The table's context groups (<see cref="NameMatch.TableGroups"/>).</param>
    /// <returns>True for a table of written articles.</returns>
    internal static bool IsTableOfUsersArticles(NameRuleSet rules, ColumnEvidence column, IReadOnlyList<string> tableGroups)
    {
        if (!tableGroups.Contains("catalogue") || tableGroups.Contains("content") || tableGroups.Contains("uploads")) return false;
        bool authored = false;
        foreach (var sibling in column.TableColumns)
        {
            if (string.Equals(sibling, column.Column.Name, StringComparison.Ordinal)) continue;
            var tokens = rules.Match(TableContext.NameOf(column), sibling, TypeFamily.Text).Tokens;
            if (rules.InNameGroup(tokens, "priced-item")) return false;
            if (tokens.Count < 2) continue;
            var rest = KeyWords.Contains(tokens[^1]) ? tokens.Take(tokens.Count - 1) : KeyWords.Contains(tokens[0]) ? tokens.Skip(1) : null;
            if (rest is not null && rules.IsNameGroupPhrase([.. rest], "person-key-subject")) authored = true;
        }
        return authored;
    }

    /// <summary>The title, body, summary or content of an article people write (a whole column name of the name group
    /// <c>article-text</c>: <c>title</c>, <c>titre</c>, <c>Titel</c>, <c>titulo</c>, <c>body</c>, <c>contenu</c>,
    /// <c>Inhalt</c>, <c>contenido</c>…) in a table of written articles (<see cref="IsTableOfUsersArticles"/>) is
    /// <c>customer_content.message</c> (LABELS.md tie-breaker 6), where the catalogue reading of the table's name said none.
    /// Text types only. A table-context decision: it stands in the combination, names only as well, at 0.7 (the table's
    /// name says catalogue, its keys say writer).</summary>
    /// <param name="column">The column, with its table's column names.</param>
    /// <param name="name">The column name's match: none, or a <c>none</c> match without gate.</param>
    /// <param name="evidence">The column's evidence, prepended to when the rule applies.</param>
    /// <returns>The decision, or null when the rule does not apply.</returns>
    private ColumnClassification? UsersArticleText(ColumnEvidence column, NameMatch name, List<EvidenceItem> evidence)
    {
        if (name.DataCategory is not (null or "none" or "customer_content.message") || name.Gates.Count > 0) return null;
        if (column.Column.Family is not (TypeFamily.Text or TypeFamily.Untyped or TypeFamily.Document)) return null;
        if (!_rules.IsNameGroupPhrase(name.Tokens, "article-text") || !IsTableOfUsersArticles(_rules, column, name.TableGroups)) return null;
        evidence.Insert(0, new EvidenceItem("table-context", UsersArticlesEvidence, "customer_content.message",
            Detail: "the text of an article in a table with an author's key and no price, SKU or stock: what a person wrote, not the catalogue's"));
        return Decide("customer_content.message", 0.7, evidence);
    }

    /// <summary>The title, body or content of an article in a priced catalogue (<see cref="IsPricedArticleText"/>) is
    /// <c>none</c>, the organisation's catalogue text (LABELS.md tie-breaker 6), where a message rule read its words
    /// (<c>body</c>, <c>content</c>). Names only; with sampled values <c>table.catalogue</c> decides prose the same way
    /// (<c>ValueRules</c>). A table-context decision: it stands in the combination, at 0.75 (as <c>table.catalogue</c>).</summary>
    /// <param name="column">The column, with its table's column names.</param>
    /// <param name="name">The column name's match.</param>
    /// <param name="evidence">The column's evidence, prepended to when the rule applies.</param>
    /// <returns>The decision, or null when the rule does not apply.</returns>
    private ColumnClassification? PricedArticleText(ColumnEvidence column, NameMatch name, List<EvidenceItem> evidence)
    {
        if (name.DataCategory is not (null or "none" or "customer_content.message") || name.Gates.Count > 0) return null;
        if (column.Column.Family is not (TypeFamily.Text or TypeFamily.Untyped or TypeFamily.Document)) return null;
        if (!IsPricedArticleText(_rules, column, name)) return null;
        evidence.Insert(0, new EvidenceItem("table-context", PricedArticlesEvidence, "none",
            Detail: "the text of an article in a table with a price, a SKU or a stock: the catalogue's own text, typed by staff"));
        return Decide("none", 0.75, evidence);
    }
}
