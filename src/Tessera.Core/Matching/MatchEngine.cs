using System.Diagnostics;

namespace Tessera.Core.Matching;

/// <summary>Options of a matching run.</summary>
/// <param name="BlockCap">Blocks with more records than this are skipped (identifier blocks: four times this).</param>
/// <param name="Threshold">Overrides the model's hit threshold (weight in bits).</param>
/// <param name="KeepBelowReview">Also return pairs below the review threshold (for evaluation curves).</param>
public sealed record MatchOptions(int BlockCap = 200, double? Threshold = null, bool KeepBelowReview = false, int Seed = 42);

/// <summary>Deduplicates one list of persons or links two lists: features → blocking → unsupervised training → scoring.</summary>
public sealed class MatchEngine
{
    private readonly Vocabulary _vocab = new();
    private FeatureTable? _left;
    private FeatureTable? _right;
    private MatchModel? _model;

    /// <summary>Finds the pairs of records in <paramref name="records"/> that are the same person (or linked).</summary>
    public MatchRun Dedupe(IReadOnlyList<PersonRecord> records, MatchOptions? options = null) => Run(records, null, options ?? new());

    /// <summary>Finds pairs between <paramref name="left"/> and <paramref name="right"/>.</summary>
    public MatchRun Link(IReadOnlyList<PersonRecord> left, IReadOnlyList<PersonRecord> right, MatchOptions? options = null) => Run(left, right, options ?? new());

    private MatchRun Run(IReadOnlyList<PersonRecord> left, IReadOnlyList<PersonRecord>? right, MatchOptions options)
    {
        var clock = Stopwatch.StartNew();
        var a = FeatureTable.Build(left, _vocab);
        var b = right is null ? a : FeatureTable.Build(right, _vocab);
        var tFeatures = clock.Elapsed.TotalSeconds;
        var candidates = Blocking.Candidates(a, right is null ? null : b, options.BlockCap, out var blocking);
        var tBlocking = clock.Elapsed.TotalSeconds;
        var kinds = ChooseComparisons(a, b, Structured(left) && (right is null || Structured(right)));
        var model = ModelTrainer.Train(a, b, right is null, kinds, candidates, options.Seed);
        if (options.Threshold is { } threshold)
        {
            model.HitThreshold = threshold;
        }

        var tTraining = clock.Elapsed.TotalSeconds;
        var weights = new float[candidates.Length];
        var identity = new float[candidates.Length];
        var shared = new bool[candidates.Length];
        var commonNameAlone = new bool[candidates.Length];
        new PairScorer(model).ScoreAll(a, b, candidates, weights, identity, shared, commonNameAlone);
        var pairs = new List<ScoredPair>();
        for (var p = 0; p < candidates.Length; p++)
        {
            var kind = Classify(model, weights[p], identity[p], shared[p], commonNameAlone[p]);
            if (kind != MatchKind.None || options.KeepBelowReview)
            {
                pairs.Add(new ScoredPair((int)(candidates[p] >> 32), (int)(candidates[p] & 0xFFFFFFFF), weights[p], identity[p], kind));
            }
        }

        var tScoring = clock.Elapsed.TotalSeconds;
        (_left, _right, _model) = (a, b, model);
        return new MatchRun(model, blocking, pairs, new MatchTimings(tFeatures, tBlocking - tFeatures, tTraining - tBlocking, tScoring - tTraining));
    }

    /// <summary>Hit when identity evidence and total both reach the upper threshold; a shared identifier alone is a link.</summary>
    internal static MatchKind Classify(MatchModel model, double weight, double identity, bool sharedLink) => Classify(model, weight, identity, sharedLink, false);

    /// <summary>As above; a pair of common names with nothing else of the person agreeing (<paramref name="commonNameAlone"/>)
    /// is never a hit: Mohammed Ali names too many persons for the name to say "same person" (at most review).</summary>
    internal static MatchKind Classify(MatchModel model, double weight, double identity, bool sharedLink, bool commonNameAlone)
    {
        if (!commonNameAlone && identity >= model.HitThreshold && weight >= model.HitThreshold)
        {
            return MatchKind.SamePerson;
        }

        if (sharedLink)
        {
            return MatchKind.Link;
        }

        return weight >= model.ReviewThreshold ? MatchKind.Review : MatchKind.None;
    }

    /// <summary>The waterfall of one pair of the last run.</summary>
    public PairExplanation Explain(ScoredPair pair)
    {
        if (_left is null || _right is null || _model is null)
        {
            throw new InvalidOperationException("Run Dedupe or Link first.");
        }

        return Explainer.Explain(_model, _left, pair.Left, _right, pair.Right);
    }

    /// <summary>The cluster of every record of the last dedupe run (<see cref="PairClusters"/>: hits joined by average linkage at the hit threshold).</summary>
    /// <remarks>Weights are min(total, identity), the two quantities <see cref="Classify(MatchModel, double, double, bool, bool)"/> compares with the threshold.</remarks>
    public int[] Clusters(MatchRun run)
    {
        if (_left is null || _model is null || !ReferenceEquals(_left, _right) || !ReferenceEquals(run.Model, _model))
        {
            throw new InvalidOperationException("Clusters need the engine's last run, a dedupe.");
        }

        var table = _left;
        var scorer = new PairScorer(_model);
        var hits = run.Pairs.Where(p => p.Kind == MatchKind.SamePerson).Select(p => (p.Left, p.Right, Math.Min(p.Weight, p.IdentityWeight)));
        return PairClusters.Build(table.Count, hits, (i, j) => Math.Min(scorer.Score(table, i, table, j, out var identity, out _), identity), _model.HitThreshold);
    }

    /// <summary>Comparisons for the fields that the data fill (at least 0.5% of records on either side).</summary>
    internal static ComparisonKind[] ChooseComparisons(FeatureTable a, FeatureTable b, bool structured)
    {
        var kinds = new List<ComparisonKind>();
        if (structured)
        {
            kinds.Add(ComparisonKind.GivenName);
            kinds.Add(ComparisonKind.FamilyName);
        }
        else
        {
            kinds.Add(ComparisonKind.FullName);
        }

        foreach (var kind in Enum.GetValues<ComparisonKind>())
        {
            if (Comparisons.IsName(kind))
            {
                continue;
            }

            if (Math.Max(a.Coverage(kind), b.Coverage(kind)) >= 0.005)
            {
                kinds.Add(kind);
            }
        }

        return [.. kinds.Take(16)];
    }

    /// <summary>True when most records give their name as parts (first/last), so given and family names are compared apart.</summary>
    internal static bool Structured(IReadOnlyList<PersonRecord> records) => records.Count > 0 && records.Count(r => r.HasNameParts) > records.Count / 2;
}
