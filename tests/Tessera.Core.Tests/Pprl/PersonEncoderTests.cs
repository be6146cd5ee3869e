using Tessera.Core.Matching;
using Tessera.Core.Model;
using Tessera.Core.Pprl;

namespace Tessera.Core.Tests.Pprl;

public sealed class PersonEncoderTests
{
    private static readonly PersonEncoder Encoder = new(PprlTestKeys.Key("a"));

    private static double DiceOf(PersonEncoding x, PersonEncoding y)
    {
        var set = new EncodingSet([x, y]);
        return Dice.Coefficient(set.Bits, 0, set.Counts[0], set.Bits, BloomBits.Words, set.Counts[1]);
    }

    [Fact]
    public void Encode_ArabicAndLatinSpellingOfOnePerson_MatchAboveThresholdAndStrangerBelow()
    {
        var arabic = Encoder.Encode(new PersonRecord("r1") { Name = "محمد علي", BirthDate = "1990-03-04", Nationality = "سوريا" });
        var latin = Encoder.Encode(new PersonRecord("r2") { Name = "Mohammed Ali", BirthDate = "04/03/1990", Nationality = "Syrian" });
        var stranger = Encoder.Encode(new PersonRecord("r3") { Name = "Johanna Berger", BirthDate = "1975-11-20", Nationality = "Austria" });

        Assert.True(DiceOf(arabic, latin) >= PprlLinker.DefaultThreshold, $"Dice {DiceOf(arabic, latin)}");
        Assert.True(DiceOf(arabic, stranger) < 0.6, $"Dice {DiceOf(arabic, stranger)}");
    }

    [Fact]
    public void Encode_SamePersonUnderAnotherKey_LooksUnrelated()
    {
        var person = new PersonRecord("r1") { FirstName = "Ahmed", LastName = "Hassan", BirthDate = "1988-01-02" };
        var other = new PersonEncoder(PprlTestKeys.Key("b"));

        var a = Encoder.Encode(person);
        var b = other.Encode(person with { Id = "r2" });

        Assert.Equal(a.Bloom, Encoder.Encode(person).Bloom);
        Assert.True(DiceOf(a, b with { KeyId = a.KeyId }) < 0.7, "a guess without the key cannot reproduce the encoding");
    }

    [Fact]
    public void Encode_Identifiers_NormalisedThenKeyedAndNeverInClear()
    {
        var a = Encoder.Encode(new PersonRecord("r1") { PassportNumbers = ["N 1234-5678"], Phones = ["0049 170 1234567"] });
        var b = Encoder.Encode(new PersonRecord("r2") { IdNumbers = ["n12345678"], Phones = ["+49 (170) 123 45 67"] });
        var underOtherKey = new PersonEncoder(PprlTestKeys.Key("b")).Encode(new PersonRecord("r3") { PassportNumbers = ["N12345678"] });

        Assert.Equal(a.Identifiers.Order(StringComparer.Ordinal), b.Identifiers.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(a.Identifiers, i => i.Contains("12345678", StringComparison.Ordinal) || i.Contains("1234567", StringComparison.Ordinal));
        Assert.DoesNotContain(underOtherKey.Identifiers[0], a.Identifiers);
    }

    [Fact]
    public void Encode_WrittenFile_HoldsNoNameOrDate()
    {
        var encoding = Encoder.Encode(new PersonRecord("ref-17") { Name = "Khaled Ibrahim", BirthDate = "1979-05-06", Phones = ["+201001234567"] });
        var writer = new StringWriter();
        EncodingCsv.Write(writer, [encoding]);

        var text = writer.ToString();
        Assert.DoesNotContain("khaled", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("1979", text, StringComparison.Ordinal);
        Assert.Contains("ref-17", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_Unhardened_DiffersFromHardened()
    {
        var person = new PersonRecord("r1") { FirstName = "Omar", LastName = "Saleh" };
        var plain = new PersonEncoder(PprlTestKeys.Key("a"), new PprlEncoderOptions(Hardened: false)).Encode(person);

        Assert.NotEqual(plain.Bloom, Encoder.Encode(person).Bloom);
    }

    [Fact]
    public void Encode_SaltedByBirthYear_SameNameInAnotherYearSetsOtherBits()
    {
        var salted = new PersonEncoder(PprlTestKeys.Key("a"), new PprlEncoderOptions(Salt: "birthYear"));
        var x = salted.Encode(new PersonRecord("r1") { Name = "Ali Hassan", BirthDate = "1990" });
        var y = salted.Encode(new PersonRecord("r2") { Name = "Ali Hassan", BirthDate = "1991" });
        var unsalted = Encoder.Encode(new PersonRecord("r1") { Name = "Ali Hassan", BirthDate = "1990" });
        var unsaltedOtherYear = Encoder.Encode(new PersonRecord("r2") { Name = "Ali Hassan", BirthDate = "1991" });

        Assert.True(DiceOf(x, y) < DiceOf(unsalted, unsaltedOtherYear) - 0.2);
    }

    [Fact]
    public void Encoder_UnknownSalt_IsRefused() =>
        Assert.Throws<ModelException>(() => new PersonEncoder(PprlTestKeys.Key("a"), new PprlEncoderOptions(Salt: "shoeSize")));
}
