using System.Text;

namespace Tessera.Core.Normalisation;

/// <summary>Unicode normalisation that accepts any string: code points it rejects become U+FFFD instead of an exception.</summary>
internal static class UnicodeText
{
    /// <summary><see cref="string.Normalize(NormalizationForm)"/>, after replacing unpaired surrogates and noncharacters, which it rejects.</summary>
    public static string Normalize(string text, NormalizationForm form)
    {
        try
        {
            return text.Normalize(form);
        }
        catch (ArgumentException)
        {
            // ICU refuses unpaired surrogates and noncharacters (U+FDD0–U+FDEF, U+xFFFE/U+xFFFF); input can hold any of them.
            var cleaned = Replace(text);
            try
            {
                return cleaned.Normalize(form);
            }
            catch (ArgumentException)
            {
                return cleaned;
            }
        }
    }

    private static string Replace(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                var cp = char.ConvertToUtf32(chars[i], chars[i + 1]);
                if ((cp & 0xFFFE) == 0xFFFE)
                {
                    chars[i] = chars[i + 1] = '\uFFFD';
                }

                i++;
            }
            else if (char.IsSurrogate(chars[i]) || chars[i] is >= '\uFDD0' and <= '\uFDEF' or '\uFFFE' or '\uFFFF')
            {
                chars[i] = '\uFFFD';
            }
        }

        return new string(chars);
    }
}
