namespace Tessera.Core.Matching;

/// <summary>One scored candidate of a screening query.</summary>
/// <param name="Index">Position of the record in the indexed population.</param>
public sealed record ScreeningHit(int Index, string Id, double Weight, MatchKind Kind)
{
    public double Probability => MatchModel.Probability(Weight);

    /// <summary>Bits taken off the pair's own weight because other candidates compete for the same query (0 unless <see cref="ScreeningIndex.OneEntryPerPerson"/>).</summary>
    public double Competition { get; init; }
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
    private readonly TokenNeighbours _neighbours;

    /// <summary>The population names every person once (a reference list such as a sanctions list): candidates then compete.</summary>
    /// <remarks>
    /// The prior of one match in the population then says that at most one candidate is the query's person, so the
    /// posteriors of the candidates are normalised together: P(i) = odds(i) / (1 + Σ_j odds(j)), i.e. weight(i) minus
    /// log2(1 + Σ_{j≠i} 2^weight(j)). A relative who shares most names with a listed person loses weight when the
    /// listed person himself scores higher; a candidate without competitors keeps its weight. Leave it off for a
    /// cross-check population, where the same person may come from several contributions.
    /// </remarks>
    public bool OneEntryPerPerson { get; set; }

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
            ScreeningQuery.RecordKeys(_table, i, keys);
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
        _neighbours = new TokenNeighbours(_table);
        Model = Train(_table, seed).WithPrior(Math.Log2(1.0 / Math.Max(2, _table.Count)));
        _scorer = new PairScorer(Model);
    }

    /// <summary>The screening model of a population: names, birth date, nationality, gender and identifiers (no place
    /// fields), trained without labels, with Good–Turing name frequencies; the prior is the caller's.</summary>
    internal static MatchModel Train(FeatureTable table, int seed)
    {
        var kinds = MatchEngine.ChooseComparisons(table, table, structured: false)
            .Where(k => k is not (ComparisonKind.BirthPlace or ComparisonKind.Street or ComparisonKind.Street2 or ComparisonKind.City or ComparisonKind.PostalCode or ComparisonKind.Region))
            .ToArray();
        var model = ModelTrainer.Train(table, table, dedupe: true, kinds, [], seed);
        for (var c = 0; c < model.Kinds.Count; c++)
        {
            if (Comparisons.IsName(model.Kinds[c]) && model.Tf[c] is { } tf)
            {
                GoodTuring(tf);
            }
        }

        return model;
    }

    /// <summary>The scoring model (thresholds may be changed).</summary>
    public MatchModel Model { get; }

    public int Count => _table.Count;

    /// <summary>Candidates for <paramref name="query"/> at or above the review threshold, best first, at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<ScreeningHit> Query(PersonRecord query, int limit = 10)
    {
        // The steps shared with the resident index (ScreeningQuery): keys with typo neighbours, support, scoring, competition.
        var q = FeatureTable.Build([query], _vocab);
        var keys = ScreeningQuery.Keys(q, _vocab, _neighbours);
        var candidates = ScreeningQuery.Candidates(keys, key => _postings.TryGetValue(key, out var p) ? new Posting(p, 0, p.Length, null) : Posting.Empty, _table.Count, _postingCap, include: null, ScoredCandidates);
        var hits = ScreeningQuery.Score(q, _scorer, Model, candidates, i => (_table, i), OneEntryPerPerson);
        return [.. hits.Take(limit).Select(h => new ScreeningHit(h.Index, _table.Ids[h.Index], h.Weight, h.Kind) { Competition = h.Competition })];
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

    /// <summary>Good–Turing smoothing of the name frequencies of the population (Good 1953).</summary>
    /// <remarks>
    /// A name seen r times has the adjusted count r* = (r+1)·N(r+1)/N(r), N(r) being the number of names seen r times.
    /// The raw count of a name seen once includes the listed person himself and overstates how often a random other
    /// person carries it; in a population where most full names are unique (N(1) ≫ N(2)), r* for them is well below 1,
    /// so an exact agreement on a rare name weighs more. Applied for r ≤ 5 while N(r+1) &gt; 0 (Gale and Sampson: raw
    /// Good–Turing is reliable for small counts), and never above the raw count.
    /// </remarks>
    private static void GoodTuring(float[] tf)
    {
        var unit = tf[^1];
        if (unit <= 0)
        {
            return;
        }

        const int MaxCount = 6;
        var countsOfCounts = new int[MaxCount + 2];
        for (var v = 0; v < tf.Length - 1; v++)
        {
            var r = (int)Math.Round(tf[v] / unit);
            if (r is > 0 and <= MaxCount + 1)
            {
                countsOfCounts[r]++;
            }
        }

        for (var v = 0; v < tf.Length - 1; v++)
        {
            var r = (int)Math.Round(tf[v] / unit);
            if (r is > 0 and < MaxCount && countsOfCounts[r + 1] > 0)
            {
                var adjusted = (r + 1) * (double)countsOfCounts[r + 1] / countsOfCounts[r];
                tf[v] = (float)(Math.Min(adjusted, r) * unit);
            }
        }
    }
}
