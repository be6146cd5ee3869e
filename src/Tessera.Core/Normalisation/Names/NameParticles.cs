namespace Tessera.Core.Normalisation.Names;

/// <summary>Kinds of name particles read from <c>particles.tsv</c>.</summary>
internal enum ParticleKind
{
    None,
    Article,
    Patronymic,
    Compound,
    Honorific,
    LegalForm,
    Phrase,
}

/// <summary>Lookup of articles (al-), patronymic markers (bin, ibn), compounds (abu, abd al-), honorifics and legal forms.</summary>
internal static class NameParticles
{
    private static readonly Dictionary<string, ParticleKind> Words = Load();

    /// <summary>Abbreviations written out ("intl" → "international") and number words as digits ("first", "three" → 1, 3).</summary>
    private static readonly Dictionary<string, string> Expansions = Mapping("expand", "number");

    /// <summary>The tens digit of the first word of a hyphenated number ("forty" → 4).</summary>
    private static readonly Dictionary<string, string> Tens = Mapping("tens");

    /// <summary>The word written out: an abbreviation's full form, a number word's digits, or the word itself.</summary>
    public static string Expand(string word) => Expansions.TryGetValue(word, out var full) ? full : word;

    /// <summary>The digits of a hyphenated number from its two words ("forty", "four" → "44"), or null.</summary>
    public static string? Number(string tens, string unit) =>
        Tens.TryGetValue(tens, out var t) && Expansions.TryGetValue(unit, out var u) && u.Length == 1 && u != "0" ? t + u : null;

    /// <summary>The lines <c>kind&lt;TAB&gt;word&lt;TAB&gt;value</c> of <c>particles.tsv</c> with one of <paramref name="kinds"/>, as word → value.</summary>
    private static Dictionary<string, string> Mapping(params string[] kinds) => NameData.Lines("particles.tsv")
        .Select(l => l.Split('\t')).Where(p => p.Length == 3 && kinds.Contains(p[0]))
        .ToDictionary(p => p[1], p => p[2], StringComparer.Ordinal);

    /// <summary>Multi-word legal forms ("joint stock company"), longest first, as token arrays.</summary>
    public static readonly string[][] Phrases = [.. NameData.Lines("particles.tsv").Where(l => l.StartsWith("phrase\t", StringComparison.Ordinal))
        .Select(l => l[7..].Split(' ')).OrderByDescending(p => p.Length)];

    private static Dictionary<string, ParticleKind> Load()
    {
        var words = new Dictionary<string, ParticleKind>(StringComparer.Ordinal);
        foreach (var line in NameData.Lines("particles.tsv"))
        {
            var parts = line.Split('\t');
            if (parts.Length == 2 && parts[0] != "phrase" && Enum.TryParse<ParticleKind>(parts[0], ignoreCase: true, out var kind))
            {
                words.TryAdd(parts[1], kind);
            }
        }

        return words;
    }

    public static ParticleKind KindOf(string word) => Words.TryGetValue(word, out var kind) ? kind : ParticleKind.None;

    /// <summary>The compound particle (abdul, abdel …) that <paramref name="word"/> is with two neighbouring letters swapped, or null.</summary>
    /// <remarks>Damerau's single transposition; only words of 4–6 letters starting with a or b are tried (every compound starts "ab").</remarks>
    public static string? TransposedCompound(string word)
    {
        if (word.Length is < 4 or > 6 || word[0] is not ('a' or 'b'))
        {
            return null;
        }

        Span<char> buffer = stackalloc char[word.Length];
        for (var k = 0; k + 1 < word.Length; k++)
        {
            word.AsSpan().CopyTo(buffer);
            (buffer[k], buffer[k + 1]) = (buffer[k + 1], buffer[k]);
            if (buffer[k] != buffer[k + 1] && Lookup.TryGetValue(buffer, out var kind) && kind == ParticleKind.Compound)
            {
                return new string(buffer);
            }
        }

        return null;
    }

    private static readonly Dictionary<string, ParticleKind>.AlternateLookup<ReadOnlySpan<char>> Lookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Prefixes of a one-word "abd al-X" written together (abdulrahman, abderrahmane), longest first.</summary>
    public static readonly string[] AbdPrefixes = ["abdoul", "abdoul", "abdul", "abdel", "abdal", "abdol", "abdur", "abdar", "abder", "abdou", "abdu", "abd"];

    /// <summary>Prefixes of a one-word "abu X" written together (abubakar, abouhamza).</summary>
    public static readonly string[] AbuPrefixes = ["abou", "abu"];
}
