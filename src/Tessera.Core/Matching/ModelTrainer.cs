namespace Tessera.Core.Matching;

/// <summary>Unsupervised Fellegi–Sunter training: u from random pairs, m and λ by EM on blocked pairs (the Splink recipe).</summary>
/// <remarks>
/// EM runs on the distinct level patterns of the candidate pairs and estimates m, the non-match distribution among
/// candidates and λ; the final weights use m against u from random pairs, so that blocking does not bias u.
/// Guards against degeneracy (recordlinkage#193, #100): probabilities floored at 1e-6, at most 100 iterations,
/// convergence at 1e-6, and a comparison whose exact level is not more likely among matches than among non-matches
/// falls back to its default m.
/// </remarks>
internal static class ModelTrainer
{
    public static MatchModel Train(FeatureTable a, FeatureTable b, bool dedupe, ComparisonKind[] kinds, long[] candidates, int seed = 42, int randomPairs = 196_608)
    {
        var scorer = new PairLevels(kinds);
        var u = SampleU(a, b, dedupe, kinds, scorer, seed, randomPairs, out var sampled);
        var tf = TermFrequencies(a, b, dedupe, kinds);
        for (var c = 0; c < kinds.Length; c++)
        {
            // Exact agreement under random pairs is Σ tf² (computed, not sampled): the u that TF adjustments refer to.
            if (tf[c] is { } freq)
            {
                var sumSquares = 0.0;
                for (var v = 0; v < freq.Length - 1; v++)
                {
                    sumSquares += (double)freq[v] * freq[v];
                }

                if (sumSquares > 0)
                {
                    u[c][0] = sumSquares;
                }
            }
        }

        var patterns = Patterns(a, b, kinds, scorer, candidates, seed);
        var (m, uc, lambda, iterations, converged, reset) = Em(kinds, patterns, u);
        double total = dedupe ? a.Count * (a.Count - 1.0) / 2 : (double)a.Count * b.Count;
        var expectedMatches = Math.Max(1, lambda * candidates.Length);
        var lambdaAll = Math.Clamp(expectedMatches / Math.Max(1, total), 1e-12, 0.5);
        var uNamed = NamedU(kinds, patterns, m, uc, lambda);
        var model = new MatchModel(kinds, m, u, tf, Math.Log2(lambdaAll / (1 - lambdaAll)), uNamed)
        {
            Report = new TrainingReport(sampled, candidates.Length, iterations, converged, reset, lambda),
        };
        return model;
    }

    private static double[][] SampleU(FeatureTable a, FeatureTable b, bool dedupe, ComparisonKind[] kinds, PairLevels scorer, int seed, int wanted, out long sampled)
    {
        var counts = kinds.Select(k => new double[Comparisons.LevelNames(k).Length]).ToArray();
        long n = 0;
        var gate = new Lock();
        const int chunk = 65_536;
        var chunks = a.Count > 1 && b.Count > 0 ? (wanted + chunk - 1) / chunk : 0;
        // Chunks in parallel, each with its own seeded generator: the sample is the same on every run.
        Parallel.For(0, chunks, k =>
        {
            var rng = new Random(seed + k);
            var local = kinds.Select(x => new double[Comparisons.LevelNames(x).Length]).ToArray();
            Span<byte> levels = stackalloc byte[kinds.Length];
            Span<int> values = stackalloc int[kinds.Length];
            long localN = 0;
            for (var s = 0; s < chunk; s++)
            {
                var i = rng.Next(a.Count);
                var j = rng.Next(b.Count);
                if (dedupe && i == j)
                {
                    continue;
                }

                scorer.Levels(a, i, b, j, levels, values, out _);
                for (var c = 0; c < kinds.Length; c++)
                {
                    if (levels[c] != Comparisons.Null)
                    {
                        local[c][levels[c]]++;
                    }
                }

                localN++;
            }

            lock (gate)
            {
                n += localN;
                for (var c = 0; c < kinds.Length; c++)
                {
                    for (var l = 0; l < local[c].Length; l++)
                    {
                        counts[c][l] += local[c][l];
                    }
                }
            }
        });

        sampled = n;
        // Laplace smoothing keeps every u above zero (a level never seen among random pairs is rare, not impossible).
        return [.. counts.Select(row => row.Select(x => (x + 0.5) / (row.Sum() + (0.5 * row.Length))).ToArray())];
    }

    private static float[]?[] TermFrequencies(FeatureTable a, FeatureTable b, bool dedupe, ComparisonKind[] kinds)
    {
        var vocabSize = a.Vocab.Count;
        var result = new float[]?[kinds.Length];
        for (var c = 0; c < kinds.Length; c++)
        {
            if (!Comparisons.UsesTermFrequency(kinds[c]))
            {
                continue;
            }

            var counts = new float[vocabSize + 1];
            long total = 0;
            foreach (var t in dedupe ? [a] : new[] { a, b })
            {
                var slot = FeatureTable.IdentifierSlot(kinds[c]);
                if (slot >= 0)
                {
                    foreach (var v in t.Identifiers[slot].Values)
                    {
                        counts[v]++;
                        total++;
                    }

                    continue;
                }

                foreach (var v in t.Field(kinds[c]))
                {
                    if (v >= 0)
                    {
                        counts[v]++;
                        total++;
                    }
                }
            }

            if (total == 0)
            {
                continue;
            }

            for (var v = 0; v < vocabSize; v++)
            {
                counts[v] /= total;
            }

            counts[vocabSize] = 1f / total;
            if (Comparisons.IsName(kinds[c]))
            {
                CommonNameFloors(dedupe ? [a] : [a, b], kinds[c], counts);
            }

            result[c] = counts;
        }

        return result;
    }

    /// <summary>Raises the frequency of every name value made of common names to its floor (<see cref="Normalisation.Names.CommonNames"/>).</summary>
    private static void CommonNameFloors(FeatureTable[] tables, ComparisonKind kind, float[] frequencies)
    {
        bool? given = kind switch { ComparisonKind.GivenName => true, ComparisonKind.FamilyName => false, _ => null };
        var seen = new HashSet<int>();
        foreach (var t in tables)
        {
            foreach (var v in t.Field(kind))
            {
                if (v < 0 || !seen.Add(v))
                {
                    continue;
                }

                // Value keys write a token of the equivalence table as "=label" (FeatureTable.ValueKey).
                var groups = t.Vocab.Text(v).Split(' ').Select(k => k.StartsWith('=') ? Normalisation.Names.NameEquivalents.GroupOf(k[1..]) : -1);
                frequencies[v] = Math.Max(frequencies[v], (float)Normalisation.Names.CommonNames.Share(groups, given));
            }
        }
    }

    private static Dictionary<ulong, int> Patterns(FeatureTable a, FeatureTable b, ComparisonKind[] kinds, PairLevels scorer, long[] candidates, int seed)
    {
        var patterns = new Dictionary<ulong, int>();
        Span<byte> levels = stackalloc byte[kinds.Length];
        Span<int> values = stackalloc int[kinds.Length];
        var step = Math.Max(1, candidates.Length / 100_000);
        for (var p = seed % step; p < candidates.Length; p += step)
        {
            var pair = candidates[p];
            scorer.Levels(a, (int)(pair >> 32), b, (int)(pair & 0xFFFFFFFF), levels, values, out _);
            ulong key = 0;
            for (var c = 0; c < kinds.Length; c++)
            {
                key |= (ulong)(levels[c] == Comparisons.Null ? 15 : levels[c]) << (4 * c);
            }

            patterns[key] = patterns.GetValueOrDefault(key) + 1;
        }

        return patterns;
    }

    private static (double[][] M, double[][] U, double Lambda, int Iterations, bool Converged, List<ComparisonKind> Reset) Em(ComparisonKind[] kinds, Dictionary<ulong, int> patterns, double[][] uRandom)
    {
        const double floor = 1e-6;
        var m = kinds.Select(k => (double[])Comparisons.DefaultM(k).Clone()).ToArray();
        var uc = uRandom.Select(r => (double[])r.Clone()).ToArray();
        var lambda = 0.1;
        var keys = patterns.Keys.ToArray();
        var counts = keys.Select(k => (double)patterns[k]).ToArray();
        var iterations = 0;
        var converged = false;
        for (; iterations < 100 && keys.Length > 0; iterations++)
        {
            var mNew = m.Select(r => new double[r.Length]).ToArray();
            var uNew = m.Select(r => new double[r.Length]).ToArray();
            double matchMass = 0, totalMass = 0;
            for (var p = 0; p < keys.Length; p++)
            {
                double lm = lambda, lu = 1 - lambda;
                for (var c = 0; c < kinds.Length; c++)
                {
                    var l = (int)((keys[p] >> (4 * c)) & 15);
                    if (l != 15)
                    {
                        lm *= m[c][l];
                        lu *= uc[c][l];
                    }
                }

                var post = lm / (lm + lu);
                matchMass += post * counts[p];
                totalMass += counts[p];
                for (var c = 0; c < kinds.Length; c++)
                {
                    var l = (int)((keys[p] >> (4 * c)) & 15);
                    if (l != 15)
                    {
                        mNew[c][l] += post * counts[p];
                        uNew[c][l] += (1 - post) * counts[p];
                    }
                }
            }

            var delta = Math.Abs((matchMass / totalMass) - lambda);
            lambda = Math.Clamp(matchMass / totalMass, floor, 1 - floor);
            for (var c = 0; c < kinds.Length; c++)
            {
                Normalise(mNew[c], floor);
                Normalise(uNew[c], floor);
                for (var l = 0; l < m[c].Length; l++)
                {
                    delta = Math.Max(delta, Math.Abs(mNew[c][l] - m[c][l]));
                }

                m[c] = mNew[c];
                uc[c] = uNew[c];
            }

            if (delta < 1e-6)
            {
                converged = true;
                iterations++;
                break;
            }
        }

        var reset = new List<ComparisonKind>();
        for (var c = 0; c < kinds.Length; c++)
        {
            if (m[c][0] <= uc[c][0] || double.IsNaN(m[c][0]))
            {
                m[c] = (double[])Comparisons.DefaultM(kinds[c]).Clone();
                reset.Add(kinds[c]);
            }
        }

        return (m, uc, lambda, iterations, converged, reset);
    }

    /// <summary>For every category the name implies, its level distribution among the candidate pairs that EM takes for
    /// non-matches and whose names agree (a name part at the skeleton level or better), Laplace-smoothed; null for other
    /// comparisons, and when fewer than 100 such pairs weigh in (then the random-pair u stays).</summary>
    private static double[]?[] NamedU(ComparisonKind[] kinds, Dictionary<ulong, int> patterns, double[][] m, double[][] uc, double lambda)
    {
        var result = new double[]?[kinds.Length];
        var names = Enumerable.Range(0, kinds.Length).Where(c => Comparisons.IsName(kinds[c])).ToArray();
        var follows = Enumerable.Range(0, kinds.Length).Where(c => Comparisons.FollowsTheName(kinds[c])).ToArray();
        if (names.Length == 0 || follows.Length == 0)
        {
            return result;
        }

        var counts = kinds.Select(k => new double[Comparisons.LevelNames(k).Length]).ToArray();
        foreach (var (key, count) in patterns)
        {
            if (!names.Any(c => ((key >> (4 * c)) & 15) <= 2))
            {
                continue;
            }

            // The posterior of a match under the trained model, as in the last EM step.
            double lm = lambda, lu = 1 - lambda;
            for (var c = 0; c < kinds.Length; c++)
            {
                var l = (int)((key >> (4 * c)) & 15);
                if (l != 15)
                {
                    lm *= m[c][l];
                    lu *= uc[c][l];
                }
            }

            var nonMatch = count * lu / (lm + lu);
            foreach (var c in follows)
            {
                var l = (int)((key >> (4 * c)) & 15);
                if (l != 15)
                {
                    counts[c][l] += nonMatch;
                }
            }
        }

        foreach (var c in follows)
        {
            var row = counts[c];
            var sum = row.Sum();
            if (sum >= 100)
            {
                result[c] = [.. row.Select(x => (x + 0.5) / (sum + (0.5 * row.Length)))];
            }
        }

        return result;
    }

    private static void Normalise(double[] row, double floor)
    {
        var sum = row.Sum();
        for (var l = 0; l < row.Length; l++)
        {
            row[l] = sum <= 0 ? 1.0 / row.Length : Math.Max(floor, row[l] / sum);
        }
    }
}
