using Tessera.Core.Model;

namespace Tessera.Core.Tests.Model;

public sealed class SchemaModelTests
{
    [Theory]
    [InlineData("Person", "LegalEntity")]
    [InlineData("Company", "Organization")]
    [InlineData("Vessel", "Asset")]
    [InlineData("Passport", "Identification")]
    [InlineData("Payment", "Interval")]
    public void GetSchema_KnownName_InheritsFromParent(string name, string parent)
    {
        var schema = SchemaModel.Default.GetSchema(name);

        Assert.True(schema.IsA(parent));
        Assert.True(schema.IsA("Thing") || schema.IsA("Interval"));
    }

    [Theory]
    [InlineData("Person", "birthDate", "date", null)]
    [InlineData("Person", "passportNumber", "identifier", "document")]
    [InlineData("Person", "phone", "phone", null)]
    [InlineData("Vessel", "imoNumber", "identifier", "imo")]
    [InlineData("BankAccount", "iban", "iban", null)]
    [InlineData("Payment", "amount", "amount", null)]
    public void GetProperty_InheritedOrOwn_HasTypeAndFormat(string schema, string property, string type, string? format)
    {
        var p = SchemaModel.GetProperty(SchemaModel.Default.GetSchema(schema), property);

        Assert.Equal(type, p.Type);
        Assert.Equal(format, p.Format);
    }

    [Fact]
    public void Model_HasEveryRequiredSchema()
    {
        string[] required =
        [
            "Person", "Organization", "Company", "LegalEntity", "Vessel", "Vehicle", "BankAccount", "CryptoWallet",
            "UserAccount", "Passport", "Identification", "Address", "Payment", "Call", "Ownership", "Membership",
            "Family", "Associate", "UnknownLink", "Event", "Case", "Post", "Asset", "Detection", "Incident", "BorderSection",
        ];

        foreach (var name in required)
        {
            Assert.True(SchemaModel.Default.TryGetSchema(name, out _), name);
        }
    }

    [Fact]
    public void GetSchema_Unknown_ThrowsNamingIt()
    {
        var ex = Assert.Throws<ModelException>(() => SchemaModel.Default.GetSchema("Persn"));

        Assert.Contains("Persn", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetProperty_Unknown_ThrowsNamingSchemaAndProperty()
    {
        var ex = Assert.Throws<ModelException>(() => SchemaModel.GetProperty(SchemaModel.Default.GetSchema("Person"), "imoNumber"));

        Assert.Contains("imoNumber", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Person", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Relationships_HaveEdgeEndsThatAreEntityProperties()
    {
        foreach (var schema in SchemaModel.Default.Schemata.Where(s => s.Edge is not null))
        {
            Assert.True(schema.Properties[schema.Edge!.Source].IsEntityReference, schema.Name);
            Assert.True(schema.Properties[schema.Edge.Target].IsEntityReference, schema.Name);
        }
    }
}
