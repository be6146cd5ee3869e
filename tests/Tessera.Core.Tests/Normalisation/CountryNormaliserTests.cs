using Tessera.Core.Normalisation;

namespace Tessera.Core.Tests.Normalisation;

public sealed class CountryNormaliserTests
{
    [Theory]
    [InlineData("SY", "SY")]
    [InlineData("syr", "SY")]
    [InlineData("Syria", "SY")]
    [InlineData("Syrian Arab Republic", "SY")]
    [InlineData("syrienne", "SY")]
    [InlineData("Syrer", "SY")]
    [InlineData("siriano", "SY")]
    [InlineData("سوري", "SY")]
    [InlineData("السورية", "SY")]
    [InlineData("Afghan", "AF")]
    [InlineData("أفغانستان", "AF")]
    [InlineData("Eritrean", "ER")]
    [InlineData("érythréen", "ER")]
    [InlineData("Ägypten", "EG")]
    [InlineData("egiziano", "EG")]
    [InlineData("مصري", "EG")]
    [InlineData("Libye", "LY")]
    [InlineData("ليبيا", "LY")]
    [InlineData("Marokkaner", "MA")]
    [InlineData("marroquí", "MA")]
    [InlineData("Tunisien", "TN")]
    [InlineData("Côte d'Ivoire", "CI")]
    [InlineData("Ivorian", "CI")]
    [InlineData("Bangladeshi", "BD")]
    [InlineData("Türkiye", "TR")]
    [InlineData("Kosovar", "XK")]
    [InlineData("EL", "GR")]
    [InlineData("UK", "GB")]
    [InlineData("D", "DE")]
    [InlineData("Deutschland", "DE")]
    [InlineData("Allemagne", "DE")]
    [InlineData("Germania", "DE")]
    [InlineData("Alemania", "DE")]
    [InlineData("ألمانيا", "DE")]
    [InlineData("Pays-Bas", "NL")]
    [InlineData("Österreich", "AT")]
    [InlineData("Malte", "MT")]
    [InlineData("Grecia", "GR")]
    [InlineData("Κύπρος", null)]
    public void Normalise_CodeNameOrDemonym_Alpha2(string raw, string? code)
    {
        var result = CountryNormaliser.Normalise(raw);

        Assert.Equal(code, result.Value);
        Assert.Equal(code is not null, result.Valid);
    }

    [Fact]
    public void Normalise_EveryEuState_ByEnglishFrenchGermanItalianSpanishAndArabicName()
    {
        string[] eu = ["AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"];
        string[] germanNames = ["Österreich", "Belgien", "Bulgarien", "Kroatien", "Zypern", "Tschechien", "Dänemark", "Estland", "Finnland", "Frankreich", "Deutschland", "Griechenland", "Ungarn", "Irland", "Italien", "Lettland", "Litauen", "Luxemburg", "Malta", "Niederlande", "Polen", "Portugal", "Rumänien", "Slowakei", "Slowenien", "Spanien", "Schweden"];

        for (var i = 0; i < eu.Length; i++)
        {
            Assert.Equal(eu[i], CountryNormaliser.Normalise(germanNames[i]).Value);
        }
    }

    [Fact]
    public void Normalise_SeveralNationalities_AllCodes()
    {
        var result = CountryNormaliser.Normalise("Syrian / Iraqi");

        Assert.True(result.Valid);
        Assert.Equal("SY", result.Value);
        Assert.Equal(["SY", "IQ"], result.Codes);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Atlantis")]
    [InlineData("QQ")]
    public void Normalise_Unknown_InvalidWithReason(string raw)
    {
        var result = CountryNormaliser.Normalise(raw);

        Assert.False(result.Valid);
        Assert.NotNull(result.Reason);
    }
}
