using System.Globalization;
using System.Text;

namespace Tessera.Core.Normalisation.Names;

/// <summary>Cleans a name and writes it in Latin letters with Tessera's own tables (no ICU).</summary>
/// <remarks>
/// Steps: NFKC and invariant lower case; names in Han or Hangul written without spaces are split into family and given
/// name (<see cref="CjkNames"/>); then one table lookup per character on the composed form (Arabic, Persian, Pashto, Urdu,
/// Cyrillic with a Serbian/Macedonian variant, Greek, Armenian, Georgian, Hebrew, Ge'ez, kana, Han, Devanagari, Khmer).
/// A character without an entry is decomposed canonically and loses its non-spacing marks (Latin diacritics, Arabic
/// harakat, Hebrew points); Hangul syllables decompose into jamo, which have entries (Revised Romanization).
/// Abugida consonants carry an inherent vowel that vowel signs replace (see <c>abugida.tsv</c>).
/// Apostrophes and ayn/hamza signs are dropped; hyphens are kept as '-'; all other punctuation becomes a space.
/// Unknown scripts pass through.
/// </remarks>
public static class Transliteration
{
    private static readonly Dictionary<char, string> Table = Load("transliteration.tsv", "kana.tsv", "hangul.tsv", "han.tsv", "abugida.tsv");
    private static readonly Dictionary<char, string> Serbian = Load("serbian.tsv");
    private static readonly Dictionary<char, string> KoreanSurnames = Load("korean-surnames.tsv");
    private static readonly System.Buffers.SearchValues<char> SerbianLetters = System.Buffers.SearchValues.Create("ђјљњћџѓќѕ");

    private static Dictionary<char, string> Load(params string[] files)
    {
        var table = new Dictionary<char, string>();
        foreach (var file in files)
        {
            foreach (var line in NameData.Lines(file))
            {
                var tab = line.IndexOf('\t', StringComparison.Ordinal);
                if (tab == 1)
                {
                    table[line[0]] = line[(tab + 1)..];
                }
            }
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

        if (Ascii.IsValid(text))
        {
            return AsciiLatin(text);
        }

        // Turkish İ has no invariant lower case of its own: it is the letter i (its dot is the default).
        var composed = CjkNames.Segment(UnicodeText.Normalize(text.Replace('\u0130', 'i'), NormalizationForm.FormKC).ToLowerInvariant());
        if (composed.AsSpan().IndexOfAnyInRange('\u0370', '\u03FF') >= 0)
        {
            composed = GreekDigraphs(composed);
        }

        var serbian = composed.AsSpan().IndexOfAny(SerbianLetters) >= 0;
        var writer = new Writer(new StringBuilder(composed.Length + 8));
        for (var k = 0; k < composed.Length; k++)
        {
            var ch = composed[k];
            if (CjkNames.IsHangulSyllable(ch) && WordStart(composed, k) && WordEnd(composed, k + 1) && KoreanSurnames.TryGetValue(ch, out var surname))
            {
                // A one-syllable Hangul word is a surname (the segmentation put it on its own): its usual spelling.
                writer.Letters(surname);
            }
            else if (k + 1 < composed.Length && WordStart(composed, k) && WordEnd(composed, k + 2) && CjkNames.CompoundSurname(composed.Substring(k, 2)) is { } compound)
            {
                writer.Letters(compound);
                k++;
            }
            else if ((serbian && Serbian.TryGetValue(ch, out var latin)) || Table.TryGetValue(ch, out latin))
            {
                abjad |= ch is >= '\u0600' and <= '\u06FF' or >= '\u0590' and <= '\u05FF';
                writer.Entry(latin);
            }
            else if (ch < '\u00C0')
            {
                writer.Other(ch);
            }
            else
            {
                foreach (var part in UnicodeText.Normalize(ch.ToString(), NormalizationForm.FormD))
                {
                    if (Table.TryGetValue(part, out var jamo))
                    {
                        writer.Entry(jamo);
                    }
                    else
                    {
                        writer.Other(part);
                    }
                }
            }
        }

        return writer.Finish();
    }

    // ELOT 743 digraphs, and the digraphs Greek uses for sounds it has no letter for, as foreign names are written in it:
    // μπ b, ντ d, γκ g, τζ j (Τζαμάλ Jamal, Μπιλάλ Bilal, Σαΐντ Said); a vowel with a diaeresis stays two letters (αϊ ai).
    // χ is kh (BGN/PCGN 1962), not ELOT's ch, which reads as sh in the French and English spellings it is matched against.
    private static readonly (string Greek, string Latin)[] Digraphs =
        [("χ", "kh"), ("ου", "ou"), ("αι", "e"), ("ει", "i"), ("οι", "i"), ("αυ", "av"), ("ευ", "ev"), ("μπ", "b"), ("ντ", "d"), ("γκ", "g"), ("γγ", "ng"), ("τζ", "j"), ("τσ", "ts")];

    private static string GreekDigraphs(string text)
    {
        // The tonos (acute) does not change a letter's sound; the diaeresis does (it splits a digraph), so only the former goes.
        var sb = new StringBuilder(text.Length);
        foreach (var c in UnicodeText.Normalize(text, NormalizationForm.FormD))
        {
            if (c != '\u0301')
            {
                sb.Append(c);
            }
        }

        // Kept decomposed: a diaeresis follows its vowel as a mark, and a digraph followed by one is not a digraph.
        var plain = sb.ToString();
        foreach (var (greek, latin) in Digraphs)
        {
            var at = plain.IndexOf(greek, StringComparison.Ordinal);
            while (at >= 0)
            {
                var end = at + greek.Length;
                if (end < plain.Length && plain[end] == '\u0308')
                {
                    at = plain.IndexOf(greek, end, StringComparison.Ordinal);
                    continue;
                }

                plain = string.Concat(plain.AsSpan(0, at), latin, plain.AsSpan(end));
                at = plain.IndexOf(greek, at + latin.Length, StringComparison.Ordinal);
            }
        }

        return UnicodeText.Normalize(plain, NormalizationForm.FormC);
    }

    private static bool WordStart(string s, int k) => k == 0 || !char.IsLetter(s[k - 1]);

    private static bool WordEnd(string s, int k) => k >= s.Length || !char.IsLetter(s[k]);

    /// <summary>Appends Latin forms and keeps the abugida state (the pending inherent vowel).</summary>
    private struct Writer(StringBuilder sb)
    {
        private string? _inherent;
        private bool _cluster;
        private bool _afterVirama;

        public void Letters(string latin)
        {
            Flush();
            sb.Append(latin);
            _afterVirama = false;
        }

        public void Entry(string latin)
        {
            if (latin.Length > 0 && latin[0] == '+')
            {
                // A dependent vowel sign (or a virama: "+") replaces the inherent vowel of the consonant before it.
                _inherent = null;
                sb.Append(latin, 1, latin.Length - 1);
                _afterVirama = latin.Length == 1;
                return;
            }

            Flush();
            var star = latin.IndexOf('*', StringComparison.Ordinal);
            if (star < 0)
            {
                sb.Append(latin);
                _afterVirama = false;
                return;
            }

            sb.Append(latin, 0, star);
            _inherent = latin[(star + 1)..];
            _cluster = _afterVirama;
            _afterVirama = false;
        }

        public void Other(char ch)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(ch);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark || ch == '\u0640')
            {
                return;
            }

            if (ch is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                Flush();
                sb.Append(ch);
                _afterVirama = false;
            }
            else if (ch is '\'' or '\u2019' or '\u2018' or '`' or '\u02BF' or '\u02BE' or '\u02BC' or '\u00B4')
            {
                // ayn and hamza written as apostrophes carry no letter of their own (BGN/PCGN drops them in keys).
            }
            else if (ch is '-' or '\u2010' or '\u2011' or '\u2013')
            {
                EndWord();
                sb.Append('-');
            }
            else if (char.IsLetterOrDigit(ch))
            {
                Flush();
                sb.Append(ch);
            }
            else
            {
                EndWord();
                sb.Append(' ');
            }
        }

        public string Finish()
        {
            EndWord();
            return sb.ToString();
        }

        private void Flush()
        {
            if (_inherent is not null)
            {
                sb.Append(_inherent);
                _inherent = null;
            }
        }

        private void EndWord()
        {
            // Word-final inherent vowel: silent after a single consonant, kept after a cluster (Hindi schwa deletion).
            if (_cluster)
            {
                Flush();
            }

            _inherent = null;
            _afterVirama = false;
        }
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
