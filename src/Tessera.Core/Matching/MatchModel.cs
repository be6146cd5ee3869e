namespace Tessera.Core.Matching;

/// <summary>A trained Fellegi–Sunter model: comparisons, m and u per level, term frequencies, prior and thresholds.</summary>
/// <remarks>
/// Match weight of a pair = prior + Σ log2(m/u) over comparisons + term-frequency adjustments, in bits; probability =
/// 2^w / (1 + 2^w). The prior is log2(λ/(1−λ)) with λ the share of matches among all record pairs. Thresholds are
/// on weights (splink PR #3198: probabilities saturate).
/// A category that the name implies (<see cref="Comparisons.FollowsTheName"/>) breaks the independence the sum assumes:
/// two Eritrean names agree on Eritrea whether or not they name one person. When a name part agrees, such a category
/// weighs log2(m / u'), with u' its distribution among the non-matches whose names agree (estimated by EM on the
/// candidate pairs), instead of u among random pairs.
/// </remarks>
public sealed class MatchModel
{
    internal MatchModel(ComparisonKind[] kinds, double[][] m, double[][] u, float[]?[] tf, double prior, double[]?[]? uNamed = null)
    {
        Kinds = kinds;
        M = m;
        U = u;
        UNamed = uNamed ?? new double[]?[kinds.Length];
        NamedWeights = new double[]?[kinds.Length];
        _nameParts = [.. Enumerable.Range(0, kinds.Length).Where(c => Comparisons.IsName(kinds[c]))];
        Tf = tf;
        Prior = prior;
        Weights = new double[kinds.Length][];
        TfExact = new double[kinds.Length];
        for (var c = 0; c < kinds.Length; c++)
        {
            Weights[c] = new double[m[c].Length];
            for (var l = 0; l < m[c].Length; l++)
            {
                Weights[c][l] = Math.Log2(m[c][l] / u[c][l]);
            }

            if (Comparisons.DisagreeingLevel(kinds[c]) is var disagree and >= 0)
            {
                Weights[c][disagree] = Math.Min(Weights[c][disagree], Comparisons.DisagreementCeiling(kinds[c]));
            }

            TfExact[c] = u[c][0];
            if (UNamed[c] is { } named)
            {
                NamedWeights[c] = [.. m[c].Select((x, l) => Math.Log2(x / named[l]))];
            }

            if (Comparisons.NeverForLevel(kinds[c]) is var never and >= 0)
            {
                Weights[c][never] = Math.Min(Weights[c][never], 0);
            }
        }

        StructuredNames = Array.IndexOf(kinds, ComparisonKind.GivenName) >= 0 && Array.IndexOf(kinds, ComparisonKind.FamilyName) >= 0;
    }

    /// <summary>The comparisons, in scoring order.</summary>
    public IReadOnlyList<ComparisonKind> Kinds { get; }

    internal double[][] M { get; }
    internal double[][] U { get; }
    internal double[][] Weights { get; }

    /// <summary>Per comparison, u among non-matches whose names agree, or null (see remarks).</summary>
    internal double[]?[] UNamed { get; }

    /// <summary>Per comparison, the weights when a name part agrees, or null when they are <see cref="Weights"/>.</summary>
    internal double[]?[] NamedWeights { get; }

    private readonly int[] _nameParts;
    internal float[]?[] Tf { get; }
    internal double[] TfExact { get; }
    internal bool StructuredNames { get; }

    /// <summary>Prior match weight in bits, log2(λ/(1−λ)).</summary>
    public double Prior { get; }

    /// <summary>Weight at or above which a pair is a hit ("same person"). Default 0 bits: posterior probability ½.</summary>
    public double HitThreshold { get; set; }

    /// <summary>Weight at or above which a pair goes to review. Default −6 bits (probability ≈ 0.015).</summary>
    public double ReviewThreshold { get; set; } = -6;

    /// <summary>What training did: sample sizes, EM iterations, comparisons reset to defaults.</summary>
    public TrainingReport Report { get; internal set; } = new(0, 0, 0, false, [], 0);

    /// <summary>Term-frequency adjustment in bits for an exact agreement on value <paramref name="value"/> (Splink TF: log2(u_exact / tf)).</summary>
    internal double TfAdjustment(int c, int value)
    {
        var tf = Tf[c];
        if (tf is null || value < 0)
        {
            return 0;
        }

        var f = value < tf.Length && tf[value] > 0 ? tf[value] : tf[^1];
        return Math.Clamp(Math.Log2(TfExact[c] / f), -12, 12);
    }

    /// <summary>The term-frequency adjustment of comparison <paramref name="c"/> at <paramref name="level"/>: exact agreement,
    /// and for names also the equivalent level, whose value is the name's equivalence group (Splink applies TF to
    /// non-exact levels the same way).</summary>
    internal double LevelAdjustment(int c, byte level, int value) =>
        level == 0 || (level == 1 && Comparisons.IsName(Kinds[c])) ? TfAdjustment(c, value) : 0;

    /// <summary>The weight of comparison <paramref name="c"/> at <paramref name="level"/>, given the levels of the whole
    /// pair: a category that the name implies weighs its <see cref="NamedWeights"/> when a name part agrees.</summary>
    internal double Weight(int c, byte level, ReadOnlySpan<byte> levels) =>
        NamedWeights[c] is { } named && NamesAgree(levels) ? named[level] : Weights[c][level];

    /// <summary>True when a name part of the pair agrees at the skeleton level or better.</summary>
    internal bool NamesAgree(ReadOnlySpan<byte> levels)
    {
        foreach (var c in _nameParts)
        {
            if (levels[c] <= 2)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The same model with another prior (e.g. one match in a screened population).</summary>
    internal MatchModel WithPrior(double prior) => new(Kinds.ToArray(), M, U, Tf, prior, UNamed) { Report = Report, HitThreshold = HitThreshold, ReviewThreshold = ReviewThreshold };

    public static double Probability(double weight) => weight > 60 ? 1 : weight < -60 ? 0 : Math.Pow(2, weight) / (1 + Math.Pow(2, weight));

    /// <summary>The level names and weights of every comparison, one line each.</summary>
    public IEnumerable<string> Describe()
    {
        for (var c = 0; c < Kinds.Count; c++)
        {
            var names = Comparisons.LevelNames(Kinds[c]);
            yield return Kinds[c] + ": " + string.Join(", ", names.Select((n, l) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{n} {Weights[c][l]:+0.00;-0.00}")));
        }
    }
}

/// <summary>What unsupervised training did.</summary>
/// <param name="RandomPairs">Random pairs sampled for u.</param>
/// <param name="CandidatePairs">Blocked pairs used by EM.</param>
/// <param name="Iterations">EM iterations run.</param>
/// <param name="Converged">True when EM converged before its iteration cap.</param>
/// <param name="ResetToDefaults">Comparisons whose m fell back to defaults because EM did not separate the classes.</param>
/// <param name="CandidateMatchShare">λ among candidate pairs as estimated by EM.</param>
public sealed record TrainingReport(long RandomPairs, long CandidatePairs, int Iterations, bool Converged, IReadOnlyList<ComparisonKind> ResetToDefaults, double CandidateMatchShare);
