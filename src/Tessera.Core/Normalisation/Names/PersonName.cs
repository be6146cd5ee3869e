namespace Tessera.Core.Normalisation.Names;

/// <summary>The role of a token in a person's name.</summary>
public enum NameRole : byte
{
    Unknown = 0,
    Given = 1,
    Family = 2,
    Father = 3,
}

/// <summary>One normalised name token with its matching keys.</summary>
/// <param name="Original">The token as written (cleaned of punctuation), in its own script.</param>
/// <param name="Latin">The token in Latin letters after particle handling ("abd al-rahman" is one token "abdrahman").</param>
/// <param name="Skeleton">Consonant skeleton of <paramref name="Latin"/>.</param>
/// <param name="Phonetic">Coarse phonetic code of <paramref name="Latin"/>.</param>
/// <param name="Equivalence">Group in the equivalence table, or -1.</param>
/// <param name="Abjad">True when written in a script without short vowels (Arabic, Persian, Hebrew …).</param>
public sealed record NameToken(string Original, string Latin, string Skeleton, string Phonetic, int Equivalence, NameRole Role, bool Abjad)
{
    /// <summary>What the parser learnt about the token from its context (capitals, a title, a bin/ibn before it).</summary>
    public NameMarks Marks { get; init; }
}

/// <summary>What the parser learnt about a token beyond its letters.</summary>
[Flags]
public enum NameMarks : byte
{
    None = 0,

    /// <summary>Capitals (PLA, US) in a name that also has lower-case letters, or alone, and not a known given name: it may stand for the initials of several words.</summary>
    Acronym = 1,

    /// <summary>The one token left of a title and a name ("President Erdoğan", "Mr Smith"): a family name used with a title, the given names left out.</summary>
    Titled = 2,

    /// <summary>Follows bin/ibn inside a name: a father's or forebear's name, the links of a nasab chain that short forms leave out.</summary>
    Ancestor = 4,
}

/// <summary>A person's name as tokens with their matching keys, plus whole-name keys.</summary>
/// <remarks>Built by <see cref="PersonName.Parse"/> from a full name or by <see cref="PersonName.FromParts"/> from given/family parts.</remarks>
public sealed class PersonName
{
    internal PersonName(IReadOnlyList<NameToken> tokens)
    {
        Tokens = tokens;
        SortedKey = string.Join(' ', tokens.Select(t => t.Latin).Order(StringComparer.Ordinal));
        SkeletonKey = string.Join(' ', tokens.Select(t => t.Skeleton).Order(StringComparer.Ordinal));
    }

    /// <summary>The tokens in written order (honorifics, articles and legal forms removed).</summary>
    public IReadOnlyList<NameToken> Tokens { get; }

    /// <summary>Latin tokens sorted: the same for "Salek, Abdulhai" and "Abdulhai Salek".</summary>
    public string SortedKey { get; }

    /// <summary>Skeletons sorted.</summary>
    public string SkeletonKey { get; }

    public bool IsEmpty => Tokens.Count == 0;

    /// <summary>The tokens with a given role.</summary>
    public IEnumerable<NameToken> WithRole(NameRole role) => Tokens.Where(t => t.Role == role);

    /// <summary>Parses a full name. "Family, Given" (a comma) puts the family name first; otherwise the last token is the family name.</summary>
    public static PersonName Parse(string? fullName)
    {
        if (string.IsNullOrWhiteSpace(fullName))
        {
            return Empty;
        }

        var comma = fullName.IndexOf(',', StringComparison.Ordinal);
        // "Smith, John" puts the family name first; "Apple, Inc." only sets off a legal form.
        if (comma > 0 && comma < fullName.Length - 1 && !NameParser.IsLegalFormOnly(fullName[(comma + 1)..]))
        {
            return FromParts(fullName[(comma + 1)..], null, fullName[..comma], null);
        }

        var tokens = NameParser.Tokens(fullName, NameRole.Given);
        if (tokens.Count > 1 && CapitalFamily(fullName, tokens) is var (from, to))
        {
            // "NAJJAR Omar", "Omar NAJJAR": the family name in capitals, as border and police forms ask for it. The acronym
            // mark stays: "PLA Navy" may still be an organisation's initials, which the alignment decides.
            for (var k = from; k < to; k++)
            {
                tokens[k] = tokens[k] with { Role = NameRole.Family };
            }
        }
        else if (tokens.Count > 1)
        {
            tokens[^1] = tokens[^1] with { Role = NameRole.Family };
        }
        else if (tokens.Count == 1)
        {
            tokens[0] = tokens[0] with { Role = NameRole.Unknown };
        }

        return new PersonName(tokens);
    }

    /// <summary>The run [from, to) of tokens written in capitals at the start or the end of a name that also has lower-case
    /// tokens, or null. Single letters (initials) do not count as capitals.</summary>
    private static (int From, int To)? CapitalFamily(string text, List<NameToken> tokens)
    {
        if (!text.Any(char.IsLower))
        {
            return null;
        }

        static bool Capitals(NameToken t) => t.Original.Count(char.IsLetter) >= 2 && t.Original.Where(char.IsLetter).All(char.IsUpper);
        var lead = 0;
        while (lead < tokens.Count && Capitals(tokens[lead]))
        {
            lead++;
        }

        var trail = 0;
        while (trail < tokens.Count && Capitals(tokens[tokens.Count - 1 - trail]))
        {
            trail++;
        }

        if (lead > 0 && lead < tokens.Count && trail == 0)
        {
            return (0, lead);
        }

        return trail > 0 && trail < tokens.Count && lead == 0 ? (tokens.Count - trail, tokens.Count) : null;
    }

    /// <summary>A name from its parts; any part may be null.</summary>
    public static PersonName FromParts(string? given, string? middle, string? family, string? father)
    {
        var tokens = new List<NameToken>();
        tokens.AddRange(NameParser.Tokens(given, NameRole.Given));
        tokens.AddRange(NameParser.Tokens(middle, NameRole.Given));
        tokens.AddRange(NameParser.Tokens(father, NameRole.Father));
        tokens.AddRange(NameParser.Tokens(family, NameRole.Family));
        return new PersonName(tokens);
    }

    /// <summary>The name with no tokens.</summary>
    public static PersonName Empty { get; } = new([]);

    public override string ToString() => string.Join(' ', Tokens.Select(t => t.Latin));
}
