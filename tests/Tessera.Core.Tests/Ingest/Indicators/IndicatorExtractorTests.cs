using CsCheck;
using Tessera.Core.Ingest.Indicators;
using Tessera.Core.Normalisation;

namespace Tessera.Core.Tests.Ingest.Indicators;

public sealed class IndicatorExtractorTests
{
    private static readonly NormalisationContext Italy = new(DefaultRegion: "IT");

    private static Indicator Single(string text, string kind, NormalisationContext? context = null)
    {
        var found = IndicatorExtractor.Extract(text, context ?? Italy).Where(i => i.Kind == kind).ToList();
        Assert.Single(found);
        var indicator = found[0];
        Assert.Equal(indicator.Text, text.Substring(indicator.Start, indicator.Length));
        return indicator;
    }

    [Theory]
    [InlineData("chiama +39 333 1234567 subito", "+393331234567")]
    [InlineData("call 0039 333 1234567 now", "+393331234567")]
    [InlineData("tel. 333 1234567", "+393331234567")]
    [InlineData("اتصل على ‎+218 91 234 5678", "+218912345678")]
    public void Extract_Phone_E164WithSpan(string text, string e164)
    {
        Assert.Equal(e164, Single(text, "phone").Value);
    }

    [Theory]
    [InlineData("pay to GB82 WEST 1234 5698 7654 32 today", "GB82WEST12345698765432")]
    [InlineData("IBAN:DE89370400440532013000.", "DE89370400440532013000")]
    public void Extract_Iban_CompactValue(string text, string iban)
    {
        Assert.Equal(iban, Single(text, "iban").Value);
    }

    [Fact]
    public void Extract_IbanWithBadCheckDigits_NotReported()
    {
        Assert.DoesNotContain(IndicatorExtractor.Extract("pay to GB82 WEST 1234 5698 7654 33", Italy), i => i.Kind == "iban");
    }

    [Theory]
    [InlineData("USDT TRC20 TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU7 only", "tron")]
    [InlineData("btc: 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "bitcoin")]
    [InlineData("eth 0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", "ethereum")]
    public void Extract_Wallet_WithChain(string text, string chain)
    {
        Assert.Equal(chain, Single(text, "wallet").Attributes!["chain"]);
    }

    [Fact]
    public void Extract_EmailUrlAndHandles_Found()
    {
        var text = "write boats@example.com, see https://example.org/trips?utm_source=x or t.me/ali_boats, ask @ali_smuggler";
        var found = IndicatorExtractor.Extract(text, new NormalisationContext(Platform: "telegram"));

        Assert.Contains(found, i => i is { Kind: "email", Value: "boats@example.com" });
        Assert.Contains(found, i => i is { Kind: "url", Value: "https://example.org/trips" });
        Assert.Contains(found, i => i is { Kind: "handle", Value: "telegram:ali_boats" });
        Assert.Contains(found, i => i is { Kind: "handle", Value: "telegram:ali_smuggler" });
        Assert.DoesNotContain(found, i => i.Kind == "handle" && i.Text.Contains("example", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("trip 1.500€ per person", "1500", "EUR")]
    [InlineData("€ 2,500 all included", "2500", "EUR")]
    [InlineData("price 3000 euros", "3000", "EUR")]
    [InlineData("only 2.5k USD", "2500", "USD")]
    [InlineData("السعر ٢٠٠٠ يورو", "2000", "EUR")]
    [InlineData("السعر 1500 دولار", "1500", "USD")]
    [InlineData("السعر ٣٠٠٠ دينار", "3000", "dinar")]
    public void Extract_Price_AmountAndCurrency(string text, string amount, string currency)
    {
        var price = Single(text, "price", NormalisationContext.None);

        Assert.Equal(amount, price.Attributes!["amount"]);
        Assert.Equal(currency, price.Attributes!["currency"]);
    }

    [Fact]
    public void Extract_DinarInLibyanContribution_Lyd()
    {
        Assert.Equal("LYD", Single("3000 dinars", "price", new NormalisationContext(DefaultRegion: "LY")).Attributes!["currency"]);
    }

    [Theory]
    [InlineData("departure from Zuwara tonight", "Zuwara", "LY")]
    [InlineData("رحلة من زوارة", "Zuwara", "LY")]
    [InlineData("الانطلاق بزوارة", "Zuwara", "LY")]
    [InlineData("arrivo a Lampedusa", "Lampedusa", "IT")]
    [InlineData("game from Velika Kladuša", "Velika Kladusa", "BA")]
    [InlineData("via Kapitan Andreevo", "Kapitan Andreevo", "BG")]
    [InlineData("boats to the Canary Islands", "Canary Islands", "ES")]
    [InlineData("from İzmir to Lesvos", "Izmir", "TR")]
    [InlineData("طنجة", "Tangier", "MA")]
    public void Extract_Place_FromGazetteer(string text, string place, string country)
    {
        var found = IndicatorExtractor.Extract(text, Italy).Where(i => i.Kind == "place").ToList();

        var first = found[0];
        Assert.Equal(place, first.Value);
        Assert.Equal(country, first.Attributes!["country"]);
        Assert.Equal(first.Text, text.Substring(first.Start, first.Length));
    }

    [Fact]
    public void Extract_PlaceInsideAnotherWord_NotFound()
    {
        Assert.DoesNotContain(IndicatorExtractor.Extract("Kosovo and Maltese cross", Italy), i => i.Kind == "place");
    }

    [Fact]
    public void Extract_MrzInText_DocumentNumberAndExactSpan()
    {
        var mrz = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10";
        var text = "Passport photo:\n" + mrz + "\nend\n";

        var found = Single(text, "mrz");

        Assert.Equal("L898902C3", found.Value);
        Assert.Equal(mrz, found.Text);
        Assert.DoesNotContain(IndicatorExtractor.Extract(text, Italy), i => i.Kind == "phone");
    }

    [Fact]
    public void Extract_NothingToFind_Empty()
    {
        Assert.Empty(IndicatorExtractor.Extract("the weather is nice today", Italy));
        Assert.Empty(IndicatorExtractor.Extract(null, Italy));
    }

    [Fact]
    public void Extract_ArbitraryText_NeverThrowsAndSpansInside()
    {
        string[] pieces = ["Zuwara", "€", "1.500", "+39", "333", "1234567", "@ali", "t.me/x_boats", "GB82", "WEST", "<<<", "\n", " ", "يورو", "٢٠٠٠", "bc1q", "0x"];
        var words = Gen.Int[0, pieces.Length - 1].Select(i => pieces[i]);
        var text = Gen.OneOf(Gen.String, Gen.String[Gen.Char[char.MinValue, char.MaxValue], 0, 200], words.Array[0, 40].Select(a => string.Join(' ', a)));
        text.Sample(t =>
        {
            var found = IndicatorExtractor.Extract(t, Italy);
            return found.All(i => i.Start >= 0 && i.End <= t.Length && t.Substring(i.Start, i.Length) == i.Text);
        }, iter: 2000);
    }
}
