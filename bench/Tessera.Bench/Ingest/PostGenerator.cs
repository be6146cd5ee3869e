using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Tessera.Bench.Ingest;

/// <summary>A labelled post: its language, the country it was collected in (the region hint), its text and what it holds.</summary>
internal sealed record LabelledPost(string Id, string Language, string? Region, string Text, IReadOnlyList<Expected> Expected, string Set);

/// <summary>Writes smuggling posts in Arabic, English, French, Turkish, Pashto, Dari and mixed, from templates and a seed.</summary>
/// <remarks>
/// A template names slots in braces; each slot is filled by <see cref="PostValues"/> and adds its expected indicators.
/// Dates, times, head counts, boat sizes and document, vessel and ID numbers are written as distractors that must not
/// be taken for phones. The same seed gives the same posts.
/// </remarks>
internal static partial class PostGenerator
{
    private static readonly string[] Languages = ["ar", "en", "fr", "tr", "ps", "prs", "mixed"];

    public static List<LabelledPost> Generate(int seed, int count, string set)
    {
        var values = new PostValues(new Random(seed));
        var posts = new List<LabelledPost>(count);
        for (var i = 0; i < count; i++)
        {
            var language = Languages[i % Languages.Length];
            var region = values.Chance(0.2) ? null : values.Pick(PostTemplates.Regions[language]);
            var template = values.Pick(PostTemplates.For[language]);
            var (text, expected) = Fill(template, language, region, values);
            posts.Add(new LabelledPost(string.Create(CultureInfo.InvariantCulture, $"{set}-{i + 1:000}"), language, region, text, expected, set));
        }

        return posts;
    }

    private static (string Text, List<Expected> Expected) Fill(string template, string language, string? region, PostValues v)
    {
        var expected = new List<Expected>();
        var sb = new StringBuilder();
        var last = 0;
        foreach (Match m in Slot().Matches(template))
        {
            sb.Append(template, last, m.Index - last);
            var written = Render(m.Groups[1].Value, language, region, v);
            // Numbers glued to the word or emoji before them ("واتساب0021698…", "📞+90…"), as posts often write them.
            if (m.Groups[1].Value == "phone" && sb.Length > 1 && sb[^1] == ' ' && !char.IsDigit(sb[^2]) && !char.IsPunctuation(sb[^2]) && v.Chance(0.2))
            {
                sb.Length--;
            }

            sb.Append(written.Text);
            expected.AddRange(written.Indicators);
            last = m.Index + m.Length;
        }

        sb.Append(template, last, template.Length - last);
        return (sb.ToString(), expected);
    }

    private static Written Render(string slot, string language, string? region, PostValues v)
    {
        var script = language switch
        {
            "ar" => v.Chance(0.35) ? 'a' : '0',
            "ps" or "prs" => v.Chance(0.4) ? 'p' : '0',
            _ => '0',
        };
        switch (slot)
        {
            case "phone":
                {
                    var phoneRegion = region is not null && v.Chance(0.7) ? region : v.Pick(PostTemplates.PhoneRegions[language]);
                    return v.Phone(phoneRegion, region, script);
                }

            case "iban":
                return v.Iban();
            case "wallet":
                return v.Wallet();
            case "email":
                return v.Email();
            case "link":
                return v.Link(v.HandleName(), v.Pick(PostTemplates.PhoneRegions[language]));
            case "tg":
                {
                    var name = v.HandleName();
                    if (v.Chance(0.3))
                    {
                        return new Written("t.me/" + name, new Expected("url", "https://t.me/" + name), new Expected("handle", "telegram:" + name));
                    }

                    return new Written(v.Pick(PostTemplates.TelegramWords[language]) + " @" + name, new Expected("handle", "telegram:" + name));
                }

            case "at":
                {
                    var name = v.HandleName();
                    return new Written("@" + name, new Expected("handle", name));
                }

            case "price":
                {
                    var amount = v.Pick([1200, 1500, 1800, 2000, 2500, 3000, 3500, 4000, 4500, 5000, 6000, 7000, 8000]);
                    var (format, currency) = v.Pick(PostTemplates.PriceForms[language]);
                    var number = v.Chance(0.3) && amount >= 1000
                        ? (amount / 1000).ToString(CultureInfo.InvariantCulture) + v.Pick([".", ","]) + (amount % 1000).ToString("000", CultureInfo.InvariantCulture)
                        : amount.ToString(CultureInfo.InvariantCulture);
                    var text = PostValues.Script(format.Replace("N", number, StringComparison.Ordinal), script);
                    return new Written(text, new Expected("price", amount.ToString(CultureInfo.InvariantCulture) + " " + currency));
                }

            case "place":
            case "place2":
                {
                    var (written, name) = v.Pick(PostTemplates.Places[language]);
                    return new Written(written, new Expected("place", name));
                }

            case "date":
                return new Written(PostValues.Script(Date(v), script));
            case "time":
                return new Written(PostValues.Script(v.Pick(["22:30", "23:00", "02:15", "21h30", "04:00"]), script));
            case "count":
                return new Written(PostValues.Script(v.Random.Next(8, 60).ToString(CultureInfo.InvariantCulture), script));
            case "boat":
                return new Written(PostValues.Script(v.Pick(["12 m", "9.5 m", "14 metre", "Yamaha 40", "200 hp", "2x250 hp", "18m"]), script));
            case "doc":
                return new Written(Document(v));
            default:
                throw new InvalidOperationException("unknown slot " + slot);
        }
    }

    private static string Date(PostValues v)
    {
        var day = v.Random.Next(1, 29);
        var month = v.Random.Next(1, 13);
        var year = v.Pick([2025, 2026, 2027]);
        return v.Random.Next(5) switch
        {
            0 => string.Create(CultureInfo.InvariantCulture, $"{day:00}.{month:00}.{year}"),
            1 => string.Create(CultureInfo.InvariantCulture, $"{day:00}/{month:00}/{year}"),
            2 => string.Create(CultureInfo.InvariantCulture, $"{year}-{month:00}-{day:00}"),
            3 => string.Create(CultureInfo.InvariantCulture, $"{day}/{month}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{day:00}-{month:00}-{year % 100:00}"),
        };
    }

    // Numbers that are not phones: passports, vessel IMO and MMSI numbers, Turkish identity numbers, plates.
    private static string Document(PostValues v) => v.Random.Next(5) switch
    {
        0 => "passport " + (char)('A' + v.Random.Next(26)) + v.Digits(8),
        1 => "IMO " + "9" + v.Digits(6),
        2 => "MMSI " + v.Pick(["271", "247", "642", "672", "239"]) + v.Digits(6),
        3 => "kimlik " + (char)('1' + v.Random.Next(9)) + v.Digits(10),
        _ => "plaka 34 " + v.Pick(["ABC", "KL", "TR"]) + " " + v.Digits(3),
    };

    [GeneratedRegex(@"\{([a-z0-9]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Slot();
}
