namespace Tessera.Core.Normalisation.Names;

/// <summary>Splits a cleaned Latin name into tokens and handles particles, compounds and honorifics.</summary>
internal static partial class NameParser
{
    /// <summary>Letters separated by dots without spaces are one abbreviation: A.B.C. = ABC, S.A. = SA, p.l.c. = plc.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<!\p{L})(?:\p{L}\.){2,}(?:\p{L}(?!\p{L}))?")]
    private static partial System.Text.RegularExpressions.Regex DottedAbbreviation();

    /// <summary>Tokens of one name part with keys and the given role.</summary>
    public static List<NameToken> Tokens(string? text, NameRole role)
    {
        var result = new List<NameToken>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return result;
        }

        var latin = LatinTokens(text, out var originals, out var abjad, out var marks);
        // Capitals stand for initials only where the writer had lower case to hand: "PLA China", not "KIM JONG UN"; a name
        // of two capitals alone is a person's initials (N.N.) more often than an acronym.
        var mixedCase = latin.Count == 1 || text.Any(char.IsLower);
        for (var i = 0; i < latin.Count; i++)
        {
            var skeleton = NameKeys.Skeleton(latin[i]);
            // Han, Hangul and kana tokens keep their own script as the phonetic key: their characters are the units that
            // tell names apart (石 and 市 are both "shi"), so two tokens in these scripts are compared as written.
            var phonetic = originals[i].Any(CjkNames.IsSyllabic) ? originals[i] : NameKeys.Phonetic(skeleton);
            var equivalence = NameEquivalents.GroupOf(latin[i]);
            var mark = marks[i];
            if (mixedCase && equivalence < 0 && originals[i].Length >= (latin.Count == 1 ? 3 : 2) && originals[i].Length <= 6 && originals[i].All(char.IsAsciiLetterUpper))
            {
                mark |= NameMarks.Acronym;
            }

            result.Add(new NameToken(originals[i], latin[i], skeleton, phonetic, equivalence, role, abjad) { Marks = mark });
        }

        return result;
    }

    /// <summary>True when <paramref name="text"/> is nothing but legal forms ("Inc.", "S.A.", "Co., Ltd.").</summary>
    public static bool IsLegalFormOnly(string text)
    {
        var words = Transliteration.ToLatin(Undotted(text), out _)
            .Split([' ', '-', '/'], StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 0 && words.All(w => NameParticles.KindOf(w) == ParticleKind.LegalForm);
    }

    /// <summary>The text with every dotted abbreviation written without its dots (S.A. → SA).</summary>
    private static string Undotted(string text) =>
        text.Contains('.', StringComparison.Ordinal) ? DottedAbbreviation().Replace(text, m => m.Value.Replace(".", "", StringComparison.Ordinal)) : text;

    /// <summary>Latin tokens only (used to load the equivalence table).</summary>
    public static List<string> LatinTokens(string text, out bool abjad) => LatinTokens(text, out _, out abjad, out _);

    private static List<string> LatinTokens(string text, out List<string> originals, out bool abjad, out List<NameMarks> marks)
    {
        text = Undotted(text);
        var latin = Transliteration.ToLatin(SplitCamelCase(text), out abjad);
        var raw = new List<string>();
        originals = [];
        marks = [];
        var originalWords = OriginalWords(CjkNames.Segment(text));
        foreach (var word in latin.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = word.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(Confusables).Select(Glide).ToList();
            // "al-nuaymi", "ash-shami": an article joined by a hyphen is dropped.
            while (parts.Count > 1 && NameParticles.KindOf(parts[0]) == ParticleKind.Article)
            {
                parts.RemoveAt(0);
            }

            // "forty-four" is 44.
            if (parts.Count == 2 && NameParticles.Number(parts[0], parts[1]) is { } number)
            {
                raw.Add(number);
            }

            // "Jong-un", "Marie-Therese": a hyphenated name is one token (merges align it with "jong un").
            // Particles and compounds keep their own tokens ("abd-al-rahman", "bin-laden").
            else if (parts.Count > 1 && parts.All(x => NameParticles.KindOf(x) == ParticleKind.None))
            {
                raw.Add(string.Concat(parts));
            }
            else
            {
                raw.AddRange(parts.Where(x => NameParticles.KindOf(x) != ParticleKind.Article || parts.Count == 1));
            }
        }

        RemovePhrases(raw);
        var tokens = new List<string>(raw.Count);
        var titled = false;
        var ancestor = false;
        for (var i = 0; i < raw.Count; i++)
        {
            var t = NameParticles.Expand(raw[i]);
            var kind = NameParticles.KindOf(t);
            if (kind is ParticleKind.Honorific or ParticleKind.LegalForm && raw.Count > 1)
            {
                titled |= kind == ParticleKind.Honorific;
                continue;
            }

            if (kind == ParticleKind.Article && t is "al" or "el" or "ul" && i < raw.Count - 1)
            {
                continue;
            }

            if (kind == ParticleKind.Patronymic && i > 0 && i < raw.Count - 1)
            {
                ancestor = true;
                continue;
            }

            if (kind == ParticleKind.None && i < raw.Count - 1 && NameParticles.TransposedCompound(t) is { } particle)
            {
                // "adbul bari": two neighbouring letters swapped in a compound particle (a typing slip) still make it one.
                (t, kind) = (particle, ParticleKind.Compound);
            }

            var mark = ancestor ? NameMarks.Ancestor : NameMarks.None;
            ancestor = false;
            if (kind == ParticleKind.Compound && i < raw.Count - 1)
            {
                // "abd al-rahman", "abdul rahman", "abu bakr": one unit (abd + following name).
                var next = raw[++i];
                if (NameParticles.KindOf(next) == ParticleKind.Article && i < raw.Count - 1)
                {
                    next = raw[++i];
                }

                tokens.Add((t.StartsWith("abd", StringComparison.Ordinal) ? "abd" : "abu") + StripArticle(next, abjad));
                marks.Add(mark);
                continue;
            }

            tokens.Add(Compound(StripArticle(t, abjad)));
            marks.Add(mark);
        }

        if (titled && tokens.Count == 1)
        {
            marks[0] |= NameMarks.Titled;
        }

        for (var i = 0; i < tokens.Count; i++)
        {
            originals.Add(i < originalWords.Length && originalWords.Length == tokens.Count ? originalWords[i] : tokens[i]);
        }

        return tokens;
    }

    /// <summary>The words as written: split at spaces and punctuation (· and ・ included), apostrophes kept inside words.</summary>
    private static string[] OriginalWords(string text)
    {
        var chars = text.ToCharArray();
        for (var k = 0; k < chars.Length; k++)
        {
            var c = chars[k];
            if (!char.IsLetterOrDigit(c) && c is not ('\'' or '\u2019' or '`') && System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) is not (System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark))
            {
                chars[k] = ' ';
            }
        }

        return new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Digits inside a word of letters are typing or OCR confusables ("Ig0r Sech1n"): 0→o, 1→i, 3→e, 4→a, 5→s, 7→t, 9→g; an ordinal (1st) is its number.</summary>
    private static string Confusables(string token)
    {
        if (!token.Any(char.IsAsciiDigit) || !token.Any(char.IsAsciiLetter))
        {
            return token;
        }

        var digits = token.AsSpan().IndexOfAnyExceptInRange('0', '9');
        if (digits > 0 && token.AsSpan(digits) is "st" or "nd" or "rd" or "th")
        {
            // "1st", "44th": an ordinal is its number.
            return token[..digits];
        }

        return string.Create(token.Length, token, (span, t) =>
        {
            for (var i = 0; i < t.Length; i++)
            {
                span[i] = t[i] switch { '0' => 'o', '1' => 'i', '3' => 'e', '4' => 'a', '5' => 's', '7' => 't', '9' => 'g', _ => t[i] };
            }
        });
    }

    /// <summary>Cyrillic й is written i, y or j (Sergei, Sergey, Sergej): a final -ej/-ey, -aj/-ay, -oj/-oy, -uj/-uy is written -ei, -ai, -oi, -ui.</summary>
    private static string Glide(string token)
    {
        if (token.Length < 4 || token[^1] is not ('j' or 'y') || token[^2] is not ('a' or 'e' or 'o' or 'u'))
        {
            return token;
        }

        return string.Concat(token.AsSpan(0, token.Length - 1), "i");
    }

    /// <summary>"SergeiLavrov" → "Sergei Lavrov": a lower-to-upper case change inside a word is a missing space.</summary>
    private static string SplitCamelCase(string text)
    {
        var sb = new System.Text.StringBuilder(text.Length + 4);
        for (var i = 0; i < text.Length; i++)
        {
            // Not before a lone final capital: "GmbH" stays one word, "SiemensAG" does not.
            if (i > 0 && char.IsUpper(text[i]) && char.IsLower(text[i - 1]) && i + 1 < text.Length && char.IsLetter(text[i + 1]))
            {
                sb.Append(' ');
            }

            sb.Append(text[i]);
        }

        return sb.ToString();
    }

    /// <summary>Drops multi-word legal forms ("joint stock company") when something else is left.</summary>
    private static void RemovePhrases(List<string> raw)
    {
        foreach (var phrase in NameParticles.Phrases)
        {
            for (var i = 0; i + phrase.Length <= raw.Count && raw.Count > phrase.Length; i++)
            {
                var all = true;
                for (var k = 0; k < phrase.Length && all; k++)
                {
                    all = raw[i + k] == phrase[k];
                }

                if (all)
                {
                    raw.RemoveRange(i, phrase.Length);
                    i--;
                }
            }
        }
    }

    /// <summary>An Arabic-script word with the article written on (الرحمن → alrhmn) loses it.</summary>
    private static string StripArticle(string token, bool abjad) =>
        abjad && token.Length > 4 && token.StartsWith("al", StringComparison.Ordinal) ? token[2..] : token;

    /// <summary>"abdulrahman" → "abdrahman", "abubakar" → "abubakar": a one-word compound gets the canonical prefix.</summary>
    private static string Compound(string token)
    {
        if (token.Length < 7 || !token.StartsWith("abd", StringComparison.Ordinal))
        {
            return token;
        }

        foreach (var prefix in NameParticles.AbdPrefixes)
        {
            if (token.StartsWith(prefix, StringComparison.Ordinal) && token.Length - prefix.Length >= 3)
            {
                var rest = token[prefix.Length..];
                return rest is "lah" or "llah" or "allah" or "ullah" ? token : "abd" + rest;
            }
        }

        return token;
    }
}
