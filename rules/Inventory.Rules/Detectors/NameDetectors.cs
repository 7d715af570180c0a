using System.Collections.Frozen;
using Inventory.Catalog;

namespace Inventory.Rules.Detectors;

/// <summary>
/// Person-name shaped values: one to five words of letters in any script (apostrophes, hyphens, periods inside words,
/// an optional comma for "Last, First"), no digits, at most 70 characters, each Latin word capitalised or the whole value
/// in one case (ALL CAPS and lower-case exports are names too); scripts without case (CJK, Arabic…) accepted as-is.
/// Shape only: city names and titles share it, so the classifier never decides a name from this detector alone. Values
/// that read as place names (<see cref="PlaceNames"/>: <c>Saint-Étienne</c>, <c>Frankfurt am Main</c>, <c>Calle Mayor</c>,
/// <c>Hauptstraße</c>, <c>Andalucía</c>) are not matched (trial 32: a column of city names read 12/12 as people's names).
/// A lower-case value without spaces whose last dot is followed by letters only (<c>shop-kqzmw.io</c>,
/// <c>boulangerie-dupont.fr</c>, <c>api.example.com</c>) is a host or domain name, not a person's (trial 31: a column of
/// application domains read 300/300 as names, was suggested contact.name and made its <c>none</c> annotation a conflict).
/// A civility or courtesy title written alone (<c>Herr</c>, <c>Mme</c>, <c>Sra.</c>, <c>Dr</c>) is a salutation code, not
/// a name (trial35 rows f and o). A job title (<c>CTO</c>, <c>Developer</c>, <c>Sales Manager</c>, <c>Directeur Général</c>,
/// <c>Jefe de Ventas</c>, <c>Geschäftsführerin</c>) is employment, not a name: a value whose first or last word is a job
/// noun is not matched (<see cref="NamesAJob"/>; trial41 M1: a contacts table's job titles read 18/25 as names).
/// </summary>
internal sealed class PersonNameDetector : ValueDetector
{
    /// <inheritdoc />
    public override string Id => DetectorIds.PersonName;
    /// <inheritdoc />
    public override string? DataCategory => "contact.name";
    /// <inheritdoc />
    public override DetectorWeight Weight => DetectorWeight.NeedsNameSupport;
    /// <inheritdoc />
    public override DetectorCheck Check => DetectorCheck.ShapeOnly;

    /// <inheritdoc />
    public override bool IsMatch(ReadOnlySpan<char> value, in ValueShape shape)
    {
        if (shape.Digits > 0 || shape.Length is < 2 or > 70 || shape.Letters < 2 || shape.Slashes > 0 || shape.At > 0 || shape.Spaces > 4) return false;
        if (shape is { Spaces: 0, Upper: 0, Dots: > 0 } && IsHostName(value)) return false;
        bool allUpper = shape.Upper == shape.Letters, anyCase = false;
        bool wordStart = true;
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (c == ' ') { wordStart = true; continue; }
            if (char.IsLetter(c))
            {
                bool cased = char.IsUpper(c) || char.IsLower(c);
                if (cased) anyCase = true;
                if (wordStart && cased && !allUpper && char.IsLower(c) && shape.Upper > 0)
                {
                    // A lower-case particle between a person's names (Charles de Gaulle, Ursula von der Leyen, María del
                    // Carmen, Vincent van Gogh) is part of the name; any other lower-case word is not.
                    int end = value[i..].IndexOf(' ');
                    if (i == 0 || end < 0 || !Particles.Contains(value.Slice(i, end))) return false;
                    i += end - 1;
                    wordStart = false;
                    continue;
                }
                wordStart = false;
                continue;
            }
            if (c is '\'' or '’' or '-' or '.' or ',') { wordStart = c == '-'; continue; }
            if (char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark) continue;
            return false;
        }
        return (anyCase || shape.NonAscii > 0) && !PlaceNames.IsPlace(value) && !CivilityOnly(value) && !NamesAJob(value) && !NamesAProduct(value);
    }

    // Words of catalogue titles in English, French, German and Spanish: kinds of goods (food and drink, clothing, devices
    // and accessories, books and media, cosmetics, home), editions and packagings, model and range words. Words a person's
    // given or family name is commonly written as (Max, Kit, Case, Pack, Buch, Schuh, Tee, Tea, Tasse, Card, Cover, Roman,
    // Vin, Wein, Bier, Beer, Vela, Jeans, Toy…) are deliberately absent; a test keeps the list apart from GivenNames.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ProductWords = FrozenSet.ToFrozenSet(
        ["edition", "édition", "edición", "ausgabe", "collection", "kollektion", "colección", "coleccion", "series", "série",
         "serie", "bundle", "coffret", "paquete", "starter", "refill", "recharge", "nachfüllpack", "deluxe", "premium",
         "classic", "classique", "clásico", "klassik", "original", "organic", "vegan", "ultra", "pro", "mini", "plus", "lite",
         "wireless", "bluetooth", "headphones", "earbuds", "speaker", "charger", "adapter", "adaptateur", "adaptador",
         "keyboard", "clavier", "tastatur", "teclado", "laptop", "notebook", "tablet", "tablette", "camera", "caméra", "kamera",
         "cámara", "monitor", "printer", "imprimante", "drucker", "impresora", "router", "smartphone", "smartwatch", "console",
         "galaxy", "pixel", "playstation", "xbox", "sneakers", "jacket", "veste", "jacke", "chaqueta", "hoodie", "sweater",
         "pullover", "dress", "kleid", "vestido", "shoes", "chaussures", "schuhe", "zapatos", "zapatillas",
         "backpack", "sac", "rucksack", "mochila", "wallet", "portefeuille", "geldbörse", "cartera", "bottle", "bouteille",
         "flasche", "botella", "watch", "montre", "armbanduhr", "reloj", "shampoo", "shampooing", "champú", "soap", "savon",
         "seife", "jabón", "candle", "bougie", "kerze", "perfume", "parfum", "lotion", "serum", "sérum", "cream",
         "crème", "creme", "crema", "coffee", "café", "cafe", "kaffee", "thé", "té", "chocolate", "chocolat",
         "schokolade", "cheese", "fromage", "käse", "queso", "wine", "vino", "bière", "cerveza",
         "pasta", "pâtes", "nudeln", "sauce", "salsa", "oil", "huile", "öl", "aceite", "biscuits", "cookies", "kekse",
         "galletas", "capsules", "dosettes", "kapseln", "cápsulas", "mug", "book", "livre", "libro", "novel", "novela", "hardcover", "paperback", "broché", "taschenbuch", "album", "vinyl", "vinyle", "dvd", "blu-ray",
         "puzzle", "lego", "jouet", "spielzeug", "juguete", "set"],
        StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    // Articles that open a book's or a film's title in the four languages; only as the first word, capitalised (lower-case
    // der, los, las are particles inside a person's name: Ursula von der Leyen, María de los Ángeles).
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TitleArticles = FrozenSet.ToFrozenSet(
        ["The", "Der", "Die", "Los", "Las", "Une", "Ein", "Eine", "Un"], StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True when a word of a value is a word of catalogue titles (<c>Galaxy Buds Pro</c>, <c>Café Crème</c>,
    /// <c>Wireless Earbuds</c>, <c>Coffret Découverte</c>) or its first word is an article that opens a title (<c>The Great
    /// Gatsby</c>, <c>Der Zauberberg</c>, <c>Los Miserables</c>): a product's or a book's name, which the person-name shape
    /// alone would accept (issue 10 item 6, data44's K4).</summary>
    /// <param name="value">A value the name shape accepted.</param>
    internal static bool NamesAProduct(ReadOnlySpan<char> value)
    {
        bool first = true;
        foreach (var range in value.Split(' '))
        {
            var word = value[range].TrimEnd('.').TrimEnd(',');
            if (word.IsEmpty) continue;
            if (ProductWords.Contains(word) || (first && TitleArticles.Contains(word))) return true;
            first = false;
        }
        return false;
    }

    // Civilities, salutations and courtesy titles in English, French, German and Spanish, compared without their period
    // and case-insensitively: written alone ('Herr', 'Mme', 'Sra.', 'Dr') they are a salutation code, not a person's name
    // (trial35 rows f and o: Herr/Frau/Divers and M./Mme/Dr were 400/400 and 335/500 "names"). Followed by a name they stay
    // part of it ('Frau Schmidt' is a name). 'Divers' is the German third civility (diverse) of forms that ask Herr/Frau.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Civilities = FrozenSet.ToFrozenSet(
        ["mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "madam", "m", "mme", "mlle", "mmes", "mm", "monsieur", "madame",
         "mademoiselle", "me", "pr", "herr", "frau", "fraulein", "fräulein", "divers", "sr", "sra", "srta", "senor", "señor",
         "senora", "señora", "senorita", "señorita", "dña", "dra", "ing"],
        StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True when every word of a value is a civility or courtesy title (<c>Mme</c>, <c>Herr Dr.</c>,
    /// <c>Sra.</c>), periods aside: a salutation code, which a person-name shape alone would accept.</summary>
    /// <param name="value">A value the name shape accepted.</param>
    internal static bool CivilityOnly(ReadOnlySpan<char> value)
    {
        foreach (var range in value.SplitAny(' ', '.'))
        {
            var word = value[range];
            if (word.IsEmpty) continue;
            if (!Civilities.Contains(word)) return false;
        }
        return true;
    }

    // Job nouns and the acronyms of job titles in English, French, German and Spanish (masculine and feminine forms),
    // compared case-insensitively and without a trailing period. Occupational surnames (Baker, Carter, Smith, Taylor,
    // Müller, Schneider, Fischer, Kaufmann, Richter, Boulanger, Boucher, Charpentier, Mercier, Herrero, Zapatero,
    // Pastor…) are deliberately absent: a job noun here is one no family name is commonly written as.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> JobNouns = FrozenSet.ToFrozenSet(
        ["ceo", "cto", "cfo", "coo", "cio", "cmo", "cpo", "cso", "ciso", "dpo", "vp", "svp", "evp", "avp", "hr",
         "manager", "director", "engineer", "developer", "officer", "executive", "analyst", "consultant", "designer",
         "accountant", "assistant", "administrator", "admin", "architect", "specialist", "coordinator", "representative",
         "associate", "president", "intern", "trainee", "supervisor", "technician", "recruiter", "strategist", "producer",
         "planner", "facilitator", "liaison", "orchestrator", "agent", "advisor", "adviser", "scientist", "researcher",
         "editor", "secretary", "operator", "founder", "cofounder", "co-founder", "chairman", "chairwoman", "chairperson",
         "head", "lead", "programmer", "tester", "auditor", "controller", "treasurer", "receptionist", "salesperson",
         "paralegal", "attorney", "employee", "contractor", "freelancer", "cashier", "buyer",
         "directeur", "directrice", "gérant", "gérante", "ingénieur", "ingénieure", "développeur", "développeuse",
         "comptable", "stagiaire", "assistante", "consultante", "technicien", "technicienne", "secrétaire", "président",
         "présidente", "responsable", "chef", "chargé", "chargée", "administrateur", "administratrice", "vendeur",
         "vendeuse", "analyste", "architecte", "juriste", "conseiller", "conseillère", "employé", "employée", "apprenti",
         "apprentie", "alternant", "alternante", "fondateur", "fondatrice", "opérateur", "opératrice", "acheteur",
         "acheteuse", "caissier", "caissière", "adjoint", "adjointe",
         "geschäftsführer", "geschäftsführerin", "leiterin", "entwickler", "entwicklerin", "ingenieur", "ingenieurin",
         "berater", "beraterin", "buchhalter", "buchhalterin", "praktikant", "praktikantin", "mitarbeiter", "mitarbeiterin",
         "sachbearbeiter", "sachbearbeiterin", "assistent", "assistentin", "vorstand", "vorsitzender", "vorsitzende",
         "abteilungsleiter", "abteilungsleiterin", "teamleiter", "teamleiterin", "projektleiter", "projektleiterin",
         "vertriebsleiter", "vertriebsleiterin", "werkstudent", "werkstudentin", "auszubildender", "auszubildende", "azubi",
         "referent", "referentin", "techniker", "technikerin", "programmierer", "programmiererin", "verkäufer",
         "verkäuferin", "einkäufer", "einkäuferin", "gründer", "gründerin", "inhaber", "inhaberin", "prokurist",
         "prokuristin", "sekretärin",
         "directora", "gerente", "ingeniero", "ingeniera", "desarrollador", "desarrolladora", "contable", "contador",
         "contadora", "jefe", "jefa", "asesor", "asesora", "becario", "becaria", "vendedor", "vendedora", "administrativo",
         "administrativa", "analista", "consultor", "consultora", "presidenta", "secretario", "secretaria", "técnico",
         "técnica", "programador", "programadora", "coordinador", "coordinadora", "encargado", "encargada", "auxiliar",
         "fundador", "fundadora", "empleado", "empleada", "abogado", "abogada", "representante", "supervisora",
         "recepcionista"],
        StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True when the first or the last word of a value (a trailing period aside) is a job noun or a job title's
    /// acronym (<c>CTO</c>, <c>Sales Manager</c>, <c>Directeur Général</c>, <c>Jefe de Ventas</c>, <c>Leiterin
    /// Vertrieb</c>): a job title, which the person-name shape alone would accept (LABELS.md: a job title is
    /// <c>other_personal.employment</c>).</summary>
    /// <param name="value">A value the name shape accepted.</param>
    internal static bool NamesAJob(ReadOnlySpan<char> value)
    {
        ReadOnlySpan<char> first = default, last = default;
        foreach (var range in value.Split(' '))
        {
            var word = value[range].TrimEnd('.').TrimEnd(',');
            if (word.IsEmpty) continue;
            if (first.IsEmpty) first = word;
            last = word;
        }
        return !first.IsEmpty && (JobNouns.Contains(first) || JobNouns.Contains(last));
    }

    // Particles of people's names written in lower case (FR, DE, NL, ES, PT, IT).
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Particles = FrozenSet.ToFrozenSet(
        ["de", "du", "des", "d'", "la", "le", "von", "vom", "zu", "zum", "der", "den", "van", "ten", "ter", "del", "y", "da", "das", "do", "dos", "di", "della"],
        StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Dot-separated labels, each non-empty, the last one (the top-level domain) two or more letters.</summary>
    private static bool IsHostName(ReadOnlySpan<char> value)
    {
        int lastDot = value.LastIndexOf('.');
        if (lastDot <= 0 || value.Length - lastDot - 1 < 2 || value.Contains("..", StringComparison.Ordinal)) return false;
        foreach (var c in value[(lastDot + 1)..])
            if (!char.IsLetter(c)) return false;
        return true;
    }
}

/// <summary>
/// Organisation names: a value of two or more words (or a CJK/Cyrillic name) carrying a legal-form designation, matched
/// case- and script-insensitively, with or without periods: SAS, SASU, SARL, EURL, SA, SCI, SNC (FR); GmbH, AG, KG, UG,
/// OHG, e.V. (DE); Ltd, Limited, PLC, LLP (UK); Inc, Corp, Corporation, LLC, Co (US); BV, NV (NL/BE); SpA, Srl (IT);
/// SL, SLU (ES); Oy, AB, AS, ApS (Nordics); Pty (AU); s.r.o. (CZ/SK); ООО, ОАО, ЗАО, АО (RU); 株式会社, 有限会社 (JP);
/// 有限公司, 股份有限公司 (CN). Source: the ISO 20275 entity legal forms list (its most frequent abbreviations).
/// </summary>
internal sealed class CompanyNameDetector : ValueDetector
{
    // Looked up by span (ordinal, the comparison the list was scanned with): one hash per word instead of up to 47
    // comparisons for each of the last two words of every candidate.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> LegalForms = FrozenSet.ToFrozenSet(
    [
        "sas", "sasu", "sarl", "eurl", "sa", "sci", "snc", "gmbh", "ag", "kg", "ug", "ohg", "ev", "ltd", "limited", "plc", "llp",
        "inc", "incorporated", "corp", "corporation", "llc", "co", "bv", "nv", "spa", "srl", "sl", "slu", "oy", "ab", "as", "aps",
        "pty", "sro", "ооо", "оао", "зао", "ао", "пао", "kk", "gk", "company",
    ], StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly string[] PrefixForms = ["ооо", "оао", "зао", "ао", "пао", "тов", "ип"];
    private static readonly string[] CjkForms = ["株式会社", "有限会社", "有限公司", "股份有限公司", "合同会社"];

    /// <inheritdoc />
    public override string Id => DetectorIds.CompanyName;
    /// <inheritdoc />
    public override string? DataCategory => "contact.company_name";
    /// <inheritdoc />
    public override DetectorWeight Weight => DetectorWeight.NeedsNameSupport;
    /// <inheritdoc />
    public override DetectorCheck Check => DetectorCheck.ShapeOnly;

    /// <inheritdoc />
    public override bool IsMatch(ReadOnlySpan<char> value, in ValueShape shape)
    {
        if (shape.Length is < 3 or > 160 || shape.At > 0 || shape.Letters < 3) return false;
        if (shape.NonAscii > 0)
            foreach (var form in CjkForms)
                if (value.Contains(form, StringComparison.Ordinal) && value.Length > form.Length) return true;
        if (shape.Spaces == 0) return false;
        // Russian and other Cyrillic legal forms open the name (ООО «Ромашка»).
        int firstSpace = value.IndexOf(' ');
        if (shape.NonAscii > 0 && firstSpace > 0)
            foreach (var form in PrefixForms)
                if (value[..firstSpace].Equals(form, StringComparison.OrdinalIgnoreCase)) return true;
        // Legal forms close the name ("Example Books GmbH", "ACME, Inc.", "Sample Café SARL (Lyon)"): test the last two words.
        Span<char> word = stackalloc char[16];
        var rest = value.TrimEnd(" .)");
        if (rest.Length > 0 && rest[^1] != ')' && value.TrimEnd()[^1] == ')')
        {
            int open = rest.LastIndexOf('(');
            if (open > 0) rest = rest[..open].TrimEnd();
        }
        for (int k = 0; k < 2 && rest.Length > 0; k++)
        {
            int cut = rest.LastIndexOfAny(' ', ',', '&');
            var raw = cut < 0 ? rest : rest[(cut + 1)..];
            if (cut < 0) return false; // the legal form must follow at least one other word
            if (raw.Length is > 0 and <= 16)
            {
                int n = 0;
                foreach (var c in raw)
                    if (c != '.') word[n++] = LowerInvariant(c);
                if (LegalForms.Contains(word[..n])) return true;
            }
            rest = rest[..cut].TrimEnd(" ,&");
        }
        return false;
    }

    // char.ToLowerInvariant of the characters below U+3000, kept on first use: outside ASCII it asks ICU at every call,
    // for every accented last word of every candidate (0.5 % of a 60-source scan's running time, bench/README.md,
    // sources35). 0 marks an entry not filled yet (U+0000 is ASCII and never looked up here). Threads racing to fill an
    // entry write the same character.
    private static readonly char[] LowerCase = new char[0x3000];

    private static char LowerInvariant(char c)
    {
        if (c < 128 || c >= LowerCase.Length) return char.ToLowerInvariant(c);
        var lower = LowerCase[c];
        if (lower == 0) LowerCase[c] = lower = char.ToLowerInvariant(c);
        return lower;
    }
}
