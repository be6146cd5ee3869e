using Tessera.Core.Normalisation.Names;

namespace Tessera.Core.Matching;

/// <summary>Per-record features precomputed into flat arrays so that scoring a pair compares integers and allocates nothing.</summary>
/// <remarks>
/// Name tokens live in one pool (Latin, skeleton, phonetic, equivalence ids and flags); a record points into it with
/// (start, length) ranges for its given, family and full names and its aliases. Every other field is one interned
/// value id (-1 = missing), identifiers are ranges into per-kind pools. Built once by <see cref="Build"/>.
/// </remarks>
internal sealed partial class FeatureTable
{
    public const byte FlagAbjad = 1;
    public const byte FlagNonLatin = 2;
    public const byte FlagCheap = 4;

    /// <summary>May be an acronym of several tokens of the other name (<see cref="NameMarks.Acronym"/>).</summary>
    public const byte FlagAcronym = 8;

    /// <summary>The one token left of a title and a name (<see cref="NameMarks.Titled"/>).</summary>
    public const byte FlagTitled = 16;

    /// <summary>A forebear's name after bin/ibn (<see cref="NameMarks.Ancestor"/>).</summary>
    public const byte FlagAncestor = 32;

    /// <summary>A given name after the first (a middle name): the part of a name that forms most often leave out.</summary>
    public const byte FlagMiddle = 64;

    public required Vocabulary Vocab { get; init; }
    public required string[] Ids { get; init; }
    public int Count => Ids.Length;

    // token pool
    public required int[] TokLatin { get; init; }
    public required int[] TokSkeleton { get; init; }
    public required int[] TokPhonetic { get; init; }
    public required int[] TokEquivalence { get; init; }
    public required byte[] TokFlags { get; init; }

    // name ranges: [record] -> (start, length) in the token pool
    public required int[] GivenStart { get; init; }
    public required byte[] GivenLength { get; init; }
    public required int[] FamilyStart { get; init; }
    public required byte[] FamilyLength { get; init; }
    public required int[] FullStart { get; init; }
    public required byte[] FullLength { get; init; }

    // aliases: [record] -> range in AliasRangeStart/AliasRangeLength
    public required int[] AliasFirst { get; init; }
    public required byte[] AliasCount { get; init; }
    public required int[] AliasRangeStart { get; init; }
    public required byte[] AliasRangeLength { get; init; }

    // whole-value ids for term frequencies (sorted Latin tokens)
    public required int[] GivenValue { get; init; }
    public required int[] FamilyValue { get; init; }
    public required int[] FullValue { get; init; }

    public required int[] BirthDate { get; init; }
    public required bool[] BirthDateInvalid { get; init; }
    public required int[] Nationality { get; init; }
    public required int[] Gender { get; init; }
    public required int[] BirthPlace { get; init; }
    public required int[] Street { get; init; }
    public required int[] Street2 { get; init; }
    public required int[] City { get; init; }
    public required int[] PostalCode { get; init; }
    public required int[] Region { get; init; }
    public required int[] Country { get; init; }

    /// <summary>Identifier pools by kind (Document, Phone, Email, Iban): [record] -> range of value ids.</summary>
    public required IdentifierColumn[] Identifiers { get; init; }

    /// <summary>True when every token of the record's name is one of the most frequent names (<see cref="CommonNames"/>):
    /// Mohammed Ali, Ahmed Hassan.</summary>
    public required bool[] CommonName { get; init; }

    /// <summary>The names as parsed, kept for explanations (empty when the table was built without them).</summary>
    public required PersonName[] Names { get; init; }

    public int[] Field(ComparisonKind kind) => kind switch
    {
        ComparisonKind.BirthPlace => BirthPlace,
        ComparisonKind.Street => Street,
        ComparisonKind.Street2 => Street2,
        ComparisonKind.City => City,
        ComparisonKind.PostalCode => PostalCode,
        ComparisonKind.Region => Region,
        ComparisonKind.Country => Country,
        ComparisonKind.Nationality => Nationality,
        ComparisonKind.Gender => Gender,
        ComparisonKind.GivenName => GivenValue,
        ComparisonKind.FamilyName => FamilyValue,
        ComparisonKind.FullName => FullValue,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static int IdentifierSlot(ComparisonKind kind) => kind switch
    {
        ComparisonKind.Document => 0,
        ComparisonKind.Phone => 1,
        ComparisonKind.Email => 2,
        ComparisonKind.Iban => 3,
        _ => -1,
    };

    /// <summary>Fraction of records with a value for <paramref name="kind"/>.</summary>
    public double Coverage(ComparisonKind kind)
    {
        if (Count == 0)
        {
            return 0;
        }

        var slot = IdentifierSlot(kind);
        if (slot >= 0)
        {
            return Identifiers[slot].Length.Count(l => l > 0) / (double)Count;
        }

        return kind switch
        {
            ComparisonKind.BirthDate => BirthDate.Count(d => d >= 0) / (double)Count,
            _ => Field(kind).Count(v => v >= 0) / (double)Count,
        };
    }
}

/// <summary>A multi-valued identifier column: per record a range of interned value ids.</summary>
internal sealed record IdentifierColumn(int[] Start, byte[] Length, int[] Values);
