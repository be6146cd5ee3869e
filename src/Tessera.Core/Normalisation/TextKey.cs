using System.Globalization;
using System.Text;

namespace Tessera.Core.Normalisation;

/// <summary>Folds text to a lookup key: lower case, no diacritics, Arabic letter variants unified, letters and digits only.</summary>
internal static class TextKey
{
    /// <summary>The key two spellings of a name share ("Röszke" and "Roszke", "أدرنة" and "ادرنه").</summary>
    public static string Fold(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in UnicodeText.Normalize(text, NormalizationForm.FormD))
        {
            // Arabic: hamza carriers and alef variants → alef, ta marbuta → ha, alef maqsura and Persian yeh → ya (er-anchors §6.2).
            var c = ch switch
            {
                'أ' or 'إ' or 'آ' or 'ٱ' => 'ا',
                'ة' => 'ه',
                'ى' or 'ی' => 'ي',
                'ı' => 'i',
                'ł' => 'l',
                'đ' => 'd',
                _ => ch,
            };
            if (ch == 'ß')
            {
                sb.Append("ss");
            }
            else if (char.IsLetterOrDigit(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }

        return sb.ToString();
    }
}
