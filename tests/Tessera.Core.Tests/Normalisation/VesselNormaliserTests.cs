using Tessera.Core.Normalisation;

namespace Tessera.Core.Tests.Normalisation;

public sealed class VesselNormaliserTests
{
    [Theory]
    [InlineData("9074729", "9074729")]
    [InlineData("IMO 9176187", "9176187")]
    [InlineData("imo:9321483", "9321483")]
    public void Imo_RealNumber_Valid(string raw, string value)
    {
        var result = VesselNormaliser.NormaliseImo(raw);

        Assert.True(result.Valid, result.Reason);
        Assert.Equal(value, result.Value);
    }

    [Theory]
    [InlineData("9074728", "check digit")]
    [InlineData("9176186", "check digit")]
    [InlineData("9704729", "check digit")]
    [InlineData("907472", "7 digits")]
    [InlineData("IMO 90747A9", "7 digits")]
    public void Imo_Altered_InvalidWithReason(string raw, string reason)
    {
        var result = VesselNormaliser.NormaliseImo(raw);

        Assert.False(result.Valid);
        Assert.Contains(reason, result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("247123456", "247", "IT", "ship")]
    [InlineData("MMSI 642 123 456", "642", "LY", "ship")]
    [InlineData("271000001", "271", "TR", "ship")]
    [InlineData("002470010", "247", "IT", "coast-station")]
    [InlineData("111247001", "247", "IT", "sar-aircraft")]
    [InlineData("992471234", "247", "IT", "aid-to-navigation")]
    public void Mmsi_Valid_FlagStateFromMid(string raw, string mid, string flag, string station)
    {
        var result = VesselNormaliser.NormaliseMmsi(raw);

        Assert.True(result.Valid, result.Reason);
        Assert.Equal(mid, result.Mid);
        Assert.Equal(flag, result.FlagState);
        Assert.Equal(station, result.StationType);
    }

    [Theory]
    [InlineData("24712345")]
    [InlineData("200123456")]
    [InlineData("24712345X")]
    public void Mmsi_WrongLengthOrUnallocatedMid_Invalid(string raw)
    {
        Assert.False(VesselNormaliser.NormaliseMmsi(raw).Valid);
    }

    [Theory]
    [InlineData("ab-123 cd", "AB123CD", null)]
    [InlineData("IT:AB 123 CD", "IT:AB123CD", "IT")]
    [InlineData("(D) M-AB 1234", "DE:MAB1234", "DE")]
    [InlineData("АВ 1234 СС", "AB1234CC", null)]
    public void Plate_Separators_RemovedAndCountryKept(string raw, string value, string? country)
    {
        var result = PlateNormaliser.Normalise(raw);

        Assert.True(result.Valid, result.Reason);
        Assert.Equal(value, result.Value);
        Assert.Equal(country, result.Country);
    }

    [Theory]
    [InlineData("")]
    [InlineData("A")]
    [InlineData("AB#123")]
    public void Plate_Bad_Invalid(string raw)
    {
        Assert.False(PlateNormaliser.Normalise(raw).Valid);
    }
}
