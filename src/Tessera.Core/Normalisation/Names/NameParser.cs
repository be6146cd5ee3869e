namespace Tessera.Core.Normalisation.Names;

/// <summary>Splits a cleaned Latin name into tokens and handles particles, compounds and honorifics.</summary>
internal static class NameParser
{
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
            result.Add(new NameToken(originals[i], latin[i], skeleton, NameKeys.Phonetic(skeleton), NameEquivalents.GroupOf(latin[i]), role, abjad));
        }

        return result;
    }

    /// <summary>Latin tokens only (used to load the equivalence table).</summary>
    public static List<string> LatinTokens(string text, out bool abjad) => LatinTokens(text, out _, out abjad);

    private static List<string> LatinTokens(string text, out List<string> originals, out bool abjad)
    {
        var latin = Transliteration.ToLatin(text, out abjad);
        var raw = new List<string>();
        originals = [];
        var originalWords = text.Split((char[])[' ', '\t', ',', '.', '-', '/', '(', ')', '"'], StringSplitOptions.RemoveEmptyEntries);
        foreach (var word in latin.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = word.Split('-', StringSplitOptions.RemoveEmptyEntries);
            for (var p = 0; p < parts.Length; p++)
            {
                // "al-nuaymi", "ash-shami": an article joined by a hyphen is dropped.
                if (p < parts.Length - 1 && NameParticles.KindOf(parts[p]) == ParticleKind.Article)
                {
                    continue;
                }

                raw.Add(parts[p]);
            }
        }

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
