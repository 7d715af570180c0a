using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// Issue 10, twenty-fourth error-kind round (errors46; rules/MODEL.md, <i>Experiments of the twenty-fourth error-kind round
/// (session 46, errors46)</i>), personal columns suggested none at high confidence, generated in bulk in the rules' four
/// languages with the look-alikes that must stay as they are:
/// <list type="bullet">
/// <item>The id a payment connector, gateway, PSP or processor gave one payment object of a customer
/// (<c>connector_refund_id</c>, <c>gateway_dispute_id</c>, <c>psp_payout_id</c>, <c>connector_response_reference_id</c>,
/// <c>id_remboursement_psp</c>, <c>psp_erstattungs_id</c>, <c>id_reembolso_pasarela</c>) is
/// <c>financial.payment_reference</c> (LABELS.md: payment-gateway ids, PSP transaction references); before,
/// <c>name.en.key</c> read it as a key (<c>none</c>). Look-alikes: the connector's or gateway's own id
/// (<c>connector_id</c>, <c>merchant_connector_id</c>), the merchant's id at a processor, an integer key of the service's
/// own table, and the object's status, reason or time at the connector stay off the payment reference.</item>
/// </list>
/// Names and types only, hundreds of generated columns per test. Only kinds are asserted, never one literal row.
/// </summary>
[TestFixture]
public sealed class ErrorKindTwentyFourthRoundAdversarialTests : GeneratedNameFixture
{
    private static readonly string[] ReferenceTypes =
        ["varchar(64)", "character varying(128)", "character varying(255)", "text", "String", "nvarchar(128)", "VARCHAR(255)"];

    private static readonly string[] IntegerTypes = ["integer", "int(11)", "bigint", "INT", "int unsigned", "Int"];

    // Tables of payments, refunds, disputes, payouts, mandates, subscriptions and invoices, in the four languages.
    private static readonly KindWording[] PaymentObjectIdsAtAGateway =
    [
        new("en", W("connector capture id", "connector refund id", "connector dispute id", "connector payout id",
                "connector mandate id", "connector subscription id", "connector invoice id", "connector authorization id",
                "connector authentication id", "connector reference id", "connector resource id",
                "connector response reference id", "gateway refund id", "gateway dispute id", "gateway charge id",
                "gateway customer id", "psp refund id", "psp payout id", "psp payment id", "processor refund id",
                "processor charge id"),
            ["refunds", "captures", "disputes", "payouts", "mandates", "subscriptions", "invoices", "payment_attempts",
                "payments", "relay", "incremental_authorization", "authentication"]),
        new("fr", W("id remboursement psp", "id remboursement passerelle", "id litige psp", "id paiement psp",
                "id paiement passerelle", "id abonnement psp", "id mandat psp", "id facture psp", "reference remboursement psp",
                "reference paiement psp"),
            ["remboursements", "paiements", "litiges", "abonnements", "mandats", "factures"]),
        new("de", W("psp erstattungs id", "psp rueckerstattungs id", "psp zahlungs id", "psp abonnement id", "psp mandat id",
                "gateway erstattungs id", "gateway zahlungs id"),
            ["erstattungen", "zahlungen", "abonnements", "mandate", "rechnungen", "auszahlungen"]),
        new("es", W("id reembolso psp", "id reembolso pasarela", "id disputa pasarela", "id pago psp", "id pago pasarela",
                "id suscripcion pasarela", "id mandato psp", "referencia pago pasarela", "referencia reembolso psp"),
            ["reembolsos", "pagos", "disputas", "suscripciones", "facturas", "mandatos"]),
    ];

    private static readonly string[][] PaymentSiblings =
    [
        ["id", "payment_id", "merchant_id", "status", "amount", "currency", "created_at"],
        ["refund_id", "connector", "merchant_connector_id", "refund_status", "modified_at"],
        ["id", "montant", "devise", "statut", "date_creation"],
        ["id", "betrag", "waehrung", "status", "erstellt_am"],
    ];

    [Test]
    public void PaymentObjectIdsAtAGateway_ArePaymentReferences([Range(0, 3)] int siblings) =>
        AdversarialColumns.AssertAllAccepted(Rules,
            new ColumnKind("the id a payment gateway gave a capture, refund, dispute or payout", PaymentObjectIdsAtAGateway,
                ReferenceTypes, PaymentSiblings[siblings], ["financial.payment_reference"]), 400, 4600 + siblings);

    [Test]
    public void PaymentObjectIdsAtAGateway_WithTheModel_AreNeverNone([Range(0, 3)] int siblings) =>
        AdversarialColumns.AssertNoneTake(Combined,
            new ColumnKind("the id a payment gateway gave a payment object, with the model", PaymentObjectIdsAtAGateway,
                ReferenceTypes, PaymentSiblings[siblings], ["financial.payment_reference"]), 200, 4610 + siblings, "none");

    // Look-alike: the connector's, gateway's or processor's own id, and the merchant's account at it: configuration of the
    // service (LABELS.md tie-breaker 12: an integration's own ids are none).
    private static readonly KindWording[] IdsOfTheGatewayItself =
    [
        new("en", W("connector id", "merchant connector id", "tax connector id", "processor merchant id", "billing processor id",
                "connector name", "connector label"),
            ["refunds", "payment_attempts", "disputes", "payouts", "business_profile", "merchant_connector_account"]),
        new("fr", W("id connecteur", "nom passerelle", "passerelle"), ["paiements", "remboursements", "parametres_paiement"]),
        new("de", W("connector id", "zahlungsanbieter"), ["zahlungen", "erstattungen", "zahlungseinstellungen"]),
        new("es", W("id conector", "pasarela", "pasarela de pago"), ["pagos", "reembolsos", "ajustes_de_pago"]),
    ];

    [Test]
    public void IdsOfTheGatewayItself_AreNotPaymentReferences([Range(0, 1)] int siblings) =>
        AdversarialColumns.AssertNoneTake(Rules,
            new ColumnKind("the connector's, gateway's or processor's own id or name", IdsOfTheGatewayItself,
                ReferenceTypes, PaymentSiblings[siblings], ["none"]), 600, 4620 + siblings, "financial.payment_reference");

    // Look-alike: the same words on an integer, a key to a row of the service's own table of refunds, disputes or payouts.
    private static readonly KindWording[] IntegerKeysOfOwnRows =
    [
        new("en", W("gateway refund id", "gateway dispute id", "psp payout id", "processor refund id", "connector payout id"),
            ["refund_lines", "dispute_notes", "payout_items"]),
        new("fr", W("id remboursement psp", "id paiement passerelle"), ["lignes_remboursement", "notes_litige"]),
        new("de", W("psp erstattungs id", "gateway zahlungs id"), ["erstattungspositionen", "zahlungsnotizen"]),
        new("es", W("id reembolso pasarela", "id pago psp"), ["lineas_reembolso", "notas_pago"]),
    ];

    [Test]
    public void IntegerKeysOfOwnRows_AreNotPaymentReferences() =>
        AdversarialColumns.AssertNoneTake(Rules,
            new ColumnKind("an integer key named after a gateway's payment object", IntegerKeysOfOwnRows, IntegerTypes,
                ["id", "position", "created_at"], ["none"]), 600, 4630, "financial.payment_reference");

    // Look-alike: what the connector says of the payment object besides its id (status, reason, times, a flag).
    private static readonly KindWording[] FactsAtTheGateway =
    [
        new("en", W("connector status", "connector reason", "connector reason code", "connector created at",
                "connector updated at", "sent to gateway", "gateway status"),
            ["disputes", "refunds", "payouts", "payment_attempts"]),
        new("fr", W("statut passerelle", "date passerelle"), ["litiges", "remboursements"]),
        new("de", W("gateway status", "zahlungsanbieter status"), ["streitfaelle", "erstattungen"]),
        new("es", W("estado pasarela", "fecha pasarela"), ["disputas", "reembolsos"]),
    ];

    [Test]
    public void FactsAtTheGateway_AreNotPaymentReferences() =>
        AdversarialColumns.AssertNoneTake(Rules,
            new ColumnKind("a status, reason or time at the gateway", FactsAtTheGateway,
                [.. ReferenceTypes, "timestamp", "boolean"], PaymentSiblings[0], ["none"]), 600, 4640,
            "financial.payment_reference");
}
