using Tessera.Core.Normalisation.Names;

namespace Tessera.Core.Matching;

/// <summary>Why two name tokens were aligned.</summary>
public enum TokenReason : byte
{
    None,
    Literal,
    Transliteration,
    Equivalence,
    Merge,
    Skeleton,
    Phonetic,
    Initial,
    Fuzzy,
    Acronym,
}

/// <summary>One aligned (or unmatched) pair of name tokens in an explanation.</summary>
public sealed record TokenMatch(string Left, string Right, TokenReason Reason, double Score);

/// <summary>Aligns the tokens of two names across transliterations and grades the result into name levels.</summary>
/// <remarks>
/// Token similarity: literal or transliterated equality 1.0, equivalence table 0.95, consonant skeleton 0.90,
/// phonetic code 0.86, initial 0.80, else Jaro-Winkler (on skeletons too when one side is an abjad script).
/// Alignment is a greedy best assignment (Monge-Elkan with one-to-one pairs) plus merges of two adjacent tokens.
/// Score = Σ matched similarity / (pairs + unmatched on both sides + 0.25 × extra tokens of the longer name): a
/// missing middle name costs little, a wrong name costs a whole pair (the asymmetric penalties of logic-v2).
/// Below the fuzzy tiers, "a token agrees" (a token aligned by spelling, equivalence, skeleton or sound, the rest not)
/// is kept apart from "else" (no token agrees): siblings and strangers who share a family name fall to "else", and a
/// person named with a middle name or a nasab on one side only to "a token agrees", each with its own trained weight.
/// </remarks>
internal static partial class NameAlignment
{
    public const float MatchFloor = 0.70f;

    /// <summary>Level "a token agrees": some token aligned at a keyed similarity, the alignment score below 0.70.</summary>
    public const byte TokenAgrees = 6;

    /// <summary>Level "else": no token of one name aligns with a token of the other at a keyed similarity.</summary>
    public const byte Else = 7;

    /// <summary>The least similarity of a token pair that counts for "a token agrees": a phonetic code (0.86) or better.</summary>
    private const float KeyedSimilarity = 0.86f;
    private const int MaxTokens = 16;

    /// <summary>The name level (0 exact … 6 else, or <see cref="Comparisons.Null"/>) and the alignment score.</summary>
    public static byte Level(FeatureTable a, int aStart, int aLen, FeatureTable b, int bStart, int bLen, out float score) =>
        Align(a, aStart, aLen, b, bStart, bLen, null, out score);

    /// <summary>Like <see cref="Level"/>, and lists the alignment with the reason of every token match.</summary>
    public static byte Explain(FeatureTable a, int aStart, int aLen, FeatureTable b, int bStart, int bLen, List<TokenMatch> matches, out float score) =>
        Align(a, aStart, aLen, b, bStart, bLen, matches, out score);

    private static byte Align(FeatureTable a, int aStart, int aLen, FeatureTable b, int bStart, int bLen, List<TokenMatch>? explain, out float score)
    {
        score = 0;
        if (aLen == 0 || bLen == 0)
        {
            return Comparisons.Null;
        }

        if (aLen == 1 && bLen == 1 && explain is null)
        {
            // One token each (the common case in given/family comparisons): no alignment needed.
            var s1 = TokenSimilarity(a, aStart, b, bStart, out var r1);
            score = s1 >= MatchFloor ? s1 : 0;
            if (r1 == TokenReason.Fuzzy && s1 < 0.80f)
            {
                return score >= 0.70f ? (byte)5 : Else;
            }

            return r1 switch
            {
                TokenReason.Literal => 0,
                TokenReason.Transliteration or TokenReason.Equivalence => 1,
                TokenReason.Skeleton or TokenReason.Phonetic => 2,
                _ => score >= 0.92f ? (byte)3 : score >= 0.88f ? (byte)4 : score >= 0.70f ? (byte)5 : Else,
            };
        }

        var n = Math.Min(aLen, MaxTokens);
        var m = Math.Min(bLen, MaxTokens);
        Span<float> sim = stackalloc float[n * m];
        Span<byte> why = stackalloc byte[n * m];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < m; j++)
            {
                sim[(i * m) + j] = TokenSimilarity(a, aStart + i, b, bStart + j, out var reason);
                why[(i * m) + j] = (byte)reason;
            }
        }

        int usedA = 0, usedB = 0;
        var total = 0f;
        // Tokens with an equal double in the other name pair first: a merge or an acronym never takes one of them.
        var equal = 0;
        var equalLiteral = true;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < m; j++)
            {
                if ((usedB & (1 << j)) == 0 && sim[(i * m) + j] >= 1f)
                {
                    usedA |= 1 << i;
                    usedB |= 1 << j;
                    equal++;
                    total += 1f;
                    var r = (TokenReason)why[(i * m) + j];
                    equalLiteral &= r == TokenReason.Literal;
                    explain?.Add(new TokenMatch(a.Vocab.Text(a.TokLatin[aStart + i]), b.Vocab.Text(b.TokLatin[bStart + j]), r, 1f));
                    break;
                }
            }
        }

        // "PLA" ~ "People's Liberation Army": capitals standing for the initials of a run of the other name's tokens.
        var flagsA = Flags(a, aStart, n);
        var flagsB = Flags(b, bStart, m);
        var acronyms = ((flagsA | flagsB) & FeatureTable.FlagAcronym) == 0 ? 0
            : Acronyms(a, aStart, n, ref usedA, b, bStart, m, ref usedB, ref total, explain, false) + Acronyms(b, bStart, m, ref usedB, a, aStart, n, ref usedA, ref total, explain, true);
        // "abdul hai" ~ "abdulhai": one token equals two adjacent tokens of the other name (checked before fuzzy pairs).
        var merges = m > 1 || n > 1 ? Merges(a, aStart, n, ref usedA, b, bStart, m, ref usedB, ref total, explain, false) + Merges(b, bStart, m, ref usedB, a, aStart, n, ref usedA, ref total, explain, true) : 0;
        var pairs = equal + merges + acronyms;
        var allLiteral = merges == 0 && equalLiteral;
        var allStrong = acronyms == 0;
        var allKeyed = acronyms == 0;
        var weakest = 1f;
        var strongest = equal > 0 ? 1f : merges + acronyms > 0 ? 0.90f : 0f;
        while (true)
        {
            var bi = -1;
            var bj = -1;
            var bs = MatchFloor;
            for (var i = 0; i < n; i++)
            {
                if ((usedA & (1 << i)) != 0)
                {
                    continue;
                }

                for (var j = 0; j < m; j++)
                {
                    if ((usedB & (1 << j)) == 0 && sim[(i * m) + j] >= bs && (bi < 0 || sim[(i * m) + j] > bs || (i == j && bi != bj)))
                    {
                        bs = sim[(i * m) + j];
                        bi = i;
                        bj = j;
                    }
                }
            }

            if (bi < 0)
            {
                break;
            }

            usedA |= 1 << bi;
            usedB |= 1 << bj;
            total += bs;
            pairs++;
            weakest = Math.Min(weakest, bs);
            strongest = Math.Max(strongest, bs);
            var r = (TokenReason)why[(bi * m) + bj];
            allLiteral &= r == TokenReason.Literal;
            allStrong &= r is TokenReason.Literal or TokenReason.Transliteration or TokenReason.Equivalence;
            allKeyed &= r is TokenReason.Literal or TokenReason.Transliteration or TokenReason.Equivalence or TokenReason.Skeleton or TokenReason.Phonetic;
            explain?.Add(new TokenMatch(a.Vocab.Text(a.TokLatin[aStart + bi]), b.Vocab.Text(b.TokLatin[bStart + bj]), r, bs));
        }

        var leftA = n - System.Numerics.BitOperations.PopCount((uint)usedA);
        var leftB = m - System.Numerics.BitOperations.PopCount((uint)usedB);
        var both = Math.Min(leftA, leftB);
        // Extra tokens of the longer name: initials, middle names and patronymics are often left out, so they cost less.
        var extra = leftA > leftB ? ExtraCost(a, aStart, n, usedA, leftA - leftB) : ExtraCost(b, bStart, m, usedB, leftB - leftA);
        // "President Erdoğan" ~ "Recep Tayyip Erdoğan": a title with the family name is a whole way of naming someone;
        // the given names it leaves out cost nothing, and the name stays in the review band (level 4 at best).
        var titled = pairs == 1 && ((n == 1 && (flagsA & FeatureTable.FlagTitled) != 0 && (usedB & (1 << (m - 1))) != 0)
            || (m == 1 && (flagsB & FeatureTable.FlagTitled) != 0 && (usedA & (1 << (n - 1))) != 0));
        if (titled)
        {
            extra = 0;
        }

        score = pairs == 0 ? 0 : total / (pairs + both + extra);
        if (explain is not null)
        {
            for (var i = 0; i < n; i++)
            {
                if ((usedA & (1 << i)) == 0)
                {
                    explain.Add(new TokenMatch(a.Vocab.Text(a.TokLatin[aStart + i]), "", TokenReason.None, 0));
                }
            }

            for (var j = 0; j < m; j++)
            {
                if ((usedB & (1 << j)) == 0)
                {
                    explain.Add(new TokenMatch("", b.Vocab.Text(b.TokLatin[bStart + j]), TokenReason.None, 0));
                }
            }
        }

        if (leftA == 0 && leftB == 0)
        {
            if (allLiteral && n == m)
            {
                return 0;
            }

            if (allStrong)
            {
                return 1;
            }

            if (allKeyed)
            {
                return 2;
            }
        }

        var below = strongest >= KeyedSimilarity ? TokenAgrees : Else;
        // The fuzzy tiers need every aligned token to be close: one exact token does not carry a wrong family name.
        if (weakest < 0.80f)
        {
            return score >= 0.70f ? (byte)5 : below;
        }

        return score >= 0.92f && !titled ? (byte)3 : score >= 0.88f ? (byte)4 : score >= 0.70f ? (byte)5 : below;
    }

    private static int Flags(FeatureTable t, int start, int n)
    {
        var flags = 0;
        for (var i = 0; i < n; i++)
        {
            flags |= t.TokFlags[start + i];
        }

        return flags;
    }

    /// <summary>Words an acronym skips: "People's Liberation Army of China" is PLA, "Islamic State of Iraq and Syria" ISIS.</summary>
    private static readonly HashSet<string> AcronymSkips = new(["of", "and", "for", "the", "de", "du", "des", "la", "le", "les", "del", "der", "di", "da", "do", "et", "und", "y", "e", "in", "on"], StringComparer.Ordinal);

    /// <summary>Aligns each acronym token of <paramref name="a"/> with a run of unaligned tokens of <paramref name="b"/> whose initials spell it.</summary>
    private static int Acronyms(FeatureTable a, int aStart, int n, ref int usedA, FeatureTable b, int bStart, int m, ref int usedB, ref float total, List<TokenMatch>? explain, bool flipped)
    {
        const float AcronymScore = 0.90f;
        var count = 0;
        for (var i = 0; i < n; i++)
        {
            if ((usedA & (1 << i)) != 0 || (a.TokFlags[aStart + i] & FeatureTable.FlagAcronym) == 0)
            {
                continue;
            }

            var acronym = a.Vocab.Text(a.TokLatin[aStart + i]);
            for (var j = 0; j < m; j++)
            {
                var run = AcronymRun(acronym, b, bStart + j, m - j, usedB >> j);
                if (run == 0)
                {
                    continue;
                }

                usedA |= 1 << i;
                usedB |= ((1 << run) - 1) << j;
                count++;
                total += AcronymScore;
                if (explain is not null)
                {
                    var words = string.Join(' ', Enumerable.Range(bStart + j, run).Select(k => b.Vocab.Text(b.TokLatin[k])));
                    explain.Add(flipped ? new TokenMatch(words, acronym, TokenReason.Acronym, AcronymScore) : new TokenMatch(acronym, words, TokenReason.Acronym, AcronymScore));
                }

                break;
            }
        }

        return count;
    }

    /// <summary>The length of the run of unaligned tokens from <paramref name="start"/> whose initials spell <paramref name="acronym"/> (skipping "of", "and" …), or 0.</summary>
    private static int AcronymRun(string acronym, FeatureTable b, int start, int available, int used)
    {
        var k = 0;
        var letters = 0;
        for (; k < available && letters < acronym.Length; k++)
        {
            if ((used & (1 << k)) != 0)
            {
                return 0;
            }

            var word = b.Vocab.Text(b.TokLatin[start + k]);
            if (letters > 0 && AcronymSkips.Contains(word))
            {
                continue;
            }

            if (word.Length < 2 || word[0] != acronym[letters])
            {
                return 0;
            }

            letters++;
        }

        return letters == acronym.Length && letters >= 2 ? k : 0;
    }

    private static float ExtraCost(FeatureTable t, int start, int n, int used, int extra)
    {
        // Interior tokens (between the first and the last aligned token: middle names, patronymics, a nasab chain) are
        // the parts most often left out of a name, like initials; extra tokens before or after change the name.
        // The anchors are aligned tokens of two letters or more (an aligned initial does not delimit a name).
        var first = n;
        var last = -1;
        for (var i = 0; i < n; i++)
        {
            if ((used & (1 << i)) != 0 && (t.TokFlags[start + i] & FeatureTable.FlagCheap) == 0)
            {
                first = Math.Min(first, i);
                last = i;
            }
        }

        // A forebear's name after bin/ibn is the link of a nasab chain that short forms drop first: it costs nothing. A
        // middle name in a given-name field (after the first given name) is the next most often left out.
        var cheap = 0;
        var free = 0;
        var middle = 0;
        for (var i = 0; i < n; i++)
        {
            if ((used & (1 << i)) == 0)
            {
                var flags = t.TokFlags[start + i];
                free += (flags & FeatureTable.FlagAncestor) != 0 ? 1 : 0;
                middle += (flags & FeatureTable.FlagAncestor) == 0 && (flags & FeatureTable.FlagMiddle) != 0 ? 1 : 0;
                cheap += (flags & (FeatureTable.FlagAncestor | FeatureTable.FlagMiddle)) == 0 && ((flags & FeatureTable.FlagCheap) != 0 || (i > first && i < last)) ? 1 : 0;
            }
        }

        free = Math.Min(free, extra);
        middle = Math.Min(middle, extra - free);
        cheap = Math.Min(cheap, extra - free - middle);
        return (0.05f * middle) + (0.1f * cheap) + (0.25f * (extra - free - middle - cheap));
    }

    private static int Merges(FeatureTable a, int aStart, int n, ref int usedA, FeatureTable b, int bStart, int m, ref int usedB, ref float total, List<TokenMatch>? explain, bool flipped)
    {
        var count = 0;
        Span<char> buffer = stackalloc char[64];
        for (var i = 0; i < n; i++)
        {
            if ((usedA & (1 << i)) != 0)
            {
                continue;
            }

            var whole = a.Vocab.Text(a.TokLatin[aStart + i]).AsSpan();
            for (var j = 0; j + 1 < m; j++)
            {
                if ((usedB & (3 << j)) != 0)
                {
                    continue;
                }

                var first = b.Vocab.Text(b.TokLatin[bStart + j]);
                var second = b.Vocab.Text(b.TokLatin[bStart + j + 1]);
                var joined = first.Length + second.Length;
                var mergeScore = 0f;
                if (whole.Length == joined && whole.StartsWith(first, StringComparison.Ordinal) && whole[first.Length..].SequenceEqual(second))
                {
                    mergeScore = 0.95f;
                }
                else if (joined <= 64 && Math.Abs(whole.Length - joined) <= 2 && whole.Length >= 6 && first.Length >= 2 && second.Length >= 2)
                {
                    // A merge with a typo ("abudl salam" ~ "abdulsalam"): tempered Jaro-Winkler on the joined tokens.
                    first.CopyTo(buffer);
                    second.CopyTo(buffer[first.Length..]);
                    var both = buffer[..joined];
                    var sim = (float)((JaroWinkler.Similarity(whole, both) + JaroWinkler.LevenshteinRatio(whole, both)) / 2);
                    mergeScore = sim >= 0.85f ? Math.Min(sim, 0.90f) : 0;
                }

                var crossScript = (a.TokFlags[aStart + i] & FeatureTable.FlagNonLatin) != (b.TokFlags[bStart + j] & FeatureTable.FlagNonLatin)
                    && (b.TokFlags[bStart + j] & FeatureTable.FlagNonLatin) == (b.TokFlags[bStart + j + 1] & FeatureTable.FlagNonLatin);
                if (mergeScore == 0 && crossScript && whole.Length >= 4 && Math.Abs(whole.Length - joined) <= 2 && first.Length >= 2 && second.Length >= 2)
                {
                    // Across scripts the romanisation of the joined form may differ in vowels only (김정은 jeongeun ~ jong un).
                    var skeleton = a.Vocab.Text(a.TokSkeleton[aStart + i]);
                    mergeScore = skeleton.Length >= 3 && string.Equals(skeleton, NameKeys.Skeleton(first + second), StringComparison.Ordinal) ? 0.90f : 0;
                }

                if (mergeScore > 0)
                {
                    usedA |= 1 << i;
                    usedB |= 3 << j;
                    count++;
                    total += mergeScore;
                    explain?.Add(flipped ? new TokenMatch(first + " " + second, whole.ToString(), TokenReason.Merge, mergeScore) : new TokenMatch(whole.ToString(), first + " " + second, TokenReason.Merge, mergeScore));
                    break;
                }
            }
        }

        return count;
    }
}
