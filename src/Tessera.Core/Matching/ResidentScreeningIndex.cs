namespace Tessera.Core.Matching;

/// <summary>One scored candidate of a resident-index query, with its waterfall.</summary>
/// <param name="Weight">The pair's weight less <see cref="Competition"/>; the explanation is the pair's own waterfall.</param>
/// <remarks>The waterfall is built when first read (the query's caller may need only the ids and weights), from the
/// feature tables the query scored, which never change.</remarks>
public sealed record ResidentHit(string Id, double Weight, MatchKind Kind)
{
    private readonly Lazy<PairExplanation>? _explanation;

    internal ResidentHit(string id, double weight, MatchKind kind, Func<PairExplanation> explain)
        : this(id, weight, kind) => _explanation = new Lazy<PairExplanation>(explain);

    /// <summary>The pair's waterfall: every comparison's level and weight.</summary>
    public PairExplanation Explanation => _explanation?.Value ?? throw new InvalidOperationException("no explanation");

    public double Probability => MatchModel.Probability(Weight);

    /// <summary>Bits taken off the pair's own weight because other candidates compete for the query (0 unless the query asked for one entry per person).</summary>
    public double Competition { get; init; }
}

/// <summary>A screening index that stays in memory and grows with every stored contribution, instead of being rebuilt per query.</summary>
/// <remarks>
/// Records live in segments: one base segment (a feature table with its trained model) and one small segment per
/// <see cref="Add"/>. Postings (name-token keys and strong identifiers, as in <see cref="ScreeningIndex"/>) map a key to
/// records of every segment (<see cref="RecordPostings"/>: the base's in one array built in bulk, later segments' in
/// small lists); postings longer than the cap are skipped at query time (giant blocks such as the most frequent names). The Fellegi–Sunter model (u from random pairs, term frequencies) is trained on the base segment and
/// retrained by compaction — every record rebuilt into one base segment — before the next query once the records added
/// since the last training exceed a tenth of the base (always while the index is small, so that a small index answers
/// exactly as one rebuilt from scratch). The prior is one match in the population the caller screens, as in
/// <see cref="ScreeningIndex"/>; the caller filters candidates (whose population, which access) before scoring.
/// Candidate keys include the indexed tokens one typo away from a query token (<see cref="TokenNeighbours"/>, kept up to
/// date by every <see cref="Add"/>), and candidates, support, scoring and classification are those of
/// <see cref="ScreeningIndex"/> (one shared implementation).
/// Thread-safe: queries share a read lock; an <see cref="Add"/> builds its segment outside the lock and holds the write
/// lock only to append postings and token neighbours; a compaction builds outside the lock and swaps in under it.
/// </remarks>
public sealed class ResidentScreeningIndex : IDisposable
{
    /// <summary>Below this many records an index is compacted before any query that follows a change (cheap, exact).</summary>
    public const int AlwaysCompactBelow = 5_000;

    private readonly Vocabulary _vocab = new();
    private readonly ReaderWriterLockSlim _gate = new(LockRecursionPolicy.NoRecursion);
    private readonly Lock _writer = new();
    private readonly int _postingCap;
    private readonly int _seed;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (State State, int Version, MatchModel Model)> _populationModels = new(StringComparer.Ordinal);
    private State _state;

    /// <summary>An empty index; <paramref name="postingCap"/> bounds the postings a query may use (longer ones are too common).</summary>
    public ResidentScreeningIndex(int postingCap = 5000, int seed = 42)
    {
        _postingCap = postingCap;
        _seed = seed;
        _state = new State([], [], new RecordPostings(RecordPostings.KeysOf(null)), null, 0, new TokenNeighbours());
    }

    /// <summary>At most this many candidates (those sharing the most keys with the query) are scored per query.</summary>
    public int ScoredCandidates { get; set; } = 256;

    /// <summary>Records indexed.</summary>
    public int Count
    {
        get
        {
            _gate.EnterReadLock();
            try
            {
                return _state.Records.Count;
            }
            finally
            {
                _gate.ExitReadLock();
            }
        }
    }

    /// <summary>Records added since the model was last trained (0 right after a compaction).</summary>
    public int Pending
    {
        get
        {
            _gate.EnterReadLock();
            try
            {
                return _state.Records.Count - _state.Trained;
            }
            finally
            {
                _gate.ExitReadLock();
            }
        }
    }

    /// <summary>Adds records (ids must be new) as one segment; they are found by the next query.</summary>
    public void Add(IReadOnlyList<PersonRecord> records)
    {
        if (records.Count == 0)
        {
            return;
        }

        lock (_writer)
        {
            if (_state.Records.Count == 0)
            {
                // The first records become the base segment with its model at once (the build from storage at start).
                Swap(Rebuild(records));
                return;
            }

            var table = FeatureTable.Build(records, _vocab, keepNames: false);
            var keys = RecordPostings.KeysOf(table);
            _gate.EnterWriteLock();
            try
            {
                var s = _state;
                var first = s.Records.Count;
                s.Segments.Add(table);
                for (var i = 0; i < records.Count; i++)
                {
                    s.Records.Add(new Slot(records[i], s.Segments.Count - 1, i));
                }

                s.Postings.Add(keys, first);

                s.Neighbours.Add(table);
            }
            finally
            {
                _gate.ExitWriteLock();
            }
        }
    }

    /// <summary>Every record, in the order added (for comparing indexes).</summary>
    public IReadOnlyList<PersonRecord> Records()
    {
        _gate.EnterReadLock();
        try
        {
            return [.. _state.Records.Select(r => r.Record)];
        }
        finally
        {
            _gate.ExitReadLock();
        }
    }

    /// <summary>Candidates for <paramref name="query"/> among the records <paramref name="include"/> admits, at or above the review threshold, best first.</summary>
    /// <param name="population">Size of the screened population, for the prior (one match in it).</param>
    /// <param name="populationKey">Names the population <paramref name="include"/> admits (e.g. "not:MT"): a small index trains
    /// a model on exactly that population, cached under this name until the index changes.</param>
    /// <param name="oneEntryPerPerson">The screened population names every person once (one reference list): the
    /// candidates compete, as with <see cref="ScreeningIndex.OneEntryPerPerson"/>. Leave it off for a population that
    /// may hold the same person twice (the cross-check on arrival).</param>
    public IReadOnlyList<ResidentHit> Query(PersonRecord query, Func<string, bool> include, int population, string populationKey, int limit = 10, bool oneEntryPerPerson = false) =>
        Run(query, s => i => include(s.Records[i].Record.Id), population, populationKey, limit, oneEntryPerPerson);

    /// <summary>Like <see cref="Query"/>, with the records admitted by their number: the order in which they were added
    /// (0 for the first record ever added; compaction keeps it). Null admits every record.</summary>
    /// <remarks>A caller that keeps its own array by record number answers the filter without a lookup by id, which a
    /// query asks for every record of the postings it reads.</remarks>
    public IReadOnlyList<ResidentHit> QueryNumbered(PersonRecord query, Func<int, bool>? admit, int population, string populationKey, int limit = 10, bool oneEntryPerPerson = false) =>
        Run(query, _ => admit, population, populationKey, limit, oneEntryPerPerson);

    private ResidentHit[] Run(PersonRecord query, Func<State, Func<int, bool>?> admitOf, int population, string populationKey, int limit, bool oneEntryPerPerson)
    {
        Compact(force: false);
        var q = FeatureTable.Build([query], _vocab);
        _gate.EnterReadLock();
        try
        {
            var s = _state;
            if (s.Model is null)
            {
                return [];
            }

            // The steps shared with ScreeningIndex (ScreeningQuery): keys with typo neighbours, support among the admitted
            // records, scoring, competition, classification.
            var admit = admitOf(s);
            var keys = ScreeningQuery.Keys(q, _vocab, s.Neighbours);
            var candidates = ScreeningQuery.Candidates(keys, s.Postings.Of, s.Records.Count, _postingCap, admit, ScoredCandidates);
            var trained = s.Records.Count < AlwaysCompactBelow ? PopulationModel(s, populationKey, admit) : s.Model;
            var (model, scorer) = Priced(trained, population);
            var hits = ScreeningQuery.Score(q, scorer, model, candidates, i => (s.Segments[s.Records[i].Segment], s.Records[i].Local), oneEntryPerPerson);
            var result = new ResidentHit[Math.Min(limit, hits.Count)];
            for (var k = 0; k < result.Length; k++)
            {
                var h = hits[k];
                var record = s.Records[h.Index].Record;
                // The tables keep no parsed names (memory): the waterfall parses this one record again, with the same
                // vocabulary, so its levels and weights are those the query scored.
                result[k] = new ResidentHit(record.Id, h.Weight, h.Kind, () => Explainer.Explain(model, q, 0, FeatureTable.Build([record], _vocab), 0)) { Competition = h.Competition };
            }

            return result;
        }
        finally
        {
            _gate.ExitReadLock();
        }
    }

    // The model with the prior of the screened population, and its scorer, kept for the next query with the same model and
    // population (the queries of one arrival, or of one list, share them): a scorer is built once, not per query.
    private (MatchModel Model, PairScorer Scorer) Priced(MatchModel trained, int population)
    {
        var last = Volatile.Read(ref _priced);
        if (last is not null && ReferenceEquals(last.Trained, trained) && last.Population == population)
        {
            return (last.Model, last.Scorer);
        }

        var model = trained.WithPrior(Math.Log2(1.0 / Math.Max(2, population)));
        var priced = new PricedModel(trained, population, model, new PairScorer(model));
        Volatile.Write(ref _priced, priced);
        return (model, priced.Scorer);
    }

    private sealed record PricedModel(MatchModel Trained, int Population, MatchModel Model, PairScorer Scorer);

    private PricedModel? _priced;

    /// <summary>Rebuilds every record into one base segment and retrains the model when due (or always, when forced).</summary>
    public void Compact(bool force)
    {
        if (!force && !Due(Volatile.Read(ref _state)))
        {
            return;
        }

        lock (_writer)
        {
            var old = _state;
            if (!force && !Due(old))
            {
                return;
            }

            Swap(Rebuild([.. old.Records.Select(r => r.Record)]));
        }
    }

    public void Dispose() => _gate.Dispose();

    private State Rebuild(IReadOnlyList<PersonRecord> records)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var table = FeatureTable.Build(records, _vocab, keepNames: false);
        var features = clock.Elapsed.TotalSeconds;
        var postings = new RecordPostings(RecordPostings.KeysOf(table));
        var posted = clock.Elapsed.TotalSeconds;
        var model = records.Count > 0 ? Train(table) : null;
        var trained = clock.Elapsed.TotalSeconds;
        var neighbours = new TokenNeighbours(table);
        LastBuild = new BuildTimings(features, posted - features, trained - posted, clock.Elapsed.TotalSeconds - trained);
        return new State([table], [.. records.Select((r, i) => new Slot(r, 0, i))], postings, model, records.Count, neighbours);
    }

    /// <summary>Seconds spent in each step of the last build of the base segment (for the benchmarks).</summary>
    internal BuildTimings? LastBuild { get; private set; }

    /// <summary>The steps of a base-segment build, in seconds: feature table, postings, model training, typo neighbours.</summary>
    internal sealed record BuildTimings(double Features, double Postings, double Training, double Neighbours);

    private void Swap(State state)
    {
        _gate.EnterWriteLock();
        try
        {
            _state = state;
        }
        finally
        {
            _gate.ExitWriteLock();
        }
    }

    // A small index answers exactly as a ScreeningIndex built over the screened population alone: the model (comparisons
    // chosen by coverage, u from random pairs, term frequencies) is trained on that population.
    private MatchModel PopulationModel(State s, string key, Func<int, bool>? include)
    {
        var version = s.Records.Count;
        if (_populationModels.TryGetValue(key, out var cached) && ReferenceEquals(cached.State, s) && cached.Version == version)
        {
            return cached.Model;
        }

        var records = s.Records.Where((_, i) => include is null || include(i)).Select(r => r.Record).ToList();
        if (records.Count == 0)
        {
            return s.Model!;
        }

        var model = Train(FeatureTable.Build(records, _vocab, keepNames: false));
        _populationModels[key] = (s, version, model);
        return model;
    }

    // The comparisons and training of ScreeningIndex, Good–Turing name frequencies included.
    private MatchModel Train(FeatureTable table) => ScreeningIndex.Train(table, _seed);

    private static bool Due(State s)
    {
        var pending = s.Records.Count - s.Trained;
        return pending > 0 && (s.Records.Count < AlwaysCompactBelow || pending * 10 > s.Trained);
    }

    private readonly record struct Slot(PersonRecord Record, int Segment, int Local);

    private sealed record State(List<FeatureTable> Segments, List<Slot> Records, RecordPostings Postings, MatchModel? Model, int Trained, TokenNeighbours Neighbours);
}
