namespace Tessera.Core.Matching;

/// <summary>The attributes the matcher compares; each has ordered comparison levels (first match wins, as in Splink).</summary>
public enum ComparisonKind : byte
{
    FullName,
    GivenName,
    FamilyName,
    BirthDate,
    Nationality,
    Gender,
    BirthPlace,
    Document,
    Phone,
    Email,
    Iban,
    Street,
    Street2,
    City,
    PostalCode,
    Region,
    Country,
}

/// <summary>Level names, default m probabilities and roles of every comparison.</summary>
internal static class Comparisons
{
    /// <summary>A level meaning "one side has no value": weight 0.</summary>
    public const byte Null = 255;

    private static readonly string[] NameLevels = ["exact", "equivalent", "skeleton", "fuzzy>=0.92", "fuzzy>=0.88", "fuzzy>=0.70", "a token agrees", "else"];
    private static readonly string[] DateLevels = ["exact", "exact placeholder", "one edit", "day/month swapped", "partial agrees", "within a month", "same year", "year +-1", "year one edit", "else"];
    private static readonly string[] CategoryLevels = ["exact", "else"];
    private static readonly string[] IdentifierLevels = ["exact", "one edit", "else"];
    private static readonly string[] EmailLevels = ["exact", "jaro-winkler>=0.88", "else"];
    private static readonly string[] TextLevels = ["exact", "bigrams>=0.80", "bigrams>=0.60", "else"];

    // Starting m values for EM and the fallback when EM degenerates (Fellegi–Sunter: P(level | match)).
    private static readonly double[] NameM = [0.80, 0.06, 0.04, 0.04, 0.02, 0.02, 0.01, 0.01];
    private static readonly double[] DateM = [0.85, 0.01, 0.05, 0.01, 0.02, 0.01, 0.02, 0.01, 0.005, 0.015];
    private static readonly double[] CategoryM = [0.95, 0.05];
    private static readonly double[] IdentifierM = [0.90, 0.04, 0.06];
    private static readonly double[] TextM = [0.80, 0.06, 0.06, 0.08];

    public static string[] LevelNames(ComparisonKind kind) => kind switch
    {
        ComparisonKind.FullName or ComparisonKind.GivenName or ComparisonKind.FamilyName => NameLevels,
        ComparisonKind.BirthDate => DateLevels,
        ComparisonKind.Nationality or ComparisonKind.Gender or ComparisonKind.Region or ComparisonKind.Country => CategoryLevels,
        ComparisonKind.Email => EmailLevels,
        ComparisonKind.Document or ComparisonKind.Phone or ComparisonKind.Iban or ComparisonKind.PostalCode => IdentifierLevels,
        _ => TextLevels,
    };

    public static double[] DefaultM(ComparisonKind kind) => kind switch
    {
        ComparisonKind.FullName or ComparisonKind.GivenName or ComparisonKind.FamilyName => NameM,
        ComparisonKind.BirthDate => DateM,
        ComparisonKind.Nationality or ComparisonKind.Gender or ComparisonKind.Region or ComparisonKind.Country => CategoryM,
        ComparisonKind.Document or ComparisonKind.Phone or ComparisonKind.Email or ComparisonKind.Iban or ComparisonKind.PostalCode => IdentifierM,
        _ => TextM,
    };

    /// <summary>Term-frequency adjustment on the exact level (Splink TF): names, identifiers and place fields.</summary>
    public static bool UsesTermFrequency(ComparisonKind kind) => kind is not (ComparisonKind.BirthDate or ComparisonKind.Gender or ComparisonKind.Nationality or ComparisonKind.Region or ComparisonKind.Country);

    /// <summary>Shared phones, e-mails and accounts are link evidence: they connect persons but never alone say "same person".</summary>
    public static bool IsLinkEvidence(ComparisonKind kind) => kind is ComparisonKind.Phone or ComparisonKind.Email or ComparisonKind.Iban;

    /// <summary>The level at which a comparison contradicts identity, or -1: a strong identifier that differs (its "else"
    /// level), a birth date more than a year off and not one typo away.</summary>
    public static int DisagreeingLevel(ComparisonKind kind) => kind switch
    {
        ComparisonKind.Document or ComparisonKind.Phone or ComparisonKind.Email or ComparisonKind.Iban => 2,
        ComparisonKind.BirthDate => 9,
        _ => -1,
    };

    /// <summary>A level that may not count for a match, whatever EM estimates, or -1: two birth dates that give only their
    /// years, one typed digit apart. EM can find such a rare level among its matches when a list repeats persons whose
    /// years were copied differently; a date that differs is at best no evidence.</summary>
    public static int NeverForLevel(ComparisonKind kind) => kind == ComparisonKind.BirthDate ? 8 : -1;

    /// <summary>The most a contradicting level may weigh, in bits (see <see cref="DisagreeingLevel"/>).</summary>
    /// <remarks>
    /// EM estimates m(else) from the pairs it takes for matches, and among those are strangers with the same common name:
    /// their different phones and birth dates teach it that such differences are usual among matches, and the weight of a
    /// contradiction shrinks towards zero (−1.5 bits for a phone on the field bench). A fixed ceiling, set before any
    /// scoring like the thresholds: a differing strong identifier weighs at least −4 bits (odds ÷ 16), a birth date
    /// far apart at least −6 bits (odds ÷ 64). Phones change more often than documents, but both stay strong evidence.
    /// </remarks>
    public static double DisagreementCeiling(ComparisonKind kind) => kind == ComparisonKind.BirthDate ? -6 : -4;

    /// <summary>True when <paramref name="level"/> of <paramref name="kind"/> says something of the person besides the name:
    /// a birth date that agrees at least in part (down to a year against a date of that year, or within a month), a
    /// document number that agrees (or is one typo away), a birth place that agrees.</summary>
    public static bool Corroborates(ComparisonKind kind, byte level) => kind switch
    {
        ComparisonKind.BirthDate => level <= 5,
        ComparisonKind.Document => level <= 1,
        ComparisonKind.BirthPlace => level <= 1,
        _ => false,
    };

    /// <summary>True for a category that a person's name largely implies (nationality, gender, country): strangers who share
    /// a name share it far more often than random pairs do, so its weight is estimated again among such pairs
    /// (<see cref="MatchModel.Weight"/>).</summary>
    public static bool FollowsTheName(ComparisonKind kind) => kind is ComparisonKind.Nationality or ComparisonKind.Gender or ComparisonKind.Country;

    public static bool IsName(ComparisonKind kind) => kind is ComparisonKind.FullName or ComparisonKind.GivenName or ComparisonKind.FamilyName;
}
