using System.Runtime.InteropServices;

namespace Tessera.Core.Matching;

/// <summary>One candidate of a screening query after scoring and classification.</summary>
/// <param name="Index">Position of the record in the index's record order.</param>
/// <param name="Weight">The pair's weight less <paramref name="Competition"/>.</param>
/// <param name="Competition">Bits taken off because other candidates compete for the query (0 unless one entry per person).</param>
internal readonly record struct ScoredCandidate(int Index, double Weight, MatchKind Kind, double Competition);

/// <summary>The query steps both screening indexes share (<see cref="ScreeningIndex"/>, <see cref="ResidentScreeningIndex"/>):
/// candidate keys, support counting, scoring, competition and classification.</summary>
/// <remarks>One implementation, so that the benchmark's index and the production index cannot answer differently.</remarks>
internal static class ScreeningQuery
{
    /// <summary>The candidate keys of record 0 of <paramref name="q"/>: its own keys, and the Latin-token keys of the
    /// indexed tokens one typo away from its tokens (a typo in every name must not hide the candidate).</summary>
    public static List<ulong> Keys(FeatureTable q, Vocabulary vocab, TokenNeighbours neighbours)
    {
        var keys = new List<ulong>();
        RecordKeys(q, 0, keys);
        var near = new List<int>();
        for (var t = 0; t < q.TokLatin.Length; t++)
        {
            neighbours.Near(vocab.Text(q.TokLatin[t]), q.TokLatin[t], near);
        }

        foreach (var id in near)
        {
            keys.Add(Blocking.Key(3, 0, id));
        }

        return keys;
    }

    /// <summary>The admitted records sharing a key with the query, at most <paramref name="scored"/> of them: those
    /// sharing the most keys, ties by record order; in record order when all are kept.</summary>
    /// <param name="posting">The records under a key (empty when none).</param>
    /// <param name="records">The number of records indexed (record numbers are below it).</param>
    /// <param name="include">Whether a record may be a candidate (asked once per record); null admits every record.</param>
    /// <remarks>Support is counted in an array per thread indexed by record, cleared after the query through the list
    /// of records touched: no dictionary per query, whatever the postings' lengths.</remarks>
    public static List<int> Candidates(List<ulong> keys, Func<ulong, Posting> posting, int records, int postingCap, Func<int, bool>? include, int scored)
    {
        var scratch = CandidateScratch.For(records);
        try
        {
            foreach (var key in keys.Distinct())
            {
                // Postings longer than the cap are too common to tell anyone apart (the "Mohammad" problem). The cap counts only
                // the admitted records: what a caller may not see must not decide what it finds.
                var list = posting(key);
                if (list.Count == 0 || (include is null && list.Count > postingCap))
                {
                    continue;
                }

                if (include is null)
                {
                    scratch.Support(list.First);
                    scratch.Support(list.Added);
                    continue;
                }

                // The admitted records of the posting, stopping once there are more than the cap: a common key is found to
                // be common after cap + 1 admitted records, not after reading all of them.
                scratch.Kept.Clear();
                if (scratch.Admit(list.First, postingCap + 1, include) && scratch.Admit(list.Added, postingCap + 1, include))
                {
                    scratch.Support(CollectionsMarshal.AsSpan(scratch.Kept));
                }
            }

            return scratch.Best(scored);
        }
        finally
        {
            scratch.Clear();
        }
    }

    /// <summary>Scores every candidate and keeps those at or above the review threshold, best first (ties in record order).</summary>
    /// <param name="scorer">A scorer of <paramref name="model"/>.</param>
    /// <param name="locate">The feature table and row of a record.</param>
    /// <param name="oneEntryPerPerson">The population names every person once: the candidates' posteriors are normalised
    /// together, P(i) = odds(i) / (1 + Σ_j odds(j)), i.e. weight(i) − log2(1 + Σ_{j≠i} 2^weight(j)).</param>
    public static List<ScoredCandidate> Score(FeatureTable q, PairScorer scorer, MatchModel model, List<int> candidates, Func<int, (FeatureTable Table, int Row)> locate, bool oneEntryPerPerson)
    {
        var scored = new (int Index, double Weight, double Identity, bool Shared)[candidates.Count];
        var odds = 0.0;
        for (var k = 0; k < candidates.Count; k++)
        {
            var (table, row) = locate(candidates[k]);
            var weight = scorer.Score(q, 0, table, row, out var identity, out var shared);
            scored[k] = (candidates[k], weight, identity, shared);
            odds += Math.Pow(2, Math.Min(weight, 60));
        }

        var hits = new List<ScoredCandidate>();
        foreach (var (i, weight, identity, shared) in scored)
        {
            // Odds of the other candidates: Σ_{j≠i} 2^w(j).
            var others = Math.Max(0, odds - Math.Pow(2, Math.Min(weight, 60)));
            var competition = oneEntryPerPerson ? Math.Log2(1 + others) : 0;
            var kind = MatchEngine.Classify(model, weight - competition, identity - competition, shared);
            if (kind != MatchKind.None)
            {
                hits.Add(new ScoredCandidate(i, weight - competition, kind, competition));
            }
        }

        hits.Sort((x, y) => y.Weight != x.Weight ? y.Weight.CompareTo(x.Weight) : x.Index.CompareTo(y.Index));
        return hits;
    }

    /// <summary>The index keys of record <paramref name="i"/>: strong identifiers and name tokens (Latin form, skeleton,
    /// equivalence group) of the full name and every alias.</summary>
    public static void RecordKeys(FeatureTable t, int i, List<ulong> keys)
    {
        for (var slot = 0; slot < t.Identifiers.Length; slot++)
        {
            var col = t.Identifiers[slot];
            for (var k = 0; k < col.Length[i]; k++)
            {
                keys.Add(Blocking.Key(1, slot, col.Values[col.Start[i] + k]));
            }
        }

        AddTokens(t, t.FullStart[i], t.FullLength[i], keys);
        for (var x = 0; x < t.AliasCount[i]; x++)
        {
            AddTokens(t, t.AliasRangeStart[t.AliasFirst[i] + x], t.AliasRangeLength[t.AliasFirst[i] + x], keys);
        }
    }

    private static void AddTokens(FeatureTable t, int start, int length, List<ulong> keys)
    {
        for (var k = 0; k < length; k++)
        {
            var tok = start + k;
            keys.Add(Blocking.Key(3, 0, t.TokLatin[tok]));
            keys.Add(Blocking.Key(3, 1, t.TokSkeleton[tok]));
            if (t.TokEquivalence[tok] >= 0)
            {
                keys.Add(Blocking.Key(3, 2, t.TokEquivalence[tok]));
            }
        }
    }
}
