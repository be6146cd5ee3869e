using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using PhoneNumbers;
using Tessera.Core.Normalisation;

namespace Tessera.Bench.Ingest;

/// <summary>One indicator a labelled post holds: its kind and its normalised value.</summary>
internal sealed record Expected(string Kind, string Value);

/// <summary>A value written into a post: the text as written and the indicators a reader finds in it.</summary>
internal sealed record Written(string Text, params Expected[] Indicators);

/// <summary>Random but valid indicator values, written the many ways posts write them, with the value a reader expects.</summary>
/// <remarks>
/// Phones are drawn from libphonenumber's example mobile numbers with the subscriber digits replaced and kept only when
/// valid; IBANs carry ISO 7064 check digits; Bitcoin and TRON addresses Base58Check; Ethereum addresses EIP-55.
/// </remarks>
internal sealed class PostValues(Random random)
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();
    private const string Base58Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    public Random Random { get; } = random;

    public T Pick<T>(IReadOnlyList<T> items) => items[Random.Next(items.Count)];

    public bool Chance(double p) => Random.NextDouble() < p;

    /// <summary>A valid mobile number of <paramref name="region"/>: (country calling code, national significant number).</summary>
    public (int CountryCode, string Nsn) Mobile(string region)
    {
        var example = Util.GetExampleNumberForType(region, PhoneNumberType.MOBILE);
        var nsn = Util.GetNationalSignificantNumber(example);
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            // Keep the operator prefix of the example (its first two digits) and draw the rest.
            var keep = Math.Min(2, nsn.Length - 6);
            var candidate = nsn[..keep] + Digits(nsn.Length - keep);
            var number = Util.Parse("+" + example.CountryCode.ToString(CultureInfo.InvariantCulture) + candidate, "ZZ");
            if (Util.IsValidNumber(number) && Util.GetNumberType(number) is PhoneNumberType.MOBILE or PhoneNumberType.FIXED_LINE_OR_MOBILE)
            {
                return (example.CountryCode, candidate);
            }
        }

        return (example.CountryCode, nsn);
    }

    /// <summary>A phone written as a person writes it; the national form only when <paramref name="postRegion"/> is the number's region.</summary>
    public Written Phone(string region, string? postRegion, char digitScript)
    {
        var (cc, nsn) = Mobile(region);
        var e164 = "+" + cc.ToString(CultureInfo.InvariantCulture) + nsn;
        var groups = Group(nsn);
        var sep = Pick([" ", " ", " ", "-", ".", ""]);
        var body = string.Join(sep, groups);
        if (sep.Length > 0 && Chance(0.15) && groups.Count > 2)
        {
            body = "(" + groups[0] + ") " + string.Join(sep, groups.Skip(1));
        }

        var ccText = cc.ToString(CultureInfo.InvariantCulture);
        string text;
        var national = postRegion == region ? Util.GetNddPrefixForRegion(region, true) ?? "" : null;
        var form = Random.Next(national is null ? 2 : 3);
        text = form switch
        {
            0 => "+" + ccText + Pick([" ", " ", "", "-"]) + body,
            1 => "00" + ccText + Pick([" ", " ", "", "-"]) + body,
            _ => national + body,
        };
        return new Written(Script(text, digitScript), new Expected("phone", e164));
    }

    private List<string> Group(string nsn)
    {
        var groups = new List<string>();
        var i = 0;
        var style = Random.Next(4);
        while (i < nsn.Length)
        {
            var size = style switch
            {
                0 => nsn.Length - i,
                1 => i == 0 ? 3 : 2,
                2 => i == 0 ? 2 : 3,
                _ => i == 0 ? 3 : 4,
            };
            size = Math.Min(size, nsn.Length - i);
            if (nsn.Length - i - size == 1)
            {
                size++;
            }

            groups.Add(nsn.Substring(i, size));
            i += size;
        }

        return groups;
    }

    /// <summary>The text with ASCII digits in Arabic-Indic ('a'), Extended Arabic-Indic / Persian ('p') or ASCII ('0') digits.</summary>
    public static string Script(string text, char script) => script switch
    {
        'a' => new string(text.Select(c => char.IsAsciiDigit(c) ? (char)('\u0660' + (c - '0')) : c).ToArray()),
        'p' => new string(text.Select(c => char.IsAsciiDigit(c) ? (char)('\u06F0' + (c - '0')) : c).ToArray()),
        _ => text,
    };

    /// <summary>An IBAN of a country on the routes, compact or in groups of four.</summary>
    public Written Iban()
    {
        var (country, bban) = Random.Next(6) switch
        {
            0 => ("DE", Digits(18)),
            1 => ("TR", Digits(5) + "0" + Digits(16)),
            2 => ("NL", Pick(["ABNA", "RABO", "INGB", "BUNQ"]) + Digits(10)),
            3 => ("GB", Pick(["WEST", "BARC", "HBUK", "LOYD"]) + Digits(14)),
            4 => ("LT", Digits(16)),
            _ => ("AT", Digits(16)),
        };
        var check = 98 - Mod97(bban + country + "00");
        var iban = country + check.ToString("00", CultureInfo.InvariantCulture) + bban;
        var text = Chance(0.5) ? iban : string.Join(' ', iban.Chunk(4).Select(c => new string(c)));
        return new Written(text, new Expected("iban", iban));
    }

    private static int Mod97(string s)
    {
        var r = 0;
        foreach (var c in s)
        {
            r = char.IsAsciiDigit(c) ? ((r * 10) + (c - '0')) % 97 : ((r * 100) + (c - 'A' + 10)) % 97;
        }

        return r;
    }

    /// <summary>A USDT (TRON), Bitcoin or Ethereum address.</summary>
    public Written Wallet()
    {
        switch (Random.Next(4))
        {
            case 0:
            case 1:
                {
                    var tron = Base58Check(0x41);
                    return new Written(tron, new Expected("wallet", tron));
                }

            case 2:
                {
                    var btc = Base58Check(Chance(0.5) ? (byte)0x00 : (byte)0x05);
                    return new Written(btc, new Expected("wallet", btc));
                }

            default:
                {
                    var bytes = new byte[20];
                    Random.NextBytes(bytes);
                    var hex = Convert.ToHexStringLower(bytes);
                    var checksummed = Eip55(hex);
                    return new Written("0x" + (Chance(0.5) ? hex : checksummed), new Expected("wallet", "0x" + checksummed));
                }
        }
    }

    private string Base58Check(byte version)
    {
        var payload = new byte[21];
        Random.NextBytes(payload);
        payload[0] = version;
        var check = SHA256.HashData(SHA256.HashData(payload));
        var full = payload.Concat(check.Take(4)).ToArray();
        var value = new BigInteger(full, isUnsigned: true, isBigEndian: true);
        var sb = new StringBuilder();
        while (value > 0)
        {
            sb.Insert(0, Base58Alphabet[(int)(value % 58)]);
            value /= 58;
        }

        foreach (var b in full)
        {
            if (b != 0)
            {
                break;
            }

            sb.Insert(0, '1');
        }

        return sb.ToString();
    }

    // EIP-55: a hex letter is upper case when the matching nibble of Keccak-256 over the lower-case address is 8 or more.
    private static string Eip55(string hex)
    {
        var hash = Convert.ToHexStringLower(Keccak256.Hash(Encoding.ASCII.GetBytes(hex)));
        return new string(hex.Select((c, i) => char.IsAsciiLetter(c) && hash[i] >= '8' ? char.ToUpperInvariant(c) : c).ToArray());
    }

    /// <summary>An e-mail address at a mail provider; written sometimes with capitals, expected in lower case.</summary>
    public Written Email()
    {
        var local = Pick(["safe.travel", "boat.italy", "ahmed.trip", "mehmet.yol", "hamid.safar", "amine.harraga", "europa.trip", "khaled", "yusuf.kacak", "rahmat.safar"])
            + Random.Next(10, 999).ToString(CultureInfo.InvariantCulture);
        var domain = Pick(["gmail.com", "hotmail.com", "yahoo.fr", "outlook.com", "proton.me", "mail.ru", "yandex.com"]);
        var address = local + "@" + domain;
        var text = Chance(0.2) ? char.ToUpperInvariant(address[0]) + address[1..] : address;
        return new Written(text, new Expected("email", address));
    }

    /// <summary>A profile link (URL and handle) or a web page (URL only).</summary>
    public Written Link(string handle, string phoneRegion)
    {
        switch (Random.Next(5))
        {
            case 4:
                {
                    // A WhatsApp click-to-chat link is a number to dial as well as a link and an account.
                    var (cc, nsn) = Mobile(phoneRegion);
                    var digits = cc.ToString(CultureInfo.InvariantCulture) + nsn;
                    return new Written("https://wa.me/" + digits, new Expected("url", "https://wa.me/" + digits), new Expected("handle", "whatsapp:" + digits), new Expected("phone", "+" + digits));
                }

            case 0:
                return new Written("t.me/" + handle, new Expected("url", "https://t.me/" + handle), new Expected("handle", "telegram:" + handle));
            case 1:
                return new Written("https://www.instagram.com/" + handle + "/", new Expected("url", "https://instagram.com/" + handle), new Expected("handle", "instagram:" + handle));
            case 2:
                {
                    var site = Pick(["safe-road-eu.com", "travel-europa.net", "yol-avrupa.org", "harga-tours.info"]);
                    var path = Pick(["trips", "ar/booking", "fr/contact", "price-list"]);
                    var tracking = Chance(0.4) ? "?utm_source=fb&utm_medium=post" : "";
                    return new Written("https://" + site + "/" + path + tracking, new Expected("url", "https://" + site + "/" + path));
                }

            default:
                {
                    var id = Digits(15).TrimStart('0');
                    return new Written("https://www.facebook.com/groups/" + id + "/", new Expected("url", "https://facebook.com/groups/" + id));
                }
        }
    }

    /// <summary>A user name as smugglers choose them: letters, digits, underscores (valid on Telegram, Instagram and X).</summary>
    public string HandleName() =>
        Pick(["ali", "abu_omar", "captain", "hamid", "safe", "europe", "yol", "boss", "rahbar", "harraga", "trip"])
        + Pick(["_boats", "_travel", "_trip", "_libya", "_izmir", "_tunis", "_safar", "_europa", "_sea"])
        + (Chance(0.5) ? Random.Next(1, 99).ToString(CultureInfo.InvariantCulture) : "");

    public string Digits(int n)
    {
        var chars = new char[n];
        for (var i = 0; i < n; i++)
        {
            chars[i] = (char)('0' + Random.Next(10));
        }

        return new string(chars);
    }
}
