namespace Tessera.Core.Matching;

/// <summary>Scores candidate pairs with a trained model: the hot loop of matching.</summary>
/// <remarks>Features are precomputed per record; a pair costs integer compares, a few Jaro-Winkler calls and table lookups, and no allocation. Chunks run in parallel.</remarks>
internal sealed class PairScorer
{
    private readonly MatchModel _model;
    private readonly PairLevels _levels;
    private readonly ComparisonKind[] _kinds;
    private readonly bool[] _link;

    public PairScorer(MatchModel model)
    {
        _model = model;
        _kinds = [.. model.Kinds];
        _levels = new PairLevels(_kinds);
        _link = [.. _kinds.Select(Comparisons.IsLinkEvidence)];
    }

    /// <summary>Total weight of a pair; <paramref name="identity"/> is the part from person attributes (prior included, and
    /// phones, e-mails and accounts that differ), <paramref name="sharedLink"/> tells that a phone, e-mail or account agrees.</summary>
    public double Score(FeatureTable a, int i, FeatureTable b, int j, out double identity, out bool sharedLink) =>
        Score(a, i, b, j, out identity, out sharedLink, out _);

    /// <summary>Like <see cref="Score(FeatureTable, int, FeatureTable, int, out double, out bool)"/>; <paramref name="commonNameAlone"/>
    /// tells that both names are common names and nothing but the name and weak categories (nationality, gender) agrees.</summary>
    public double Score(FeatureTable a, int i, FeatureTable b, int j, out double identity, out bool sharedLink, out bool commonNameAlone)
    {
        Span<byte> levels = stackalloc byte[_kinds.Length];
        Span<int> values = stackalloc int[_kinds.Length];
        _levels.Levels(a, i, b, j, levels, values, out _);
        identity = _model.Prior;
        var link = 0.0;
        sharedLink = false;
        var corroborated = false;
        for (var c = 0; c < _kinds.Length; c++)
        {
            var l = levels[c];
            if (l == Comparisons.Null)
            {
                continue;
            }

            corroborated |= Comparisons.Corroborates(_kinds[c], l);

            var w = _model.Weight(c, l, levels) + _model.LevelAdjustment(c, l, values[c]);

            // A shared phone, e-mail or account links two persons without saying they are one; a differing one is
            // evidence about the person and counts against identity.
            if (_link[c] && l == 0)
            {
                link += w;
                sharedLink = true;
            }
            else
            {
                identity += w;
            }
        }

        commonNameAlone = !corroborated && a.CommonName[i] && b.CommonName[j];
        return identity + link;
    }

    /// <summary>Scores every pair (packed left &lt;&lt; 32 | right) in parallel chunks.</summary>
    public void ScoreAll(FeatureTable a, FeatureTable b, long[] pairs, float[] weights, float[] identity, bool[] shared, bool[]? commonNameAlone = null)
    {
        const int chunk = 16_384;
        var chunks = (pairs.Length + chunk - 1) / chunk;
        Parallel.For(0, chunks, k =>
        {
            var end = Math.Min(pairs.Length, (k + 1) * chunk);
            for (var p = k * chunk; p < end; p++)
            {
                var pair = pairs[p];
                weights[p] = (float)Score(a, (int)(pair >> 32), b, (int)(pair & 0xFFFFFFFF), out var id, out var s, out var alone);
                identity[p] = (float)id;
                shared[p] = s;
                if (commonNameAlone is not null)
                {
                    commonNameAlone[p] = alone;
                }
            }
        });
    }
}
