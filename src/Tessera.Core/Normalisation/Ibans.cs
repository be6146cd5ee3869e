using System.Collections.Frozen;

namespace Tessera.Core.Normalisation;

/// <summary>An IBAN in its electronic form (upper case, no spaces) with its country, check digits and BBAN.</summary>
public sealed record IbanResult(string? Value, bool Valid, string? Reason, string? Country = null, string? CheckDigits = null, string? Bban = null)
    : NormalisedValue(Value, Valid, Reason);

/// <summary>Validates International Bank Account Numbers: ISO 13616 country lengths and the ISO 7064 mod-97-10 check.</summary>
public static class IbanNormaliser
{
    // IBAN lengths per country from the SWIFT IBAN Registry (ISO 13616), including the partially adopted countries.
    private static readonly FrozenDictionary<string, int> Lengths = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["AD"] = 24, ["AE"] = 23, ["AL"] = 28, ["AT"] = 20, ["AZ"] = 28, ["BA"] = 20, ["BE"] = 16, ["BG"] = 22,
        ["BH"] = 22, ["BI"] = 27, ["BR"] = 29, ["BY"] = 28, ["CH"] = 21, ["CR"] = 22, ["CY"] = 28, ["CZ"] = 24,
        ["DE"] = 22, ["DJ"] = 27, ["DK"] = 18, ["DO"] = 28, ["EE"] = 20, ["EG"] = 29, ["ES"] = 24, ["FI"] = 18,
        ["FK"] = 18, ["FO"] = 18, ["FR"] = 27, ["GB"] = 22, ["GE"] = 22, ["GI"] = 23, ["GL"] = 18, ["GR"] = 27,
        ["GT"] = 28, ["HN"] = 28, ["HR"] = 21, ["HU"] = 28, ["IE"] = 22, ["IL"] = 23, ["IQ"] = 23, ["IS"] = 26,
        ["IT"] = 27, ["JO"] = 30, ["KW"] = 30, ["KZ"] = 20, ["LB"] = 28, ["LC"] = 32, ["LI"] = 21, ["LT"] = 20,
        ["LU"] = 20, ["LV"] = 21, ["LY"] = 25, ["MC"] = 27, ["MD"] = 24, ["ME"] = 22, ["MK"] = 19, ["MN"] = 20,
        ["MR"] = 27, ["MT"] = 31, ["MU"] = 30, ["NI"] = 28, ["NL"] = 18, ["NO"] = 15, ["OM"] = 23, ["PK"] = 24,
        ["PL"] = 28, ["PS"] = 29, ["PT"] = 25, ["QA"] = 29, ["RO"] = 24, ["RS"] = 22, ["RU"] = 33, ["SA"] = 24,
        ["SC"] = 31, ["SD"] = 18, ["SE"] = 24, ["SI"] = 19, ["SK"] = 24, ["SM"] = 27, ["SO"] = 23, ["ST"] = 25,
        ["SV"] = 28, ["TL"] = 23, ["TN"] = 24, ["TR"] = 26, ["UA"] = 29, ["VA"] = 22, ["VG"] = 24, ["XK"] = 20,
        ["YE"] = 30,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The IBAN length of a country, or null when the country does not use IBANs.</summary>
    public static int? LengthOf(string country) => Lengths.TryGetValue(country, out var n) ? n : null;

    /// <summary>Normalises and validates an IBAN written in any spacing or case (prefix "IBAN" allowed).</summary>
    public static IbanResult Normalise(string? raw)
    {
        var value = Clean(raw);
        if (value.Length == 0)
        {
            return new IbanResult(null, false, "empty");
        }

        if (value.Length < 5 || !char.IsAsciiLetterUpper(value[0]) || !char.IsAsciiLetterUpper(value[1])
            || !char.IsAsciiDigit(value[2]) || !char.IsAsciiDigit(value[3]))
        {
            return new IbanResult(value, false, "does not start with a country code and two check digits");
        }

        var country = value[..2];
        var fields = (Country: country, Check: value[2..4], Bban: value[4..]);
        if (value.Any(c => !char.IsAsciiLetterUpper(c) && !char.IsAsciiDigit(c)))
        {
            return new IbanResult(value, false, "contains characters other than letters and digits", fields.Country, fields.Check, fields.Bban);
        }

        if (!Lengths.TryGetValue(country, out var length))
        {
            return new IbanResult(value, false, $"{country} does not use IBANs", fields.Country, fields.Check, fields.Bban);
        }

        if (value.Length != length)
        {
            return new IbanResult(value, false, $"{country} IBANs have {length} characters, not {value.Length}", fields.Country, fields.Check, fields.Bban);
        }

        return Mod97(value) == 1
            ? new IbanResult(value, true, null, fields.Country, fields.Check, fields.Bban)
            : new IbanResult(value, false, "check digits do not match (ISO 7064 mod 97-10)", fields.Country, fields.Check, fields.Bban);
    }

    /// <summary>ISO 7064 mod 97-10 of the IBAN rearranged (country and check digits moved to the end, letters as 10–35).</summary>
    internal static int Mod97(string iban)
    {
        var remainder = 0;
        for (var i = 0; i < iban.Length; i++)
        {
            var c = iban[(i + 4) % iban.Length];
            remainder = char.IsAsciiDigit(c)
                ? ((remainder * 10) + (c - '0')) % 97
                : ((remainder * 100) + (c - 'A' + 10)) % 97;
        }

        return remainder;
    }

    private static string Clean(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return "";
        }

        var text = Digits.ToAscii(raw.Trim());
        if (text.StartsWith("IBAN", StringComparison.OrdinalIgnoreCase))
        {
            text = text[4..].TrimStart(':', ' ');
        }

        Span<char> buffer = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        var n = 0;
        foreach (var c in text)
        {
            // Printed IBANs are grouped by spaces (ISO 13616 "paper format"); hyphens and dots appear in forms.
            if (c is ' ' or '-' or '.' or '\u00A0' or '\t')
            {
                continue;
            }

            buffer[n++] = char.ToUpperInvariant(c);
        }

        return new string(buffer[..n]);
    }
}
