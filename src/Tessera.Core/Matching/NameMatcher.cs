namespace Tessera.Core.Matching;

/// <summary>The comparison of two names on their own: level, alignment score and token alignment.</summary>
/// <param name="Level">0 exact, 1 equivalent, 2 skeleton, 3 fuzzy ≥ 0.92, 4 ≥ 0.88, 5 ≥ 0.70, 6 a token agrees, 7 else; 255 when a name is empty.</param>
public sealed record NameComparison(int Level, double Score, IReadOnlyList<TokenMatch> Tokens)
{
    /// <summary>The review point of the name comparison: level ≤ 4 (every token keyed, or alignment score ≥ 0.88).</summary>
    public bool IsMatch => Level <= 4;

    public string LevelName => Level == Comparisons.Null ? "null" : Comparisons.LevelNames(ComparisonKind.FullName)[Level];
}

/// <summary>Compares two full names across scripts and transliterations (one-off use; bulk matching uses <see cref="MatchEngine"/>).</summary>
public static class NameMatcher
{
    public static NameComparison Compare(string left, string right)
    {
        var table = FeatureTable.Build([new PersonRecord("l") { Name = left }, new PersonRecord("r") { Name = right }], new Vocabulary());
        var tokens = new List<TokenMatch>();
        var level = NameAlignment.Explain(table, table.FullStart[0], table.FullLength[0], table, table.FullStart[1], table.FullLength[1], tokens, out var score);
        return new NameComparison(level, score, tokens);
    }
}
