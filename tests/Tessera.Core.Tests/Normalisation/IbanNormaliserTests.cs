using Tessera.Core.Normalisation;

namespace Tessera.Core.Tests.Normalisation;

public sealed class IbanNormaliserTests
{
    // Example IBANs published in the SWIFT IBAN Registry and by national banks.
    public static TheoryData<string> RegistryExamples => new()
    {
        "GB82 WEST 1234 5698 7654 32",
        "DE89 3704 0044 0532 0130 00",
        "FR14 2004 1010 0505 0001 3M02 606",
        "IT60 X054 2811 1010 0000 0123 456",
        "ES91 2100 0418 4502 0005 1332",
        "GR16 0110 1250 0000 0001 2300 695",
        "MT84 MALT 0110 0001 2345 MTLC AST0 01S",
        "NL91 ABNA 0417 1643 00",
        "BE68 5390 0754 7034",
        "PL61 1090 1014 0000 0712 1981 2874",
        "TR33 0006 1005 1978 6457 8413 26",
        "TN59 1000 6035 1835 9847 8831",
        "LY83 0020 4800 0020 1001 2036 1",
        "AT61 1904 3002 3457 3201",
        "CH93 0076 2011 6238 5295 7",
        "HR12 1001 0051 8630 0016 0",
        "AL47 2121 1009 0000 0002 3569 8741",
        "NO93 8601 1117 947",
        "CY17 0020 0128 0000 0012 0052 7600",
    };

    [Theory]
    [MemberData(nameof(RegistryExamples))]
    public void Normalise_RegistryExample_ValidAndCompact(string printed)
    {
        var result = IbanNormaliser.Normalise(printed);

        Assert.True(result.Valid, result.Reason);
        Assert.Equal(printed.Replace(" ", "", StringComparison.Ordinal), result.Value);
        Assert.Equal(printed[..2], result.Country);
        Assert.Equal(IbanNormaliser.LengthOf(printed[..2]), result.Value!.Length);
    }

    [Theory]
    [MemberData(nameof(RegistryExamples))]
    public void Normalise_LastCharacterAltered_RejectedByMod97(string printed)
    {
        var compact = printed.Replace(" ", "", StringComparison.Ordinal);
        var last = compact[^1];
        var altered = compact[..^1] + (char.IsDigit(last) ? (char)('0' + ((last - '0' + 1) % 10)) : last == 'Z' ? 'A' : (char)(last + 1));

        var result = IbanNormaliser.Normalise(altered);

        Assert.False(result.Valid);
        Assert.Contains("mod 97", result.Reason, StringComparison.Ordinal);
        Assert.Equal(altered, result.Value);
    }

    [Theory]
    [InlineData("iban: gb82 west 1234 5698 7654 32", "GB82WEST12345698765432")]
    [InlineData("GB82-WEST-1234-5698-7654-32", "GB82WEST12345698765432")]
    public void Normalise_PrefixCaseAndSeparators_Cleaned(string raw, string expected)
    {
        Assert.Equal(expected, IbanNormaliser.Normalise(raw).Value);
    }

    [Theory]
    [InlineData("GB82WEST1234569876543", "22 characters")]
    [InlineData("US12345678901234567890", "does not use IBANs")]
    [InlineData("12WEST12345698765432", "country code")]
    public void Normalise_WrongLengthOrCountry_InvalidWithReason(string raw, string reason)
    {
        var result = IbanNormaliser.Normalise(raw);

        Assert.False(result.Valid);
        Assert.Contains(reason, result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DEUTDEFF", "DEUTDEFF", "DE")]
    [InlineData("deutdeff500", "DEUTDEFF500", "DE")]
    [InlineData("BCITITMMXXX", "BCITITMM", "IT")]
    public void Bic_ValidFormat_Normalised(string raw, string value, string country)
    {
        var result = BicNormaliser.Normalise(raw);

        Assert.True(result.Valid, result.Reason);
        Assert.Equal(value, result.Value);
        Assert.Equal(country, result.Country);
    }

    [Theory]
    [InlineData("DEUTQQFF")]
    [InlineData("DEUTDEF")]
    [InlineData("DEUT DE FF 5!0")]
    public void Bic_BadCountryOrLength_Invalid(string raw)
    {
        Assert.False(BicNormaliser.Normalise(raw).Valid);
    }
}
