using System.Globalization;
using Inventory.Catalog;
using Inventory.Reports.Diff;

namespace Inventory.Reports.Language;

/// <summary>The French sentences of the analysis, for the record a DPO files with the CNIL. Typography as the French
/// <see cref="ReportText"/>: a space before « : » and « ; », the singular for 0 and 1, digit groups separated by a no-break
/// space, a decimal comma and a no-break space before « % ». Names (tables, columns, sources, activities, label ids) and
/// SQL words (ON DELETE CASCADE) are kept as written; a scan issue's message is worded from the scanner's shapes
/// (<see cref="ScanIssueMessage"/>), an engine's own error text quoted « … » as written.</summary>
internal sealed class AnalysisWordingFrench : AnalysisWording
{
    protected override string Count(long n, string one, string many) => Num(n) + " " + Noun(n, one, many);
    private static string Noun(long n, string one, string many) => n is 0 or 1 ? one : many;
    private static string Num(long n) => ReportText.French.FormatNumber(n);
    private static string Num(long? n) => n is { } v ? Num(v) : "?";
    private static string Percent(double ratio) => (ratio * 100).ToString("0.0", CultureInfo.GetCultureInfo("fr-FR")) + "\u00A0%";
    private static string List(IEnumerable<string> items) => string.Join(", ", items);

    // ClaimEvaluator: unread scope, failures, what was left out.
    public override string UnreadCannotHold(Phrase note, Phrase summary) => $"{S(note)}, donc elle ne peut pas être respectée ; dans ce qui a été lu : {S(summary)}";
    public override string UnreadAppended(Phrase summary, Phrase note) => $"{S(summary)} ; {S(note)}";
    public override string NoCheckForKind(string kind) => $"aucune vérification pour le type de revendication '{kind}'";
    public override string CheckFailed(string kind, string exceptionType) =>
        $"la vérification du type de revendication '{kind}' a échoué ({exceptionType}), donc aucun verdict ; merci de le signaler avec la forme de l'inventaire";
    public override string SourceNotScanned(string issueKind, Phrase message) =>
        $"source non analysée ({ScanIssueKind(issueKind)}) : rien n'en a été lu, donc aucune revendication ne peut y être respectée ; {S(message)}";
    public override string TableNotRead(string issueKind, Phrase message) =>
        $"table non lue ({ScanIssueKind(issueKind)}) : elle n'est pas dans l'inventaire, donc aucune revendication ne peut y être respectée ; {S(message)}";
    public override string UnreadNote(IReadOnlyList<string> sources, IReadOnlyList<string> tables)
    {
        var parts = new List<string>();
        if (sources.Count > 0) parts.Add($"{Count(sources.Count, "source non analysée", "sources non analysées")} ({List(sources)})");
        if (tables.Count > 0) parts.Add($"{Count(tables.Count, "table non lue", "tables non lues")} ({List(tables)})");
        return string.Join(" et ", parts);
    }
    public override string ProcessorSourceLeftOut(int tables, string source, string? controller) =>
        $"{Count(tables, "table", "tables")} de la source sous-traitée '{source}' (rôle : sous-traitant, responsable de traitement : "
        + $"{controller ?? "non déclaré"}) : données des clients hébergées sur leurs instructions (art. 30(2)), hors des revendications propres du responsable";
    public override string ProcessorActivityLeftOut(string? activity) =>
        $"annotée avec le traitement en sous-traitance '{activity}' : données des clients hébergées sur leurs instructions (art. 30(2)), hors des revendications propres du responsable";
    public override string NothingExamined(Phrase why) => $"rien d'examiné : {S(why)}";
    public override string LeftOut(int tables, IReadOnlyList<LeftOutPart> parts) =>
        $" ; écartées : {Count(tables, "table", "tables")} (" + List(parts.Select(p => p.Kind switch
        {
            LeftOutKind.ProcessorSources => $"{Num(p.Tables)} dans {Num(p.Sources)} sources sous-traitées ('{p.First}' … '{p.Last}')",
            LeftOutKind.ProcessorSource => $"{Num(p.Tables)} de la source sous-traitée '{p.First}'",
            LeftOutKind.ProcessorActivity => $"{Num(p.Tables)} d'un traitement en sous-traitance",
            LeftOutKind.ExemptActivity => $"{Num(p.Tables)} d'un traitement exempté",
            LeftOutKind.NotErasable => $"{Num(p.Tables)} non effaçable{(p.Tables > 1 ? "s" : "")}",
            LeftOutKind.AttachedToMessages => $"{Num(p.Tables)} de pièces jointes à des messages",
            _ => $"{Num(p.Tables)} vue{(p.Tables > 1 ? "s" : "")}",
        })) + ")";
    public override string AcceptedBasis(string confidence, string threshold) =>
        $" (suggestion acceptée : confiance {Decimal(confidence)} ≥ {Decimal(threshold)}, non vérifiée)";
    private static string Decimal(string invariant) => invariant.Replace('.', ',');
    public override string UndecidedColumn() => "colonne indéterminée";
    public override string SuggestedBelowThreshold(string category, string confidence, string threshold) =>
        $"{category} suggérée à {Decimal(confidence)}, non étiquetée (sous le seuil d'acceptation {Decimal(threshold)})";
    public override string SuggestedNotTagged(string category) => $"{category} suggérée, non étiquetée (une suggestion n'est pas une étiquette)";

    // Shared pieces.
    public override string KeysSetAside(int keys) => keys == 0 ? ""
        : $" ({Count(keys, "colonne clé non étiquetée mise", "colonnes clés non étiquetées mises")} de côté : les clés techniques et étrangères ne sont pas des données personnelles)";
    public override string NotSampled(string reason) => $"non échantillonnée ({reason})";
    public override string SampleBasis(long rows, int tables, int whole) =>
        $"sur {Count(rows, "ligne échantillonnée", "lignes échantillonnées")} de {Count(tables, "table", "tables")} ({Count(whole, "lue", "lues")} en entier)";
    public override string CardHits(string detector, long matched, long? total) =>
        $"{detector} a reconnu {Num(matched)} des {Num(total)} valeurs échantillonnées{Ratio(matched, total)}";
    public override string CardHitsInJson(string detector, long matched, long? total, IReadOnlyList<string> paths, long? documentsRead, long? sampled) =>
        $"{detector} a reconnu {Num(matched)} des {Num(total)} valeurs "
        + (paths.Count > 0 ? $"en {List(paths)}" : "à un chemin trop rare pour être nommé,")
        + (documentsRead is { } read && sampled is { } of ? $" dans les {Num(read)} documents JSON lus (sur {Num(of)} valeurs échantillonnées)" : " dans les documents JSON");
    private static string Ratio(long matched, long? total) => total is > 0 ? $" ({Percent((double)matched / total.Value)})" : "";
    public override string ContainedCards(long matched, long total) =>
        $"{Num(matched)} des {Num(total)} valeurs échantillonnées contiennent un numéro de carte de paiement dans leur texte ({Percent((double)matched / total)})";
    public override string ContainedCardsUncounted() => "des valeurs contiennent des numéros de carte de paiement (preuve « contient »)";
    public override string NoControllerColumn() => "aucune colonne d'une table du responsable à vérifier";

    // no-card-number.
    public override string CardNumbersStored(Phrase hits) => $"{S(hits)} : des numéros de carte sont stockés";
    public override string CardNumberNotRuledOut(Phrase notSampled) => $"{S(notSampled)} : un numéro de carte stocké ne peut pas être exclu";
    public override string NoCardNumberHolds(int columns, Phrase basis) =>
        $"{Count(columns, "colonne vérifiée", "colonnes vérifiées")} {S(basis)} ; aucun numéro de carte (PAN) détecté (identifiants de la passerelle, 4 derniers chiffres et date d'expiration sont admis)";
    public override string NoCardNumberViolated(int columns) =>
        $"{Count(columns, "colonne contient", "colonnes contiennent")} des numéros de carte de paiement";
    public override string NoCardNumberUnknown(int columns) =>
        $"aucun numéro de carte (PAN) détecté, mais {Count(columns, "colonne qui pourrait", "colonnes qui pourraient")} contenir des numéros de carte {Noun(columns, "n'a", "n'ont")} pas été {Noun(columns, "échantillonnée", "échantillonnées")}";

    // payment-through-gateway.
    public override string FullCardNumbersStored(Phrase hits, string gateway) => $"{S(hits)} : des numéros de carte complets sont stockés ici, pas seulement chez la passerelle '{gateway}'";
    public override string PaymentNotConfirmed(Phrase undecided) => $"{S(undecided)} : les données de paiement ne peuvent pas être confirmées";
    public override string ForbiddenStored(string category, string gateway, Phrase basis) => $"{category} est stockée : les paiements doivent passer par la passerelle '{gateway}'{S(basis)}";
    public override string ForbiddenStoredAtPath(string path, string category, string gateway) => $"en {path} : {category} est stockée : les paiements doivent passer par la passerelle '{gateway}'";
    public override string PaymentTableShared(string recipient, string gateway) => $"table de données de paiement partagée avec '{recipient}', pas seulement avec la passerelle '{gateway}'";
    public override string PaymentColumnShared(string category, string recipient, string gateway) =>
        $"données de paiement ({category}) partagées avec '{recipient}' par le shared-with propre à la colonne, pas seulement avec la passerelle '{gateway}'";
    public override string UndecidedInPaymentTable(Phrase undecided, bool tagged) => tagged
        ? $"{S(undecided)} dans une table de données de paiement"
        : $"{S(undecided)} dans une table dont les données de paiement ne sont que suggérées";
    public override string PaymentNothingTagged(IReadOnlyList<string> categories, string gateway) =>
        $"aucune table ne contient {List(categories)} : rien n'est étiqueté avec une catégorie de paiement, donc rien à vérifier par rapport à la passerelle '{gateway}'";
    public override string PaymentHolds(int tables, IReadOnlyList<string> forbidden, string gateway) =>
        $"{Count(tables, "table contient", "tables contiennent")} des données de paiement ; aucune ne contient {List(forbidden)} ni n'est partagée au-delà de '{gateway}'";
    public override string PaymentViolated(int findings, int cardFindings, IReadOnlyList<string> forbidden, string gateway) =>
        $"{Count(findings, "constat", "constats")} : "
        + (cardFindings == findings ? $"numéros de carte complets stockés dans {Count(cardFindings, "colonne", "colonnes")}, pas seulement chez la passerelle '{gateway}'"
            : cardFindings > 0 ? $"numéros de carte complets stockés dans {Count(cardFindings, "colonne", "colonnes")} ; {List(forbidden)} stockée, ou données de paiement partagées au-delà de '{gateway}'"
            : $"{List(forbidden)} stockée, ou données de paiement partagées au-delà de '{gateway}'");
    public override string PaymentUnknown(int columns, IReadOnlyList<string> forbidden) =>
        $"{Count(columns, "colonne indéterminée", "colonnes indéterminées")} : données de paiement ou {List(forbidden)} impossibles à confirmer";
    public override string NoControllerTableForPayment() => "aucune table du responsable où chercher des données de paiement";

    // shared-with-only.
    public override string UndecidedInSharedTable(Phrase undecided, string recipient) => $"{S(undecided)} dans une table partagée avec '{recipient}'";
    public override string SharedBeyondAllowed(string category, string recipient, IReadOnlyList<string> allowed, Phrase basis) =>
        $"{category} est partagée avec '{recipient}', qui ne peut recevoir que ces catégories : {List(allowed)}{S(basis)}";
    public override string NoTableSharedWith(string recipient) => $"aucune table n'est annotée shared-with: {recipient} ; annotez les tables dont les données lui sont envoyées";
    public override string SharedWithHolds(int tables, string recipient, int columns, IReadOnlyList<string> allowed) =>
        $"{Count(tables, "table partagée", "tables partagées")} avec '{recipient}', {Count(columns, "colonne", "colonnes")}, toutes dans les catégories qu'il peut recevoir : {List(allowed)}";
    public override string SharedWithViolated(int columns, string recipient, IReadOnlyList<string> allowed) =>
        $"{Count(columns, "colonne partagée", "colonnes partagées")} avec '{recipient}' au-delà des catégories qu'il peut recevoir : {List(allowed)}";
    public override string SharedWithUnknown(int columns, string recipient) => $"{Count(columns, "colonne indéterminée", "colonnes indéterminées")} dans des tables partagées avec '{recipient}'";

    // declared-categories-only.
    public override string AtPath(string path, Phrase reason) => $"en {path} : {S(reason)}";
    public override string CategoryUnknown(Phrase undecided) => $"{S(undecided)} : sa catégorie est inconnue";
    public override string FoundInsideContent(Phrase reason) => $"trouvée dans son contenu (contient aussi) : {S(reason)}";
    public override string WithBasis(Phrase reason, Phrase basis) => S(reason) + S(basis);
    public override string DeclaredByNoActivity(string category) => $"{category} n'est déclarée par aucun traitement";
    public override string DeclaredOnlyByProcessors(string category, IReadOnlyList<string> processors) =>
        $"{category} n'est déclarée que par des traitements en sous-traitance ({List(processors)} : données hébergées pour les clients), par aucun traitement propre du responsable : déclarez-la dans le traitement auquel sert cette table";
    public override string CoveredOnlyByBroader(string category, string declared, string activity, string entry) =>
        $"{category} n'est couverte que par la déclaration plus large {declared} (traitement {activity}) ; l'undeclared de la revendication, {entry}, doit être déclaré explicitement : déclarez {(entry == category ? category : $"{category} ou {entry}")}";
    public override string DeclaredHolds(int columns, int keys) => $"{Count(columns, "colonne vérifiée", "colonnes vérifiées")} ; toutes les données personnelles sont déclarées{KeysSetAside(keys)}";
    public override string DeclaredViolated(int columns) => $"{Count(columns, "colonne contient", "colonnes contiennent")} des données personnelles non déclarées";
    public override string DeclaredUnknown(int columns, int keys) =>
        $"aucune catégorie non déclarée trouvée, mais {Count(columns, "colonne est indéterminée", "colonnes sont indéterminées")}{KeysSetAside(keys)}";

    // automatic-data-limited.
    public override string WithoutSubcategory(string category) => $"{category} sans sous-catégorie";
    public override string AutomaticCollected(string category, IReadOnlyList<string> allowed, Phrase basis) =>
        $"{category} est collectée ; seules {List(allowed)} sont déclarées{S(basis)}";
    public override string MayHoldAutomatic(Phrase undecided) => $"{S(undecided)} : elle peut contenir des données automatiques";
    public override string AutomaticHolds(int columns, IReadOnlyList<string> allowed, int keys) =>
        $"{Count(columns, "colonne vérifiée", "colonnes vérifiées")} ; données automatiques limitées à {List(allowed)}{KeysSetAside(keys)}";
    public override string AutomaticViolated(int columns) => $"{Count(columns, "colonne contient", "colonnes contiennent")} d'autres données automatiques";
    public override string AutomaticUnknown(int columns, int keys) =>
        $"aucune autre donnée automatique trouvée, mais {Count(columns, "colonne est indéterminée", "colonnes sont indéterminées")}{KeysSetAside(keys)}";

    // deletion-path.
    public override string ExemptActivity(string activity) => $"le traitement '{activity}' est exempté par l'exempt-activities de la revendication (conservé par la loi ou par contrat)";
    public override string ViewStoresNoRows() => "une vue ne stocke aucune ligne : supprimer les lignes du compte dans ses tables de base les en retire";
    public override string KeptNotErasable(IReadOnlyList<string> activities, IReadOnlyList<string> categories) =>
        $"le traitement '{string.Join("', '", activities)}' conserve ses données personnelles ({List(categories)}) sous une règle de conservation marquée non effaçable (erasable: false)";
    public override string RowHistoryKept(RowHistory history, string table) =>
        $"les lignes supprimées, et les valeurs antérieures des lignes modifiées, restent dans l'historique des lignes de la base : la table {HistoryKept(history)}, ce que DELETE ne supprime pas ; à la suppression d'un compte, {PurgeAdvice(history, table)}";
    public override string RowHistoryOnlySuggested(RowHistory history) =>
        $"données personnelles seulement suggérées (aucune colonne personnelle étiquetée) ; la table {HistoryKept(history)}, ce que DELETE ne supprime pas : étiquetez les colonnes pour décider";
    private static string HistoryKept(RowHistory history) => history.VersionsOf is { } of
        ? $"contient les versions antérieures des lignes de {of} ({history.Mechanism})" : $"conserve les versions antérieures de ses lignes ({history.Mechanism})";
    /// <summary><see cref="RowHistory.PurgeAdvice"/> in French.</summary>
    private static string PurgeAdvice(RowHistory history, string table) => history.RetentionPeriod is { } period
        ? $"le moteur les supprime après sa durée de rétention de {period} : purgez-les plus tôt si l'effacement doit être plus rapide ({(history.HistoryTable is { } h ? $"table d'historique {h}" : "l'historique")})"
        : history.Mechanism == RowHistory.SystemVersioning
        ? $"purgez son historique dans le délai d'effacement ; MariaDB ne peut pas purger les lignes passées d'un seul compte (DELETE HISTORY ne prend pas de WHERE), seulement celles de toute la table jusqu'à une date : "
          + $"exécutez DELETE HISTORY FROM {table} BEFORE SYSTEM_TIME NOW() - INTERVAL 1 DAY de façon planifiée, faites tourner les partitions d'historique (PARTITION BY SYSTEM_TIME INTERVAL …), ou supprimez le versionnage"
        : $"purgez aussi la table d'historique {history.HistoryTable ?? "(nommée par sys.tables.history_table_id)"} (SQL Server : SYSTEM_VERSIONING = OFF, suppression, ON ; ou un HISTORY_RETENTION_PERIOD)";
    public override string MaterializedViewKept(string table) =>
        $"une vue matérialisée garde une copie de ses lignes jusqu'au prochain REFRESH MATERIALIZED VIEW {table} : "
        + "les lignes d'un compte supprimé y restent jusque-là ; rafraîchissez-la après les suppressions de comptes, dans le délai d'effacement, pour décider";
    public override string NoAccountTableInSource(IReadOnlyList<string> roots, string source, IReadOnlyList<string> elsewhere, IReadOnlyList<string> markers)
    {
        var lead = $"aucune table de comptes ({List(roots)}) dans la source '{source}' d'où supprimer";
        var otherWays = $"une colonne marqueur ({List(markers)}) que la suppression du compte renseigne dans cette table, le traitement dans l'exempt-activities de la revendication quand une autre tâche efface ces lignes, ou ses données sous une règle de conservation marquée erasable: false quand elles ne sont pas effacées sur demande";
        return elsewhere.Count > 0
            ? $"{lead} : la table de comptes est dans {(elsewhere.Count == 1 ? "la source" : "les sources")} {List(elsewhere.Select(s => $"'{s}'"))}, une autre base, et aucune clé étrangère ne traverse les bases, donc sa suppression ne peut pas être suivie ici ; pour décider, indiquez {otherWays}"
            : $"{lead} : nommez dans les roots de la revendication la table dont la suppression clôt un compte (dans votre propre copie de la politique s'il s'agit de celle fournie), ou indiquez {otherWays}, pour décider";
    }
    public override string KeyChain(IReadOnlyList<KeyLink> cascades, KeyLink setNull) =>
        string.Concat(cascades.Select(k => $"{k.Key} → {k.Parent} est ON DELETE CASCADE, dont ")) + $"{setNull.Key} → {setNull.Parent} est ON DELETE SET NULL";
    public override string KeyChains(IReadOnlyList<Phrase> chains) => string.Join(" et ", chains.Select(S));
    public override string SetNullOnlySuggested(Phrase keptBy) => $"données personnelles seulement suggérées (aucune colonne personnelle étiquetée) ; {S(keptBy)} : étiquetez les colonnes pour décider";
    public override string NotErasedBySetNull(Phrase keptBy, bool chained, IReadOnlyList<string> columns, IReadOnlyList<string> markers) =>
        $"non effacée à la suppression du compte : {S(keptBy)}, {Keeps(chained)}{(chained ? ", avec ses" : " et ses")} colonnes personnelles ({List(columns)}) ; aucun marqueur de suppression ({List(markers)})";
    private static string Keeps(bool chained) => chained ? "ce qui conserve ces lignes, donc les lignes de cette table restent aussi" : "ce qui conserve la ligne";
    public override string ContentKeptWithPersonalData(Phrase keptBy, bool chained, IReadOnlyList<(string Column, IReadOnlyList<string> Found)> content) =>
        $"{S(keptBy)}, {Keeps(chained)} ; l'analyse a trouvé des données personnelles dans son contenu ({string.Join(" ; ", content.Select(x => $"{x.Column} : {List(x.Found)}"))}), "
        + "qui peuvent identifier la personne après la suppression du compte : supprimez-le avec le compte (ON DELETE CASCADE ou un marqueur de suppression) ou examinez-le pour décider";
    public override string ContentKeptUnread(Phrase keptBy, bool chained, IReadOnlyList<(string Column, Phrase NotSampled)> unread) =>
        $"{S(keptBy)}, {Keeps(chained)} ; son contenu n'a pas été lu ({List(unread.Select(c => $"{c.Column} : {S(c.NotSampled)}"))}), "
        + "donc on ne sait pas s'il identifie la personne après la suppression du compte : supprimez-le avec le compte (ON DELETE CASCADE ou un marqueur de suppression) ou examinez-le pour décider";
    public override string NoPathOnlySuggested() => "données personnelles seulement suggérées (aucune colonne personnelle étiquetée) et aucun chemin de suppression : étiquetez les colonnes pour décider";
    public override string DeleteRuleUnread(string key, string parent) => $"la règle de suppression de {key} → {parent} n'a pas pu être lue : analysez à nouveau pour décider";
    public override string NoDeletionPath(IReadOnlyList<string> roots, IReadOnlyList<(string Key, string Parent, string Rule)> blocking, int foreignKeys, IReadOnlyList<string> markers)
    {
        var why = blocking.Count > 0 ? string.Join(" ; ", blocking.Select(b => $"{b.Key} → {b.Parent} est ON DELETE {b.Rule}"))
            : foreignKeys == 0 ? "aucune clé étrangère" : "ses clés étrangères mènent ailleurs";
        return $"données personnelles sans chemin de suppression : inatteignable depuis {List(roots)} par ON DELETE CASCADE ({why}) et aucun marqueur de suppression ({List(markers)})";
    }
    public override string ContentKeptWithReported(Phrase keptBy, IReadOnlyList<string> reported) =>
        $"{S(keptBy)}, ce qui conserve ces lignes, donc les lignes de cette table restent aussi ; {List(reported)} n'est elle-même pas effacée avec ses données personnelles (voir son entrée), "
        + "donc le contenu conservé avec elle peut aussi identifier la personne : supprimez-le avec le compte (ON DELETE CASCADE ou un marqueur de suppression) ou examinez-le pour décider";
    public override string DeletionHolds(int tables) => $"{Count(tables, "table", "tables")} de données personnelles ; chacune peut être effacée depuis la table de comptes";
    public override string DeletionViolated(int tables) =>
        $"{Count(tables, "table", "tables")} de données personnelles {Noun(tables, "ne peut", "ne peuvent")} pas être {Noun(tables, "effacée", "effacées")} en supprimant le compte";
    public override string DeletionUnknown(int tables, IReadOnlyList<(DeletionUndecided Reason, int Tables)> reasons) =>
        $"{Count(tables, "table", "tables")} de données personnelles {Noun(tables, "indéterminée", "indéterminées")} : " + List(reasons.Select(r => $"{Num(r.Tables)} " + r.Reason switch
        {
            DeletionUndecided.OnlySuggested => "aux données personnelles seulement suggérées",
            DeletionUndecided.KeptContent => "au contenu conservé par ON DELETE SET NULL",
            DeletionUndecided.MaterializedView => "conservée dans une vue matérialisée jusqu'à son rafraîchissement",
            DeletionUndecided.NoAccountTable => "sans table de comptes dans sa source",
            _ => "derrière une règle de suppression qui n'a pas pu être lue",
        }));
    public override string NoTableToErase() => "il ne reste aucune table du responsable contenant des données personnelles à effacer avec un compte";

    // billing-kept.
    public override string BillingNoAccountTable(IReadOnlyList<string> roots) =>
        $"aucune table de comptes ({List(roots)}) dans aucune source d'où supprimer : nommez dans les roots de la revendication la table dont la suppression clôt un compte (dans votre propre copie de la politique s'il s'agit de celle fournie) pour décider";
    public override string BillingUnreadRule(IReadOnlyList<CascadeLink> path) =>
        $"la suppression d'un compte peut atteindre cette table par une règle de suppression qui n'a pas pu être lue ({Path(path)}) : analysez à nouveau pour décider";
    public override string BillingCascade(IReadOnlyList<CascadeLink> path) =>
        $"supprimer un compte supprime ces enregistrements de facturation par ON DELETE CASCADE ({Path(path)}) ; la loi impose de les conserver";
    public override string BillingSuggestedCascade(IReadOnlyList<CascadeLink> path) =>
        $"catégorie de facturation seulement suggérée (non étiquetée) ; supprimer un compte se propage en cascade à cette table ({Path(path)})";
    private static string Path(IReadOnlyList<CascadeLink> path) => string.Join(" → ", path.Select(l =>
        l.Key is null ? l.Table : $"{l.Table} ({l.Key}, {(l.RuleUnread ? "règle de suppression non lue" : "ON DELETE CASCADE")})"));
    public override string NoBillingTable(string? activity, IReadOnlyList<string> categories) =>
        $"aucune table de facturation trouvée (aucune annotée '{activity}', aucune étiquetée {List(categories)})";
    public override string BillingOnlySuggested(string? activity, IReadOnlyList<string> categories) =>
        $"catégorie de facturation seulement suggérée (non étiquetée), et aucune table n'est annotée '{activity}' ni étiquetée {List(categories)} : étiquetez ses colonnes pour décider";
    public override string BillingHolds(int tables, IReadOnlyList<string> accountTables) =>
        $"{Count(tables, "table de facturation", "tables de facturation")} ; aucune suppression de compte ({List(accountTables)}) ne s'y propage en cascade";
    public override string BillingViolated(int tables) =>
        $"{Count(tables, "table de facturation est supprimée", "tables de facturation sont supprimées")} par ON DELETE CASCADE à la suppression d'un compte";
    public override string BillingUnknownNoAccountTable(int tables, IReadOnlyList<string> roots) =>
        $"{Count(tables, "table de facturation indéterminée", "tables de facturation indéterminées")} : aucune table de comptes ({List(roots)}) dans aucune source d'où supprimer";
    public override string BillingUnknownOnlySuggested(string? activity, IReadOnlyList<string> categories, int tables) =>
        $"aucune table de facturation étiquetée (aucune annotée '{activity}', aucune étiquetée {List(categories)}) ; {Count(tables, "table n'est", "tables ne sont")} que {Noun(tables, "suggérée", "suggérées")} comme facturation";
    public override string BillingUnknown(int tables, IReadOnlyList<string> rootsHoldingBilling, int suggestedReached, int unreadRules)
    {
        var parts = new List<string>();
        if (rootsHoldingBilling.Count > 0)
            parts.Add($"{Count(rootsHoldingBilling.Count, "table de comptes qui contient", "tables de comptes qui contiennent")} elle-même des données de facturation ({List(rootsHoldingBilling.Distinct(StringComparer.Ordinal))})");
        if (suggestedReached > 0)
            parts.Add($"{Num(suggestedReached)} à catégorie de facturation suggérée atteinte par une suppression de compte en cascade");
        if (unreadRules > 0)
            parts.Add($"{Num(unreadRules)} derrière une règle de suppression qui n'a pas pu être lue");
        return $"{Count(tables, "table de facturation indéterminée", "tables de facturation indéterminées")} : {List(parts)}";
    }
    public override string RootHoldsBilling(RootBilling what, string? activity, IReadOnlyList<(string Category, IReadOnlyList<string> Columns)> columns)
    {
        var listed = string.Join(" ; ", columns.Select(g => $"{g.Category} ({List(g.Columns)})"));
        var text = what switch
        {
            RootBilling.Tagged => $"contient elle-même {listed}",
            RootBilling.Activity => $"est annotée avec le traitement de facturation '{activity}'",
            _ => $"contient elle-même {listed} (seulement suggérée, non étiquetée)",
        };
        return $"la table de comptes {text} : ses lignes sont supprimées avec le compte ; vérifiez que les enregistrements de facturation en gardent une copie (par exemple le numéro de TVA porté par la facture) ou conservez cette ligne";
    }

    // customer-data-in-processor-scope.
    public override string CustomerDataNotConfirmed(Phrase undecided) => $"{S(undecided)} : des données appartenant aux clients dans une table du responsable ne peuvent pas être confirmées";
    public override string CustomerDataOutsideScope(string category, string role, string activity, Phrase basis) =>
        $"{category} dans une table du responsable (rôle de la source '{role}', table non annotée avec '{activity}'){S(basis)}";
    public override string CustomerDataHolds(int columns, IReadOnlyList<string> categories) => columns switch
    {
        0 => $"aucune colonne ne contient une catégorie appartenant aux clients ({List(categories)}) : aucune n'est hors du périmètre de sous-traitance",
        1 => "1 colonne appartenant aux clients, dans le périmètre de sous-traitance",
        _ => $"{Count(columns, "colonne appartenant aux clients", "colonnes appartenant aux clients")}, toutes dans le périmètre de sous-traitance",
    };
    public override string CustomerDataViolated(int columns) =>
        $"{Count(columns, "colonne appartenant aux clients est", "colonnes appartenant aux clients sont")} hors du périmètre de sous-traitance";
    public override string CustomerDataUnknown(int suggested, int attachments) => string.Join(" ; ", new[]
    {
        suggested > 0 ? $"{Count(suggested, "colonne n'est", "colonnes ne sont")} que {Noun(suggested, "suggérée", "suggérées")} comme appartenant aux clients dans des tables du responsable" : null,
        attachments > 0 ? $"{Count(attachments, "colonne de fichiers est jointe", "colonnes de fichiers sont jointes")} à des messages seulement suggérés comme tels" : null,
    }.OfType<string>());
    public override string AttachmentsOfMessagesLeftOut(string messages, string messageCategory, string activity) =>
        $"fichiers joints aux messages de {messages} ({messageCategory}) : les messages que les utilisateurs nous adressent et leurs pièces jointes relèvent de notre propre traitement, "
        + $"contrôlé par declared-categories-only ; annotez la table avec '{activity}' si ces fichiers sont des données d'application des clients";
    public override string AttachmentsOfSuggestedMessages(string category, string messages, string messageCategory, string activity) =>
        $"{category} joint à {messages}, dont la catégorie {messageCategory} n'est que suggérée : confirmez la catégorie des messages "
        + $"(ce sont alors leurs pièces jointes, notre propre traitement), ou annotez la table avec '{activity}' si les fichiers sont des données d'application des clients";

    // Retention in the activities' records (the period is the policy's own text, kept as written).
    public override string RetentionRule(string period, string? basis, bool erasable) =>
        period + (basis is null ? "" : $" ({basis})") + (erasable ? "" : " ; non effaçable sur demande");
    public override string RetentionPolicyDefault(Phrase retention) => $"{S(retention)} (durée par défaut de la politique)";
    public override string RetentionUndeclared(Phrase retention, string? ruleFor) =>
        $"{S(retention)} ({(ruleFor is null ? "durée par défaut de la politique" : $"règle de ce traitement pour {ruleFor}")} ; catégorie non déclarée par ce traitement)";
    public override string RetentionOfProcessor(IReadOnlyList<Phrase> rules, bool declared) =>
        $"{(rules.Count == 0 ? "selon les instructions du responsable de traitement servi" : string.Join(" ; ", rules.Select(S).Distinct(StringComparer.Ordinal)))} (traitement en sous-traitance : le responsable de traitement servi décide, RGPD art. 28(3)(g){(declared ? "" : " ; catégorie non déclarée par ce traitement")})";
    public override string RetentionExcept(Phrase? retention, IReadOnlyList<(IReadOnlyList<string> Categories, Phrase Rule)> narrower) =>
        List(narrower.Select(n => $"sauf {string.Join(" et ", n.Categories)} (règle de ce traitement) : {S(n.Rule)}").Prepend(retention is null ? "aucune durée déclarée" : S(retention)));

    // The record's fleet grouping.
    public override string ItsSource => "sa source";
    public override string InPlaces(int places, FleetPlaces kind, string? source, string named) => $"dans {Num(places)} {Places(kind, source, places)} ({named})";
    public override string InPlacesHolding(int places, int holding, FleetPlaces kind, string? source, string table, string named) =>
        $"dans {Num(places)} des {Num(holding)} {Places(kind, source, holding)} qui contiennent {table} ({named})";
    private static string Places(FleetPlaces kind, string? source, long n) => kind switch
    {
        FleetPlaces.Sources => Noun(n, "source", "sources"),
        FleetPlaces.Schemas => $"{Noun(n, "schéma", "schémas")} de {source}",
        _ => Noun(n, "emplacement", "emplacements"),
    };
    public override string NotHere(IReadOnlyList<Phrase> places) => $" ; sauf : {string.Join(", ", places.Select(S))}";
    public override string PlaceHolds(string place, Phrase holds) => $"{place} : {S(holds)}";
    public override string AndOthers(int others) => $"et {Count(others, "autre", "autres")}";
    public override string HoldsNotListed() => "non listée ici";
    public override string HoldsNoColumn(string column) => $"pas de colonne {column}";
    public override string HoldsUndecided() => "non décidée";
    public override string HoldsSameCategory(string category, IReadOnlyList<string> activities) => $"{category}, " + activities switch
    {
        [] => "aucun traitement",
        [var a] => "traitement " + a,
        _ => "traitements " + string.Join(", ", activities),
    };
    public override string DeclaredByAnother(IReadOnlyList<(string Activity, string? Period)> declaredBy, IReadOnlyList<AnnotationFix> fixes) =>
        $"déclarée par {string.Join(", ", declaredBy.Select(d => d.Period is null ? d.Activity : $"{d.Activity} (conservée {d.Period})"))} : "
        + $"si la table sert aussi {(declaredBy.Count == 1 ? "ce traitement" : "l'un de ces traitements")}, annotez "
        + string.Join(" ; ", fixes.Select(f => $"{string.Join(", ", f.Tables.Take(3))}{(f.Tables.Count > 3 ? $" et {Count(f.Tables.Count - 3, "autre", "autres")}" : "")} avec "
            + string.Join(" ou ", f.ActivityLists.Select(l => $"activity: [{string.Join(", ", l)}]"))));
    public override string ReadableThrough(string column, IReadOnlyList<(string View, bool Materialized)> views) =>
        $"{column} également lisible par " + string.Join(", ", views.Select(v => $"{(v.Materialized ? "la vue matérialisée" : "la vue")} {v.View}"));
    /// <summary>The scanner's issue kinds (<c>ScanIssue.Kind</c>) in French; a kind this table does not know is written as
    /// the scanner names it.</summary>
    public override string ScanIssueKind(string kind) => kind switch
    {
        "connection-failed" => "connexion impossible",
        "connection-lost" => "connexion perdue",
        "shard-missing" => "partie manquante",
        "timeout" => "délai dépassé",
        "no-privilege" => "droit insuffisant",
        "conversion-error" => "erreur de conversion",
        "error" => "erreur",
        "table-dropped" => "table supprimée pendant l'analyse",
        _ => kind,
    };
    public override string ConnectionFailedMessage(string? origin, string detail) => origin is null
        ? $"erreur : « {detail} »"
        : $"connexion déclarée à {origin.Replace(", from ", ", depuis ", StringComparison.Ordinal)} ; erreur : « {detail} »";
    public override string ShardMissingMessage(string shard, string? source) => $"la partie {shard} n'est pas parmi les parties fusionnées : " + (source is null
        ? "ses sources ou tables manquent dans cet inventaire" : $"la source '{source}', qu'elle contenait, manque dans cet inventaire");
    public override string ScanMessage(string message) => $"message de l'analyse : « {message} »";
    /// <summary>The statuses of <c>GateStatus</c> in the words of the record's coverage table; another text as written.</summary>
    public override string ColumnStatus(string status) => status switch
    {
        "tagged" => "étiquetée",
        "conflict" => "en conflit",
        "suggested" => "suggérée",
        "accepted" => "acceptée",
        "untagged" => "non étiquetée",
        _ => status,
    };
    public override string ChangeKindName(ChangeKind kind) => kind switch
    {
        ChangeKind.SourceAdded => "source ajoutée",
        ChangeKind.SourceRemoved => "source retirée",
        ChangeKind.TableAdded => "table ajoutée",
        ChangeKind.TableRemoved => "table retirée",
        ChangeKind.ActivityChanged => "traitement modifié",
        ChangeKind.SharedWithChanged => "destinataires modifiés",
        ChangeKind.RetentionChanged => "durée de conservation modifiée",
        ChangeKind.ColumnAdded => "colonne ajoutée",
        ChangeKind.ColumnRemoved => "colonne retirée",
        ChangeKind.CategoryChanged => "catégorie modifiée",
        ChangeKind.TypeChanged => "type modifié",
        ChangeKind.ForeignKeyAdded => "clé étrangère ajoutée",
        ChangeKind.ForeignKeyRemoved => "clé étrangère retirée",
        ChangeKind.DeleteRuleChanged => "règle de suppression modifiée",
        ChangeKind.HistoryChanged => "historique des lignes modifié",
        ChangeKind.LineageChanged => "colonne d'origine de la vue modifiée",
        ChangeKind.StatusChanged => "statut modifié",
        // A kind added to ChangeKind without its French words: AnalysisWordingTests names it.
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no French words for this change kind"),
    };
    public override string ColumnsOfTables(int columns, IReadOnlyList<string> tables) =>
        $"{Count(columns, "colonne", "colonnes")} dans {Count(tables.Count, "table", "tables")} : "
        + string.Join(", ", tables.Take(5)) + (tables.Count > 5 ? $" et {Count(tables.Count - 5, "autre", "autres")}" : "");
    public override string RenamedFrom(string value, string from) => $"{value} (renommée depuis '{from}' ?)";
    /// <summary>What decided a column's category (<c>Origin</c>, kebab-case) in French; another text as written.</summary>
    public override string TableColumns(int columns, IReadOnlyList<string> personal) =>
        Count(columns, "colonne", "colonnes") + (personal.Count == 0 ? "" : $" ; personnelles : {string.Join(", ", personal)}");
    public override string ScanIssueLine(string place, string kind, Phrase message) => $"{place} : {ScanIssueKind(kind)} : {S(message)}";
    public override string NotReadLabel(string place, bool table, string kind) =>
        table ? $"{place} (table non lue : {ScanIssueKind(kind)})" : $"{place} (source non analysée : {ScanIssueKind(kind)})";
    public override string ClassificationOrigin(string origin) => origin switch
    {
        "annotation" => "annotation",
        "database-label" => "étiquette de la base",
        "rules" => "règles",
        "model" => "modèle",
        "lineage" => "vue (colonne d'origine)",
        _ => origin,
    };
}
