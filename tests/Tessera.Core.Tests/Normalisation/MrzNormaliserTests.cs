using Microsoft.Extensions.Time.Testing;
using Tessera.Core.Normalisation;

namespace Tessera.Core.Tests.Normalisation;

public sealed class MrzNormaliserTests
{
    // ICAO Doc 9303 specimens (part 4 TD3 passport, part 5 TD1 card, part 6 TD2).
    private const string Td3 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10";
    private const string Td1 = "I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<";
    private const string Td2 = "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nD231458907UTO7408122F1204159<<<<<<<6";

    private static readonly NormalisationContext In2026 = new(Clock: new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero)));

    [Theory]
    [InlineData(Td3, "TD3", "L898902C3", "ZE184226B")]
    [InlineData(Td1, "TD1", "D23145890", "")]
    [InlineData(Td2, "TD2", "D23145890", "")]
    public void Normalise_IcaoSpecimen_AllChecksPassAndFieldsRead(string mrz, string format, string number, string optional)
    {
        var result = MrzNormaliser.Normalise(mrz, In2026);

        Assert.True(result.Valid, result.Reason);
        Assert.Equal(format, result.Format);
        Assert.Equal(number, result.DocumentNumber);
        Assert.Equal("UTO", result.IssuingState);
        Assert.Equal("UTO", result.Nationality);
        Assert.Equal("1974-08-12", result.BirthDate);
        Assert.Equal("F", result.Sex);
        Assert.Equal("2012-04-15", result.ExpiryDate);
        Assert.Equal("ERIKSSON", result.Surname);
        Assert.Equal("ANNA MARIA", result.GivenNames);
        Assert.Equal("ANNA MARIA ERIKSSON", result.Names);
        Assert.Equal(optional, result.OptionalData ?? "");
        Assert.All(result.Checks.Values, Assert.True);
        Assert.Contains("composite", result.Checks.Keys);
    }

    [Theory]
    // ICAO 9303 part 7 visa specimens: MRV-A and MRV-B.
    [InlineData("V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL8988901C4XXX4009078F96121096ZE184226B<<<<<<", "MRV-A")]
    [InlineData("V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nL8988901C4XXX4009078F9612109<<<<<<<<", "MRV-B")]
    public void Normalise_VisaSpecimen_ChecksWithoutComposite(string mrz, string format)
    {
        var result = MrzNormaliser.Normalise(mrz, In2026);

        Assert.True(result.Valid, result.Reason);
        Assert.Equal(format, result.Format);
        Assert.Equal("L8988901C", result.DocumentNumber);
        Assert.Equal("XXX", result.Nationality);
        Assert.Equal("1940-09-07", result.BirthDate);
        Assert.DoesNotContain("composite", result.Checks.Keys);
    }

    [Fact]
    public void Normalise_SpecimenOnOneLineWithSpaces_SameAsLines()
    {
        var oneLine = Td3.Replace("\n", "", StringComparison.Ordinal);
        var spaced = string.Join(' ', oneLine.Chunk(11).Select(c => new string(c)));

        var result = MrzNormaliser.Normalise(spaced, In2026);

        Assert.True(result.Valid, result.Reason);
        Assert.Equal(Td3, result.Value);
    }

    [Theory]
    [InlineData(Td3, "L898902C36UTO7408122", "L898902C36UTO7408132", "birthDate")]
    [InlineData(Td3, "L898902C36", "L898902C46", "documentNumber")]
    [InlineData(Td3, "1204159", "1204169", "expiryDate")]
    [InlineData(Td3, "ZE184226B<<<<<10", "ZE184226C<<<<<10", "optionalData")]
    [InlineData(Td1, "UTO<<<<<<<<<<<6", "UTO<<<<<<<<<<<7", "composite")]
    [InlineData(Td2, "D231458907", "D231458917", "documentNumber")]
    public void Normalise_AlteredField_FailsThatCheckWithReason(string mrz, string from, string to, string check)
    {
        var result = MrzNormaliser.Normalise(mrz.Replace(from, to, StringComparison.Ordinal), In2026);

        Assert.False(result.Valid);
        Assert.False(result.Checks[check]);
        Assert.Contains(check, result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("L898902C3", 6)]
    [InlineData("740812", 2)]
    [InlineData("120415", 9)]
    [InlineData("ZE184226B<<<<<", 1)]
    public void CheckDigit_SpecimenFields_MatchPrintedDigit(string field, int digit)
    {
        Assert.Equal(digit, MrzNormaliser.CheckDigit(field));
    }

    [Theory]
    [InlineData("")]
    [InlineData("P<UTOERIKSSON")]
    [InlineData("not an mrz at all")]
    public void Normalise_NotAnMrz_InvalidWithReason(string raw)
    {
        var result = MrzNormaliser.Normalise(raw, In2026);

        Assert.False(result.Valid);
        Assert.NotNull(result.Reason);
    }

    [Theory]
    [InlineData("L 898-902.C3", "L898902C3", "L898902C3")]
    [InlineData("ab 1234 so", "AB1234SO", "A8123450")]
    [InlineData("YA0123456", "YA0123456", "YA0123456")]
    public void DocumentNumber_Separators_RemovedAndKeyFolded(string raw, string value, string key)
    {
        var result = DocumentNumberNormaliser.Normalise(raw);

        Assert.True(result.Valid, result.Reason);
        Assert.Equal(value, result.Value);
        Assert.Equal(key, result.Key);
    }

    [Fact]
    public void DocumentNumber_ConfusedCharacters_ShareKey()
    {
        Assert.Equal(DocumentNumberNormaliser.Normalise("AO1I5B").Key, DocumentNumberNormaliser.Normalise("A0115 8").Key);
    }

    [Fact]
    public void DocumentNumber_FromMrz_CheckedNumber()
    {
        var result = DocumentNumberNormaliser.Normalise(Td3, In2026);

        Assert.True(result.Valid);
        Assert.Equal("L898902C3", result.Value);
        Assert.NotNull(result.Mrz);
    }

    [Theory]
    [InlineData("")]
    [InlineData("AB")]
    [InlineData("ABCDEF")]
    [InlineData("AB#123")]
    public void DocumentNumber_Bad_InvalidWithReason(string raw)
    {
        var result = DocumentNumberNormaliser.Normalise(raw);

        Assert.False(result.Valid);
        Assert.NotNull(result.Reason);
    }
}
