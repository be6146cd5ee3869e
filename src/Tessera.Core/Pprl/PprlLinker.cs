using Tessera.Core.Model;

namespace Tessera.Core.Pprl;

/// <summary>A pair of encodings at or above the threshold: indexes into the left and right sets, the Dice coefficient, and the
/// probability that the pair is one person.</summary>
public sealed record PprlPair(int Left, int Right, double Dice, double Probability);

/// <summary>What a linkage found and how much work it took.</summary>
/// <param name="Pairs">Pairs at or above the threshold, by left then right index.</param>
/// <param name="Comparisons">Dice coefficients computed.</param>
public sealed record PprlLinkResult(IReadOnlyList<PprlPair> Pairs, long Comparisons);

/// <summary>Links two sets of encodings: candidate pairs from <see cref="LshBlocking"/> (or every pair), Dice on each, pairs at
/// or above a threshold kept with a probability from <see cref="DiceMixture"/>.</summary>
public static class PprlLinker
{
    /// <summary>The default threshold: Dice 0.8, where anonlink reports precision 1.000 and recall 0.993 on Febrl4.</summary>
    public const double DefaultThreshold = 0.8;

    /// <summary>Links <paramref name="left"/> to <paramref name="right"/>; refuses sets under different federation keys.</summary>
    public static PprlLinkResult Link(EncodingSet left, EncodingSet right, double threshold = DefaultThreshold, bool blocking = true)
    {
        if (left.Count > 0 && right.Count > 0 && left.KeyId != right.KeyId)
        {
            throw new ModelException($"the left encodings are under key '{left.KeyId}' and the right under '{right.KeyId}': encodings under different keys " +
                "cannot be compared; re-encode both under the current key", field: "key_id");
        }

        if (threshold is <= 0 or > 1 || double.IsNaN(threshold))
        {
            throw new ModelException("the threshold is a Dice coefficient in (0, 1]", field: "--threshold");
        }

        var found = new List<(int, int, double)>[left.Count];
        var sampled = new List<double>[left.Count];
        long comparisons = 0;
        var lsh = blocking ? new LshBlocking() : null;
        var index = lsh?.Index(right);
        Parallel.For(0, left.Count, () => (Stamp: NewStamp(right.Count), Count: 0L), (i, _, local) =>
        {
            var hits = new List<(int, int, double)>();
            var scores = new List<double>();
            var a = i * BloomBits.Words;
            void Compare(int j)
            {
                var d = Dice.Coefficient(left.Bits, a, left.Counts[i], right.Bits, j * BloomBits.Words, right.Counts[j]);
                local.Count++;
                // Every 16th comparison feeds the mixture, so that it sees the non-matches without holding them all.
                if (d >= threshold || (j & 15) == 0)
                {
                    scores.Add(d);
                }

                if (d >= threshold)
                {
                    hits.Add((i, j, d));
                }
            }

            if (index is null)
            {
                for (var j = 0; j < right.Count; j++)
                {
                    Compare(j);
                }
            }
            else
            {
                for (var b = 0; b < LshBlocking.Bands; b++)
                {
                    for (var j = index.Value.Heads[b][lsh!.Key(left, i, b)]; j >= 0; j = index.Value.Next[b][j])
                    {
                        if (local.Stamp[j] != i)
                        {
                            local.Stamp[j] = i;
                            Compare(j);
                        }
                    }
                }
            }

            found[i] = hits;
            sampled[i] = scores;
            return local;
        }, local => Interlocked.Add(ref comparisons, local.Count));

        var mixture = DiceMixture.Fit(sampled.Where(s => s is not null).SelectMany(s => s).ToList());
        var pairs = found.Where(f => f is not null).SelectMany(f => f).Select(p => new PprlPair(p.Item1, p.Item2, p.Item3, mixture.Probability(p.Item3))).ToList();
        return new PprlLinkResult(pairs, comparisons);
    }

    /// <summary>Greedy one-to-one assignment (as anonlink's greedy solver): pairs by decreasing Dice, each record used at most
    /// once. For linking two files in each of which a person appears once.</summary>
    public static IReadOnlyList<PprlPair> OneToOne(IReadOnlyList<PprlPair> pairs)
    {
        var usedLeft = new HashSet<int>();
        var usedRight = new HashSet<int>();
        var kept = new List<PprlPair>();
        foreach (var p in pairs.OrderByDescending(p => p.Dice).ThenBy(p => p.Left).ThenBy(p => p.Right))
        {
            if (!usedLeft.Contains(p.Left) && !usedRight.Contains(p.Right))
            {
                usedLeft.Add(p.Left);
                usedRight.Add(p.Right);
                kept.Add(p);
            }
        }

        return [.. kept.OrderBy(p => p.Left).ThenBy(p => p.Right)];
    }

    private static int[] NewStamp(int n)
    {
        var stamp = new int[n];
        Array.Fill(stamp, -1);
        return stamp;
    }
}
