using System.Text;

namespace Tessera.Core.Normalisation;

/// <summary>A vehicle registration plate: upper case, no separators, with the issuing country when the value names it.</summary>
/// <param name="Plate">The plate characters alone, without the country prefix.</param>
public sealed record PlateResult(string? Value, bool Valid, string? Reason, string? Country = null, string? Plate = null)
    : NormalisedValue(Value, Valid, Reason);

/// <summary>Normalises vehicle registration plates.</summary>
/// <remarks>The value is <c>CC:PLATE</c> when a country is given ("IT:AB123CD", "(D) M-AB 123") and <c>PLATE</c> otherwise.</remarks>
public static class PlateNormaliser
{
    /// <summary>Upper-cases, removes separators, folds Cyrillic letters that plates share with Latin ones.</summary>
    public static PlateResult Normalise(string? raw)
    {
        var text = (raw ?? "").Trim();
        if (text.Length > 40)
        {
            return new PlateResult(null, false, "too long for a plate");
        }

        string? country = null;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon is > 0 and <= 3)
        {
            country = CountryNormaliser.Normalise(text[..colon]).Value;
            text = text[(colon + 1)..];
        }
        else if (text.StartsWith('(') && text.IndexOf(')', StringComparison.Ordinal) is > 1 and <= 4 and var close)
        {
            // International distinguishing sign in brackets, e.g. "(D)", "(GR)", "(TR)".
            country = CountryNormaliser.Normalise(text[1..close]).Value;
            text = text[(close + 1)..];
        }

        var sb = new StringBuilder(text.Length);
        foreach (var c in Digits.ToAscii(UnicodeText.Normalize(text, NormalizationForm.FormKC)))
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(FoldCyrillic(char.ToUpperInvariant(c)));
            }
            else if (!(char.IsWhiteSpace(c) || c is '-' or '.' or '·' or '_' or '/'))
            {
                return new PlateResult(null, false, $"unexpected character '{c}'", country);
            }
        }

        var plate = sb.ToString();
        if (plate.Length == 0)
        {
            return new PlateResult(null, false, "empty", country);
        }

        var value = country is null ? plate : country + ":" + plate;
        return plate.Length is < 2 or > 12
            ? new PlateResult(value, false, "a plate has 2 to 12 letters and digits", country, plate)
            : new PlateResult(value, true, null, country, plate);
    }

    // Plates of Russia, Ukraine, Bulgaria, Serbia … use only the Cyrillic letters that look like Latin ones
    // (GOST R 50577 / Ukrainian DSTU 4278); folding them makes "АВ1234СС" and "AB1234CC" the same key.
    private static char FoldCyrillic(char c) => c switch
    {
        'А' => 'A', 'В' => 'B', 'Е' => 'E', 'К' => 'K', 'М' => 'M', 'Н' => 'H', 'О' => 'O', 'Р' => 'P',
        'С' => 'C', 'Т' => 'T', 'У' => 'Y', 'Х' => 'X', 'І' => 'I',
        _ => c,
    };
}
