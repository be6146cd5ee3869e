using System.Text;

namespace Tessera.Core.Normalisation.Names;

/// <summary>Splits Chinese and Korean names written without spaces into family and given name.</summary>
/// <remarks>
/// A Han or Hangul word of two to four characters is a full name with the family name first: one character, or two when
/// they form a compound surname (<c>cjk-surnames.tsv</c>: 欧阳, 司马, 남궁 …). 王伟 → 王 伟, 박지성 → 박 지성. A text with an
/// interpunct (·, ・) is a transcribed foreign name (贝拉克·奥巴马) and is left as written.
/// </remarks>
internal static class CjkNames
{
    private static readonly Dictionary<string, string> CompoundSurnames = NameData.Lines("cjk-surnames.tsv")
        .Select(l => l.Split('\t')).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);

    /// <summary>The romanisation of a two-character compound surname, or null.</summary>
    public static string? CompoundSurname(string twoCharacters) => CompoundSurnames.GetValueOrDefault(twoCharacters);

    private static readonly System.Buffers.SearchValues<char> Interpuncts = System.Buffers.SearchValues.Create("\u00B7\u30FB\u2027\u2022");

    public static bool IsHangulSyllable(char c) => c is >= '\uAC00' and <= '\uD7A3';

    public static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF';

    /// <summary>True for the scripts whose characters are syllables or morphemes compared as units (Han, Hangul, kana).</summary>
    public static bool IsSyllabic(char c) => IsHan(c) || IsHangulSyllable(c) || c is >= '\u3041' and <= '\u30FF';

    /// <summary>The text with a space after the family name of every unspaced Han or Hangul full name.</summary>
    public static string Segment(string text)
    {
        if (System.Text.Ascii.IsValid(text) || !text.Any(c => IsHan(c) || IsHangulSyllable(c)) || text.AsSpan().IndexOfAny(Interpuncts) >= 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 4);
        var k = 0;
        while (k < text.Length)
        {
            var end = k;
            var hangul = IsHangulSyllable(text[k]);
            while (end < text.Length && (hangul ? IsHangulSyllable(text[end]) : IsHan(text[end])))
            {
                end++;
            }

            var length = end - k;
            var wordStart = k == 0 || !char.IsLetter(text[k - 1]);
            var wordEnd = end == text.Length || !char.IsLetter(text[end]);
            if (length is >= 2 and <= 4 && wordStart && wordEnd)
            {
                var family = length >= 3 && CompoundSurnames.ContainsKey(text.Substring(k, 2)) ? 2 : 1;
                sb.Append(text, k, family).Append(' ').Append(text, k + family, length - family);
                k = end;
            }
            else
            {
                var stop = Math.Max(end, k + 1);
                sb.Append(text, k, stop - k);
                k = stop;
            }
        }

        return sb.ToString();
    }
}
