using Inventory.Classification;

namespace Inventory.Rules;

/// <summary>What a column's name says, as the rule classifier weighs it: the name match (rule, gates, table context)
/// as evidence items, and the signals of its tokens that the value rules read (a version, a key or a time, network
/// configuration) with the personal category the name points at. Built once per column; holds no values.</summary>
internal sealed class NameEvidence
{
    // French, German and Spanish words and compounds (kinds25: softwareversion, compilacion, logiciel_version).
    private static readonly string[] VersionTokens = ["version", "ver", "release", "build", "firmware", "revision", "schema",
        "versions", "compilation", "compilacion", "firmwareversion", "softwareversion", "appversion", "versionsnummer", "versao"];
    // Numbers of business records (kinds25, issue 10 item 6): order, invoice, shipment, tracking, booking and case numbers
    // are sequential or random digit runs that pass a phone plan or a Luhn check by chance. A name that holds a number word
    // and one of these is a key (no_facture, numero_commande, tracking_number); German compounds are listed whole.
    private static readonly string[] NumberWordTokens = ["number", "numero", "nummer", "num", "no", "nr"];
    private static readonly string[] BusinessRecordTokens =
        ["order", "orders", "invoice", "invoices", "shipment", "shipments", "tracking", "parcel", "delivery", "receipt", "booking",
         "reservation", "ticket", "case", "claim", "contract", "policy", "purchase", "quote", "voucher", "commande", "facture", "suivi",
         "expedition", "colis", "livraison", "recu", "dossier", "contrat", "sinistre", "devis", "bon", "pedido", "factura",
         "seguimiento", "envio", "paquete", "reserva", "expediente", "contrato", "siniestro", "presupuesto", "albaran", "recibo",
         "bestellung", "rechnung", "sendung", "auftrag", "lieferung", "lieferschein", "vertrag", "vorgang", "buchung", "beleg",
         // German first parts of a compound written apart (Auftrags-Nr., Bestell-Nr.)
         "auftrags", "bestell", "rechnungs", "sendungs", "buchungs", "vertrags", "liefer", "vorgangs", "beleg"];
    private static readonly string[] BusinessNumberCompounds =
        ["bestellnummer", "rechnungsnummer", "sendungsnummer", "auftragsnummer", "lieferscheinnummer", "vorgangsnummer",
         "buchungsnummer", "belegnummer", "vertragsnummer", "referenznummer", "aktenzeichen", "trackingnummer", "paketnummer"];
    // Names of keys and times (issue 10 item 6): a digit run that passes a phone plan or a Luhn check by structure decides
    // nothing in a column named like an identifier or a time; only the name's own category could make it personal.
    private static readonly string[] KeyOrTimeTokens =
        ["id", "ids", "ref", "refs", "key", "keys", "ts", "time", "times", "timestamp", "epoch", "seq", "sequence", "uuid", "guid", "nonce", "serial", "counter"];
    // Names of network configuration (issue 10 item 6): the addresses a service binds to, masks, gateways, resolvers
    // are the organisation's configuration, never a person's IP address.
    private static readonly string[] NetworkConfigurationTokens =
        ["mask", "netmask", "subnet", "gateway", "dns", "nameserver", "resolver", "bind", "listen", "listener", "route", "router",
         "cidr", "upstream", "loopback", "proxy", "server", "placeholder", "broadcast", "multicast", "network"];

    // Words of a phone (kinds26), after abbreviation expansion (tel → phone): in French and Spanish the head comes first
    // (numero_telephone_destinataire, telefono_remitente), so the match that ends last is the recipient, not the phone.
    private static readonly string[] PhoneTokens =
        ["phone", "phones", "telephone", "telephones", "mobile", "mobiles", "cellphone", "portable", "portables", "telefon", "telefone",
         "telefonnummer", "handy", "handynummer", "mobilnummer", "mobiltelefon", "telefono", "telefonos", "movil", "moviles", "celular"];

    /// <summary>Reads a name match.</summary>
    /// <param name="match">The name rules' match of the column.</param>
    // Names of text the system writes or the organisation configures (issue 10 item 6): exception messages, stack traces,
    // logs, message templates. Prose under such a name is not what a user wrote (LABELS.md tie-breaker 6).
    private static readonly string[] SystemTextTokens =
        ["error", "errors", "exception", "exceptions", "stack", "stacktrace", "trace", "traceback", "backtrace", "log", "logs",
         "template", "templates", "debug", "failure", "fault", "erreur", "fehler", "excepcion", "plantilla", "vorlage", "modele"];

    public NameEvidence(NameMatch match)
    {
        Match = match;
        VersionLike = match.Tokens.Any(t => VersionTokens.Contains(t));
        KeyOrTimeLike = match.Tokens.Any(t => KeyOrTimeTokens.Contains(t) || BusinessNumberCompounds.Contains(t))
            || (match.Tokens.Any(t => NumberWordTokens.Contains(t)) && match.Tokens.Any(t => BusinessRecordTokens.Contains(t)));
        NetworkConfiguration = match.Tokens.Any(t => NetworkConfigurationTokens.Contains(t));
        SystemText = match.Tokens.Any(t => SystemTextTokens.Contains(t));
        PhoneWord = match.Tokens.Any(t => PhoneTokens.Contains(t));
        Personal = match.DataCategory is { } category && category != "none";
        TopLevel = Personal ? DataCategory.TopLevelOf(match.DataCategory!) : null;
    }

    /// <summary>The name rules' match.</summary>
    public NameMatch Match { get; }

    /// <summary>A version-like name (<c>schema_migrations.version</c>, <c>firmware_version</c>): dotted quads and
    /// timestamps, never addresses, phones or cards.</summary>
    public bool VersionLike { get; }

    /// <summary>A name of a key or a time: structural digit runs decide nothing in it.</summary>
    public bool KeyOrTimeLike { get; }

    /// <summary>A name of network configuration: its addresses are the organisation's, not a person's.</summary>
    public bool NetworkConfiguration { get; }

    /// <summary>True when a word of the name says phone (<c>telephone</c>, <c>telefono</c>, <c>Handy</c>, <c>mobile</c>),
    /// wherever it stands: <c>numero_telephone_destinataire</c> is the recipient's phone though the rule that matched last
    /// is the recipient's (kinds26). Bare digit runs take <c>contact.phone</c> under such a name as under a phone rule.</summary>
    public bool PhoneWord { get; }

    /// <summary>True when the name points at a category other than <c>none</c>.</summary>
    public bool Personal { get; }

    /// <summary>True when the name says the column holds text the system writes or the organisation configures (error,
    /// exception, stack trace, log, template…), not what a person wrote.</summary>
    public bool SystemText { get; }

    /// <summary>True when the name's rule says health (a diagnosis, a visit reason, a note in a care table).</summary>
    public bool Health => Match.DataCategory == "other_personal.health";

    /// <summary>The top level of the personal category the name points at, or null.</summary>
    public string? TopLevel { get; }

    /// <summary>True when a token of the name is the foreign-key marker <c>fk</c> (<c>fk_salary</c>, <c>fk_user_author</c>):
    /// the column holds another row's key, so a rule marked <c>stands</c> matching the rest of the name does not decide it
    /// alone; the model and the learned combination do, as for any rule (kinds22: <c>fk_salary</c> is a key, not an amount).</summary>
    public bool ForeignKeyMarked => Match.Tokens.Contains("fk");

    /// <summary>Evidence kind of a name rule marked <c>stands</c> (<see cref="NameRule.Stands"/>): its decision stands in
    /// the combination with the model.</summary>
    public const string NameAuthorityKind = "name-authority";

    /// <summary>The evidence of the name: the rule that matched (with the gated category, if a gate held it back), each
    /// gate (context, type or suffix) and the table context group when the rule depends on it.</summary>
    /// <param name="evidence">The column's evidence, appended to.</param>
    public void AddTo(List<EvidenceItem> evidence)
    {
        var name = Match;
        if (name.Rule is not null)
            evidence.Add(new EvidenceItem("name-rule", name.Rule.Id, name.GatedCategory ?? name.Rule.DataCategory, Score: name.Rule.Weight));
        if (name.Rule is { Stands: true } && name.Gates.Count == 0 && name.DataCategory == name.Rule.DataCategory && !ForeignKeyMarked)
            evidence.Add(new EvidenceItem(NameAuthorityKind, name.Rule.Id, name.DataCategory,
                Detail: name.Rule.UserRule
                    ? "a rule of the name-rules file of inventory.yml: it decides (stands: false in the rule leaves it to the combination with the model)"
                    : "a kind the names-only training corpus holds too few of for the model to learn: the name rule decides"));
        foreach (var gate in name.Gates)
            evidence.Add(gate.StartsWith("gate.context.", StringComparison.Ordinal)
                ? new EvidenceItem("context-gate", gate, "none", Detail: $"no other column of the table gives the record {gate["gate.context.".Length..]} this column would be part of")
                : new EvidenceItem(gate.StartsWith("gate.type.", StringComparison.Ordinal) ? "type-gate" : "suffix-gate", gate, "none",
                    Detail: $"a name alone never gives {name.GatedCategory} to this column"));
        if (name.TableGroups.Count > 0 && name.Rule is not null && name.Rule.Tables.Count + name.Rule.NotTables.Count > 0)
            evidence.Add(new EvidenceItem("table-context", "table." + string.Join("+", name.TableGroups), Detail: "table context group"));
    }
}
