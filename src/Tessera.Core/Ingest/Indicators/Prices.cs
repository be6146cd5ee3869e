using System.Globalization;
using System.Text.RegularExpressions;
using Tessera.Core.Normalisation;

namespace Tessera.Core.Ingest.Indicators;

/// <summary>Finds prices with a currency in free text: "€1.500", "2000 euros", "1,5k USD", "٢٠٠٠ يورو", "3000 دولار", "۲۰۰۰ یورو".</summary>
internal static partial class Prices
{
    private const string Currency =
        @"US\$|€|\$|£|EUR|USD|GBP|LYD|TND|DZD|MAD|TRY|euros?|dollars?|dolar|pounds?|dinars?|dirhams?|اليورو|يورو|یورو|الدولار|دولارات|دولار|دالر|ډالر|دينار|درهم|جنيه";

    /// <summary>Every amount with a currency before or after it.</summary>
    public static IEnumerable<Indicator> Find(string text, string? region)
    {
        foreach (Match m in Pattern().Matches(text))
        {
            var pre = m.Groups["pre"];
            var post = m.Groups["post"];
            if (!pre.Success && !post.Success)
            {
                continue;
            }

            var code = CurrencyCode((pre.Success ? pre.Value : post.Value).ToLowerInvariant(), region);
            if (ParseAmount(m.Groups["num"].Value) is not { } amount)
            {
                continue;
            }

            if (m.Groups["mult"].Success)
            {
                amount *= 1000;
            }

            var amountText = amount.ToString("0.##", CultureInfo.InvariantCulture);
            var attributes = new Dictionary<string, string>(StringComparer.Ordinal) { ["amount"] = amountText, ["currency"] = code };
            yield return new Indicator("price", m.Index, m.Length, m.Value, amountText + " " + code, true, attributes);
        }
    }

    /// <summary>Reads "1.500", "1,500", "1 500", "2,5", "٢٠٠٠", "1.500,50"; the last separator followed by 1–2 digits is decimal.</summary>
    internal static decimal? ParseAmount(string raw)
    {
        var digits = Digits.ToAscii(raw).Replace('٬', ',').Replace('٫', '.').Replace(" ", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal);
        var last = digits.LastIndexOfAny(['.', ',']);
        string normalised;
        if (last >= 0 && digits.Length - last - 1 is 1 or 2)
        {
            normalised = digits[..last].Replace(".", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal) + "." + digits[(last + 1)..];
        }
        else
        {
            normalised = digits.Replace(".", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal);
        }

        return normalised.Length is > 0 and <= 15 && decimal.TryParse(normalised, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : null;
    }

    private static string CurrencyCode(string word, string? region) => word switch
    {
        // Persian and Pashto write the euro with Farsi yeh (یورو) and the dollar as دالر / ډالر; Turkish as dolar.
        "€" or "eur" or "euro" or "euros" or "يورو" or "اليورو" or "یورو" => "EUR",
        "$" or "us$" or "usd" or "dollar" or "dollars" or "dolar" or "دولار" or "الدولار" or "دولارات" or "دالر" or "ډالر" => "USD",
        "£" or "gbp" or "pound" or "pounds" => "GBP",
        "lyd" => "LYD",
        "tnd" => "TND",
        "dzd" => "DZD",
        "mad" or "dirham" or "dirhams" or "درهم" => "MAD",
        "try" => "TRY",
        "جنيه" => "EGP",
        // A dinar is Libyan, Tunisian, Algerian, Iraqi or Jordanian: the contributing country decides, else it stays "dinar".
        _ => region?.ToUpperInvariant() switch
        {
            "LY" => "LYD",
            "TN" => "TND",
            "DZ" => "DZD",
            "IQ" => "IQD",
            "JO" => "JOD",
            _ => "dinar",
        },
    };

    [GeneratedRegex(
        @"(?:(?<pre>" + Currency + @")\s?)?(?<![\d.,٬٫])(?<num>\d{1,3}(?:[.,\u00A0 ٬]\d{3})+(?:[.,٫]\d{1,2})?(?!\d)|\d+(?:[.,٫]\d{1,2})?(?!\d))(?:\s?(?<mult>k|K|ألف|الف)(?!\w))?(?:\s?(?<post>" + Currency + @")(?!\w))?",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
