namespace Tessera.Core.Matching;

/// <summary>One scored candidate of a screening query.</summary>
/// <param name="Index">Position of the record in the indexed population.</param>
public sealed record ScreeningHit(int Index, string Id, double Weight, MatchKind Kind)
{
    public double Probability => MatchModel.Probability(Weight);
}

/// <summary>An in-memory index over a population of persons, answering "who in the population could this be?".</summary>
/// <remarks>
/// Candidates come from an inverted index over name-token keys (Latin form, skeleton, equivalence group) and strong
/// identifiers; posting lists longer than <c>postingCap</c> are skipped as too common (the "Mohammad" problem), so a
/// query is answered from its rarer tokens. Candidates are scored with the same Fellegi–Sunter comparisons as
/// matching (full name with aliases, birth date, nationality, gender, identifiers); u and term frequencies come from the
/// population, m from the model's defaults, and the prior is one match in the population.
/// Queries may run concurrently. Tokens first seen in a query are interned into the index's vocabulary, which grows
/// with new query tokens.
/// </remarks>
public sealed class ScreeningIndex
{
    private readonly Vocabulary _vocab = new();
    private readonly FeatureTable _table;
    private readonly Dictionary<ulong, int[]> _postings;
    private readonly PairScorer _scorer;
    private readonly int _postingCap;

    /// <summary>At most this many candidates (those sharing the most keys with the query) are scored per query.</summary>
    public int ScoredCandidates { get; set; } = 256;

    public ScreeningIndex(IReadOnlyList<PersonRecord> population, int postingCap = 5000, int seed = 42)
    {
        _postingCap = postingCap;
        _table = FeatureTable.Build(population, _vocab);
        var lists = new Dictionary<ulong, List<int>>();
        var keys = new List<ulong>();
        for (var i = 0; i < _table.Count; i++)
        {
            keys.Clear();
            QueryKeys(_table, i, keys);
            foreach (var key in keys.Distinct())
            {
                if (!lists.TryGetValue(key, out var list))
                {
                    lists[key] = list = [];
                }

                list.Add(i);
            }
        }

        _postings = lists.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray());
        var kinds = MatchEngine.ChooseComparisons(_table, _table, structured: false)
            .Where(k => k is not (ComparisonKind.BirthPlace or ComparisonKind.Street or ComparisonKind.Street2 or ComparisonKind.City or ComparisonKind.PostalCode or ComparisonKind.Region))
            .ToArray();
        Model = ModelTrainer.Train(_table, _table, dedupe: true, kinds, [], seed);
        var prior = Math.Log2(1.0 / Math.Max(2, _table.Count));
        Model = Model.WithPrior(prior);
        _scorer = new PairScorer(Model);
    }

    /// <summary>The scoring model (thresholds may be changed).</summary>
    public MatchModel Model { get; }

    public int Count => _table.Count;

    /// <summary>Candidates for <paramref name="query"/> at or above the review threshold, best first, at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<ScreeningHit> Query(PersonRecord query, int limit = 10)
    {
        var q = FeatureTable.Build([query], _vocab);
        var keys = new List<ulong>();
        QueryKeys(q, 0, keys);
        // Count key hits per candidate, then score the best-supported candidates only.
        var support = new Dictionary<int, int>();
        foreach (var key in keys.Distinct())
        {
            if (_postings.TryGetValue(key, out var posting) && posting.Length <= _postingCap)
            {
                foreach (var i in posting)
                {
                    support[i] = support.GetValueOrDefault(i) + 1;
                }
            }
        }

        var candidates = support.Count <= ScoredCandidates
            ? support.Keys.ToList()
            : support.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Take(ScoredCandidates).Select(kv => kv.Key).ToList();
        var hits = new List<ScreeningHit>();
        foreach (var i in candidates)
        {
            var weight = _scorer.Score(q, 0, _table, i, out var identity, out var shared);
            var kind = MatchEngine.Classify(Model, weight, identity, shared);
            if (kind != MatchKind.None)
            {
                hits.Add(new ScreeningHit(i, _table.Ids[i], weight, kind));
            }
        }

        hits.Sort((x, y) => y.Weight.CompareTo(x.Weight));
        return hits.Count > limit ? hits[..limit] : hits;
    }

    /// <summary>Records holding a strong identifier (property: phone, email, iban, idNumber or passportNumber).</summary>
    /// <remarks>A shared phone, e-mail or account comes back as <see cref="MatchKind.Link"/>: it connects, it does not identify.</remarks>
    public IReadOnlyList<ScreeningHit> QueryIdentifier(string property, string value, int limit = 50)
    {
        var query = property switch
        {
            "phone" => new PersonRecord("query") { Phones = [value] },
            "email" => new PersonRecord("query") { Emails = [value] },
            "iban" => new PersonRecord("query") { Ibans = [value] },
            "idNumber" or "passportNumber" => new PersonRecord("query") { IdNumbers = [value] },
            _ => throw new Model.ModelException($"'{property}' is not a strong identifier", field: property),
        };
        return Query(query, limit);
    }

    /// <summary>The waterfall of a query against one indexed record.</summary>
    public PairExplanation Explain(PersonRecord query, int index)
    {
        var q = FeatureTable.Build([query], _vocab);
        return Explainer.Explain(Model, q, 0, _table, index);
    }

    internal static void QueryKeys(FeatureTable t, int i, List<ulong> keys)
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
