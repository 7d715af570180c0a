using System.Globalization;
using Inventory.Config;

namespace Inventory.Reports.Language;

// The keys are documented by their English text (ReportTextEnglish), which is what each one says; a docstring per key
// would repeat it.
#pragma warning disable CS1591
/// <summary>The fixed words of the human-readable reports (HTML, Markdown, XLSX) in one language: headings, table
/// headers, fixed sentences, claim verdicts, the XLSX sheet names and headings. One instance per supported language
/// (<see cref="English"/>, <see cref="French"/>); every property is <c>required</c>, so a language that leaves a key out
/// does not compile, and ReportTextTests checks that none is empty. The templates read a property by its snake_case
/// name (<c>t.claims</c>); label ids (<c>contact.email</c>), column locations and the policy's own text are never
/// translated. Sentences holding a value are cut around it (the template writes the value between two keys), or hold
/// <c>{0}</c> where the value goes. The English texts are the words the reports used before the setting existed, so an
/// English report is unchanged; the French follow the CNIL register model's terms.</summary>
public sealed record ReportText
{
    /// <summary>The language these texts are in.</summary>
    public required ReportLanguage Language { get; init; }
    /// <summary>The language's code, <c>en</c> or <c>fr</c> (the HTML <c>lang</c> attribute).</summary>
    public string LanguageCode => Language.Code();
    /// <summary>The culture dates and numbers are written in (<see cref="FormatDate"/>, <see cref="FormatPercent"/>).</summary>
    public required string CultureName { get; init; }

    // Header and navigation.
    public required string RecordTitle { get; init; }
    public required string RecordTitleNoPolicy { get; init; }
    public required string InventoryScannedAt { get; init; }
    public required string By { get; init; }
    public required string PolicyWord { get; init; }
    public required string NoPolicyGiven { get; init; }
    public required string InventoryWrittenBy { get; init; }
    public required string ScanTimeNotRecordedParenthesised { get; init; }
    public required string ScanTimeNotRecorded { get; init; }
    public required string ScanTimeNotRecordedCapitalised { get; init; }
    public required string Summary { get; init; }
    public required string Claims { get; init; }
    public required string ControllerRecordNav { get; init; }
    public required string ProcessorRecordNav { get; init; }
    public required string Coverage { get; init; }
    public required string ChangesNav { get; init; }

    // Summary.
    public required string ScanIncomplete { get; init; }
    public required string ScanIssueOne { get; init; }
    public required string ScanIssueMany { get; init; }
    public required string ListedUnderCoverage { get; init; }
    public required string SeeCoverage { get; init; }
    public required string NotReadAtAll { get; init; }
    public required string NoClaimHoldsRecordBelow { get; init; }
    public required string NoClaimHoldsRecord { get; init; }
    public required string HoldsOne { get; init; }
    public required string HoldsMany { get; init; }
    public required string ViolatedOne { get; init; }
    public required string ViolatedMany { get; init; }
    public required string UnknownOne { get; init; }
    public required string UnknownMany { get; init; }
    public required string NoClaimsNoPolicy { get; init; }
    public required string InScopeColumns { get; init; }
    public required string TaggedLower { get; init; }
    public required string UntaggedWithSuggestion { get; init; }
    public required string UntaggedWithoutSuggestion { get; init; }
    public required string ConflictOne { get; init; }
    public required string ConflictMany { get; init; }
    public required string TaggedAsCheckCounts { get; init; }
    public required string Of { get; init; }
    public required string PersonalNotAttributed { get; init; }
    public required string UndeclaredCategoriesInTables { get; init; }
    public required string ConflictsContradicted { get; init; }
    public required string ColumnsPerCategory { get; init; }
    public required string ControllerSources { get; init; }
    public required string ChartThe { get; init; }
    public required string ColumnOne { get; init; }
    public required string ColumnMany { get; init; }
    public required string ChartOf { get; init; }
    public required string ProcessorSourceOne { get; init; }
    public required string ProcessorSourceMany { get; init; }
    public required string ChartNotCounted { get; init; }
    public required string CardClaimOne { get; init; }
    public required string CardClaimMany { get; init; }
    public required string CardViolated { get; init; }
    public required string CardUnknown { get; init; }
    public required string CardClaimHoldsOne { get; init; }
    public required string CardClaimHoldsMany { get; init; }
    public required string CardInScopeTagged { get; init; }
    public required string CardAsCheckCounts { get; init; }
    public required string CardUntagged { get; init; }
    public required string CardWithSuggestion { get; init; }
    public required string CardPersonalColumnOne { get; init; }
    public required string CardPersonalColumnMany { get; init; }
    public required string CardNotAttributed { get; init; }
    public required string CardUndeclared { get; init; }
    public required string CardCategoryOne { get; init; }
    public required string CardCategoryMany { get; init; }
    public required string CardInActivitiesTables { get; init; }
    public required string CardContradicted { get; init; }

    // Controller and DPO.
    public required string ControllerAndDpo { get; init; }
    /// <summary>Markdown: the paragraph of a report without a policy.</summary>
    public required string NoPolicyHelpMarkdown { get; init; }
    /// <summary>HTML (trusted markup): the paragraph of a report without a policy.</summary>
    public required string NoPolicyHelpHtml { get; init; }
    public required string Controller { get; init; }
    public required string Address { get; init; }
    public required string Registration { get; init; }
    public required string Email { get; init; }
    public required string Phone { get; init; }
    public required string Representative { get; init; }
    public required string Dpo { get; init; }
    public required string DeletionRequests { get; init; }
    public required string DefaultRetention { get; init; }
    public required string Rights { get; init; }
    /// <summary>A field the policy leaves out (<see cref="RecordWording.NoneDeclared"/> in English).</summary>
    public required string NoneDeclared { get; init; }
    /// <summary>A processor source without <c>controller:</c> (<see cref="RecordWording.ControllerNotDeclared"/>).</summary>
    public required string ControllerNotDeclared { get; init; }

    // Claims.
    public required string NoClaimsSentence { get; init; }
    public required string NoClaimDeclared { get; init; }
    public required string Claim { get; init; }
    public required string Verdict { get; init; }
    public required string Evidence { get; init; }
    public required string Examined { get; init; }
    public required string UnresolvedParenthesised { get; init; }
    public required string UnresolvedColon { get; init; }
    public required string TheSame { get; init; }
    public required string ItemOne { get; init; }
    public required string ItemMany { get; init; }
    public required string As { get; init; }
    public required string ListedThere { get; init; }
    public required string LeftOutParenthesised { get; init; }
    public required string LeftOutColon { get; init; }
    /// <summary>Between a claim's item (its location) and the reason the analysis gives for it (<c>: </c>, French <c> : </c>).</summary>
    public required string ReasonColon { get; init; }
    /// <summary>Between a claim's summary and the tables it examined (<c>; </c>, French <c> ; </c>).</summary>
    public required string SummarySemicolon { get; init; }
    /// <summary>The verdict <c>holds</c> as shown (the HTML class and the JSON keep <c>holds</c>).</summary>
    public required string VerdictHolds { get; init; }
    public required string VerdictViolated { get; init; }
    public required string VerdictUnknown { get; init; }

    // Controller record.
    public required string ControllerRecord { get; init; }
    public required string NoPolicyNoActivity { get; init; }
    public required string NoControllerActivity { get; init; }
    public required string Field { get; init; }
    public required string RecordDates { get; init; }
    public required string Created { get; init; }
    public required string AlreadyRecordedByPrevious { get; init; }
    public required string FirstRecordedByThis { get; init; }
    public required string Updated { get; init; }
    public required string ThisScan { get; init; }
    public required string Purposes { get; init; }
    public required string LegalBasis { get; init; }
    public required string DataSubjects { get; init; }
    public required string Recipients { get; init; }
    public required string NoneOutsideController { get; init; }
    public required string AnnotationSaysSharedWith { get; init; }
    public required string AnnotationSays { get; init; }
    public required string TransfersE { get; init; }
    public required string NoneWord { get; init; }
    public required string SecurityMeasuresG { get; init; }
    public required string DataCategoryC { get; init; }
    public required string CnilCategory { get; init; }
    public required string RetentionF { get; init; }
    public required string TablesAndColumns { get; init; }
    public required string NotDeclaredParenthesised { get; init; }
    public required string NotDeclared { get; init; }
    public required string SuggestedNotReviewed { get; init; }
    public required string NoRetentionDeclared { get; init; }
    public required string RowHistory { get; init; }
    public required string NoColumnFound { get; init; }
    /// <summary>The legend of <see cref="NoColumnFound"/> under the controller record's heading (trial46 L2).</summary>
    public required string NoColumnFoundLegend { get; init; }
    public required string Violates { get; init; }
    public required string WhereItComesFrom { get; init; }
    public required string DeclaredIn { get; init; }
    public required string FoundInTheDatabases { get; init; }
    public required string AnnotatedIn { get; init; }
    public required string FromTheScans { get; init; }
    public required string RetentionDeclaredIn { get; init; }

    // Processor record.
    public required string ProcessorRecord { get; init; }
    public required string NoneDeclaredColon { get; init; }
    public required string PolicyNamesNoProcessorActivity { get; init; }
    public required string NoSourceHeldAsProcessor { get; init; }
    public required string Processor { get; init; }
    public required string ProcessorRepresentativeAndDpo { get; init; }
    public required string DpoInline { get; init; }
    public required string ControllersServed { get; init; }
    public required string CategoriesOfProcessing { get; init; }
    public required string DataCategories { get; init; }
    public required string CustomersToDeclare { get; init; }
    public required string Transfers { get; init; }
    public required string SecurityMeasures { get; init; }
    public required string ProcessorTables { get; init; }
    /// <summary>The note under the processor activities (newlines where the Markdown wraps; HTML joins the lines).</summary>
    public required string ProcessorCategoriesNote { get; init; }
    public required string SourcesHeldAsProcessorMarkdown { get; init; }
    public required string Source { get; init; }
    public required string ProcessorController { get; init; }
    public required string Provider { get; init; }
    public required string Tables { get; init; }
    public required string Columns { get; init; }
    public required string SourceHeldAsProcessor { get; init; }
    public required string ProcessorControllerHtml { get; init; }

    // Other sections.
    public required string UndeclaredHeading { get; init; }
    public required string Activity { get; init; }
    public required string DataCategory { get; init; }
    public required string UnassignedHeading { get; init; }
    public required string UnassignedNamesNoActivity { get; init; }
    public required string AndNoPolicyWasGiven { get; init; }
    public required string NameOneWith { get; init; }
    public required string Column { get; init; }
    public required string Status { get; init; }
    public required string AlsoReadableThroughViews { get; init; }
    public required string ConflictsParagraphMarkdown { get; init; }
    public required string ConflictsParagraphHtml { get; init; }
    public required string AnnotatedOrLabelledCategory { get; init; }
    public required string EvidenceCounts { get; init; }
    public required string AnnotationOrLabel { get; init; }
    public required string PseudonymisedHeading { get; init; }
    public required string Category { get; init; }
    public required string HashesOf { get; init; }
    public required string Statement { get; init; }
    public required string JsonPathsHeading { get; init; }
    public required string Path { get; init; }
    public required string DecidedBy { get; init; }
    public required string NoCategoryFound { get; init; }
    public required string NoRuleMatched { get; init; }
    public required string UnknownActivitiesHeading { get; init; }

    // Coverage.
    /// <summary>Markdown, <c>{0}</c> = the acceptance threshold.</summary>
    public required string AcceptedParagraphMarkdown { get; init; }
    /// <summary>HTML (trusted markup), <c>{0}</c> = the acceptance threshold.</summary>
    public required string AcceptedParagraphHtml { get; init; }
    public required string SuggestionParagraphMarkdown { get; init; }
    public required string SuggestionParagraphHtml { get; init; }
    public required string Role { get; init; }
    public required string Tagged { get; init; }
    public required string UntaggedWithSuggestionHeader { get; init; }
    public required string UntaggedNoSuggestionHeader { get; init; }
    public required string Conflict { get; init; }
    public required string TaggedPercent { get; init; }
    public required string NotSampled { get; init; }
    public required string Binary { get; init; }
    public required string Table { get; init; }
    public required string AnnotatedNotScannedMarkdown { get; init; }
    public required string AnnotatedNotScannedHeading { get; init; }
    public required string AnnotatedNotScannedHtml { get; init; }
    public required string Annotated { get; init; }
    public required string Records { get; init; }
    public required string Why { get; init; }
    public required string Annotation { get; init; }
    public required string ScanIssuesColon { get; init; }
    public required string ScanIssues { get; init; }

    // Changes.
    public required string ChangesHeading { get; init; }
    public required string NoPreviousInventory { get; init; }
    /// <summary>The previous inventory held no records: the sentence before the first count (newlines where Markdown wraps).</summary>
    public required string PreviousNoRecordsStart { get; init; }
    public required string RecordEntryOne { get; init; }
    public required string RecordEntryMany { get; init; }
    public required string AndTheCategoriesOf { get; init; }
    public required string AnnotatedColumnOne { get; init; }
    public required string AnnotatedColumnMany { get; init; }
    public required string PreviousNoRecordsEnd { get; init; }
    public required string NoChanges { get; init; }
    public required string Change { get; init; }
    public required string Where { get; init; }
    public required string Before { get; init; }
    public required string After { get; init; }

    // XLSX register: sheet names (at most 31 characters, Excel's limit) and headings.
    public required string SheetRegister { get; init; }
    public required string SheetProcessor { get; init; }
    public required string SheetColumns { get; init; }
    public required string SheetClaims { get; init; }
    public required string SheetConflicts { get; init; }
    public required string SheetPseudonymised { get; init; }
    public required string SheetJsonPaths { get; init; }
    public required string SheetCoverage { get; init; }
    public required string SheetIncomplete { get; init; }
    public required string SheetAnnotatedNotScanned { get; init; }
    public required string SheetChanges { get; init; }
    public required IReadOnlyList<string> ActivityHeadings { get; init; }
    public required IReadOnlyList<string> ProcessorHeadings { get; init; }
    public required IReadOnlyList<string> ColumnHeadings { get; init; }
    public required IReadOnlyList<string> ClaimHeadings { get; init; }
    public required IReadOnlyList<string> ConflictHeadings { get; init; }
    public required IReadOnlyList<string> PseudonymisedHeadings { get; init; }
    public required IReadOnlyList<string> JsonPathHeadings { get; init; }
    public required IReadOnlyList<string> CoverageHeadings { get; init; }
    public required IReadOnlyList<string> IncompleteHeadings { get; init; }
    public required IReadOnlyList<string> AnnotatedNotScannedHeadings { get; init; }
    public required IReadOnlyList<string> ChangeHeadings { get; init; }
    /// <summary>XLSX cells: a field the policy leaves out.</summary>
    public required string XlsxNoneDeclared { get; init; }
    public required string XlsxYes { get; init; }
    public required string XlsxNo { get; init; }
    public required string XlsxVerdictHolds { get; init; }
    public required string XlsxVerdictViolated { get; init; }
    public required string XlsxVerdictUnknown { get; init; }
    public required string XlsxScanTimeNotRecorded { get; init; }
    public required string XlsxNoControllerActivity { get; init; }
    public required string XlsxNoPolicy { get; init; }
    public required string XlsxNoProcessorActivity { get; init; }
    public required string XlsxProcessorSourcesHeld { get; init; }
    public required string XlsxNotRead { get; init; }
    public required string XlsxNoJsonCategory { get; init; }
    public required string XlsxNoJsonRule { get; init; }
    public required string XlsxNoneOutsideController { get; init; }
    public required string XlsxNoRetentionDeclared { get; init; }
    public required string XlsxNoColumnFound { get; init; }

#pragma warning restore CS1591

    /// <summary>The texts of a language.</summary>
    /// <param name="language">The language.</param>
    public static ReportText For(ReportLanguage language) => language == ReportLanguage.French ? French : English;

    /// <summary>The record's title in this language: the model's title (<see cref="ReportModel.Title"/>, English) with its
    /// fixed words replaced, the controller's name kept.</summary>
    /// <param name="title">The model's title.</param>
    public string TitleText(string title) =>
        title == English.RecordTitleNoPolicy ? RecordTitleNoPolicy
        : title.StartsWith(English.RecordTitle, StringComparison.Ordinal) ? RecordTitle + title[English.RecordTitle.Length..]
        : title;

    /// <summary>The texts of a claim verdict (<c>holds</c>, <c>violated</c>, <c>unknown</c>) as the record shows it;
    /// any other text is returned as it is.</summary>
    public string VerdictText(string verdict) => verdict switch
    {
        "holds" => VerdictHolds,
        "violated" => VerdictViolated,
        "unknown" => VerdictUnknown,
        _ => verdict,
    };

    /// <summary>The noun of a count: English takes the singular for exactly 1 only, French for 0 and 1 (« 0 conflit »).</summary>
    public string Noun(long count, string singular, string plural) =>
        Language == ReportLanguage.French ? (count is 0 or 1 ? singular : plural) : CountWording.Noun(count, singular, plural);

    /// <summary>A date of the record (<c>yyyy-MM-dd</c> as the model holds it) in the language: ISO in English (as
    /// before), <c>dd/MM/yyyy</c> in French. A text that is not such a date is returned as it is.</summary>
    public string FormatDate(string? isoDate)
    {
        if (isoDate is null) return "";
        if (Language == ReportLanguage.English) return isoDate;
        return DateOnly.TryParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : isoDate;
    }

    /// <summary>A timestamp of the record (ISO 8601, <c>2026-12-05T10:00:00Z</c>) in the language: as written in
    /// English, <c>05/12/2026 10:00:00 UTC</c> in French. A text that does not parse is returned as it is.</summary>
    public string FormatTimestamp(string? timestamp)
    {
        if (timestamp is null) return "";
        if (Language == ReportLanguage.English) return timestamp;
        return DateTimeOffset.TryParse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at.ToUniversalTime().ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture) + " UTC" : timestamp;
    }

    /// <summary>A percentage as the model writes it (<c>72.5%</c>, invariant) in the language: unchanged in English,
    /// <c>72,5 %</c> in French (decimal comma, a no-break space before the sign).</summary>
    public string FormatPercent(string? percent)
    {
        if (percent is null) return "";
        if (Language == ReportLanguage.English) return percent;
        return percent.EndsWith('%') && double.TryParse(percent[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value.ToString("0.0", CultureInfo.GetCultureInfo(CultureName)) + "\u00A0%" : percent;
    }

    /// <summary>A whole number in the language: invariant digits in English (as before), digit groups separated by a
    /// no-break space in French (<c>12 345</c>).</summary>
    public string FormatNumber(long value) => Language == ReportLanguage.English
        ? value.ToString(CultureInfo.InvariantCulture)
        : value.ToString("#,0", CultureInfo.InvariantCulture).Replace(",", "\u00A0", StringComparison.Ordinal);

    /// <summary>English: the words the reports used before the language setting, so that a report is unchanged.</summary>
    public static ReportText English { get; } = ReportTextEnglish.Create();

    /// <summary>French: the CNIL register model's terms where it has one.</summary>
    public static ReportText French { get; } = ReportTextFrench.Create();
}
