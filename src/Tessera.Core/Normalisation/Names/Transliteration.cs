using System.Globalization;
using System.Text;

namespace Tessera.Core.Normalisation.Names;

/// <summary>Cleans a name and writes it in Latin letters with Tessera's own tables (no ICU).</summary>
/// <remarks>
/// Steps: NFKC, invariant lower case, canonical decomposition with every non-spacing mark removed (Latin diacritics,
/// Arabic harakat and hamza seats, Hebrew points), tatweel removed, then one table lookup per character
/// (Arabic, Persian, Pashto, Urdu, Cyrillic, Greek, Armenian, Georgian, Hebrew, Ge'ez). Apostrophes and ayn/hamza
/// signs are dropped; hyphens are kept as '-'; all other punctuation becomes a space. Unknown scripts pass through.
/// </remarks>
public static class Transliteration
{
    private static readonly Dictionary<char, string> Table = Load();

    private static Dictionary<char, string> Load()
    {
        var table = new Dictionary<char, string>();
        foreach (var line in NameData.Lines("transliteration.tsv"))
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab != 1)
            {
                continue;
            }

            table[line[0]] = line[(tab + 1)..];
        }

        return table;
    }

    /// <summary>The cleaned Latin form of <paramref name="text"/>; <paramref name="abjad"/> is set when a consonantal script was seen.</summary>
    public static string ToLatin(string text, out bool abjad)
    {
        abjad = false;
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (System.Text.Ascii.IsValid(text))
        {
            return AsciiLatin(text);
        }

        var decomposed = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length + 8);
        foreach (var ch in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(ch);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark || ch == '\u0640')
            {
                continue;
            }

            if (ch is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                sb.Append(ch);
            }
            else if (Table.TryGetValue(ch, out var latin))
            {
                abjad |= ch is >= '\u0600' and <= '\u06FF' or >= '\u0590' and <= '\u05FF';
                sb.Append(latin);
            }
            else if (ch is '\'' or '\u2019' or '\u2018' or '`' or '\u02BF' or '\u02BE' or '\u02BC' or '\u00B4')
            {
                // ayn and hamza written as apostrophes carry no letter of their own (BGN/PCGN drops them in keys).
            }
            else if (ch is '-' or '\u2010' or '\u2011' or '\u2013')
            {
                sb.Append('-');
            }
            else if (char.IsLetterOrDigit(ch))
            {
                sb.Append(ch);
            }
            else
            {
                sb.Append(' ');
            }
        }

        return sb.ToString();
    }

    /// <summary>The same rules for plain ASCII text, without Unicode normalisation (most records are ASCII).</summary>
    private static string AsciiLatin(string text) => string.Create(text.Length, text, static (span, t) =>
    {
        var k = 0;
        foreach (var c in t)
        {
            var lower = c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
            if (lower is >= 'a' and <= 'z' or >= '0' and <= '9' or '-')
            {
                span[k++] = lower;
            }
            else if (lower is not ('\'' or '`'))
            {
                span[k++] = ' ';
            }
        }

        span[k..].Fill(' ');
    }).TrimEnd();
}
