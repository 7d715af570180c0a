using Inventory.Rules;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

public sealed class NameTokenizerTests
{
    [TestCase("customer_email", "customer email")]
    [TestCase("customerEmail", "customer email")]
    [TestCase("CustomerEmail", "customer email")]
    [TestCase("customer-email", "customer email")]
    [TestCase("\"Full Name\"", "full name")]
    [TestCase("[Order Lines]", "order lines")]
    [TestCase("IPAddress", "ip address")]
    [TestCase("ipv4_address", "ipv4 address")]
    [TestCase("address2", "address 2")]
    [TestCase("AddressLine1", "address line 1")]
    [TestCase("Prénom", "prenom")]
    [TestCase("Straße", "strasse")]
    [TestCase("TÉLÉPHONE", "telephone")]
    [TestCase("Teléfono_Móvil", "telefono movil")]
    [TestCase("NationalIDNumber", "national id number")]
    [TestCase("sha256_digest", "sha256 digest")]
    [TestCase("e\u0301mail", "email")]
    [TestCase("", "")]
    [TestCase("___", "")]
    public void Tokenize_Name_Tokens(string name, string expected) =>
        Assert.That(string.Join(" ", NameTokenizer.Tokenize(name)), Is.EqualTo(expected));
}
