using System.Globalization;
using Inventory.Classification;
using Inventory.Rules;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// Trial 19 finding 13 (kinds20): the VAT or sales-tax amount of an invoice or order (<c>tva</c>, <c>montant_tva</c>,
/// <c>mwst</c>, <c>ust_betrag</c>, <c>iva</c>, <c>importe_iva</c>, <c>vat_amount</c>, <c>tax_amount</c>, decimals) is
/// <c>financial.billing</c>, as the corpus labels dolibarr's <c>tva</c>/<c>total_tva</c>. Look-alikes keep their kind: the
/// VAT number as text (<c>tva_intra</c>, <c>numero_tva</c>, <c>vat_number</c>, <c>ust_idnr</c>, <c>iva</c> in a customer
/// table) is <c>financial.tax_id</c>; a VAT rate in a catalogue (a product's <c>taux_tva</c>) is <c>none</c>. Names in
/// English, French, German and Spanish, generated in bulk through the default combined classifier.
/// </summary>
[TestFixture]
public sealed class VatAmountAdversarialTests : GeneratedNameFixture
{
    private static readonly string[] OrderTables =
    [
        "invoices", "invoice", "orders", "order_lines", "invoice_lines", "sales_orders", "factures", "facture", "llx_facture", "commandes",
        "lignes_facture", "rechnungen", "rechnung", "bestellungen", "rechnungspositionen", "facturas", "factura", "pedidos", "lineas_factura",
        "receipts", "bills", "payments", "paiements", "zahlungen", "pagos",
    ];
    private static readonly string[] AmountNames =
    [
        "tva", "total_tva", "montant_tva", "tva_totale", "montant_de_la_tva", "tva_montant", "mwst", "mwst_betrag", "ust", "ust_betrag",
        "umsatzsteuer", "mehrwertsteuer", "mwst_summe", "steuerbetrag", "iva", "importe_iva", "cuota_iva", "total_iva", "monto_iva",
        "iva_importe", "vat", "vat_amount", "total_vat", "vat_total", "tax_amount", "tax_total", "total_tax", "sales_tax",
    ];
    private static readonly string[] OrderSiblings = ["id", "customer_id", "total_ht", "total_ttc", "created_at", "status"];

    private static string[] Amounts(Random random) =>
        Enumerable.Range(0, random.Next(20, 80)).Select(_ => (random.Next(0, 500_000) / 100.0).ToString("0.00", CultureInfo.InvariantCulture)).ToArray();

    private static string[] Rates(Random random) =>
        Enumerable.Range(0, random.Next(20, 80)).Select(_ => Pick(random, ["20.00", "10.00", "5.50", "2.10", "19.00", "7.00", "21.00", "10.00", "4.00", "0.00"])).ToArray();

    // VAT numbers of the EU (FR, DE, ES, IT, NL, BE).
    private static string[] VatNumbers(Random random) => Enumerable.Range(0, random.Next(20, 80)).Select(_ => random.Next(6) switch
    {
        0 => "FR" + random.Next(10, 99) + random.NextInt64(100_000_000, 999_999_999),
        1 => "DE" + random.NextInt64(100_000_000, 999_999_999),
        2 => "ES" + (char)('A' + random.Next(8)) + random.Next(1_000_000, 9_999_999) + (char)('A' + random.Next(26)),
        3 => "IT" + random.NextInt64(10_000_000_000, 99_999_999_999),
        4 => "NL" + random.NextInt64(100_000_000, 999_999_999) + "B0" + random.Next(1, 9),
        _ => "BE0" + random.NextInt64(100_000_000, 999_999_999),
    }).ToArray();

    private static List<string> Wrong(List<(ColumnEvidence Column, string Expected)> columns)
    {
        var decisions = Combined.ClassifyMany(columns.Select(c => c.Column).ToArray());
        return columns.Zip(decisions).Where(p => p.Second.DataCategory != p.First.Expected)
            .Select(p => $"{p.First.Column.Table}.{p.First.Column.Column.Name} ({p.First.Column.Column.DeclaredType}) → {p.Second.DataCategory ?? "untagged"}, expected {p.First.Expected}")
            .ToList();
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void VatAmountsOfInvoicesAndOrders_AreBilling(int seed)
    {
        var random = new Random(seed);
        var columns = new List<(ColumnEvidence, string)>();
        for (int c = 0; c < 300; c++)
            columns.Add((Some.InTable(Pick(random, OrderTables), OrderSiblings, AmountNames[c % AmountNames.Length],
                Pick(random, ["numeric(12,2)", "decimal(10,2)", "numeric", "decimal(24,8)", "money"]), Amounts(random)), "financial.billing"));
        var wrong = Wrong(columns);
        AssertNoneWrong(wrong, columns.Count, "VAT amounts not financial.billing");
    }

    [TestCase(4)]
    [TestCase(5)]
    public void VatNumbersAndCatalogueRates_KeepTheirKind(int seed)
    {
        var random = new Random(seed);
        var columns = new List<(ColumnEvidence, string)>();
        for (int c = 0; c < 300; c++)
        {
            if (c % 2 == 0)
                columns.Add((Some.InTable(Pick(random, [.. OrderTables, "customers", "clients", "societes", "kunden", "clientes", "companies", "llx_societe"]),
                    ["id", "name", "address", "created_at"],
                    Pick(random, ["tva_intra", "numero_tva", "num_tva", "tva_intracommunautaire", "vat_number", "vat_id", "vat", "ust_idnr", "ustid", "ust_id",
                        "umsatzsteuer_id", "iva", "numero_iva", "nif_iva"]),
                    Pick(random, ["varchar(32)", "text", "character varying(20)"]), VatNumbers(random)), "financial.tax_id"));
            else
                columns.Add((Some.InTable(Pick(random, ["products", "produits", "produkte", "productos", "product", "articles", "artikel", "catalogue_items", "llx_product"]),
                    ["id", "label", "price", "stock"],
                    Pick(random, ["tva_rate", "taux_tva", "tva_tx", "vat_rate", "tax_rate", "mwst_satz", "ust_satz", "tipo_iva", "iva_porcentaje", "vat", "tva", "mwst", "iva"]),
                    Pick(random, ["numeric(6,3)", "decimal(5,2)", "numeric"]), Rates(random)), "none"));
        }
        var wrong = Wrong(columns);
        AssertNoneWrong(wrong, columns.Count, "VAT numbers and catalogue rates changed kind");
    }
}
