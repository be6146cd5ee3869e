using Tessera.Core.Model;
using Tessera.Core.Normalisation;

namespace Tessera.Core.Tests.Normalisation;

public sealed class NormalisersTests
{
    [Theory]
    [InlineData("Person", "phone", "0612345678", "+390612345678")]
    [InlineData("BankAccount", "iban", "gb82 west 1234 5698 7654 32", "GB82WEST12345698765432")]
    [InlineData("Person", "passportNumber", "l898-902 c3", "L898902C3")]
    [InlineData("Person", "birthDate", "7 March 1990", "1990-03-07")]
    [InlineData("Person", "nationality", "Syrian", "SY")]
    [InlineData("Vessel", "imoNumber", "IMO 9074729", "9074729")]
    [InlineData("Person", "name", "  Ali   Hassan ", "Ali Hassan")]
    public void Normalise_ModelProperty_UsesItsNormaliser(string schema, string property, string raw, string normalised)
    {
        var p = SchemaModel.GetProperty(SchemaModel.Default.GetSchema(schema), property);

        var value = Normalisers.Normalise(p, raw, new NormalisationContext(DefaultRegion: "IT"));

        Assert.True(value.Valid, value.Reason);
        Assert.Equal(raw, value.Value);
        Assert.Equal(normalised, value.Normalised);
    }

    [Fact]
    public void Normalise_InvalidValue_KeptRawWithReason()
    {
        var p = SchemaModel.GetProperty(SchemaModel.Default.GetSchema("BankAccount"), "iban");

        var value = Normalisers.Normalise(p, "GB82 WEST 1234 5698 7654 33", NormalisationContext.None);

        Assert.False(value.Valid);
        Assert.Equal("GB82 WEST 1234 5698 7654 33", value.Value);
        Assert.NotNull(value.Reason);
    }

    [Fact]
    public void Normalise_TextProperty_PassesThrough()
    {
        var p = new SchemaProperty("notes", PropertyTypes.Text, null, null);

        var value = Normalisers.Normalise(p, "anything at all", NormalisationContext.None);

        Assert.True(value.Valid);
        Assert.Null(value.Normalised);
    }

    [Fact]
    public void Registry_EveryFormatAndTypeOfTheModel_HasANormaliser()
    {
        string[] withoutNormaliser = [PropertyTypes.Text, PropertyTypes.Number, PropertyTypes.Amount, PropertyTypes.Entity, PropertyTypes.Identifier];
        var keys = SchemaModel.Default.Schemata.SelectMany(s => s.Properties.Values).Select(p => p.NormaliserKey).Distinct();

        Assert.All(keys.Where(k => !withoutNormaliser.Contains(k)), k => Assert.True(Normalisers.Has(k), k));
    }
}
