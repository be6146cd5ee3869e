using CsCheck;
using Tessera.Core.Normalisation;

namespace Tessera.Core.Tests.Normalisation;

/// <summary>No normaliser throws, whatever it is given: bad input is a result, not an exception.</summary>
public sealed class NormaliserPropertyTests
{
    private static readonly NormalisationContext Context = new(DefaultRegion: "IT", Platform: "telegram");

    // Arbitrary Unicode, and strings built from the characters the parsers look at, so that near-misses are tried too.
    private static readonly Gen<string> Inputs = Gen.OneOf(
        Gen.String,
        Gen.String[Gen.Char[char.MinValue, char.MaxValue], 0, 120],
        Gen.String[Gen.Char["0123456789<ABCDEFGHIJKLMNOPQRSTUVWXYZ /.-:+@#()\n"], 0, 100],
        Gen.String[Gen.Char["0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹/-. AHSهـشxX"], 0, 20],
        Gen.String[Gen.Char["13bcTLM0xqpzry9x8gf2tvdw0s3jn54khce6mua7lABCDEFabcdef"], 0, 70]);

    [Theory]
    [InlineData("phone")]
    [InlineData("iban")]
    [InlineData("bic")]
    [InlineData("mrz")]
    [InlineData("document")]
    [InlineData("imo")]
    [InlineData("mmsi")]
    [InlineData("plate")]
    [InlineData("email")]
    [InlineData("url")]
    [InlineData("handle")]
    [InlineData("wallet")]
    [InlineData("date")]
    [InlineData("country")]
    [InlineData("name")]
    public void Normalise_ArbitraryString_NeverThrowsAndInvalidHasReason(string kind)
    {
        Inputs.Sample(raw =>
        {
            var result = Normalisers.Normalise(kind, raw, Context)!;
            return result.Valid || !string.IsNullOrEmpty(result.Reason);
        }, iter: 3000);
    }

    [Fact]
    public void Mrz_ArbitraryLinesOfMrzShape_NeverThrow()
    {
        var line = Gen.String[Gen.Char["0123456789<ABCDEFGHIJKLMNOPQRSTUVWXYZ"], 44, 44];
        Gen.Select(line, line).Sample((a, b) => MrzNormaliser.Normalise(a + "\n" + b) is not null, iter: 3000);
        var td1 = Gen.String[Gen.Char["0123456789<ABCDEFGHIJKLMNOPQRSTUVWXYZ"], 30, 30];
        Gen.Select(td1, td1, td1).Sample((a, b, c) => MrzNormaliser.Normalise(a + "\n" + b + "\n" + c) is not null, iter: 3000);
    }
}
