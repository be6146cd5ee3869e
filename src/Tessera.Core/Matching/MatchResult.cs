namespace Tessera.Core.Matching;

/// <summary>What a scored pair means.</summary>
public enum MatchKind
{
    /// <summary>Below the review threshold, no shared strong link.</summary>
    None,

    /// <summary>Between the lower and the upper threshold: a human should look.</summary>
    Review,

    /// <summary>Person attributes agree above the upper threshold: the same person.</summary>
    SamePerson,

    /// <summary>A shared phone, e-mail or account connects two records whose attributes do not say "same person".</summary>
    Link,
}

/// <summary>One scored candidate pair (indices into the left and right record lists).</summary>
/// <param name="Weight">Total match weight in bits (identity + link evidence).</param>
/// <param name="IdentityWeight">Prior plus person-attribute evidence only; decides <see cref="MatchKind.SamePerson"/>.</param>
public sealed record ScoredPair(int Left, int Right, double Weight, double IdentityWeight, MatchKind Kind)
{
    public double Probability => MatchModel.Probability(Weight);
}

/// <summary>The outcome of a dedupe or link run.</summary>
public sealed record MatchRun(MatchModel Model, BlockingReport Blocking, IReadOnlyList<ScoredPair> Pairs, MatchTimings Timings);

/// <summary>Wall time of each stage, in seconds.</summary>
public sealed record MatchTimings(double Features, double Blocking, double Training, double Scoring);
