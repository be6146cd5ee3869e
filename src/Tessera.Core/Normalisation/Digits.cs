using System.Text;

namespace Tessera.Core.Normalisation;

/// <summary>Folds the decimal digits of other scripts (Arabic-Indic, Persian, Devanagari …) to ASCII 0–9.</summary>
internal static class Digits
{
    /// <summary>The text with every Unicode decimal digit replaced by its ASCII digit; the same instance when there is none.</summary>
    public static string ToAscii(string text)
    {
        var i = 0;
        while (i < text.Length && !IsForeignDigit(text[i]))
        {
            i++;
        }

        if (i == text.Length)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        sb.Append(text, 0, i);
        for (; i < text.Length; i++)
        {
            var c = text[i];
            sb.Append(IsForeignDigit(c) ? (char)('0' + (int)char.GetNumericValue(c)) : c);
        }

        return sb.ToString();
    }

    /// <summary>True when the text holds Extended Arabic-Indic (Persian/Urdu) digits, as Iranian and Afghan documents do.</summary>
    public static bool HasPersianDigits(string text) => text.Any(c => c is >= '\u06F0' and <= '\u06F9');

    private static bool IsForeignDigit(char c) => c > '\u007F' && char.IsDigit(c);
}
