using System.Collections.Frozen;
using PhoneNumbers;

namespace Tessera.Core.Ingest.Indicators;

public static partial class IndicatorExtractor
{
    // Platform names as posts write them, in Latin, Arabic, Persian and Pashto script → the platform of HandleNormaliser.
    private static readonly FrozenDictionary<string, string> PlatformWords = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["telegram"] = "telegram", ["tg"] = "telegram", ["telegramm"] = "telegram", ["télégram"] = "telegram", ["telgram"] = "telegram",
        ["تلغرام"] = "telegram", ["تيليجرام"] = "telegram", ["تلجرام"] = "telegram", ["تليجرام"] = "telegram", ["تيليغرام"] = "telegram", ["التلغرام"] = "telegram",
        ["تلگرام"] = "telegram", ["تلگرم"] = "telegram", ["ټېلېګرام"] = "telegram", ["ټیلیګرام"] = "telegram", ["ټلیګرام"] = "telegram",
        ["instagram"] = "instagram", ["insta"] = "instagram", ["ig"] = "instagram", ["انستغرام"] = "instagram", ["انستقرام"] = "instagram", ["اینستاگرام"] = "instagram",
        ["facebook"] = "facebook", ["fb"] = "facebook", ["فيسبوك"] = "facebook", ["فیسبوک"] = "facebook",
        ["tiktok"] = "tiktok", ["تيك"] = "tiktok", ["تیک"] = "tiktok",
        ["twitter"] = "x", ["snapchat"] = "snapchat", ["snap"] = "snapchat", ["سناب"] = "snapchat",
        ["signal"] = "signal", ["viber"] = "viber", ["فايبر"] = "viber", ["وایبر"] = "viber",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The platform named by the word just before <paramref name="at"/> ("Telegram: @name", "تلغرام @name"), or null.</summary>
    private static string? PlatformNamedBefore(string text, int at)
    {
        var i = at;
        while (i > 0 && at - i < 4 && text[i - 1] is ' ' or ':' or '-' or '：' or '\u00A0' or '\u200F' or '\u200E')
        {
            i--;
        }

        var end = i;
        while (i > 0 && char.IsLetter(text[i - 1]))
        {
            i--;
        }

        return end > i && PlatformWords.TryGetValue(text[i..end], out var platform) ? platform : null;
    }

    // The number of a WhatsApp click-to-chat link (wa.me/<country code and number>), when it is a valid number.
    private static Indicator? LinkedPhone(string digits, int start, string raw)
    {
        try
        {
            var number = Phones.Parse("+" + digits.TrimStart('+'), "ZZ");
            if (!Phones.IsValidNumber(number))
            {
                return null;
            }

            var attributes = new Dictionary<string, string>(StringComparer.Ordinal) { ["region"] = Phones.GetRegionCodeForNumber(number) ?? "ZZ" };
            return new Indicator("phone", start, raw.Length, raw, Phones.Format(number, PhoneNumberFormat.E164), true, attributes);
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
