namespace Tessera.Core.Matching;

/// <summary>The token pool packed record-major: what a token comparison reads lies in one cache line.</summary>
/// <remarks>
/// Scoring a large list is bound by memory, not arithmetic: the right-hand record of a candidate pair is a random one,
/// and five parallel token arrays plus the vocabulary's mask array cost six cache misses per token. One 32-byte row
/// costs one.
/// </remarks>
internal struct TokenRow
{
    public ulong Mask;
    public int Latin;
    public int Skeleton;
    public int Phonetic;
    public int Equivalence;
    public byte Flags;
}

/// <summary>A record's name ranges and birth date packed together: one cache line for the random record of a pair.</summary>
internal struct RecordRow
{
    public int GivenStart;
    public int FamilyStart;
    public int FullStart;
    public int BirthDate;
    public byte GivenLength;
    public byte FamilyLength;
    public byte FullLength;
    public byte AliasCount;
}

internal sealed partial class FeatureTable
{
    private TokenRow[]? _tokens;
    private RecordRow[]? _rows;

    /// <summary>The per-record name ranges and birth date as packed rows (built on first use).</summary>
    public RecordRow[] Rows
    {
        get
        {
            return Volatile.Read(ref _rows) ?? PackRows();
        }
    }

    /// <summary>The token pool as packed rows (built on first use; every builder yields the same rows).</summary>
    public TokenRow[] Tokens
    {
        get
        {
            // A race only builds the same array twice; the reference write is atomic.
            return Volatile.Read(ref _tokens) ?? Pack();
        }
    }

    private TokenRow[] Pack()
    {
        var rows = new TokenRow[TokLatin.Length];
        for (var t = 0; t < rows.Length; t++)
        {
            rows[t] = new TokenRow
            {
                Mask = Vocab.Mask(TokLatin[t]),
                Latin = TokLatin[t],
                Skeleton = TokSkeleton[t],
                Phonetic = TokPhonetic[t],
                Equivalence = TokEquivalence[t],
                Flags = TokFlags[t],
            };
        }

        Volatile.Write(ref _tokens, rows);
        return rows;
    }

    private RecordRow[] PackRows()
    {
        var rows = new RecordRow[Count];
        for (var r = 0; r < rows.Length; r++)
        {
            rows[r] = new RecordRow
            {
                GivenStart = GivenStart[r],
                FamilyStart = FamilyStart[r],
                FullStart = FullStart[r],
                BirthDate = BirthDate[r],
                GivenLength = GivenLength[r],
                FamilyLength = FamilyLength[r],
                FullLength = FullLength[r],
                AliasCount = AliasCount[r],
            };
        }

        Volatile.Write(ref _rows, rows);
        return rows;
    }
}
