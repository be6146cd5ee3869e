using System.Collections.Concurrent;
using System.Globalization;
using Dapper;
using Tessera.Core.Matching;
using Tessera.Core.Model;

namespace Tessera.Storage.CrossCheck;

/// <summary>A stored person as the cross-check sees it: where it came from, and its matcher record.</summary>
internal sealed record StoredPerson(long ContributionId, string EntityId, string Organisation, string Source, PersonRecord Record)
{
    /// <summary>The person's record number in <see cref="CrossCheckIndex.Persons"/> (the order added), -1 when not indexed.</summary>
    public int Number { get; init; } = -1;
}

/// <summary>One statement holding a normalised strong identifier.</summary>
internal sealed record IdentifierPosting(long ContributionId, string EntityId, string Organisation, string Source, string Property, bool Valid);

/// <summary>The store's resident cross-check index: every stored person (for Fellegi–Sunter screening) and every normalised
/// strong identifier (kind and value → statements), built from storage at first use and brought up to date with every
/// contribution stored since.</summary>
/// <remarks>It holds no access decision: the checker filters what it finds by the asking user's rights at answer time.
/// Catching up lists the contribution ids in storage and loads those not yet indexed, so contributions written by another
/// process (a CLI import next to a running server) are indexed too. A contribution erased at the end of its retention is
/// forgotten at once by the process that erased it (<see cref="ForgetAsync"/>), and by every other process at its next
/// catch-up, which finds it gone from storage: the index never answers with erased records.</remarks>
internal sealed partial class CrossCheckIndex : IDisposable
{
    private readonly Store _store;
    private readonly SemaphoreSlim _sync = new(1, 1);
    private readonly HashSet<long> _loaded = [];
    private volatile bool _built;
    private long _requested;
    private long _served;
    private readonly ConcurrentDictionary<string, StoredPerson> _persons = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _perOrganisation = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _perSource = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Kind, string Value), IdentifierPosting[]> _identifiers = new();
    private readonly ConcurrentDictionary<long, StoredPerson[]> _personsByContribution = new();
    private readonly ConcurrentDictionary<long, (string Kind, string Value, IdentifierPosting Posting)[]> _identifiersByContribution = new();
    private readonly Dictionary<string, string> _kindOfProperty;
    private readonly ConcurrentDictionary<long, ArrivedContribution> _arrived = new();

    // Record number → person, for the queries' filter; grown (copied) under _sync before the records are added to Persons,
    // an entry set to null when its contribution is forgotten.
    private StoredPerson?[] _byNumber = [];
    private int _numbered;

    internal CrossCheckIndex(Store store)
    {
        _store = store;
        _kindOfProperty = CrossChecker.IdentifierKinds.SelectMany(k => CrossChecker.IdentifierProperties(k).Select(p => (p, k)))
            .GroupBy(x => x.p, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().k, StringComparer.Ordinal);
    }

    /// <summary>The persons, searchable by name and identifiers.</summary>
    public ResidentScreeningIndex Persons { get; } = new();

    /// <summary>Persons indexed.</summary>
    public int PersonCount => _persons.Count;

    /// <summary>The person indexed under a matcher record id ("contribution|entity").</summary>
    public StoredPerson? Person(string id) => _persons.GetValueOrDefault(id);

    /// <summary>The person under a record number of <see cref="Persons"/>, or null when it was forgotten (erased).</summary>
    /// <remarks>An array read: the filter a query asks for every record of the postings it reads.</remarks>
    public StoredPerson? PersonAt(int number)
    {
        var byNumber = Volatile.Read(ref _byNumber);
        return (uint)number < (uint)byNumber.Length ? Volatile.Read(ref byNumber[number]) : null;
    }

    /// <summary>Persons of one contribution, in storage order.</summary>
    public IReadOnlyList<StoredPerson> PersonsOf(long contributionId) => _personsByContribution.GetValueOrDefault(contributionId) ?? [];

    /// <summary>The number of persons in the contributions <paramref name="include"/> admits, and a key naming that
    /// population (its contributions), under which a model trained on it may be cached.</summary>
    public (int Count, string Key) PopulationOf(Func<long, bool> include)
    {
        var count = 0;
        var hash = new HashCode();
        foreach (var (contribution, persons) in _personsByContribution.OrderBy(kv => kv.Key))
        {
            if (include(contribution))
            {
                count += persons.Length;
                hash.Add(contribution);
            }
        }

        return (count, "scope:" + count.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + hash.ToHashCode().ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Persons stored by an organisation.</summary>
    public int PersonsOfOrganisation(string organisation) => _perOrganisation.GetValueOrDefault(organisation);

    /// <summary>Persons stored from one source (reference list).</summary>
    public int PersonsOfSource(string source) => _perSource.GetValueOrDefault(source);

    /// <summary>Statements holding the normalised identifier <paramref name="value"/> of kind <paramref name="kind"/>.</summary>
    public IReadOnlyList<IdentifierPosting> Identifier(string kind, string value) => _identifiers.GetValueOrDefault((kind, value)) ?? [];

    /// <summary>The identifiers of one contribution's entities: (kind, value, entity, valid).</summary>
    public IReadOnlyList<(string Kind, string Value, IdentifierPosting Posting)> IdentifiersOf(long contributionId) =>
        _identifiersByContribution.GetValueOrDefault(contributionId) ?? [];

    /// <summary>True when <paramref name="kind"/> is a strong identifier kind that the index holds.</summary>
    public static bool Holds(string kind) => CrossChecker.IdentifierKinds.Contains(kind, StringComparer.Ordinal);

    /// <summary>True once the index was built from storage (at its first use).</summary>
    public bool Built => _built;

    /// <summary>Indexes a contribution just stored, when the index is already built (otherwise its first use will load it).</summary>
    /// <param name="arrived">The contribution as written; when given, catching up takes its persons and identifiers from it
    /// instead of reading them back from storage.</param>
    public Task ContributionStoredAsync(ArrivedContribution? arrived = null, CancellationToken ct = default)
    {
        if (arrived is not null && FromMemory && ArrivedContribution.RoundTrips(arrived.Statements))
        {
            _arrived[arrived.Id] = arrived;
        }
        else if (arrived is not null)
        {
            _arrived.TryRemove(arrived.Id, out _);
        }

        return _built ? CatchUpAsync(ct) : Task.CompletedTask;
    }

    /// <summary>Whether a contribution just written is indexed from the statements the writer holds (the default) rather
    /// than read back from storage; both give the same index (a test compares them).</summary>
    internal bool FromMemory { get; set; } = true;

    /// <summary>Loads every contribution stored and not yet indexed (all of them on first use).</summary>
    /// <remarks>Concurrent requests share one catch-up: a catch-up that began after a request arrived has seen every contribution
    /// committed before it, so that request is answered by it (under load one storage round trip serves a whole batch of checks).</remarks>
    public async Task CatchUpAsync(CancellationToken ct = default)
    {
        var ticket = Interlocked.Increment(ref _requested);
        await _sync.WaitAsync(ct);
        try
        {
            if (Volatile.Read(ref _served) >= ticket)
            {
                return;
            }

            var covers = Volatile.Read(ref _requested);
            await LoadNewAsync(ct);
            Volatile.Write(ref _served, covers);
        }
        finally
        {
            _sync.Release();
        }
    }

    /// <summary>Forgets an erased contribution: its persons and identifiers are no longer found.</summary>
    public async Task ForgetAsync(long contributionId, CancellationToken ct = default)
    {
        await _sync.WaitAsync(ct);
        try
        {
            Forget(contributionId);
        }
        finally
        {
            _sync.Release();
        }
    }

    // Under _sync. The screening index keeps the person's record, but every query admits only persons found through
    // Person(id), so a forgotten one is never a candidate again.
    private void Forget(long contributionId)
    {
        if (_personsByContribution.TryRemove(contributionId, out var persons))
        {
            foreach (var p in persons)
            {
                if (p.Number >= 0)
                {
                    Volatile.Write(ref _byNumber[p.Number], null);
                }

                _persons.TryRemove(p.Record.Id, out _);
                _perOrganisation.AddOrUpdate(p.Organisation, 0, (_, n) => n - 1);
                _perSource.AddOrUpdate(p.Source, 0, (_, n) => n - 1);
            }
        }

        if (_identifiersByContribution.TryRemove(contributionId, out var identifiers))
        {
            foreach (var key in identifiers.Select(i => (i.Kind, i.Value)).Distinct())
            {
                if (_identifiers.TryGetValue(key, out var postings))
                {
                    var kept = postings.Where(p => p.ContributionId != contributionId).ToArray();
                    if (kept.Length == 0)
                    {
                        _identifiers.TryRemove(key, out _);
                    }
                    else
                    {
                        _identifiers[key] = kept;
                    }
                }
            }
        }

        _loaded.Remove(contributionId);
        _arrived.TryRemove(contributionId, out _);
    }

    public void Dispose()
    {
        Persons.Dispose();
        _sync.Dispose();
    }
}
