using Tessera.Core.Normalisation;

namespace Tessera.Core.Tests.Normalisation;

public sealed class PhoneNumberNormaliserTests
{
    [Theory]
    [InlineData("+39 333 1234567", null, "+393331234567", "IT", "mobile")]
    [InlineData("0612345678", "IT", "+390612345678", "IT", "fixed-line")]
    [InlineData("(0)30 1234567", "DE", "+49301234567", "DE", "fixed-line")]
    [InlineData("0300 1234567", "PK", "+923001234567", "PK", "mobile")]
    [InlineData("0039 333 1234567", null, "+393331234567", "IT", "mobile")]
    [InlineData("٠٠٣٩ ٣٣٣ ١٢٣٤٥٦٧", "DE", "+393331234567", "IT", "mobile")]
    public void Normalise_ValidNumber_GivesE164(string raw, string? region, string e164, string numberRegion, string type)
    {
        var result = PhoneNumberNormaliser.Normalise(raw, region);

        Assert.True(result.Valid, result.Reason);
        Assert.Equal(e164, result.Value);
        Assert.Equal(numberRegion, result.Region);
        Assert.Equal(type, result.NumberType);
    }

    [Theory]
    [InlineData("12345", "IT")]
    [InlineData("0612345678", null)]
    [InlineData("call me", "IT")]
    [InlineData("", "IT")]
    [InlineData("+39 333 1234567", "not-a-region")]
    public void Normalise_BadOrNationalWithoutRegion_InvalidWithReason(string raw, string? region)
    {
        var result = PhoneNumberNormaliser.Normalise(raw, region);

        if (region == "not-a-region")
        {
            // An unusable region is ignored: an international number is still read.
            Assert.True(result.Valid);
            return;
        }

        Assert.False(result.Valid);
        Assert.False(string.IsNullOrEmpty(result.Reason));
    }
}
