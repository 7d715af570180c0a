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
    //   the words of UsersOwnTableWords in the table's name), links and bookmarks they save (`shared-or-saved-thing`; the
    //   same words): the address is their content (LABELS.md customer_content);
    // - rows of what a visitor did (`activity`, `event-log`, `event-record`, `sign-in`, `login-session`, `session-record`,
    //   `search-log`): a visited URL or a referrer is automatic.activity (LABELS.md, tie-breaker 10);
    // - rows of people and organisations (`person`, `people`, `user-account`, `company`): their website or profile URL is
    //   contact.username (LABELS.md contact).

    // The words of the gate, stated here once with their languages rather than in rules/name-rules.yml: every word of the
    // rule file is also in the column model's closed-compound dictionary (NameRuleSet.Words), so new words there would
    // change the model's inputs, and this mark is meant to leave them as they are (rules/MODEL.md, session 43).

    // The last word of a name that says a web address (`url`, `link`, `href`, `permalink`, German `Verweis`).
    private static readonly HashSet<string> LocatorWords = new(StringComparer.Ordinal)
    {
        "url", "urls", "uri", "uris", "link", "links", "href", "hyperlink", "hyperlinks", "permalink", "permalinks", "weblink",
        "weblinks", "verweis", "verweise",
    };

    // The French and Spanish address words, read as a name's first word: those languages put the head noun first (`lien`,
    // `lien_externe`, `enlace_video`, `vinculo_reunion`; `texte_lien`, `titulo_enlace` are text about a link). Not `url`
    // nor `link`, which say no language and are read last (`url_video` is left as it is).
    private static readonly HashSet<string> HeadFirstLocatorWords = new(StringComparer.Ordinal)
        { "lien", "liens", "enlace", "enlaces", "vinculo", "vinculos" };

    // Words that say the address is of a file or picture users upload (LABELS.md customer_content.file,
    // other_personal.photo) or of a visit (visited URLs and referrers, LABELS.md automatic.activity), in the four languages.
    private static readonly HashSet<string> UploadOrVisitWords = new(StringComparer.Ordinal)
    {
        "file", "files", "filename", "attachment", "attachments", "upload", "uploads", "uploaded", "document", "documents",
        "photo", "photos", "image", "images", "img", "picture", "pictures", "pic", "avatar", "avatars", "thumbnail",
        "thumbnails", "thumb", "audio", "download", "downloads", "fichier", "fichiers", "piece", "jointe", "datei", "dateien",
        "anhang", "dokument", "bild", "bilder", "foto", "fotos", "archivo", "archivos", "adjunto", "adjuntos", "imagen",
        "imagenes", "documento", "descarga", "referrer", "referer", "referrers", "referers", "landing", "visited", "visit", "visits",
    };

    // Words of a table's name that say its rows are what users put in the service: records they submit for others to see
    // (`proposals`, `bounty_submissions`, `propositions`, `Vorschlaege`, `Einreichungen`, `propuestas`) and links or
    // bookmarks they save (`links`, `bookmarks`, `short_links`, `favoris`, `Lesezeichen`, `enlaces`, `marcadores`): there
    // the address is the user's content (LABELS.md customer_content). Words as written (plurals listed).
    private static readonly HashSet<string> UsersOwnTableWords = new(StringComparer.Ordinal)
    {
        "proposal", "proposals", "submission", "submissions", "contribution", "contributions", "proposition", "propositions",
        "soumission", "soumissions", "vorschlag", "vorschlaege", "vorschlage", "einreichung", "einreichungen", "propuesta",
        "propuestas", "aportacion", "aportaciones",
        "link", "links", "bookmark", "bookmarks", "shortlink", "shortlinks", "favorite", "favorites", "favourite", "favourites",
        "lien", "liens", "signet", "signets", "favori", "favoris", "lesezeichen", "verknuepfung", "verknuepfungen", "enlace",
        "enlaces", "marcador", "marcadores", "favorito", "favoritos",
    };

    private static readonly string[] LocatorHeldBackGroups =
    [
        "uploads", "attachment-link", "content", "shared-or-saved-thing",
        "activity", "event-log", "event-record", "sign-in", "login-session", "session-record", "search-log",
        "person", "people", "user-account", "company",
    ];

    /// <summary>A column whose name ends in a word of a web address (<see cref="LocatorWords"/>:
    /// <c>url</c>, <c>link</c>, <c>href</c>, <c>permalink</c>, <c>Verweis</c>; <c>video_url</c>, <c>online_meeting_url</c>,
    /// <c>secure_link</c>, <c>answerUrl</c>), or starts with a French or Spanish one, as those languages put the head noun
    /// first (<see cref="HeadFirstLocatorWords"/>: <c>lien</c>, <c>lien_externe</c>, <c>enlace_video</c>), holds where a
    /// record of the application points: a notification's or a navigation entry's target, a meeting's or a resource's
    /// address, a webhook's endpoint, a payment link; the organisation's configuration or its own records, none (LABELS.md none: configuration), never content users
    /// store as their own. The first level read such names as customer content in eleven applications of the corpus
    /// (rules/MODEL.md, session 43). This adds the gate's evidence (<see cref="LocatorNameEvidence"/>, kind
    /// <c>name-gate</c>, category none) and decides nothing itself, so the combination is fitted on the same rule
    /// decisions, and <c>CombinedClassifier</c> turns a customer_content suggestion carrying the gate into <c>none</c>.
    /// Held back where the address is something else by LABELS.md: when the name also says a file, picture or download
    /// users upload or a visit's page or referrer (<see cref="UploadOrVisitWords"/>: <c>file_url</c>,
    /// <c>image_link</c>, <c>referrer_url</c>), when a name rule read another category, and in tables of
    /// <see cref="LocatorHeldBackGroups"/> and <see cref="UsersOwnTableWords"/> (uploads, posts, proposals, saved
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
        if (words.Count == 0 || !(LocatorWords.Contains(words[^1]) || HeadFirstLocatorWords.Contains(words[0]))) return null;
        if (words.Any(UploadOrVisitWords.Contains)) return null;
        if (name.TableGroups.Any(LocatorHeldBackGroups.Contains)) return null;
        if (_rules.ExpandAbbreviations(NameTokenizer.Tokenize(column.Table)).Any(UsersOwnTableWords.Contains)) return null;
        evidence.Add(new EvidenceItem("name-gate", LocatorNameEvidence, "none",
            Detail: "named as a record's web address: where the organisation's record points, never content users wrote"));
        return null;
    }
}
