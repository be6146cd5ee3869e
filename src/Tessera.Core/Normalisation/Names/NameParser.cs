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

        var latin = LatinTokens(text, out var originals, out var abjad);
        for (var i = 0; i < latin.Count; i++)
        {
            var skeleton = NameKeys.Skeleton(latin[i]);
            // Han, Hangul and kana tokens keep their own script as the phonetic key: their characters are the units that
            // tell names apart (石 and 市 are both "shi"), so two tokens in these scripts are compared as written.
            var phonetic = originals[i].Any(CjkNames.IsSyllabic) ? originals[i] : NameKeys.Phonetic(skeleton);
            result.Add(new NameToken(originals[i], latin[i], skeleton, phonetic, NameEquivalents.GroupOf(latin[i]), role, abjad));
        }

        return result;
    }

    /// <summary>Latin tokens only (used to load the equivalence table).</summary>
    public static List<string> LatinTokens(string text, out bool abjad) => LatinTokens(text, out _, out abjad);

    private static List<string> LatinTokens(string text, out List<string> originals, out bool abjad)
    {
        if (text.Contains('.', StringComparison.Ordinal))
        {
            text = DottedAbbreviation().Replace(text, m => m.Value.Replace(".", "", StringComparison.Ordinal));
        }

        var latin = Transliteration.ToLatin(SplitCamelCase(text), out abjad);
        var raw = new List<string>();
        originals = [];
        var originalWords = OriginalWords(CjkNames.Segment(text));
        foreach (var word in latin.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = word.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(Confusables).ToList();
            // "al-nuaymi", "ash-shami": an article joined by a hyphen is dropped.
            while (parts.Count > 1 && NameParticles.KindOf(parts[0]) == ParticleKind.Article)
            {
                parts.RemoveAt(0);
            }

            // "Jong-un", "Marie-Therese": a hyphenated name is one token (merges align it with "jong un").
            // Particles and compounds keep their own tokens ("abd-al-rahman", "bin-laden").
            if (parts.Count > 1 && parts.All(x => NameParticles.KindOf(x) == ParticleKind.None))
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
        for (var i = 0; i < raw.Count; i++)
        {
            var t = raw[i];
            var kind = NameParticles.KindOf(t);
            if (kind is ParticleKind.Honorific or ParticleKind.LegalForm && raw.Count > 1)
            {
                continue;
            }

            if (kind == ParticleKind.Article && t is "al" or "el" or "ul" && i < raw.Count - 1)
            {
                continue;
            }

            if (kind == ParticleKind.Patronymic && i > 0 && i < raw.Count - 1)
            {
                continue;
            }

            if (kind == ParticleKind.None && i < raw.Count - 1 && NameParticles.TransposedCompound(t) is { } particle)
            {
                // "adbul bari": two neighbouring letters swapped in a compound particle (a typing slip) still make it one.
                (t, kind) = (particle, ParticleKind.Compound);
            }

            if (kind == ParticleKind.Compound && i < raw.Count - 1)
            {
                // "abd al-rahman", "abdul rahman", "abu bakr": one unit (abd + following name).
                var next = raw[++i];
                if (NameParticles.KindOf(next) == ParticleKind.Article && i < raw.Count - 1)
                {
                    next = raw[++i];
                }

                tokens.Add((t.StartsWith("abd", StringComparison.Ordinal) ? "abd" : "abu") + StripArticle(next, abjad));
                continue;
            }

            tokens.Add(Compound(StripArticle(t, abjad)));
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

    /// <summary>Digits inside a word of letters are typing or OCR confusables ("Ig0r Sech1n"): 0→o, 1→i, 3→e, 4→a, 5→s, 7→t, 9→g.</summary>
    private static string Confusables(string token)
    {
        if (!token.Any(char.IsAsciiDigit) || !token.Any(char.IsAsciiLetter))
        {
            return token;
        }

        return string.Create(token.Length, token, (span, t) =>
        {
            for (var i = 0; i < t.Length; i++)
            {
                span[i] = t[i] switch { '0' => 'o', '1' => 'i', '3' => 'e', '4' => 'a', '5' => 's', '7' => 't', '9' => 'g', _ => t[i] };
            }
        });
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
