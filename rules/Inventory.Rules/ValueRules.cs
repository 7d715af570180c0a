using System.Globalization;
using Inventory.Catalog;
using Inventory.Classification;
using Inventory.Rules.Detectors;

namespace Inventory.Rules;

/// <summary>
/// The decisions the rule classifier takes from a column's sampled values (steps 1–3 of <see cref="RuleClassifier"/>),
/// reading the detector results by each detector's weight: (1) a deciding detector matched by
/// <see cref="RuleClassifierOptions.DetectorShare"/> of the values, best ratio first (SIREN/SIRET over a phone or card
/// shape when nearly every value passes its checksum); an enumeration or the organisation's catalogue is <c>none</c>;
/// (2) free text is customer content with what it also contains; JSON documents by the values at their paths and their keys (<see cref="ContentEvidence"/>); (3) a detector that
/// needs name support decides with it; company and person names decide alone only when the name says nothing. The name
/// signals (<see cref="NameEvidence"/>) keep structural matches out of version, key, time and network names.
/// </summary>
internal sealed class ValueRules(RuleClassifierOptions options, ContentEvidence content, NameRuleSet names)
{
    private readonly NameRuleSet _names = names;
    // Digit runs that pass by structure (a number plan, a Luhn check, a national identifier's check digit or letter): a
    // checksum alone decides nothing under a name that says key, reference or time (issue 10 item 6).
    internal static readonly string[] StructuralDetectors = [DetectorIds.Phone, DetectorIds.PaymentCard, DetectorIds.SirenSiret, DetectorIds.NationalId];

    /// <summary>The name rule of push-notification tokens, whose random values are no secret (name-rules.yml).</summary>
    internal const string PushTokenRule = "name.multi.push-token";

    private readonly RuleClassifierOptions _options = options;
    private readonly ContentEvidence _content = content;

    /// <summary>Decides a sampled column from its values, or leaves it to its name.</summary>
    /// <param name="column">The column (its values are read again only for embedded identifiers and JSON keys).</param>
    /// <param name="result">The detector results of its values.</param>
    /// <param name="names">What its name says.</param>
    /// <param name="evidence">The column's evidence so far; the deciding evidence is added to it.</param>
    /// <returns>The decision, or null when the values decide nothing and the name and type do.</returns>
    public ColumnClassification? Decide(ColumnEvidence column, DetectorResult result, NameEvidence names, List<EvidenceItem> evidence)
    {
        var name = names.Match;
        // An array's elements are tested as values of the element type (C29: an inet[] holds IP addresses).
        var family = column.Column.ElementFamily ?? column.Column.Family;
        bool versionLike = names.VersionLike, keyOrTimeLike = names.KeyOrTimeLike, networkConfiguration = names.NetworkConfiguration;
        bool personalName = names.Personal;
        string? nameCategory = names.TopLevel;

        // PostgreSQL full-text vectors: the words of the text they index, so that text's data in another form (LABELS.md:
        // what is stored decides; trial 32 part 2: a tsvector of names and messages was none).
        if (FullTextVector.IsDeclared(column.Column.DeclaredType) && FullTextVector.Lexemes(column.Values) is { Count: > 0 } lexemes)
            return FullTextVectorColumn(lexemes, names, evidence);

        // XML documents (PostgreSQL and SQL Server xml, XML in text columns): their elements and attributes are read as
        // the paths of JSON documents, so an e-mail in <contact><email>…</email></contact> is seen as one in $.contact.email
        // is (C28's kind for XML; trial 32 part 2: xml documents holding e-mails were none).
        if (family is TypeFamily.Document or TypeFamily.Text or TypeFamily.Untyped
            && XmlValues.AsJsonDocuments(column.Values, _options.MaxJsonDocuments, out int xmlTested, out int xmlCut, column.ValueLengthLimit) is { } xml)
        {
            evidence.Add(new EvidenceItem("sample", "sample.xml-documents", Matched: xml.Count, Total: xmlTested,
                Score: Math.Round((double)xml.Count / xmlTested, 4),
                Detail: "XML documents: elements and attributes read as paths, written $.element.child as the keys of JSON documents are"));
            if (xmlCut > 0)
                evidence.Add(ContentEvidence.DocumentsCut(xmlCut, xml.Count));
            // The rewritten documents are whole: what the sampling cut was closed where it was cut.
            return _content.JsonDocumentColumn(column with { Values = xml, ValueLengthLimit = null }, names, evidence,
                ContentEvidence.DocumentsRead(xmlTested, column.Values, _options.MaxJsonDocuments));
        }

        // PHP serialize() payloads (WordPress options and user meta, framework caches, sessions kept in a table): read
        // as the JSON documents they hold, so an e-mail in a:1:{s:5:"email";s:…} is seen at $.email as in a JSON column
        // (trial 35 finding 3n: such payloads holding e-mails were none or free text).
        if (family is TypeFamily.Text or TypeFamily.Untyped
            && PhpSerializedValues.AsJsonDocuments(column.Values, _options.MaxJsonDocuments, out int phpTested) is { } php)
        {
            evidence.Add(new EvidenceItem("sample", "sample.php-serialized", Matched: php.Count, Total: phpTested,
                Score: Math.Round((double)php.Count / phpTested, 4),
                Detail: "PHP serialize() payloads: arrays and objects read as JSON documents, their keys as paths"));
            return _content.JsonDocumentColumn(column with { Values = php, ValueLengthLimit = null }, names, evidence,
                ContentEvidence.DocumentsRead(phpTested, column.Values, _options.MaxJsonDocuments));
        }

        // The host's own servers' private addresses are network configuration, not visitors' addresses (trial43 finding K3).
        if (Enough(result[DetectorIds.IpAddress], _options.DetectorShare)
            && PrivateServerAddresses.Decide(column.Table, name, column.Values, evidence) is { } serverAddresses)
            return serverAddresses;

        // Software versions of four numbers (1.2.3.4) in a table of releases, packages or plug-ins are no addresses (data44's
        // K4); a version-like name already keeps the IP reading out of step (1) below.
        if (!versionLike && Enough(result[DetectorIds.IpAddress], _options.DetectorShare)
            && SoftwareVersionQuads.Holds(column.Table, names, column.Values, out int versionQuads, out int versionsTested))
        {
            evidence.Insert(0, SoftwareVersionQuads.Describe(versionQuads, versionsTested));
            return RuleClassifier.Decide("none", SoftwareVersionQuads.Confidence, evidence);
        }

        // (1) validated detectors, best ratio first (ties: suite order). Version-like names (schema_migrations.version,
        // firmware_version) hold dotted quads and timestamps, never addresses, phones or cards.
        DetectorScore? best = null;
        foreach (var score in result.ScoreSpan)
        {
            if (score.Weight != DetectorWeight.Decides || score.DataCategory is null) continue;
            if (versionLike && score.Id is DetectorIds.IpAddress or DetectorIds.Phone or DetectorIds.PaymentCard) continue;
            if (keyOrTimeLike && StructuralDetectors.Contains(score.Id) && name.DataCategory != score.DataCategory) continue;
            // A column named as a national identifier (ssn, nino, dni) holds digit runs that a phone plan or a Luhn check
            // may accept; the name says what they are (issue 10 item 6: SSNs read as phones at 1.00).
            if (name.DataCategory == "other_personal.national_id" && score.Id != DetectorIds.NationalId && StructuralDetectors.Contains(score.Id)) continue;
            if (networkConfiguration && score.Id == DetectorIds.IpAddress) continue;
            // Checked before the phone test below, which reads every value (and parses digit runs) of every column: the
            // order of these tests does not matter, each only skips the score.
            if (!Enough(score, _options.DetectorShare)) continue;
            // Bare runs of 9–15 digits pass some country's number plan more often than not (trial 17: 78–98 % of random
            // runs; EAN-13 barcodes, IMEIs, order and account numbers, Unix times, integer-stored IPv4 addresses). Written
            // without '+', separators or brackets, digits are phone numbers under a phone name (C01: `phone bigint`), or
            // when they read as one population of international numbers (E.164 digits of mostly one country).
            if (score.Id == DetectorIds.Phone && DigitRunsNotPhones(names, column.Values)) continue;
            if (best is null || score.Ratio > best.Value.Ratio) best = score;
        }
        // SIREN/SIRET: 9 or 14 digits with a Luhn key. A random digit run passes Luhn one time in ten, so a column where
        // nearly every value passes holds company identifiers, which a phone library may also parse: the checksum wins
        // over the phone shape. Over a card shape (same Luhn, 14-digit Diners PANs) only with a tax-id name.
        var siren = result[DetectorIds.SirenSiret];
        if (!versionLike && Enough(siren, 0.9) && siren.Matched >= 3
            && best is { } rival && (rival.Id == DetectorIds.Phone || (rival.Id == DetectorIds.PaymentCard && name.DataCategory == "financial.tax_id")))
            best = siren;
        // A vendor-prefixed random token (tok_…, pk_…) has the shape of a payment object id and of an API secret alike: in a
        // column named as a secret (api_token, access_key) outside any payment context it is a secret (LABELS.md tie-breaker 7).
        if (best is { Id: DetectorIds.PaymentReference } && SecretNotPayment(name, result))
            best = result[DetectorIds.SecretToken];
        // A token vault's reference of a card (a UUID, a hex or letter-and-digit run) is random by design: under a name that
        // says payment token (name.multi.card-token) it is that token, not a secret of the person (kinds24, LABELS.md
        // financial.payment_reference). Crypt hashes ($2b$…) keep deciding.
        if (best is { Id: DetectorIds.SecretToken or DetectorIds.HexDigest } && name.DataCategory == "financial.payment_reference")
            best = null;
        // Likewise a push-notification token (FCM, APNs, Expo) is random by design: under a name that says so
        // (name.multi.push-token) it is the device's identifier, not a secret of the person (trial 35 finding 3j).
        if (best is { Id: DetectorIds.SecretToken or DetectorIds.HexDigest } && name.Rule?.Id == PushTokenRule)
            best = null;
        // Free text outranks identifiers found inside it only when most values are prose.
        var freeText = result[DetectorIds.FreeText];
        var userAgent = result[DetectorIds.UserAgent];
        bool prose = freeText.Ratio >= 0.5 && userAgent.Ratio < 0.5 && result[DetectorIds.Json].Ratio < 0.5
            // Company names long enough to read as prose (Société Nouvelle des Transports Martin SAS) under a company's
            // name: the legal form closing most of them is their proof (LABELS.md contact.company_name; trial 27).
            && !(name.DataCategory == "contact.company_name" && Enough(result[DetectorIds.CompanyName], 0.5));
        // An address written with markers (jean [at] example [dot] com) has the spaces of prose; the e-mail detector matches
        // whole values only, so a column where it reached its share holds addresses, not prose mentioning them (kinds23).
        // So does the SSH key detector: a key line with a comment of a few words is one validated key, not prose.
        if (best is { } hit && !(prose && hit.Id is not (DetectorIds.UserAgent or DetectorIds.Email or DetectorIds.SshPublicKey)))
        {
            evidence.Insert(0, hit.ToEvidence());
            bool agrees = name.DataCategory == hit.DataCategory || (nameCategory is not null && nameCategory == DataCategory.TopLevelOf(hit.DataCategory!));
            double confidence = Math.Min(0.99, 0.6 + 0.3 * hit.Ratio + (agrees ? 0.1 : 0) + (hit.Total >= 10 ? 0.05 : 0) - (hit.Total < 3 ? 0.1 : 0));
            var category = hit.DataCategory!;
            // The name may refine the subcategory inside the same category (e.g. vat vs tax id).
            // Not a card number into a payment reference: real card numbers under a token's name are a tokenisation that
            // failed, and stay card numbers (kinds24).
            if (agrees && name.DataCategory is not null && name.DataCategory.Contains('.') && DataCategory.TopLevelOf(category) == nameCategory
                && hit.Id is DetectorIds.VatNumber or DetectorIds.PasswordHash or DetectorIds.PaymentCard
                && !(hit.Id == DetectorIds.PaymentCard && name.DataCategory == "financial.payment_reference"))
                category = name.DataCategory;
            // An SSH key's comment is free text where people write their e-mail address (trial31 finding 7b).
            var also = hit.Id == DetectorIds.SshPublicKey ? SshPublicKeyDetector.CommentEmails(column.Values) : [];
            foreach (var a in also) evidence.Add(new EvidenceItem("contains", "contains." + a, a));
            return RuleClassifier.Decide(category, confidence, evidence, also);
        }

        // People's e-mail addresses among a few repeated system accounts (an audit log's actor: 'system', 'cron@panel',
        // 'admin' beside users' addresses): a personal column needs only some personal values (trial35 row l: 30 % of
        // addresses left the column `none` 0.87). Only where the name says nothing else, and never where the other values
        // vary as much as the addresses (a settings table's value column holding an e-mail among its other settings).
        if (!prose && (name.Rule is null || name.DataCategory is null or "contact.email") && family is TypeFamily.Text or TypeFamily.Untyped
            && AddressesAmongFewAccounts(column.Values, result[DetectorIds.Email]) is { } mixed)
        {
            evidence.Insert(0, result[DetectorIds.Email].ToEvidence());
            evidence.Insert(0, new EvidenceItem("sample", "sample.addresses-among-accounts", "contact.email", mixed.Addresses, mixed.Tested,
                Math.Round((double)mixed.Addresses / mixed.Tested, 4),
                string.Create(CultureInfo.InvariantCulture, $"{mixed.Addresses} of {mixed.Tested} values are e-mail addresses, the others {mixed.Accounts} repeated account name{(mixed.Accounts == 1 ? "" : "s")}: people's addresses beside system accounts")));
            return RuleClassifier.Decide("contact.email", 0.75, evidence);
        }

        // Times written as text (2024-03-05T10:21:33Z, 2024-03-05 10:21:33, 05.03.2024 10:21): a record's time, not what a
        // person wrote, whatever a word such as text, texte or Text in the name made of it (kinds26). A time of day is
        // required, so a date alone (a birth date as text) is left to the name; a name that says a personal category other
        // than content (a date of birth, a sign-in time) keeps it.
        if ((!personalName || nameCategory == "customer_content") && family is TypeFamily.Text or TypeFamily.Untyped
            && TimesOfDay(column.Values) is { } times)
        {
            evidence.Insert(0, new EvidenceItem("sample", "sample.times-as-text", "none", times.Times, times.Tested, Math.Round((double)times.Times / times.Tested, 4),
                "values are dates with a time of day written as text: a record's time, not a message"));
            return RuleClassifier.Decide("none", 0.8, evidence);
        }

        // Salutations (kinds48, trial47 K5): a sample of courtesy titles (M./Mme/Mx, Mr/Mrs/Ms, Herr/Frau, Sr./Sra.) is a
        // person's civility whatever its name (`tratamiento`, a patient's treatment elsewhere): a part of the person's name,
        // as the corpus labels dolibarr's `civility` (contact.name, "also hints at gender"), never an enumeration.
        if (!personalName && family is TypeFamily.Text or TypeFamily.Untyped && Salutations(column.Values) is { } titles)
        {
            evidence.Insert(0, new EvidenceItem("sample", "sample.salutations", "contact.name", titles.Titles, titles.Tested,
                Math.Round((double)titles.Titles / titles.Tested, 4),
                string.Create(CultureInfo.InvariantCulture, $"{titles.Titles} of {titles.Tested} values are courtesy titles ({titles.Distinct} distinct): a person's civility, part of the name")));
            return RuleClassifier.Decide("contact.name", 0.8, evidence);
        }

        // Enumerations: text whose sample repeats a handful of distinct values that no personal detector recognises
        // (permission scopes, sign-in methods, team names, import batch labels, a 'note' column holding 'web'/'migrated')
        // is configuration, not a person's data nor users' prose (LABELS.md: statuses, enumerations, configuration → none).
        if (IsEnumeration(result, family) && (!personalName || name.DataCategory == "customer_content.message") && !CannedMessages(name, result))
        {
            // A message name over a few repeated phrases (a ticket's subject, a request's notes written in words): low
            // variety cannot tell a pick list of phrases from texts people wrote alike, so the name's reading is kept, at a
            // confidence that asks a human (issue 10 item 5: lean personal at low confidence rather than none).
            var phrases = PhrasesOutsideConfiguration(name, column.Values);
            if (phrases is { } written && name.DataCategory == "customer_content.message")
            {
                evidence.Insert(0, new EvidenceItem("sample", RepeatedPhrasesEvidence, "customer_content.message", written.Phrases, written.Tested,
                    Math.Round((double)written.Phrases / written.Tested, 4),
                    string.Create(CultureInfo.InvariantCulture, $"{result.Distinct} distinct value{(result.Distinct == 1 ? "" : "s")} repeated over {result.Total}, written as phrases under a message name: texts people wrote, or a pick list of phrases; needs review")));
                return RuleClassifier.Decide("customer_content.message", RepeatedPhrasesConfidence, evidence);
            }
            // Phrases under a name no rule reads as a message: marked, so that a names-only reading of a message may
            // still be kept by the combination (CombinedClassifier, the same kind read by the model).
            if (phrases is { } marked)
                evidence.Insert(0, new EvidenceItem("sample", PhrasesEvidence, Matched: marked.Phrases, Total: marked.Tested,
                    Score: Math.Round((double)marked.Phrases / marked.Tested, 4), Detail: "the repeated values are phrases, not codes or labels"));
            evidence.Insert(0, new EvidenceItem("sample", "sample.enumeration", "none", result.Distinct, result.Total, Math.Round(result.DistinctRatio, 4),
                string.Create(CultureInfo.InvariantCulture, $"{result.Distinct} distinct value{(result.Distinct == 1 ? "" : "s")} repeated over {result.Total}: an enumeration or configuration")));
            // Low variety says "a code list", weakly; values shaped as people's names make it weaker still (issue 10 item 6).
            return RuleClassifier.Decide("none", result[DetectorIds.PersonName].Ratio >= 0.5 ? 0.6 : 0.75, evidence);
        }

        // The organisation's own catalogue (products, tracks, films, categories, languages): its names and descriptions are
        // typed by staff, not by users, and its titles have a person's shape (LABELS.md: catalogue → none; tie-breaker 6).
        // A catalogue table that is also a content table (product_reviews) is not catalogue text, nor is a table of the files
        // and documents users upload (kinds25: prose in documents.body is the users' content, C44's kind).
        // Nor is a catalogue-named table whose rows have an author and no price (a blog's `articles`, kinds46: trial45 kind 1).
        // A message rule's reading of a priced catalogue's article text (`articles.body` beside a price) is the catalogue's too.
        bool catalogueText = (!personalName || (nameCategory == "customer_content" && RuleClassifier.IsPricedArticleText(_names, column, name)))
            && name.TableGroups.Contains("catalogue") && !name.TableGroups.Contains("content")
            && !name.TableGroups.Contains("uploads") && !RuleClassifier.IsTableOfUsersArticles(_names, column, name.TableGroups);
        if (catalogueText && (prose || result[DetectorIds.PersonName].Ratio >= 0.5))
        {
            evidence.Add((prose ? freeText : result[DetectorIds.PersonName]).ToEvidence());
            evidence.Add(new EvidenceItem("table-context", "table.catalogue", "none",
                Detail: "text of the organisation's own catalogue (names, titles, descriptions typed by staff)"));
            return RuleClassifier.Decide("none", 0.75, evidence);
        }

        // (2) free text → customer content, with what it also contains (C08: never financial). The free-text detector says
        // "prose"; the name says what the prose is about (issue 10 item 6): a health name (clinical notes, a note in a care
        // table) keeps the name's category; errors, traces, logs and templates are the system's text, not a user's.
        if (prose && names.Health)
        {
            evidence.Insert(0, freeText.ToEvidence());
            evidence.Insert(0, new EvidenceItem("sample", "sample.prose-about-health", "other_personal.health", freeText.Matched, freeText.Total,
                Math.Round(freeText.Ratio, 4), "prose under a health name or in a care table: notes about a patient's health"));
            return RuleClassifier.Decide("other_personal.health", Math.Max(0.85, name.Weight), evidence, ContentEvidence.AlsoContains(column.Values));
        }
        if (prose && names.SystemText && (!personalName || nameCategory == "customer_content"))
        {
            evidence.Insert(0, freeText.ToEvidence());
            evidence.Insert(0, new EvidenceItem("sample", "sample.system-text", "none", freeText.Matched, freeText.Total, Math.Round(freeText.Ratio, 4),
                "prose under an error, exception, trace, log or template name: text the system writes or the organisation configures"));
            return RuleClassifier.Decide("none", 0.7, evidence);
        }
        // A column named as an address holds addresses, however prose-like some of them read (issue 10 item 6).
        if (prose && name.DataCategory != "contact.postal_address" && !(personalName && nameCategory != "customer_content" && freeText.Ratio < 0.8))
        {
            evidence.Insert(0, freeText.ToEvidence());
            var embedded = ContentEvidence.Embedded(column.Values);
            var also = embedded.Select(e => e.Category).ToArray();
            foreach (var e in embedded) evidence.Add(ContentEvidence.ContainsEvidence(e));
            double confidence = Math.Min(0.95, 0.55 + 0.3 * freeText.Ratio + 0.1 * result.DistinctRatio + (nameCategory == "customer_content" ? 0.1 : 0));
            return RuleClassifier.Decide("customer_content.message", confidence, evidence, also);
        }

        // JSON documents: the values nested in them are seen by the detectors (C28, C29); documents longer than the
        // sampling's value length limit are read up to the cut (the detector matches whole documents only).
        if (result[DetectorIds.Json].Ratio >= 0.5 || CutJsonDocuments(column))
        {
            evidence.Add(result[DetectorIds.Json].ToEvidence());
            if (JsonValues.ArrayElements(column.Values, out int emptyArrays, _options.MaxJsonDocuments, column.ValueLengthLimit) is { } elements)
                return _content.JsonArrayColumn(column, elements, emptyArrays, evidence);
            return _content.JsonDocumentColumn(column, names, evidence);
        }

        // (3) weak detectors with name support.
        foreach (var score in result.ScoreSpan)
        {
            if (score.Weight != DetectorWeight.NeedsNameSupport || score.DataCategory is null || !Enough(score, _options.SupportShare)) continue;
            if (!score.Detector.IsSupportedBy(name.DataCategory)) continue;
            evidence.Insert(0, score.ToEvidence());
            return RuleClassifier.Decide(name.DataCategory!, Math.Min(0.97, 0.7 + 0.25 * score.Ratio), evidence);
        }
        if (PeopleUnderABareName(column, result, name, family, evidence) is { } people) return people;
        // Company names carry their own proof (legal-form suffix) and a person's name needs two capitalised words: both
        // decide without name support only when the name says nothing else, with a low confidence.
        if (name.Rule is null || name.DataCategory is null)
        {
            var company = result[DetectorIds.CompanyName];
            if (Enough(company, 0.5))
            {
                evidence.Insert(0, company.ToEvidence());
                return RuleClassifier.Decide("contact.company_name", 0.6 + 0.2 * company.Ratio, evidence);
            }
            var person = result[DetectorIds.PersonName];
            if (Enough(person, 0.6) && result.DistinctRatio >= 0.6 && !name.TableGroups.Contains("catalogue") && family is TypeFamily.Text or TypeFamily.Untyped
                && !LowerCaseLabelLists(column.Values) && GivenAndFamilyNames(column.Values))
            {
                evidence.Insert(0, person.ToEvidence());
                return RuleClassifier.Decide("contact.name", 0.5, evidence);
            }
            if (RepeatedPeople(column, result, name, family) is { } led)
            {
                evidence.Insert(0, person.ToEvidence());
                evidence.Insert(0, new EvidenceItem("sample", "sample.given-names", "contact.name", led.Led, led.Tested, Math.Round((double)led.Led / led.Tested, 4),
                    string.Create(CultureInfo.InvariantCulture, $"{led.Led} of {led.Tested} values are full names led by a common given name, repeated across rows: people's names")));
                return RuleClassifier.Decide("contact.name", 0.6, evidence);
            }
        }
        return null;
    }

    /// <summary>True when at least half of a column's documents are JSON that the sampling cut at its value length limit
    /// (<see cref="ColumnEvidence.ValueLengthLimit"/>) or whole JSON, and at least one was cut: such documents fail the
    /// JSON detector, which matches whole documents only, yet their start is read like any document's.</summary>
    /// <param name="column">The column, with its sampled values.</param>
    private bool CutJsonDocuments(ColumnEvidence column) =>
        column.ValueLengthLimit is { } limit && column.Values.Any(v => v.Length >= limit)
        && JsonValues.DocumentShare(column.Values, limit, _options.MaxJsonDocuments) >= 0.5;

    /// <summary>A full-text search vector (PostgreSQL <c>tsvector</c>) holds the normalised words of the text it indexes
    /// (<c>to_tsvector(body)</c>, a generated <c>search_vector</c> over names and e-mails): the same data as that text, in
    /// another form. Its category is its source's: the column's name when the name says it (<c>nom_recherche</c>,
    /// <c>body_tsv</c>); otherwise words that users or customers wrote, <c>customer_content.message</c> (LABELS.md
    /// tie-breakers 6 and 9: free text that may hold names and addresses, flagged rather than missed), with the e-mail
    /// addresses, phones and IP addresses its lexemes keep whole listed as "also contains".</summary>
    /// <param name="lexemes">The vectors' lexemes.</param>
    /// <param name="names">What the column's name says.</param>
    /// <param name="evidence">The column's evidence so far.</param>
    private static ColumnClassification FullTextVectorColumn(List<string> lexemes, NameEvidence names, List<EvidenceItem> evidence)
    {
        var also = ContentEvidence.AlsoContains([string.Join(' ', lexemes)]).Where(a => DataCategory.TopLevelOf(a) != "financial").ToArray();
        foreach (var a in also) evidence.Add(new EvidenceItem("contains", "contains." + a, a));
        bool named = names.Personal && names.Match.DataCategory is { } category && category != "none";
        evidence.Insert(0, new EvidenceItem("sample", "sample.full-text-vector", named ? names.Match.DataCategory : "customer_content.message",
            Matched: lexemes.Count, Detail: "full-text search vectors: the words of the text they index, that text's data in another form"));
        return named
            ? RuleClassifier.Decide(names.Match.DataCategory!, Math.Max(0.7, Math.Min(0.9, names.Match.Weight)), evidence, also)
            : RuleClassifier.Decide("customer_content.message", 0.7, evidence, also);
    }

    /// <summary>People's names that repeat from row to row under a column name that says nothing (shared case C18's
    /// untyped <c>a</c> in an import with one row per order or payslip, so the distinct ratio stays under the 0.6 the shape
    /// alone needs): the person-name shape on 60 %, at least 60 % (and 3) of the values led by a common given name
    /// (<see cref="GivenNames"/>), and more distinct values than an enumeration holds (13), outside the catalogue.</summary>
    /// <returns>The counts (led, tested), or null when the rule does not apply.</returns>
    private (int Led, int Tested)? RepeatedPeople(ColumnEvidence column, DetectorResult result, NameMatch name, TypeFamily family)
    {
        if (family is not (TypeFamily.Text or TypeFamily.Untyped) || name.TableGroups.Contains("catalogue")) return null;
        if (!Enough(result[DetectorIds.PersonName], 0.6) || result.Distinct < 13) return null;
        int tested = 0, led = 0;
        foreach (var v in column.Values)
        {
            if (string.IsNullOrWhiteSpace(v)) continue;
            tested++;
            if (GivenNames.LeadsFullName(v.AsSpan().Trim())) led++;
        }
        return led >= 3 && led >= 0.6 * tested ? (led, tested) : null;
    }

    // Column names that say "a name" and nothing else (a bare name column, LABELS.md tie-breaker 6 decides by its table).
    private static readonly HashSet<string> BareNameTokens = new(StringComparer.Ordinal) { "name", "names", "nom", "nombre", "fullname" };

    /// <summary>A bare <c>name</c> (<c>nom</c>, <c>nombre</c>) column outside the organisation's catalogue, lookups,
    /// companies and machines whose values are people's full names is a person's name (issue 10: the name column of a
    /// registrations, bookings or hosts table). People's names, not product or team names of the same shape: at least 60 %
    /// of the values (and 3) are two or more words led by a common given name (<see cref="GivenNames"/>), the shape
    /// detector agrees on 60 %, and the values vary (distinct ratio ≥ 0.5) or the same people recur (more than 12 distinct values, 80 % led by a given name).</summary>
    /// <returns>The decision, or null when the rule does not apply.</returns>
    private ColumnClassification? PeopleUnderABareName(ColumnEvidence column, DetectorResult result, NameMatch name, TypeFamily family,
        List<EvidenceItem> evidence)
    {
        if (PeopleUnderABareName(column.Values, result, name, family, _options) is not { } people) return null;
        var (led, tested) = people;
        evidence.Insert(0, result[DetectorIds.PersonName].ToEvidence());
        evidence.Insert(0, new EvidenceItem("sample", "sample.given-names", "contact.name", led, tested, Math.Round((double)led / tested, 4),
            string.Create(CultureInfo.InvariantCulture, $"{led} of {tested} values are full names led by a common given name: people's names")));
        return RuleClassifier.Decide("contact.name", 0.8, evidence);
    }

    /// <summary>The test of <see cref="PeopleUnderABareName(ColumnEvidence, DetectorResult, NameMatch, TypeFamily, List{EvidenceItem})"/>
    /// on any values under a name: a column's, or a JSON key's read in the object that holds it (<c>name</c> under
    /// <c>$.charge.billing_details</c>, kinds20).</summary>
    /// <param name="values">The sampled values.</param>
    /// <param name="result">The detectors' result on them.</param>
    /// <param name="name">The name match (of the column, or of the key in its parent object).</param>
    /// <param name="family">The values' type family.</param>
    /// <param name="options">The thresholds.</param>
    /// <returns>The counts (values led by a common given name, values tested), or null when the rule does not apply.</returns>
    internal static (int Led, int Tested)? PeopleUnderABareName(IReadOnlyList<string> values, DetectorResult result, NameMatch name, TypeFamily family,
        RuleClassifierOptions options)
    {
        if (name.DataCategory != "none" || name.Gates.Count > 0 || name.Tokens is not [var only] || !BareNameTokens.Contains(only)) return null;
        return PeoplesFullNames(values, result, name, family, options);
    }

    /// <summary>People's full names under a JSON or XML key that says nothing (no name rule, or one without a category):
    /// <c>$.message.expediteur</c>, <c>$.mail.sender</c>, <c>$.brief.absender</c>, <c>$.correo.remitente</c>,
    /// <c>$.doc.signed_by</c> (trial33 finding 5: the same values in a plain column were <c>contact.name</c> by
    /// <see cref="PersonNameDetector"/>, at a path nothing). A plain column under a silent name takes the person-name shape
    /// alone (step 3); a key is read with less context (no sibling columns, no column type), and the shape alone also
    /// fits product names and titles of two capitalised words, so a path takes the stricter test of
    /// <see cref="PeopleUnderABareName(IReadOnlyList{string}, DetectorResult, NameMatch, TypeFamily, RuleClassifierOptions)"/>:
    /// the shape on 60 % of the values, at least 60 % (and 3) led by a common given name (<see cref="GivenNames"/>),
    /// values that vary (distinct ratio ≥ 0.5) or people who recur (more than the 12 distinct values of an enumeration, 80 % led), outside a catalogue, lookup, company, machine or
    /// device object (the key's parent plays the table).</summary>
    /// <param name="values">The values at the path.</param>
    /// <param name="result">The detectors' result on them.</param>
    /// <param name="key">The key's name match in the object that holds it.</param>
    /// <param name="family">The values' type family.</param>
    /// <param name="options">The thresholds.</param>
    /// <returns>The counts (values led by a common given name, values tested), or null when the rule does not apply.</returns>
    internal static (int Led, int Tested)? PeopleUnderASilentKey(IReadOnlyList<string> values, DetectorResult result, NameMatch key, TypeFamily family,
        RuleClassifierOptions options)
    {
        if ((key.Rule is not null && key.DataCategory is not null) || key.Gates.Count > 0) return null;
        return PeoplesFullNames(values, result, key, family, options);
    }

    /// <summary>The values test shared by <see cref="PeopleUnderABareName(IReadOnlyList{string}, DetectorResult, NameMatch, TypeFamily, RuleClassifierOptions)"/>
    /// and <see cref="PeopleUnderASilentKey"/>: text values, outside a catalogue, lookup, company, infrastructure or
    /// device table (or parent object), the person-name shape on 60 %, and at least 60 % (and 3) of the values led by a
    /// common given name when the values vary (distinct ratio ≥ 0.5), 80 % when the same people recur (more than 12
    /// distinct values).</summary>
    private static (int Led, int Tested)? PeoplesFullNames(IReadOnlyList<string> values, DetectorResult result, NameMatch name, TypeFamily family,
        RuleClassifierOptions options)
    {
        if (family is not (TypeFamily.Text or TypeFamily.Untyped)) return null;
        if (name.TableGroups.Any(g => g is "catalogue" or "lookup" or "company" or "infrastructure" or "device")) return null;
        var person = result[DetectorIds.PersonName];
        if (!Enough(person, 0.6, options)) return null;
        // Varied values need 60 % led by a given name; people who recur from row to row (the regular commenters of a
        // guestbook, returning guests: trial36, distinct ratio 0.3–0.4) need more than an enumeration's 12 distinct values
        // and 80 % led by a given name.
        bool varied = result.DistinctRatio >= 0.5;
        if (!varied && result.Distinct <= 12) return null;
        int tested = 0, led = 0;
        foreach (var v in values)
        {
            if (string.IsNullOrWhiteSpace(v)) continue;
            tested++;
            if (GivenNames.LeadsFullName(v.AsSpan().Trim())) led++;
        }
        return led < 3 || led < (varied ? 0.6 : 0.8) * tested ? null : (led, tested);
    }

    /// <summary>True when a column whose values a payment-reference prefix matched is a secret: its name points at
    /// credentials (<c>api_token</c>, <c>secret_key</c>, <c>auth_token</c>), neither its name nor its table says payment,
    /// card or charge (table group <c>payment</c>, name group <c>payment</c> of <c>name-rules.yml</c>), and the values also read as random tokens
    /// (<see cref="DetectorIds.SecretToken"/>, by the share a deciding detector needs; a random part without two digits
    /// fails it now and then, so the share is not compared with the payment reference's).</summary>
    private bool SecretNotPayment(NameMatch name, DetectorResult result)
    {
        if (name.DataCategory != "other_personal.credentials" || name.TableGroups.Contains("payment")) return false;
        if (_names.InNameGroup(name.Tokens, "payment")) return false;
        var secret = result[DetectorIds.SecretToken];
        return Enough(secret, _options.DetectorShare);
    }

    /// <summary>Dates with a time of day written as text, at least 90 % of the non-blank values (and 3): ISO 8601 and the SQL
    /// form (<c>2024-03-05T10:21:33Z</c>, <c>2024-03-05 10:21:33.123+02:00</c>, <c>2024-03-05T10:21</c>) and day-first dates
    /// with a time (<c>05/03/2024 10:21</c>, <c>05.03.2024 10:21:33</c>), with a valid month, day, hour and minute (source:
    /// ISO 8601-1:2019 §5.4 for the extended format; the day-first forms are the French, German and Spanish habits).</summary>
    /// <param name="values">The column's sampled values.</param>
    /// <returns>The counts (times, values tested), or null when fewer than 90 % are times.</returns>
    internal static (int Times, int Tested)? TimesOfDay(IReadOnlyList<string> values)
    {
        int tested = 0, times = 0;
        foreach (var raw in values)
        {
            var value = raw.AsSpan().Trim();
            if (value.IsEmpty) continue;
            tested++;
            if (IsTimeOfDayText(value)) times++;
        }
        return tested >= 3 && times >= 0.9 * tested ? (times, tested) : null;
    }

    private static bool IsTimeOfDayText(ReadOnlySpan<char> v)
    {
        int year, month, day, at;
        if (v.Length >= 16 && Digits(v, 0, 4) && v[4] == '-' && Digits(v, 5, 2) && v[7] == '-' && Digits(v, 8, 2) && v[10] is 'T' or ' ')
        {
            year = Number(v, 0, 4); month = Number(v, 5, 2); day = Number(v, 8, 2); at = 11;
        }
        else if (v.Length >= 16 && Digits(v, 0, 2) && v[2] is '/' or '.' or '-' && Digits(v, 3, 2) && v[5] == v[2] && Digits(v, 6, 4) && v[10] == ' ')
        {
            day = Number(v, 0, 2); month = Number(v, 3, 2); year = Number(v, 6, 4); at = 11;
        }
        else return false;
        if (year < 1000 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        if (!(Digits(v, at, 2) && v[at + 2] == ':' && Digits(v, at + 3, 2)) || Number(v, at, 2) > 23 || Number(v, at + 3, 2) > 59) return false;
        var rest = v[(at + 5)..];
        if (rest.Length >= 3 && rest[0] == ':' && Digits(rest, 1, 2) && Number(rest, 1, 2) <= 60) rest = rest[3..];
        if (rest.Length >= 2 && rest[0] == '.' && char.IsAsciiDigit(rest[1]))
        {
            int i = 1;
            while (i < rest.Length && char.IsAsciiDigit(rest[i])) i++;
            rest = rest[i..];
        }
        if (rest.IsEmpty || rest is "Z") return true;
        // An offset: +02:00, -0500, +02.
        return rest[0] is '+' or '-' && rest.Length is 3 or 5 or 6 && Digits(rest, 1, 2)
            && (rest.Length == 3 || (rest.Length == 5 && Digits(rest, 3, 2)) || (rest[3] == ':' && Digits(rest, 4, 2)));
    }

    private static bool Digits(ReadOnlySpan<char> v, int start, int count)
    {
        if (start + count > v.Length) return false;
        foreach (var c in v.Slice(start, count)) if (!char.IsAsciiDigit(c)) return false;
        return true;
    }

    private static int Number(ReadOnlySpan<char> v, int start, int count) => int.Parse(v.Slice(start, count), CultureInfo.InvariantCulture);

    private static readonly EmailDetector Addresses = new();

    /// <summary>E-mail addresses beside a few repeated other values (trial35 row l): at least a fifth of the non-empty values
    /// are addresses (<see cref="EmailDetector"/>), at least three distinct ones, and the other values are at most
    /// <see cref="MaxAccounts"/> distinct names each repeated (an audit log's 'system', 'cron@panel'), so the variety is in
    /// the addresses.</summary>
    /// <param name="values">The sampled values.</param>
    /// <param name="email">The e-mail detector's result over them (a shortcut: below a fifth nothing is read again).</param>
    /// <returns>The addresses, the values tested and the distinct other values, or null.</returns>
    internal static (int Addresses, int Tested, int Accounts)? AddressesAmongFewAccounts(IReadOnlyList<string> values, DetectorScore email)
    {
        if (email.Total == 0 || email.Ratio < 0.2) return null;
        int tested = 0, addresses = 0, others = 0;
        var distinctAddresses = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var accounts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var raw in values)
        {
            var value = raw.AsSpan().Trim();
            if (value.IsEmpty) continue;
            tested++;
            if (Addresses.IsMatch(value, ValueShape.Of(value, fraction: false)))
            {
                addresses++;
                distinctAddresses.Add(value.ToString());
            }
            else
            {
                others++;
                if (accounts.Add(value.ToString()) && accounts.Count > MaxAccounts) return null;
            }
        }
        bool repeated = accounts.Count == 0 || others >= 2 * accounts.Count;
        return tested > 0 && addresses >= 0.2 * tested && distinctAddresses.Count >= 3 && repeated ? (addresses, tested, accounts.Count) : null;
    }

    // The most distinct non-address values a column of addresses among system accounts holds (system, cron, admin, root,
    // noreply, api…).
    private const int MaxAccounts = 6;

    /// <summary>True when a column's phone-detector hits are no phone numbers: its name says no phone (no phone rule, no
    /// phone word), at least 80 % of its values are bare digit runs (<see cref="MostlyBareDigitRuns"/>) and they do not
    /// read as one population of international numbers (<see cref="InternationalNumbersOfOneCountry"/>) or are of a kind
    /// <see cref="DigitRunKinds"/> recognises (a dense sequence led by 44 reads as British numbers). The decision
    /// skips the phone detector then, and the evidence names the digits' kind instead (<see cref="DigitRunKinds"/>).</summary>
    /// <param name="names">What the column's name says.</param>
    /// <param name="values">The sampled values.</param>
    internal static bool DigitRunsNotPhones(NameEvidence names, IReadOnlyList<string> values) =>
        names.Match.DataCategory != "contact.phone" && !names.PhoneWord && MostlyBareDigitRuns(values)
        && (!InternationalNumbersOfOneCountry(values) || DigitRunKinds.Classify(values) != DigitRunKinds.Kind.Unexplained);

    /// <summary>True when at least 80 % of the non-blank values are bare digit runs (ASCII digits only, after trimming):
    /// no <c>+</c>, no separator, no bracket, the form in which a phone number cannot be told from any other number. A
    /// column mixing such runs with written-out numbers (C18: one integer, one <c>+44 7700 900456</c>) is below it.</summary>
    /// <param name="values">The column's sampled values.</param>
    internal static bool MostlyBareDigitRuns(IReadOnlyList<string> values)
    {
        int total = 0, bare = 0;
        foreach (var raw in values)
        {
            var value = raw.AsSpan().Trim();
            if (value.IsEmpty) continue;
            total++;
            if (!value.ContainsAnyExceptInRange('0', '9')) bare++;
        }
        return total > 0 && bare >= 0.8 * total;
    }

    /// <summary>True when the bare digit runs among <paramref name="values"/> read as phone numbers of one population:
    /// at least 60 % of them are valid international numbers once a <c>+</c> is put in front (no national reading), and
    /// one country calling code covers at least 40 % of them. Random digit runs spread over the calling codes their first
    /// digits happen to spell (and most fail the length of that country's plan); a customer base's numbers do not.</summary>
    /// <param name="values">The column's sampled values.</param>
    internal static bool InternationalNumbersOfOneCountry(IReadOnlyList<string> values)
    {
        var codes = new Dictionary<int, int>();
        var known = new Dictionary<string, int?>(StringComparer.Ordinal);
        int bare = 0, valid = 0;
        foreach (var raw in values)
        {
            var value = raw.Trim();
            if (value.Length == 0 || value.AsSpan().ContainsAnyExceptInRange('0', '9')) continue;
            bare++;
            if (!known.TryGetValue(value, out var code)) known[value] = code = PhoneDetector.InternationalCallingCode(value);
            if (code is not { } cc) continue;
            valid++;
            codes[cc] = codes.GetValueOrDefault(cc) + 1;
        }
        return bare > 0 && valid >= 0.6 * bare && codes.Count > 0 && codes.Values.Max() >= 0.4 * bare;
    }

    /// <summary>True when at least three values were tested and fewer than 20 % pass the validator of the category a
    /// name gave (e-mail, phone, IP address): the values contradict the name.</summary>
    public static bool Contradicts(string category, DetectorResult result)
    {
        string? validator = category switch
        {
            "contact.email" => DetectorIds.Email,
            "contact.phone" => DetectorIds.Phone,
            "automatic.ip_address" => DetectorIds.IpAddress,
            "financial.payment_card" => null,
            "financial.bank_account" => null,
            _ => null,
        };
        return validator is not null && result.Total >= 3 && result.Ratio(validator) < 0.2;
    }

    /// <summary>True when a column named for an e-mail or a phone holds numbers (integer, decimal or boolean type), at least
    /// 80 % of its non-placeholder values being whole numbers of at most six digits: an e-mail is never a number, and no
    /// phone number in a numbering plan (ITU-T E.164: national significant numbers of 7 to 15 digits in the countries we
    /// read, short codes aside) fits in six digits, so <c>nb_telephones</c>, <c>anzahl_handy</c>, <c>phone_total</c> hold a
    /// count, a flag or a code (shared case C01 in other languages). Call only when the values already contradict the name
    /// (<see cref="Contradicts"/>).</summary>
    /// <param name="category">The category the name gave.</param>
    /// <param name="family">The values' type family.</param>
    /// <param name="values">The sampled values.</param>
    /// <returns>True for a count under a contact name.</returns>
    public static bool CountUnderContactName(string category, TypeFamily family, IReadOnlyList<string> values)
    {
        if (category is not ("contact.phone" or "contact.email") || family is not (TypeFamily.Integer or TypeFamily.Decimal or TypeFamily.Boolean))
            return false;
        int tested = 0, shortNumbers = 0;
        foreach (var raw in values)
        {
            var value = raw.AsSpan().Trim();
            if (value.Length == 0 || DetectorSuite.IsPlaceholder(value)) continue;
            tested++;
            if (value.Length <= 6 && value.IndexOfAnyExceptInRange('0', '9') < 0) shortNumbers++;
            else if (value is "true" or "false" or "t" or "f") shortNumbers++;
        }
        return tested >= 3 && shortNumbers >= 0.8 * tested;
    }

    // Courtesy titles in English, French, German and Spanish, lower case, accents folded, without the trailing dot.
    private static readonly HashSet<string> CourtesyTitles = new(StringComparer.Ordinal)
    {
        "mr", "mrs", "ms", "miss", "mx", "mister", "m", "mme", "mlle", "monsieur", "madame", "mademoiselle", "herr", "frau",
        "fraulein", "fraeulein", "divers", "sr", "sra", "srta", "senor", "senora", "senorita", "don", "dona", "dr", "dr med", "prof",
    };

    /// <summary>The courtesy titles among the sampled values (<see cref="CourtesyTitles"/>, case and accents and a trailing dot
    /// ignored): at least 10 non-blank values, 95 % of them titles, of at least two distinct titles (a column of one code,
    /// or of M and F, is not a civility).</summary>
    /// <param name="values">The sampled values.</param>
    /// <returns>The counts (titles, values tested, distinct titles), or null when the values are not salutations.</returns>
    internal static (int Titles, int Tested, int Distinct)? Salutations(IReadOnlyList<string> values)
    {
        int tested = 0, titles = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var v in values)
        {
            if (string.IsNullOrWhiteSpace(v)) continue;
            tested++;
            var word = v.Trim().TrimEnd('.');
            if (word.Length > 12) continue;
            var folded = NameTokenizer.Fold(word.ToLowerInvariant());
            if (!CourtesyTitles.Contains(folded)) continue;
            titles++;
            seen.Add(folded);
        }
        return tested >= 10 && titles >= 0.95 * tested && seen.Count >= 2 ? (titles, tested, seen.Count) : null;
    }

    // A text sample of at least 30 values with at most 12 distinct ones (≤ 10 %) and no personal detector matching 30 % of
    // them. Free text aside (a repeated sentence is still a label), and the shape-only person-name and postal-code
    // detectors aside (one lower-case word such as 'web' has a name's shape): a handful of words repeated is a label set.
    internal static bool IsEnumeration(DetectorResult result, TypeFamily family)
    {
        if (family is not (TypeFamily.Text or TypeFamily.Untyped) || result.Total < 30) return false;
        if (result.Distinct > 12 || result.DistinctRatio > 0.1) return false;
        foreach (var score in result.ScoreSpan)
            if (score.DataCategory is not null && score.Ratio >= 0.3
                && score.Id is not (DetectorIds.FreeText or DetectorIds.Json or DetectorIds.PersonName or DetectorIds.PostalCode)) return false;
        return true;
    }

    /// <summary>True when every value is in lower case, at least 60 % of them are comma- or semicolon-separated lists or
    /// single words, and some are lists (<c>vip, beta</c>; <c>admin;editor</c>; <c>trial</c>): tags and labels, which the
    /// person-name shape accepts word by word, never people's names written <c>Last, First</c> (kinds24).</summary>
    /// <summary>True when the values read as people's names by their structure, not by one capitalised word: at least
    /// half of the non-blank values have a person's name shape (<see cref="PersonNameDetector"/>, place names excluded)
    /// and hold two or more words (a given and a family name, or "Last, First") or are a common
    /// given name alone (<see cref="GivenNames"/>). One capitalised word is the shape of a surname, but also of a town,
    /// a region, a product, a team or a tag (trial 32: a materialized view's <c>ville</c> column of city names was
    /// suggested <c>contact.name</c> under a name that said nothing else); without a name saying "name", one word is too
    /// little to call a column people's names. (Several capitalised words remain the shape of product names and titles
    /// too: a column of those under a silent name is still read as names, measured in PlaceNameAdversarialTests.)</summary>
    /// <param name="values">The column's sampled values.</param>
    internal static bool GivenAndFamilyNames(IReadOnlyList<string> values)
    {
        int tested = 0, people = 0;
        Span<char> folded = stackalloc char[64];
        foreach (var v in values)
        {
            if (string.IsNullOrWhiteSpace(v)) continue;
            tested++;
            var t = v.AsSpan().Trim();
            if (!PersonShape.IsMatch(t, ValueShape.Of(t, fraction: false))) continue;
            if (t.IndexOfAny(' ', ',') > 0 || GivenNames.IsGivenName(NameTokenizer.Fold(t, folded))) people++;
        }
        return tested > 0 && people * 2 >= tested;
    }

    private static readonly PersonNameDetector PersonShape = new();

    private static bool LowerCaseLabelLists(IReadOnlyList<string> values)
    {
        int tested = 0, lists = 0, labels = 0;
        foreach (var v in values)
        {
            if (string.IsNullOrWhiteSpace(v)) continue;
            tested++;
            foreach (var c in v) if (char.IsUpper(c)) return false;
            var t = v.AsSpan().Trim();
            if (t.IndexOfAny(',', ';') >= 0) { lists++; labels++; }
            else if (t.IndexOf(' ') < 0) labels++;
        }
        return tested > 0 && lists > 0 && labels >= 0.6 * tested;
    }

    // Words of a message's text (its body, a reply, an answer), as against its subject, topic or category, in English,
    // French, German and Spanish.
    private static readonly HashSet<string> MessageTextTokens = new(StringComparer.Ordinal)
        { "message", "messages", "body", "reply", "replies", "content", "text", "answer", "response", "comment",
          "corps", "reponse", "contenu", "texte", "commentaire", "nachricht", "inhalt", "antwort", "kommentar",
          "mensaje", "cuerpo", "respuesta", "contenido", "texto", "comentario" };

    // Words of a note kept about a person (notes, remarks, comments), in English, French, German and Spanish.
    private static readonly HashSet<string> PersonNoteTokens = new(StringComparer.Ordinal)
        { "note", "notes", "remark", "remarks", "comment", "comments", "observation", "observations", "memo",
          "remarque", "remarques", "commentaire", "commentaires",
          "notiz", "notizen", "bemerkung", "bemerkungen", "anmerkung", "anmerkungen", "kommentar",
          "nota", "notas", "observacion", "observaciones", "comentario", "comentarios" };

    /// <summary>True when repeated prose is still what people wrote, not an enumeration: a message text name (body, reply,
    /// answer, content; not a subject or topic) in a table of the <c>content</c> group (tickets, messages, requests), or a
    /// note, remark or comment (any word of the name: <c>notes_internes</c>) in a table of people (customers, clients,
    /// members), holding prose (the free-text detector on
    /// half of the values). Canned replies repeated from row to row are still the messages sent in a person's case, and a
    /// few remarks repeated over a small customer table are still notes about those customers (LABELS.md tie-breaker 15;
    /// trial 25, trial38 finding 5). A subject picked from a short list of topics stays an enumeration: it says which form
    /// field was chosen, not what a person wrote; so does a note holding labels (<c>web</c>, <c>migrated</c>: not prose).</summary>
    private static bool CannedMessages(NameMatch name, DetectorResult result) =>
        name.DataCategory is null or "none" or "customer_content.message" && name.Gates.Count == 0
        && !name.TableGroups.Contains("configuration") && name.Tokens.Count > 0 && result[DetectorIds.FreeText].Ratio >= 0.5
        && ((name.TableGroups.Contains("content") && MessageTextTokens.Contains(name.Tokens[^1]))
            || (name.TableGroups.Contains("person") && name.Tokens.Any(PersonNoteTokens.Contains)));

    /// <summary>Evidence id of a message name kept over a few repeated phrases (<see cref="PhrasesUnderAMessageName"/>).</summary>
    public const string RepeatedPhrasesEvidence = "sample.repeated-phrases";

    /// <summary>Confidence of the message a message name keeps over a few repeated phrases: under the 0.8 at which a rule
    /// stands with values and under any threshold a gate accepts, so a DPO reviews it.</summary>
    public const double RepeatedPhrasesConfidence = 0.6;

    /// <summary>Evidence id marking an enumeration whose repeated values are phrases (<see cref="PhrasesOutsideConfiguration"/>)
    /// under a name no rule reads as a message; no category of its own.</summary>
    public const string PhrasesEvidence = "sample.phrases";

    /// <summary>The values of an enumeration-sized sample outside a table that configures the application or holds its
    /// catalogue, look-up lists, vocabularies, settings or translations, under a name without a gate: at least 60 % of the
    /// non-blank values are phrases
    /// (<see cref="IsPhrase"/>). Codes and labels (<c>web</c>, <c>migrated</c>, <c>REFUND_DUPLICATE</c>,
    /// <c>billing-issue</c>) are single tokens and stay an enumeration (LABELS.md: statuses, enumerations → none); phrases
    /// repeated over a sample are as likely the same few texts written again (LABELS.md tie-breakers 6 and 15: free text
    /// users or staff write about a case is customer content) as a pick list (trial43 finding K2). Under a name whose rule
    /// says <c>customer_content.message</c> the message is kept (<see cref="RepeatedPhrasesEvidence"/>); under another,
    /// the enumeration is marked (<see cref="PhrasesEvidence"/>).</summary>
    /// <param name="name">The column's name match.</param>
    /// <param name="values">The sampled values.</param>
    /// <returns>The counts (phrases, non-blank values), or null when the column is not of this kind.</returns>
    internal static (int Phrases, int Tested)? PhrasesOutsideConfiguration(NameMatch name, IReadOnlyList<string> values)
    {
        if (name.Gates.Count > 0 || name.TableGroups.Any(ConfigurationTableGroups.Contains)) return null;
        // A subject, topic or reason picked from a short list says which form field was chosen (held-back kind of session 24).
        if (name.Tokens.Any(SubjectTokens.Contains)) return null;
        int tested = 0, phrases = 0;
        foreach (var raw in values)
        {
            var value = raw.AsSpan().Trim();
            if (value.IsEmpty) continue;
            tested++;
            if (IsPhrase(value)) phrases++;
        }
        return tested > 0 && phrases >= 0.6 * tested ? (phrases, tested) : null;
    }

    // Table groups of name-rules.yml whose tables configure the application or hold its lists: their phrases are typed by
    // the organisation's staff (LABELS.md tie-breaker 6).
    private static readonly string[] ConfigurationTableGroups =
        ["configuration", "catalogue", "lookup", "vocabulary", "settings-store", "ticket-setting", "translation", "tax-configuration",
         "membership-kind", "broadcast"];

    // Words of a message's subject, topic or reason (en/fr/de/es), left to the enumeration reading.
    private static readonly HashSet<string> SubjectTokens = new(StringComparer.Ordinal)
        { "subject", "topic", "sujet", "objet", "theme", "betreff", "thema", "asunto", "tema", "reason", "motif", "grund", "motivo" };

    /// <summary>True for a phrase of a natural language: two or more words separated by spaces, each made of letters
    /// (with inner apostrophes and hyphens, and a closing punctuation mark) or of digits only, at least one of three letters or more, and
    /// a word after the first that begins in lower case (<c>de</c>, <c>about</c>, <c>mit</c>, <c>prélèvement</c>: running
    /// text). Identifiers and codes (<c>REFUND_DUPLICATE</c>, <c>billing-issue</c>, <c>v2 beta</c>, <c>EU WEST</c>) and
    /// labels written as titles (<c>Billing Question</c>, <c>In Progress</c>, <c>Times New Roman</c>, <c>Pro Plus</c>)
    /// are not phrases.</summary>
    /// <param name="value">A trimmed value.</param>
    internal static bool IsPhrase(ReadOnlySpan<char> value)
    {
        int words = 0;
        bool longWord = false, notCapitals = false, lowerInitial = false;
        foreach (var range in value.Split(' '))
        {
            var word = value[range].TrimEnd(".,;:!?…)\"»".AsSpan()).TrimStart("(\"«¿¡".AsSpan());
            if (word.IsEmpty) continue;
            int letters = 0;
            bool lower = false;
            if (!word.ContainsAnyExceptInRange('0', '9')) { words++; continue; }
            for (int i = 0; i < word.Length; i++)
            {
                char c = word[i];
                if (char.IsLetter(c)) { letters++; lower |= char.IsLower(c); }
                else if (!(c is '\'' or '’' or '-' && i > 0 && i < word.Length - 1)) return false;
            }
            lowerInitial |= words > 0 && char.IsLower(word[0]);
            words++;
            longWord |= letters >= 3;
            notCapitals |= lower;
        }
        return words >= 2 && longWord && notCapitals && lowerInitial;
    }

    private bool Enough(DetectorScore score, double share) => Enough(score, share, _options);

    /// <summary>True when a detector matched at least <paramref name="share"/> of the tested values and at least
    /// <see cref="RuleClassifierOptions.MinMatches"/> of them (or the one value sampled).</summary>
    internal static bool Enough(DetectorScore score, double share, RuleClassifierOptions options) =>
        score.Total > 0 && score.Ratio >= share && (score.Matched >= options.MinMatches || score.Total == 1);
}
