using Inventory.Config;
using Inventory.Model;
using Inventory.Reports.Language;
using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Inventory.Reports.Writers;

/// <summary>The XLSX workbook a DPO opens, written with DocumentFormat.OpenXml. Sheets: <c>Registre</c> (one row per
/// controller activity; columns follow the fields of the CNIL register model's activity sheet, in its order, plus the
/// legal basis after the purposes and the inventory's tables and columns last), <c>Sous-traitant</c> (Art. 30(2)),
/// <c>Colonnes</c> (column level), <c>Revendications</c> (claims), <c>Conflits</c>, <c>Pseudonymisation</c> (hashed
/// identifiers, when there are any), <c>Chemins JSON</c> (the paths of JSON document columns, when there are any), <c>Couverture</c> (coverage), <c>Analyse incomplète</c> (what the scan did not read and its scan issues, when there are any) and, with a previous inventory, <c>Changements</c>. Cell contents are deterministic; the zip container's timestamps are not.</summary>
/// <param name="text">The register's language (sheet names, headings, fixed cells); null for French, the CNIL model's
/// (the default of the XLSX).</param>
public sealed class XlsxReportWriter(ReportText? text = null) : IReportWriter
{
    private readonly ReportText _text = text ?? ReportText.French;

    /// <summary>Headings of the activity sheet, in order: the CNIL register model's fields (fiche de registre),
    /// then the legal basis (placed after the purposes) and the inventory evidence.</summary>
    public static IReadOnlyList<string> ActivityHeadings => ReportText.French.ActivityHeadings;

    /// <summary>Headings of the processor sheet (Art. 30(2)).</summary>
    public static IReadOnlyList<string> ProcessorHeadings => ReportText.French.ProcessorHeadings;

    /// <summary>Headings of the <c>Pseudonymisation</c> sheet (columns holding hashes of a personal identifier, C30):
    /// column, category, what the hashes were made from, and the statement that they are still personal data (GDPR
    /// Recital 26).</summary>
    public static IReadOnlyList<string> PseudonymisedHeadings => ReportText.French.PseudonymisedHeadings;

    /// <inheritdoc />
    public string Format => "xlsx";

    /// <inheritdoc />
    public async Task WriteAsync(ReportModel model, Stream output, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var sheets = workbookPart.Workbook.AppendChild(new Sheets());

            // An empty record says so, as the HTML and Markdown reports do, instead of a sheet of headings alone.
            AddSheet(workbookPart, sheets, _text.SheetRegister, _text.ActivityHeadings, model.Activities.Count == 0
                ? [EmptyRecordRow(_text.ActivityHeadings.Count, model.PolicyGiven ? _text.XlsxNoControllerActivity : _text.XlsxNoPolicy)]
                : model.Activities.Select(a => ActivityRow(model, a)), 40);
            AddSheet(workbookPart, sheets, _text.SheetProcessor, _text.ProcessorHeadings, model.ProcessorActivities.Count == 0
                ? [EmptyRecordRow(_text.ProcessorHeadings.Count, (model.PolicyGiven ? _text.XlsxNoProcessorActivity : _text.XlsxNoPolicy.TrimEnd('.'))
                    + (model.ProcessorSources.Count == 0 ? "." : $"; {_text.XlsxProcessorSourcesHeld} {string.Join(", ", model.ProcessorSources.Select(s => s.Name))}."))]
                : model.ProcessorActivities.Select(a => ProcessorRow(model, a)), 40);
            // The CSV's three retention fields: what applies to the column, what the policy says, and whether they differ
            // (trial 27: an annotated 13 months showed here without a word that the policy said 30 days).
            AddSheet(workbookPart, sheets, _text.SheetColumns, _text.ColumnHeadings,
                model.Columns.Select(c => new[] { c.Source, c.Table, c.Column, c.Category, Both(Wording.ColumnStatus(c.Status), c.Status), c.Activity,
                    c.RetentionIn(Wording), c.PolicyRetentionPhrase?.In(Wording) ?? c.PolicyRetention, c.RetentionDiffers ? _text.XlsxYes : "", c.AlsoContains ?? "",
                    c.Type, Both(Wording.ClassificationOrigin(c.Origin), c.Origin), c.Confidence, c.AnnotatedAt, c.ScanSuggestion }), 24);
            var wording = Wording;
            AddSheet(workbookPart, sheets, _text.SheetClaims, _text.ClaimHeadings,
                model.Claims.Select(c => new[]
                {
                    // The analysis's sentences in the register's language (AnalysisWording), as in HTML and Markdown.
                    c.Id, c.Text, c.Kind, VerdictText(c.Verdict), c.SummaryPhrase?.In(wording) ?? c.Summary,
                    // Over a fleet the same finding of every tenant is one line (LocationGroup), as in HTML and Markdown.
                    Lines(c.FindingGroups.Select(f => $"{f.TextIn(wording)}{_text.ReasonColon}{f.ReasonIn(wording)}")), c.UnresolvedSameAs is { } same ? $"les mêmes {c.Unresolved.Count} éléments que {same} (the same items as {same})" : Lines(c.UnresolvedGroups.Select(f => $"{f.TextIn(wording)}{_text.ReasonColon}{f.ReasonIn(wording)}")),
                    // What the verdict rests on and what it leaves out, as HTML and Markdown say (trial35 finding 7).
                    Lines((c.ExaminedTableGroups ?? []).Select(g => g.TextIn(wording))),
                    Lines(c.ExemptedGroups.Select(f => $"{f.TextIn(wording)}{_text.ReasonColon}{f.ReasonIn(wording)}")),
                }), 36);
            AddSheet(workbookPart, sheets, _text.SheetConflicts, _text.ConflictHeadings,
                model.Conflicts.Select(c => new[] { c.Location, c.Annotated, c.AnnotationAt, c.Evidence }), 36);
            // Hashed identifiers (C30): the statement the record of processing needs, as the other formats give it.
            if (model.Pseudonymised is { Count: > 0 } hashed)
                AddSheet(workbookPart, sheets, _text.SheetPseudonymised, _text.PseudonymisedHeadings,
                    hashed.Select(p => new[] { p.Location, p.Category, p.DerivedFrom, p.Statement }), 36);
            if (model.JsonPaths is { Count: > 0 } jsonPaths)
                AddSheet(workbookPart, sheets, _text.SheetJsonPaths, _text.JsonPathHeadings,
                    jsonPaths.Select(p => new[]
                    {
                        // An empty cell reads as "not filled in": say that nothing was found (trial 19).
                        p.Location, p.Path, p.Category is "" ? _text.XlsxNoJsonCategory : p.Category,
                        p.DecidedBy is "" ? _text.XlsxNoJsonRule : p.DecidedBy,
                    }), 30);
            AddSheet(workbookPart, sheets, _text.SheetCoverage, _text.CoverageHeadings,
                model.Coverage.SelectMany(s => s.Tables.Select(t => new[]
                {
                    s.Name, s.Role.ToText(), t.Name, t.Activity ?? "", N(t.Columns), N(t.Tagged), N(t.UntaggedWithSuggestion), N(t.UntaggedNoSuggestion), N(t.Conflict), N(t.NotSampled), N(t.NotSampledByType),
                })), 18);
            // A DPO who hands over the workbook alone must see that the scan was incomplete (trial39 finding 1: a
            // source not scanned showed nowhere in the XLSX).
            if (model.Issues.Count > 0)
                AddSheet(workbookPart, sheets, _text.SheetIncomplete, _text.IncompleteHeadings,
                    model.NotReadPhrases.Select(n => new[] { $"{_text.XlsxNotRead} {n.In(Wording)}" }).Concat(model.IssuePhrases.Select(i => new[] { i.In(Wording) })), 120);
            if (model.AnnotatedNotScanned is { Count: > 0 } notScanned)
                AddSheet(workbookPart, sheets, _text.SheetAnnotatedNotScanned, _text.AnnotatedNotScannedHeadings,
                    notScanned.Select(a => new[] { a.Location, a.Annotated, a.Why, a.At }), 30);
            if (model.HasPrevious)
                AddSheet(workbookPart, sheets, _text.SheetChanges, _text.ChangeHeadings,
                    PreviousWithoutRecords(model).Concat(model.ChangeRows.Select(c => new[]
                    {
                        c.KindValue is { } kind ? Both(Wording.ChangeKindName(kind), c.Kind) : c.Kind, c.LocationPhrase?.In(Wording) ?? c.Location,
                        c.OldPhrase?.In(Wording) ?? c.Old, c.NewPhrase?.In(Wording) ?? c.New,
                    })), 30);
            cancellationToken.ThrowIfCancellationRequested();
            workbookPart.Workbook.Save();
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The Changes sheet's first row when the previous inventory held no records of processing
    /// (<see cref="ReportModel.PreviousHeldNoRecords"/>): what was left out and why; no row otherwise.</summary>
    private static IEnumerable<string[]> PreviousWithoutRecords(ReportModel model) => model.PreviousHeldNoRecords
        ? [["inventaire précédent sans registre", "(inventaire précédent)", "aucune activité, aucun destinataire, aucune durée de conservation, aucune annotation",
            $"{N(model.RecordChangesLeftOut)} activités, destinataires et durées de conservation et les catégories de {N(model.AnnotatedColumnsLeftOut)} colonnes annotées depuis : dans le registre, non listés comme changements"]]
        : [];

    /// <summary>The register's words for a field the policy leaves out (no DPO, representative, joint controller, legal
    /// basis, data subject or security measure): a blank cell reads as not filled in.</summary>
    internal const string NoneDeclared = RecordWording.NoneDeclaredInFrench;

    /// <summary>A register date cell when the inventory does not record its scan time.</summary>
    internal const string ScanTimeNotRecorded = "non enregistrée (scan time not recorded)";

    /// <summary>The lines, or <see cref="NoneDeclared"/> when there are none.</summary>
    private string OrNoneDeclared(IEnumerable<string> lines) => OrSaid(lines, _text.XlsxNoneDeclared);

    /// <summary>The lines, or <paramref name="none"/> when there are none (a blank cell reads as not filled in).</summary>
    private static string OrSaid(IEnumerable<string> lines, string none) => Lines(lines) is { Length: > 0 } text ? text : none;

    /// <summary>A row whose first cell says the sheet's record is empty, the other cells blank.</summary>
    private static string[] EmptyRecordRow(int cells, string text) => [text, .. Enumerable.Repeat("", cells - 1)];

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Lines(IEnumerable<string> lines) => string.Join("\n", lines);

    /// <summary>A claim's verdict in the workbook's language with the inventory's own word after it, as the other
    /// French cells give theirs (trial30: <c>holds</c> and <c>unknown</c> stood alone in a French sheet).</summary>
    /// <param name="verdict">The verdict as the report model writes it: <c>holds</c>, <c>violated</c> or <c>unknown</c>.</param>
    /// <returns><c>Respectée (holds)</c>, <c>Contredite (violated)</c>, <c>Indéterminée (unknown)</c>; any other word as given.</returns>
    private string VerdictText(string verdict) => verdict switch
    {
        "holds" => _text.XlsxVerdictHolds,
        "violated" => _text.XlsxVerdictViolated,
        "unknown" => _text.XlsxVerdictUnknown,
        _ => verdict,
    };

    /// <summary>The mark of a category that rests on suggestions alone (<see cref="CategoryRecord.SuggestedOnly"/>), or "".</summary>
    private static string SuggestedOnly(CategoryRecord category) =>
        category.SuggestedOnly ? " (suggérée, non vérifiée / suggested, not reviewed)" : "";

    private string[] ActivityRow(ReportModel model, ActivityRecord a)
    {
        // Activities exist only when a policy was given, and then so does the controller.
        var c0 = model.Controller!;
        var controller = $"{c0.Name}, {c0.Address}" + (c0.Email is { } e ? $", {e}" : "") + (c0.Phone is { } p ? $", {p}" : "");
        var dpo = model.Dpo is { } d ? string.Join(", ", new[] { d.Name, d.Address, d.Email, d.Phone }.OfType<string>()) : _text.XlsxNoneDeclared;
        // A sensitive category that rests on suggestions alone says so here too, as in the categories cell (trial 31).
        var sensitive = a.Categories.Where(c => c.Sensitive && c.Columns.Count > 0).Select(c => c.Category + SuggestedOnly(c)).ToList();
        return
        [
            a.Name,
            a.Id,
            // The register's dates from the inventories' scan times (ActivityRecord.CreatedOn, .UpdatedOn): a blank date
            // read as not filled in (polish31); ISO 8601 in both languages, as the register always wrote them (a
            // spreadsheet sorts them as written)
            a.CreatedOn ?? _text.XlsxScanTimeNotRecorded,
            a.UpdatedOn ?? _text.XlsxScanTimeNotRecorded,
            controller,
            dpo,
            c0.Representative ?? _text.XlsxNoneDeclared,
            // The policy format has no joint controller: none is declared, said in words rather than left blank.
            _text.XlsxNoneDeclared,
            OrNoneDeclared(a.Purposes),
            OrNoneDeclared(a.LegalBasis),
            OrNoneDeclared(a.SecurityMeasures),
            Lines(a.Categories.Select(c => $"{c.CnilCategory}: {c.Category}{(c.Declared ? "" : " (non déclarée)")}{SuggestedOnly(c)}")),
            sensitive.Count == 0 ? _text.XlsxNo : _text.XlsxYes + ": " + string.Join(", ", sensitive),
            OrNoneDeclared(a.DataSubjects),
            // No recipient is said in words, as the HTML and Markdown records say it (trial 30: a blank cell read as not filled in).
            a.Recipients.Count + a.AnnotatedRecipients.Count == 0 ? _text.XlsxNoneOutsideController
                : Lines(a.Recipients.Select(r => $"{r.Name} ({r.Kind}{(r.Country is null ? "" : ", " + r.Country)})")
                    .Concat(a.AnnotatedRecipients.Select(r => $"⚠ l'annotation indique (annotation says): partagé avec (shared with) {r}"))),
            a.Transfers.Count + a.AnnotatedTransfers.Count == 0 ? _text.XlsxNo
                : Lines(a.Transfers.Concat(a.AnnotatedTransfers.Select(t => $"⚠ l'annotation indique (annotation says): {t}"))),
            // One retention answer per category, declared or not, with its provenance, in the words of the other formats
            // and of the column sheet (trial37 finding 3: the declared categories were left out, and the rules' French
            // "non effaçable" sat beside the English of the undeclared rows).
            OrSaid(a.Categories.Select(c => $"{c.Category}: {c.RetentionPhrase?.In(Wording) ?? c.Retention ?? NoRetentionDeclaredIn()}")
                // An annotation's retention that says otherwise, as the HTML and Markdown records show it beside the rule.
                .Concat(a.Categories.SelectMany(c => c.AnnotatedRetention.Select(r => $"⚠ {c.Category}: l'annotation indique (annotation says): {r}")))
                // Another activity declares the category: who, and the annotation of a table serving both.
                .Concat(a.Categories.Where(c => c.DeclaredByAnother is not null).Select(c => $"↳ {c.Category}: {c.DeclaredByAnotherPhrase?.In(Wording) ?? c.DeclaredByAnother}"))
                // Rows a DELETE leaves in the database's own history (system versioning), as the other formats say it.
                .Concat(a.Categories.SelectMany(c => c.RowHistory.Select(r => $"⚠ {c.Category}: valeurs supprimées ou modifiées conservées dans l'historique de la base (deleted and overwritten values kept in the database's row history): {r}"))),
                _text.XlsxNoRetentionDeclared),
            // As the HTML and Markdown records say "no column found" for a category without columns.
            OrSaid(a.Categories.Where(c => c.Columns.Count > 0).Select(c => $"{c.Category}: {string.Join(", ", c.Groups.Select(GroupText))}")
                    .Concat(ReadableThroughLines(a)),
                _text.XlsxNoColumnFound),
        ];
    }

    /// <summary>The register's notes on columns also readable through views (<see cref="CategoryRecord.ReadableThrough"/>),
    /// one line each, in French and English as the other notes of the register.</summary>
    /// <remarks>In a French register the note itself is French (<see cref="AnalysisWording.ReadableThrough"/>) and ends
    /// <c>(même donnée)</c>; an English one keeps the English note and the French suffix it always had.</remarks>
    private IEnumerable<string> ReadableThroughLines(ActivityRecord a) => _text.Language == ReportLanguage.French
        ? a.Categories.SelectMany(c => c.ReadableThroughPhrases.Select(r => $"{c.Category}: {r.In(Wording)} (même donnée)"))
        : a.Categories.SelectMany(c => c.ReadableThrough.Select(r => $"{c.Category}: {r} (lisible aussi par une vue : même donnée)"));

    private string[] ProcessorRow(ReportModel model, ActivityRecord a)
    {
        var dpo = model.Dpo is { } d ? string.Join(", ", new[] { d.Name, d.Email }.OfType<string>()) : _text.XlsxNoneDeclared;
        var scope = model.ProcessorSources.Select(s => $"{s.Name} ({s.Provider}, {N(s.Tables.Count)} tables)")
            .Concat(a.Tables.Where(t => !model.ProcessorSources.Any(s => t.StartsWith(s.Name + "/", StringComparison.Ordinal)))).ToList();
        return
        [
            a.Name, a.Id, $"{model.Controller!.Name}, {model.Controller.Address}", dpo,
            // The policy's controllers served, then each processor source's own controller (Art. 30(2)(a)), as the
            // other formats list them.
            Lines(ControllerLines(a, model)), OrNoneDeclared(a.Purposes),
            OrSaid(a.Categories.Select(c => c.Category + SuggestedOnly(c) + (c.CustomersToDeclare ? " (à déclarer par les clients / customers' to declare)" : "")), "Aucune catégorie trouvée (no category found)"),
            a.Transfers.Count == 0 ? _text.XlsxNo : Lines(a.Transfers), OrNoneDeclared(a.SecurityMeasures),
            OrSaid(scope, "Aucune table (none: no table annotated with the activity, no processor-role source)"),
        ];
    }

    /// <summary>The processor sheet's controllers: the policy's <c>controllers</c> (or <see cref="NoneDeclared"/>), then
    /// one line per processor source with the controller its config entry names, or <c>non déclaré ⚠</c>.</summary>
    private IEnumerable<string> ControllerLines(ActivityRecord a, ReportModel model) =>
        (a.Controllers.Count == 0 ? [_text.XlsxNoneDeclared] : a.Controllers)
        .Concat(model.ProcessorSources.Select(s => $"{s.Name}: {s.Controller ?? $"non déclaré ({RecordWording.ControllerNotDeclared})"}"));

    /// <summary>A line of the register's tables and columns, marked when its columns rest on a suggestion alone.</summary>
    /// <remarks>Its places in the register's language (<see cref="LocationGroup.TextIn"/>); in a French register a violated
    /// claim reads <c>⚠ contredit (violates) id</c>, the register's "French (English)" for a fixed word.</remarks>
    private string GroupText(LocationGroup g) =>
        g.TextIn(Wording) + (g.SuggestedOnly ? " " + RecordWording.SuggestedNotReviewed : "")
        + string.Concat(g.Violates.Select(v => _text.Language == ReportLanguage.French ? $" ⚠ contredit (violates) {v}" : $" ⚠ violates {v}"));

    /// <summary>A category without a retention rule or default, as the other formats word it.</summary>
    private const string NoRetentionDeclared = "no retention declared";

    /// <summary><see cref="NoRetentionDeclared"/> in the register's language: in French with the English after it, the
    /// register's convention for its fixed words (<c>Respectée (holds)</c>).</summary>
    private string NoRetentionDeclaredIn() => _text.Language == ReportLanguage.French ? "aucune durée déclarée (no retention declared)" : NoRetentionDeclared;

    /// <summary>The register's sentences (claim reasons, retention, fleet lines) in its language.</summary>
    private AnalysisWording Wording => AnalysisWording.For(_text.Language);

    /// <summary>A fixed word of a cell (a status, a change's kind, what decided a category) in the register's language: in
    /// a French register the French followed by the English in parentheses when they differ (<c>suggérée (suggested)</c>),
    /// the convention of its other fixed words, so a filter on either reads; in an English one the English alone.</summary>
    /// <param name="french">The word in the register's language.</param>
    /// <param name="english">The word as the JSON and CSV write it.</param>
    private string Both(string french, string english) =>
        _text.Language == ReportLanguage.French && french != english && english.Length > 0 ? $"{french} ({english})" : english;

    /// <summary>Adds a sheet: a bold heading row frozen above the rows, an autofilter over the heading row and the rows
    /// (a DPO filters the column sheet by source, category or status first: trial39 finding 6), and each column as wide
    /// as its longest line (<see cref="ColumnWidth"/>), at most <paramref name="width"/> characters.</summary>
    /// <param name="workbookPart">The workbook.</param>
    /// <param name="sheets">The workbook's sheet list, the new sheet appended last.</param>
    /// <param name="name">The sheet's name.</param>
    /// <param name="headings">The heading row.</param>
    /// <param name="rows">The rows, as many cells as headings.</param>
    /// <param name="width">The widest a column may be, in characters (longer lines wrap).</param>
    private static void AddSheet(WorkbookPart workbookPart, Sheets sheets, string name, IReadOnlyList<string> headings, IEnumerable<string[]> rows, double width)
    {
        var part = workbookPart.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        data.AppendChild(Row(1, headings, style: 1));
        var longest = headings.Select(LongestLine).ToArray();
        uint index = 2;
        foreach (var row in rows)
        {
            data.AppendChild(Row(index++, row, style: 2));
            for (int i = 0; i < row.Length && i < longest.Length; i++) longest[i] = Math.Max(longest[i], LongestLine(row[i]));
        }
        var columns = new Columns(longest.Select((chars, i) => new Column
        {
            Min = (uint)(i + 1), Max = (uint)(i + 1), Width = ColumnWidth(chars, width), CustomWidth = true,
        }));
        var sheetViews = new SheetViews(new SheetView(new Pane
        {
            VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen,
        }) { WorkbookViewId = 0 });
        var filter = new AutoFilter { Reference = $"A1:{ColumnName(headings.Count - 1)}{(index - 1).ToString(CultureInfo.InvariantCulture)}" };
        part.Worksheet = new Worksheet(sheetViews, columns, data, filter);
        part.Worksheet.Save();
        sheets.AppendChild(new Sheet
        {
            Id = workbookPart.GetIdOfPart(part), SheetId = (uint)(sheets.ChildElements.Count + 1), Name = name,
        });
    }

    /// <summary>A column's width in characters: its longest line plus room for the autofilter button, at least 10 and at
    /// most <paramref name="widest"/> (a longer line wraps in its cell).</summary>
    /// <param name="longestLine">The length of the column's longest line, heading included.</param>
    /// <param name="widest">The sheet's widest column.</param>
    internal static double ColumnWidth(int longestLine, double widest) => Math.Clamp(longestLine + 3, 10, widest);

    /// <summary>The length of a cell's longest line (cells hold one item per line), as written (<see cref="FitCell"/>).</summary>
    private static int LongestLine(string value) => FitCell(value).Split('\n').Max(line => line.Length);

    private static Row Row(uint index, IEnumerable<string> values, uint style)
    {
        var row = new Row { RowIndex = index };
        int column = 0;
        foreach (var value in values)
        {
            row.AppendChild(new Cell
            {
                CellReference = ColumnName(column++) + index.ToString(CultureInfo.InvariantCulture),
                DataType = CellValues.InlineString,
                StyleIndex = style,
                InlineString = new InlineString(new Text(FitCell(value)) { Space = SpaceProcessingModeValues.Preserve }),
            });
        }
        return row;
    }

    /// <summary>Most characters a cell holds: Excel's limit ("Excel specifications and limits": total number of
    /// characters that a cell can contain, 32,767). Excel reports a workbook with a longer cell as damaged and cuts it.</summary>
    internal const int MaxCellCharacters = 32_767;

    /// <summary>A cell's text within <see cref="MaxCellCharacters"/>: longer text (the tables and columns of one
    /// category over a fleet of tenant databases, trial 32: 21,889 characters for 55 tenants) is cut after its last
    /// whole item (at a ", " or a line break) and ends with what was left out and where the whole list is (the
    /// <c>Colonnes</c> sheet has one row per column; the HTML, Markdown and JSON reports are not cut).</summary>
    /// <param name="value">The cell's text.</param>
    /// <returns>The text, whole when it fits.</returns>
    internal static string FitCell(string value)
    {
        if (value.Length <= MaxCellCharacters) return value;
        string Note(int left) => string.Create(CultureInfo.InvariantCulture,
            $" … cut: {left:N0} more characters (Excel holds {MaxCellCharacters:N0} per cell); every column is in the Colonnes sheet, and the HTML, Markdown and JSON reports hold the whole list");
        var room = MaxCellCharacters - Note(value.Length).Length;
        var cut = Math.Max(value.LastIndexOf(", ", room, StringComparison.Ordinal), value.LastIndexOf('\n', room));
        if (cut <= 0) cut = room;
        return value[..cut] + Note(value.Length - cut);
    }

    internal static string ColumnName(int index)
    {
        var name = "";
        for (int n = index + 1; n > 0; n = (n - 1) / 26)
            name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    private static Stylesheet Stylesheet() => new(
        new Fonts(new Font(), new Font(new Bold())),
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
        new Borders(new Border()),
        new CellFormats(
            new CellFormat(),
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { FontId = 1, ApplyFont = true, ApplyAlignment = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { ApplyAlignment = true }));
}
