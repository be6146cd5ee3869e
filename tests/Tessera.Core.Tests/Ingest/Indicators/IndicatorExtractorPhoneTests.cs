using CsCheck;
using Tessera.Core.Ingest.Indicators;
using Tessera.Core.Normalisation;

namespace Tessera.Core.Tests.Ingest.Indicators;

public sealed class IndicatorExtractorPhoneTests
{
    private static List<Indicator> Phones(string text, string? region = null)
    {
        var found = IndicatorExtractor.Extract(text, new NormalisationContext(region)).Where(i => i.Kind == "phone").ToList();
        Assert.All(found, p => Assert.Equal(p.Text, text.Substring(p.Start, p.Length)));
        return found;
    }

    [Theory]
    [InlineData("Acil! 0090 532 123 45 67 arayın", "+905321234567", "0090 532 123 45 67")]
    [InlineData("للحجز 00216 98 765 432", "+21698765432", "00216 98 765 432")]
    [InlineData("call 00218925556677 now", "+218925556677", "00218925556677")]
    [InlineData("Kontakt: 0032 470 12 34 56 (Belgique)", "+32470123456", "0032 470 12 34 56")]
    [InlineData("00 90 532 123 45 67", "+905321234567", "00 90 532 123 45 67")]
    public void Extract_DoubleZeroPrefixWithoutRegion_InternationalNumberFromFirstZero(string text, string e164, string written)
    {
        var phone = Assert.Single(Phones(text));

        Assert.Equal(e164, phone.Value);
        Assert.Equal(written, phone.Text);
    }

    [Theory]
    [InlineData("رقم الهاتف: ٠٠٢١٨ ٩١ ٢٣٤ ٥٦٧٨", null, "+218912345678")]
    [InlineData("واتس: +٩٠ ٥٣٢ ١٢٣ ٤٥ ٦٧", null, "+905321234567")]
    [InlineData("اتصل ٠١٠٠ ١٢٣ ٤٥٦٧", "EG", "+201001234567")]
    [InlineData("زنګ ووهئ ۰۰۹۸ ۹۱۲ ۳۴۵ ۶۷۸۹", null, "+989123456789")]
    [InlineData("شماره تماس ۰۷۰ ۱۲۳ ۴۵۶۷", "AF", "+93701234567")]
    [InlineData("شماره ۰۹۱۲-۳۴۵-۶۷۸۹", "IR", "+989123456789")]
    public void Extract_ArabicIndicAndPersianDigits_ReadAsAscii(string text, string? region, string e164)
    {
        var phone = Assert.Single(Phones(text, region));

        Assert.Equal(e164, phone.Value);
        Assert.DoesNotContain(phone.Text, c => char.IsAsciiDigit(c));
    }

    [Theory]
    [InlineData("0532 123 45 67", "TR", "+905321234567")]
    [InlineData("tel: 0 (532) 123 45 67", "TR", "+905321234567")]
    [InlineData("091-234-5678", "LY", "+218912345678")]
    [InlineData("call 98765432", "TN", "+21698765432")]
    [InlineData("Tél: (0612) 34-56-78", "MA", "+212612345678")]
    [InlineData("06.12.34.56.78", "FR", "+33612345678")]
    [InlineData("+90 (532) 123-45-67", null, "+905321234567")]
    [InlineData("+44 (0) 7911 123456", null, "+447911123456")]
    [InlineData("+216-20.123.456", null, "+21620123456")]
    [InlineData("0 5 3 2 1 2 3 4 5 6 7", "TR", "+905321234567")]
    [InlineData("12 05 2026 tarihinde 0532 123 45 67", "TR", "+905321234567")]
    [InlineData("Code postal 2045, tel 22 345 678", "TN", "+21622345678")]
    [InlineData("‏للتواصل ‎+218 91 234 5678‎ واتساب", null, "+218912345678")]
    public void Extract_NationalAndSeparatedForms_E164(string text, string? region, string e164)
    {
        Assert.Equal(e164, Assert.Single(Phones(text, region)).Value);
    }

    [Theory]
    [InlineData("WhatsApp0090 532 123 45 67", null)]
    [InlineData("📞+90 532 123 45 67📞", null)]
    [InlineData("واتساب00905321234567", null)]
    [InlineData("Tel:0532.123.45.67", "TR")]
    [InlineData("Tél0532 123 45 67", "TR")]
    [InlineData("0532 123 45 67'yi arayın", "TR")]
    public void Extract_NumberGluedToWordOrEmoji_Found(string text, string? region)
    {
        Assert.Equal("+905321234567", Assert.Single(Phones(text, region)).Value);
    }

    [Theory]
    [InlineData("+90 532 123 45 67 / +90 533 765 43 21", null)]
    [InlineData("+218-91-234-5678,+218-92-555-6677", null)]
    [InlineData("0532 123 45 67 - 0533 765 4321", "TR")]
    [InlineData("٠١٠٠ ١٢٣ ٤٥٦٧ او ٠١٠٠١٢٣٤٥٦٨", "EG")]
    public void Extract_TwoNumbersSideBySide_BothApart(string text, string? region)
    {
        Assert.Equal(2, Phones(text, region).Count);
    }

    [Theory]
    [InlineData("départ le 20/12/2026", "TN")]
    [InlineData("Meeting 2026-12-20", "TN")]
    [InlineData("le 20.12.2026 à 22h30", "TN")]
    [InlineData("prix 25 000 000 dinars", "TN")]
    [InlineData("IBAN TR33 0006 1005 1978 6457 8413 26", "TR")]
    [InlineData("Passport U12345678", "LY")]
    [InlineData("IMO 93874210", "TN")]
    [InlineData("MMSI 67212345", "TN")]
    [InlineData("kimlik 12345678901", "TR")]
    [InlineData("order #00123456789", null)]
    [InlineData("0532 123 45 67", null)]
    [InlineData("passport 91234567", "TN")]
    [InlineData("saison 2025-2026 départs", "TN")]
    [InlineData("le 25 12 2026", "TN")]
    [InlineData("réf 20123456", "TN")]
    public void Extract_DatesAmountsAndDocumentNumbers_NotPhones(string text, string? region)
    {
        Assert.Empty(Phones(text, region));
    }

    [Fact]
    public void Extract_WhatsAppLink_UrlHandleAndPhoneOnOneSpan()
    {
        var found = IndicatorExtractor.Extract("wa.me/218912345678 for details");

        Assert.Contains(found, i => i is { Kind: "url", Value: "https://wa.me/218912345678" });
        Assert.Contains(found, i => i is { Kind: "handle", Value: "whatsapp:218912345678" });
        Assert.Contains(found, i => i is { Kind: "phone", Value: "+218912345678", Start: 0, Length: 18 });
    }

    [Theory]
    [InlineData("Telegram: @Safe_Boats", "telegram:safe_boats")]
    [InlineData("تلغرام @ali_boats", "telegram:ali_boats")]
    [InlineData("تلگرام: @rahbar_safar", "telegram:rahbar_safar")]
    [InlineData("انستغرام @sea_trip.ly", "instagram:sea_trip.ly")]
    [InlineData("call +90 532 123 45 67 / @ali_boats", "ali_boats")]
    public void Extract_Handle_PlatformNamedJustBefore(string text, string handle)
    {
        Assert.Contains(IndicatorExtractor.Extract(text), i => i.Kind == "handle" && i.Value == handle);
    }

    [Fact]
    public void Extract_GroupLink_UrlWithoutHandle()
    {
        var found = IndicatorExtractor.Extract("join https://www.facebook.com/groups/1234567890/ and https://t.me/joinchat/AbCdEf123");

        Assert.Equal(2, found.Count(i => i.Kind == "url"));
        Assert.DoesNotContain(found, i => i.Kind == "handle");
    }

    [Fact]
    public void Extract_ArbitraryDigitsInAnyScript_NeverThrowsAndSpansInside()
    {
        string[] pieces = ["00", "+", "0090", "532", "١٢٣", "٠٠٢١٨", "۰۹۱۲", "۴۵۶", " ", "-", ".", "(", ")", "/", "\u200F", "\u200E", "tel", "U", "📞", "واتساب", "20.12.2026", "€"];
        var words = Gen.Int[0, pieces.Length - 1].Select(i => pieces[i]).Array[0, 60].Select(a => string.Concat(a));
        string?[] regions = [null, "TR", "TN", "LY"];
        Gen.Select(words, Gen.Int[0, regions.Length - 1].Select(i => regions[i])).Sample((text, region) =>
        {
            var found = IndicatorExtractor.Extract(text, new NormalisationContext(region));
            return found.All(i => i.Start >= 0 && i.End <= text.Length && text.Substring(i.Start, i.Length) == i.Text && (i.Kind != "phone" || i.Value!.StartsWith('+')));
        }, iter: 3000);
    }
}
