using CsCheck;
using Tessera.Core.Model;
using Tessera.Core.Pprl;

namespace Tessera.Core.Tests.Pprl;

public sealed class EncodingCsvTests
{
    private static readonly string Zero = Convert.ToBase64String(new byte[BloomBits.Length / 8]);

    [Fact]
    public void WriteThenRead_AnyEncodings_RoundTrip()
    {
        var encoding = Gen.Select(Gen.ULong.Array[BloomBits.Words], Gen.Int[0, 3]).Select((bits, n) => (bits, n));
        encoding.List[1, 20].Sample(list =>
        {
            var written = list.Select((e, i) => new PersonEncoding("id," + i, "k1", e.bits, [.. Enumerable.Range(0, e.n).Select(j => "phone:h" + j)])).ToList();
            var text = new StringWriter();
            EncodingCsv.Write(text, written);
            var read = EncodingCsv.Read(new StringReader(text.ToString()), "enc.csv");
            return read.Count == written.Count && read.Zip(written).All(p => p.First.Id == p.Second.Id && p.First.Bloom.SequenceEqual(p.Second.Bloom)
                && p.First.Identifiers.SequenceEqual(p.Second.Identifiers));
        });
    }

    [Theory]
    [InlineData("a,k1,QUJD,", "bloom")]
    [InlineData("a,k1,{0},nocolon", "identifiers")]
    [InlineData("a,k1,{0}", "id")]
    [InlineData(",k1,{0},", "id")]
    public void Read_BadRow_NamesFileLineAndField(string row, string field)
    {
        var text = EncodingCsv.Header + "\nok,k1," + Zero + ",\n" + string.Format(System.Globalization.CultureInfo.InvariantCulture, row, Zero) + "\n";

        var error = Assert.Throws<ModelException>(() => EncodingCsv.Read(new StringReader(text), "enc.csv"));

        Assert.Equal(("enc.csv", 3, field), (error.File, error.Line, error.Field));
    }

    [Fact]
    public void Read_TwoKeysInOneFile_IsRefused()
    {
        var text = EncodingCsv.Header + "\na,k1," + Zero + ",\nb,k2," + Zero + ",\n";

        var error = Assert.Throws<ModelException>(() => EncodingCsv.Read(new StringReader(text), "enc.csv"));

        Assert.Equal("key_id", error.Field);
    }

    [Fact]
    public void Read_ArbitraryText_ThrowsOnlyModelException()
    {
        Gen.String.Sample(s =>
        {
            try
            {
                EncodingCsv.Read(new StringReader(EncodingCsv.Header + "\n" + s), "enc.csv");
            }
            catch (ModelException)
            {
            }
        });
    }
}
