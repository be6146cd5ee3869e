using System.Globalization;
using System.Text;

namespace Tessera.Core.Matching;

/// <summary>Small normalisers for the non-name fields the matcher compares (dates, identifiers, countries, free text).</summary>
/// <remarks>Private to matching; the shared normalisers in Core/Normalisation replace them when they land.</remarks>
internal static class FieldKeys
{
    private static readonly Dictionary<string, string> Countries = BuildCountries();

    /// <summary>
    /// A birth date as yyyymmdd (month or day 0 when unknown), or -1. Accepts yyyymmdd, yyyy-mm-dd, yyyy-m-d, yyyy-mm,
    /// yyyy, dd/mm/yyyy and dd.mm.yyyy. An 8-digit value that is not a calendar date is kept as written and flagged
    /// <paramref name="invalid"/> so that a one-edit comparison can still use it (Febrl corrupts digits).
    /// </summary>
    public static int Date(string? text, out bool invalid)
    {
        invalid = false;
        if (string.IsNullOrWhiteSpace(text))
        {
            return -1;
        }

        var s = text.Trim();
        int y, m = 0, d = 0;
        var parts = s.Split('-', '/', '.', ' ');
        if (parts.Length == 1 && s.Length == 8 && s.All(char.IsAsciiDigit))
        {
            y = Int(s[..4]);
            m = Int(s[4..6]);
            d = Int(s[6..8]);
        }
        else if (parts.Length == 1 && s.Length == 4 && s.All(char.IsAsciiDigit))
        {
            y = Int(s);
        }
        else if (parts.Length is 2 or 3 && parts.All(p => p.Length > 0 && p.All(char.IsAsciiDigit)))
        {
            if (parts[0].Length == 4)
            {
                y = Int(parts[0]);
                m = Int(parts[1]);
                d = parts.Length == 3 ? Int(parts[2]) : 0;
            }
            else if (parts.Length == 3 && parts[2].Length == 4)
            {
                y = Int(parts[2]);
                m = Int(parts[1]);
                d = Int(parts[0]);
            }
            else
            {
                return -1;
            }
        }
        else
        {
            return -1;
        }

        if (y is < 1 or > 9999)
        {
            return -1;
        }

        if (m > 12 || (m > 0 && d > DateTime.DaysInMonth(Math.Max(1, y), m)) || (m == 0 && d > 0) || d > 31)
        {
            invalid = true;
        }

        return (y * 10000) + (m * 100) + d;
    }

    private static int Int(string s) => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>Phone key: digits only, a leading 00 read as +, the last nine digits (national numbers match international ones).</summary>
    public static string? Phone(string? text)
    {
        var digits = Alnum(text, digitsOnly: true);
        if (digits is null || digits.Length < 5)
        {
            return null;
        }

        return digits.Length > 9 ? digits[^9..] : digits;
    }

    /// <summary>E-mail key: trimmed and lower-cased.</summary>
    public static string? Email(string? text) =>
        string.IsNullOrWhiteSpace(text) || !text.Contains('@', StringComparison.Ordinal) ? null : text.Trim().ToLowerInvariant();

    /// <summary>Document, id or IBAN key: upper-case letters and digits only.</summary>
    public static string? Document(string? text) => Alnum(text, digitsOnly: false);

    private static string? Alnum(string? text, bool digitsOnly)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c) || (!digitsOnly && char.IsAsciiLetter(c)))
            {
                sb.Append(char.ToUpperInvariant(c));
            }
        }

        return sb.Length == 0 ? null : sb.ToString();
    }

    /// <summary>Free text key (street, city, region): lower case, Latin letters, single spaces.</summary>
    public static string? Text(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var latin = Normalisation.Names.Transliteration.ToLatin(text, out _).Replace('-', ' ');
        var joined = string.Join(' ', latin.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return joined.Length == 0 ? null : joined;
    }

    /// <summary>Country key: ISO 3166 alpha-2 from a code, a country name or a nationality word in the languages of
    /// <see cref="Normalisation.CountryNormaliser"/> ("Syria", "Syrian", "SYR", "سوريا", "Syrien" are one key); otherwise the cleaned text.</summary>
    public static string? Country(string? text)
    {
        var t = Text(text);
        if (t is null)
        {
            return null;
        }

        if (Normalisation.CountryNormaliser.Normalise(text) is { Valid: true, Value: { } alpha2 })
        {
            return alpha2;
        }

        return Countries.TryGetValue(t, out var code) ? code : t.Length == 2 ? t.ToUpperInvariant() : t;
    }

    /// <summary>Gender key: m, f or the cleaned text; the words of the forms' languages (English, German, French, Italian,
    /// Spanish) are understood.</summary>
    public static string? Gender(string? text)
    {
        var t = Text(text);
        return t switch
        {
            null => null,
            "m" or "male" or "man" or "h" or "mannlich" or "maennlich" or "homme" or "masculin" or "maschio" or "maschile" or "hombre" or "masculino" => "m",
            "f" or "female" or "woman" or "w" or "weiblich" or "femme" or "feminin" or "femmina" or "femminile" or "mujer" or "femenino" => "f",
            _ => t,
        };
    }

    private static Dictionary<string, string> BuildCountries()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var culture in CultureInfo.GetCultures(CultureTypes.SpecificCultures))
        {
            try
            {
                var region = new RegionInfo(culture.Name);
                var code = region.TwoLetterISORegionName.ToUpperInvariant();
                if (code.Length != 2 || !char.IsAsciiLetter(code[0]))
                {
                    continue;
                }

                map.TryAdd(code.ToLowerInvariant(), code);
                map.TryAdd(region.ThreeLetterISORegionName.ToLowerInvariant(), code);
                map.TryAdd(Text(region.EnglishName) ?? code, code);
            }
            catch (ArgumentException)
            {
                // a culture without a region: nothing to add.
            }
        }

        map.TryAdd("afghanistan", "AF");
        map.TryAdd("syria", "SY");
        map.TryAdd("iran", "IR");
        map.TryAdd("russia", "RU");
        map.TryAdd("palestine", "PS");
        map.TryAdd("congo", "CG");
        map.TryAdd("uk", "GB");
        map.TryAdd("usa", "US");
        return map;
    }
}
