using Tessera.Core.Normalisation.Names;

namespace Tessera.Core.Matching;

/// <summary>Token similarity: equality, equivalence table, skeleton, phonetic code, initial, tempered Jaro-Winkler.</summary>
internal static partial class NameAlignment
{
    [ThreadStatic]
    private static TokenPairCache? t_cache;

    public static float TokenSimilarity(FeatureTable a, int i, FeatureTable b, int j, out TokenReason reason)
    {
        // Packed rows (FeatureTable.Rows): one cache line per token instead of one per column.
        ref readonly var x = ref a.Tokens[i];
        ref readonly var y = ref b.Tokens[j];
        if ((x.Flags & y.Flags & FeatureTable.FlagNonLatin) != 0 && TryNative(a, i, b, j, out var native, out reason))
        {
            return native;
        }

        if (x.Latin == y.Latin)
        {
            reason = ((x.Flags | y.Flags) & FeatureTable.FlagNonLatin) != 0 ? TokenReason.Transliteration : TokenReason.Literal;
            return 1f;
        }

        // Token pairs repeat across candidate pairs (common given names): a small per-thread cache keyed by the two
        // interned tokens and their script flags saves the string work. One entry is one 16-byte slot.
        var cache = t_cache;
        if (cache is null || !ReferenceEquals(cache.Owner, a.Vocab))
        {
            t_cache = cache = new TokenPairCache(a.Vocab);
        }

        var key = (((ulong)(uint)x.Latin << 34) | ((ulong)(uint)y.Latin << 4) | ((ulong)(uint)(x.Flags & 3) << 2) | (uint)(y.Flags & 3)) + 1;
        ref var entry = ref cache.Entries[(int)((key * 0x9E3779B97F4A7C15UL) >> (64 - TokenPairCache.Bits))];
        if (entry.Key == key)
        {
            reason = (TokenReason)entry.Reason;
            return entry.Score;
        }

        var score = Compute(a, i, in x, b, j, in y, out reason);
        entry.Key = key;
        entry.Score = score;
        entry.Reason = (byte)reason;
        return score;
    }

    /// <summary>False only when two one-token names certainly align at a level above 2 (no key, no script route agrees).</summary>
    /// <remarks>
    /// A cheap necessary test that spares the similarity computation: levels 0–2 of a one-token pair need equal Latin
    /// forms, an equivalence class, skeleton or phonetic code, or a non-Latin token (native comparison, Han
    /// transcription). Longer names are not tested (true).
    /// </remarks>
    public static bool MayAlignKeyed(FeatureTable a, int aStart, int aLen, FeatureTable b, int bStart, int bLen)
    {
        if (aLen != 1 || bLen != 1)
        {
            return true;
        }

        ref readonly var x = ref a.Tokens[aStart];
        ref readonly var y = ref b.Tokens[bStart];
        return ((x.Flags | y.Flags) & FeatureTable.FlagNonLatin) != 0
            || x.Latin == y.Latin
            || (x.Equivalence >= 0 && x.Equivalence == y.Equivalence)
            || x.Skeleton == y.Skeleton
            || x.Phonetic == y.Phonetic;
    }

    /// <summary>Two Han, Hangul or kana tokens are compared as written, character by character, not through their romanisation.</summary>
    /// <remarks>
    /// Romanisation keys exist to bridge competing spellings; two tokens in one of these scripts have no such ambiguity,
    /// and their romanisation hides differences (石/市 are both "shi", 종/정 differ in one vowel letter of seven). The
    /// native form is kept in the phonetic key of such tokens (see <c>NameParser</c>).
    /// </remarks>
    private static bool TryNative(FeatureTable a, int i, FeatureTable b, int j, out float score, out TokenReason reason)
    {
        score = 0;
        reason = TokenReason.None;
        var x = a.Vocab.Text(a.TokPhonetic[i]);
        var y = b.Vocab.Text(b.TokPhonetic[j]);
        if (x.Length == 0 || y.Length == 0 || !CjkNames.IsSyllabic(x[0]) || !CjkNames.IsSyllabic(y[0]))
        {
            return false;
        }

        if (string.Equals(x, y, StringComparison.Ordinal))
        {
            score = 1f;
            reason = TokenReason.Literal;
            return true;
        }

        var jw = (float)JaroWinkler.Similarity(x, y);
        if (jw >= MatchFloor)
        {
            jw = (jw + (float)JaroWinkler.LevenshteinRatio(x, y)) / 2;
        }

        if (jw >= MatchFloor)
        {
            score = jw;
            reason = TokenReason.Fuzzy;
        }

        return true;
    }

    /// <summary>A Han transcription of a foreign name against its Latin spelling: the skeletons agree once r is read as l.</summary>
    /// <remarks>Mandarin has no syllable-initial r for foreign names: the transcription tables (Xinhua) write r with
    /// l-syllables (拉 la, 里 li, 罗 luo), so 贝拉克 beilake is Barack (skeletons blk and brk).</remarks>
    private static bool HanTranscription(FeatureTable a, int i, FeatureTable b, int j)
    {
        var vocab = a.Vocab;
        var pa = vocab.Text(a.TokPhonetic[i]);
        var pb = vocab.Text(b.TokPhonetic[j]);
        var hanA = pa.Length > 0 && CjkNames.IsHan(pa[0]);
        var hanB = pb.Length > 0 && CjkNames.IsHan(pb[0]);
        if (hanA == hanB || (hanA ? pb : pa).Any(CjkNames.IsSyllabic))
        {
            return false;
        }

        var sa = vocab.Text(a.TokSkeleton[i]);
        var sb = vocab.Text(b.TokSkeleton[j]);
        return sa.Length >= 2 && sa.Length == sb.Length && string.Equals(sa.Replace('r', 'l'), sb.Replace('r', 'l'), StringComparison.Ordinal);
    }

    private static float Compute(FeatureTable a, int i, in TokenRow x, FeatureTable b, int j, in TokenRow y, out TokenReason reason)
    {
        var ea = x.Equivalence;
        if (ea >= 0 && ea == y.Equivalence)
        {
            reason = TokenReason.Equivalence;
            return 0.95f;
        }

        var vocab = a.Vocab;
        var la = vocab.Text(x.Latin);
        var lb = vocab.Text(y.Latin);
        var best = 0f;
        reason = TokenReason.None;
        // Two names the equivalence table knows, in different groups, are different names even when their consonants
        // agree (Hassan and Hussein share the skeleton hsn): no skeleton or phonetic credit, only their letters.
        var distinct = ea >= 0 && y.Equivalence >= 0;
        if (!distinct && x.Skeleton == y.Skeleton && vocab.Text(x.Skeleton).Length >= 2)
        {
            best = 0.90f;
            reason = TokenReason.Skeleton;
        }
        else if (!distinct && x.Phonetic == y.Phonetic && vocab.Text(x.Phonetic).Length >= 3)
        {
            best = 0.86f;
            reason = TokenReason.Phonetic;
        }
        else if (((x.Flags ^ y.Flags) & FeatureTable.FlagNonLatin) != 0 && HanTranscription(a, i, b, j))
        {
            best = 0.90f;
            reason = TokenReason.Skeleton;
        }

        if (la.Length == 1 || lb.Length == 1)
        {
            if (best == 0 && la[0] == lb[0])
            {
                reason = TokenReason.Initial;
                return 0.80f;
            }

            return best;
        }

        var jw = (float)JaroWinkler.AtLeast(la, x.Mask, lb, y.Mask, MatchFloor);
        if (jw >= MatchFloor)
        {
            // Jaro-Winkler forgives too much at the end of a name (Castro/Castillo); averaging with the Levenshtein
            // ratio keeps one-letter typos high and pushes different endings down.
            jw = (jw + (float)JaroWinkler.LevenshteinRatio(la, lb)) / 2;
        }

        if (((x.Flags | y.Flags) & FeatureTable.FlagAbjad) != 0)
        {
            jw = Math.Max(jw, 0.92f * (float)JaroWinkler.Similarity(vocab.Text(x.Skeleton), vocab.Text(y.Skeleton)));
        }

        if (jw > best)
        {
            best = jw;
            reason = TokenReason.Fuzzy;
        }

        return best;
    }
}

/// <summary>Direct-mapped cache of token-pair similarities for one vocabulary (per thread).</summary>
internal sealed class TokenPairCache(Vocabulary owner)
{
    public const int Bits = 16;

    public Vocabulary Owner { get; } = owner;

    public TokenPairEntry[] Entries { get; } = new TokenPairEntry[1 << Bits];
}

/// <summary>One slot of <see cref="TokenPairCache"/>: key 0 is empty.</summary>
internal struct TokenPairEntry
{
    public ulong Key;
    public float Score;
    public byte Reason;
}
