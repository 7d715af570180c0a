using Inventory.Catalog;
using Inventory.Classification;

namespace Inventory.Rules;

/// <summary>The rule classifier's mark on a column named as a record's web address (kinds43, session 43).</summary>
public sealed partial class RuleClassifier
{
    /// <summary>Evidence id of the gate <see cref="MarkLocatorName"/> adds (kind <c>name-gate</c>, category none):
    /// <c>CombinedClassifier</c> never suggests customer_content for a column that carries it.</summary>
    public const string LocatorNameEvidence = "gate.name.locator";

    // Tables where a web address is held back from the gate, each group a kind of rows:
    // - rows users put in the service: files they upload (`uploads`, `attachment-link`), what they post (`content`; and
    //   the name group `posted-record-table` on the table's name), links and bookmarks they save (`shared-or-saved-thing`;
    //   the name group `saved-link-table`): the address is their content (LABELS.md customer_content);
    // - rows of what a visitor did (`activity`, `event-log`, `event-record`, `sign-in`, `login-session`, `session-record`,
    //   `search-log`): a visited URL or a referrer is automatic.activity (LABELS.md, tie-breaker 10);
    // - rows of people and organisations (`person`, `people`, `user-account`, `company`): their website or profile URL is
    //   contact.username (LABELS.md contact).
    // Name groups of rules/name-rules.yml read on the table's name for the first kind (not table groups, whose words would
    // also read closed compounds for the model's table features).
    private static readonly string[] LocatorHeldBackTableWords = ["posted-record-table", "saved-link-table"];

    private static readonly string[] LocatorHeldBackGroups =
    [
        "uploads", "attachment-link", "content", "shared-or-saved-thing",
        "activity", "event-log", "event-record", "sign-in", "login-session", "session-record", "search-log",
        "person", "people", "user-account", "company",
    ];

    /// <summary>A column whose name ends in a word of a web address (name group <c>locator</c> of rules/name-rules.yml:
    /// <c>url</c>, <c>link</c>, <c>href</c>, <c>permalink</c>, <c>Verweis</c>; <c>video_url</c>, <c>online_meeting_url</c>,
    /// <c>secure_link</c>, <c>answerUrl</c>), or starts with a French or Spanish one, as those languages put the head noun
    /// first (name group <c>locator-head-first</c>: <c>lien</c>, <c>lien_externe</c>, <c>enlace_video</c>), holds where a
    /// record of the application points: a notification's or a navigation entry's target, a meeting's or a resource's
    /// address, a webhook's endpoint, a payment link; the organisation's configuration or its own records, none (LABELS.md none: configuration), never content users
    /// store as their own. The first level read such names as customer content in eleven applications of the corpus
    /// (rules/MODEL.md, session 43). This adds the gate's evidence (<see cref="LocatorNameEvidence"/>, kind
    /// <c>name-gate</c>, category none) and decides nothing itself, so the combination is fitted on the same rule
    /// decisions, and <c>CombinedClassifier</c> turns a customer_content suggestion carrying the gate into <c>none</c>.
    /// Held back where the address is something else by LABELS.md: when the name also says a file, picture or download
    /// users upload or a visit's page or referrer (name group <c>locator-of-an-upload-or-visit</c>: <c>file_url</c>,
    /// <c>image_link</c>, <c>referrer_url</c>), when a name rule read another category, and in tables of
    /// <see cref="LocatorHeldBackGroups"/> and <see cref="LocatorHeldBackTableWords"/> (uploads, posts, proposals, saved
    /// links; events and visits; people and organisations).</summary>
    /// <param name="column">The column (its table's name is read for the held-back kinds).</param>
    /// <param name="name">The column name's match in its table: the gate applies with no decision or a customer_content
    /// category.</param>
    /// <param name="evidence">The column's evidence, added to when the gate applies.</param>
    /// <returns>Always null (no decision), so that it chains with the decisions before <c>FromNameOnly</c>.</returns>
    private ColumnClassification? MarkLocatorName(ColumnEvidence column, NameMatch name, List<EvidenceItem> evidence)
    {
        if (name.DataCategory is { } read && DataCategory.TopLevelOf(read) != "customer_content") return null;
        var words = name.Tokens.Where(t => !char.IsAsciiDigit(t[0])).ToList();
        if (words.Count == 0 || !(_rules.IsNameGroupPhrase([words[^1]], "locator") || _rules.IsNameGroupPhrase([words[0]], "locator-head-first")))
            return null;
        if (_rules.InNameGroup(words, "locator-of-an-upload-or-visit")) return null;
        if (name.TableGroups.Any(LocatorHeldBackGroups.Contains)) return null;
        var table = _rules.ExpandAbbreviations(NameTokenizer.Tokenize(column.Table));
        if (LocatorHeldBackTableWords.Any(g => _rules.InNameGroup(table, g))) return null;
        evidence.Add(new EvidenceItem("name-gate", LocatorNameEvidence, "none",
            Detail: "named as a record's web address: where the organisation's record points, never content users wrote"));
        return null;
    }
}
