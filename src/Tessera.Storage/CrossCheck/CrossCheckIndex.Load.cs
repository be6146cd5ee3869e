using System.Globalization;
using Dapper;
using Tessera.Core.Matching;
using Tessera.Core.Model;
using PersonRow = (long ContributionId, string Organisation, string Source, string EntityId, Tessera.Core.Model.PropertyValue Value);
using StoredPersonRow = (long ContributionId, string Organisation, string Source, string EntityId, string Property, string Value, string? Normalised);
using IdentifierRow = (long ContributionId, string Organisation, string Source, string EntityId, string Property, string Normalised, long Valid);

namespace Tessera.Storage.CrossCheck;

/// <summary>A contribution as its writer stored it: the statements in storage order, every id in the provider's namespace.</summary>
internal sealed record ArrivedContribution(long Id, string Organisation, string Source, IReadOnlyList<(string EntityId, string Schema, PropertyValue Value)> Statements)
{
    /// <summary>True when every text reads back from storage exactly as written: no NUL and no lone UTF-16 surrogate,
    /// which a database stores differently (UTF-8 has no form for them).</summary>
    public static bool RoundTrips(IReadOnlyList<(string EntityId, string Schema, PropertyValue Value)> statements)
    {
        foreach (var (entityId, _, v) in statements)
        {
            if (!Exact(entityId) || !Exact(v.Property) || !Exact(v.Value) || (v.Normalised is { } n && !Exact(n)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Exact(string text)
    {
        var span = text.AsSpan();
        if (span.IndexOfAnyInRange('\uD800', '\uDFFF') < 0)
        {
            return !span.Contains('\0');
        }

        for (var i = 0; i < span.Length; i++)
        {
            if (span[i] == '\0' || (char.IsSurrogate(span[i]) && !(char.IsHighSurrogate(span[i]) && i + 1 < span.Length && char.IsLowSurrogate(span[++i]))))
            {
                return false;
            }
        }

        return true;
    }
}

internal sealed partial class CrossCheckIndex
{
    // Under _sync: loads the contributions stored since the last catch-up — those this process wrote from the statements
    // it wrote, the others from storage — in contribution order.
    private async Task LoadNewAsync(CancellationToken ct)
    {
        await using var connection = await _store.ConnectAsync(ct);
        var stored = (await connection.QueryAsync<long>("SELECT id FROM contributions ORDER BY id")).ToList();
        var present = stored.ToHashSet();
        if (_loaded.Count > 0)
        {
            foreach (var gone in _loaded.Where(id => !present.Contains(id)).ToList())
            {
                Forget(gone);
            }
        }

        // An arrival erased (by another process) before it was indexed is not indexed.
        var last = stored.Count > 0 ? stored[^1] : 0;
        foreach (var id in _arrived.Keys.Where(id => !present.Contains(id) && id < last).ToList())
        {
            _arrived.TryRemove(id, out _);
        }

        var ids = stored.Where(id => !_loaded.Contains(id)).ToList();
        if (ids.Count == 0)
        {
            _built = true;
            return;
        }

        var memory = new SortedDictionary<long, ArrivedContribution>();
        foreach (var id in ids)
        {
            if (_arrived.TryGetValue(id, out var arrived))
            {
                memory[id] = arrived;
            }
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var fromStorage = ids.Where(id => !memory.ContainsKey(id)).ToHashSet();
        var (persons, identifiers) = fromStorage.Count == 0 ? ([], []) : await ReadAsync(connection, fromStorage, ids[^1]);
        var read = clock.Elapsed.TotalSeconds;
        AddIdentifiers(Merge(identifiers, r => r.ContributionId, memory, IdentifiersOf));
        var identified = clock.Elapsed.TotalSeconds;
        var recordsBuilt = AddPersons(Merge(persons, r => r.ContributionId, memory, PersonsOf)) + identified;
        LastLoad = new LoadTimings(memory.Count, fromStorage.Count, read, identified - read, recordsBuilt - identified, clock.Elapsed.TotalSeconds - recordsBuilt);
        _loaded.UnionWith(ids);
        foreach (var id in memory.Keys)
        {
            _arrived.TryRemove(id, out _);
        }

        _built = true;
    }

    /// <summary>What the last catch-up took, in seconds (for the benchmarks).</summary>
    internal LoadTimings? LastLoad { get; private set; }

    /// <summary>The steps of a catch-up: contributions taken from memory and from storage, reading from storage, indexing
    /// identifiers, building person records, and adding them to the person index.</summary>
    internal sealed record LoadTimings(int FromMemory, int FromStorage, double Read, double Identifiers, double Records, double PersonIndex);

    // The Person statements and the strong-identifier statements of the given contributions, in storage order. On first
    // use every contribution is new: one scan of the statements up to the newest of them instead of a list of ids.
    private async Task<(List<PersonRow>, List<IdentifierRow>)> ReadAsync(System.Data.Common.DbConnection connection, HashSet<long> ids, long last)
    {
        var scan = !_built;
        var filter = scan ? " AND s.contribution_id <= @last" : " AND " + _store.In("s.contribution_id", "ids");
        var args = new { ids = ids.ToArray(), last, properties = _kindOfProperty.Keys.ToArray() };
        var persons = await connection.QueryAsync<StoredPersonRow>(
            "SELECT s.contribution_id, c.organisation, c.source, s.entity_id, s.property, s.value, s.normalised FROM statements s " +
            "JOIN contributions c ON c.id = s.contribution_id WHERE s.schema = 'Person'" + filter + " ORDER BY s.id", args);
        var identifiers = await connection.QueryAsync<IdentifierRow>(
            "SELECT s.contribution_id, c.organisation, c.source, s.entity_id, s.property, s.normalised, s.valid FROM statements s " +
            "JOIN contributions c ON c.id = s.contribution_id WHERE s.normalised IS NOT NULL AND " + _store.In("s.property", "properties") + filter + " ORDER BY s.id",
            args);
        return ([.. persons.Where(r => ids.Contains(r.ContributionId)).Select(r => (r.ContributionId, r.Organisation, r.Source, r.EntityId, new PropertyValue(r.Property, r.Value, r.Normalised)))],
            identifiers.Where(r => ids.Contains(r.ContributionId)).ToList());
    }

    // Rows of every contribution in contribution order (each one's rows in storage order), those written by this process
    // taken from its statements.
    private static IEnumerable<T> Merge<T>(List<T> fromStorage, Func<T, long> contributionOf, SortedDictionary<long, ArrivedContribution> memory,
        Func<ArrivedContribution, IEnumerable<T>> rows)
    {
        var byContribution = new SortedDictionary<long, IEnumerable<T>>();
        foreach (var group in fromStorage.GroupBy(contributionOf))
        {
            byContribution[group.Key] = group;
        }

        foreach (var (id, arrived) in memory)
        {
            byContribution[id] = rows(arrived);
        }

        return byContribution.Values.SelectMany(r => r);
    }

    private static IEnumerable<PersonRow> PersonsOf(ArrivedContribution c) =>
        c.Statements.Where(s => s.Schema == "Person").Select(s => (c.Id, c.Organisation, c.Source, s.EntityId, s.Value));

    private IEnumerable<IdentifierRow> IdentifiersOf(ArrivedContribution c) =>
        c.Statements.Where(s => s.Value.Normalised is not null && _kindOfProperty.ContainsKey(s.Value.Property))
            .Select(s => (c.Id, c.Organisation, c.Source, s.EntityId, s.Value.Property, s.Value.Normalised!, s.Value.Valid ? 1L : 0L));

    // The rows come in contribution order: each contribution's identifiers are one run of them. Postings per key are counted
    // first and placed into arrays of their exact size (no list per key: a large arrival holds hundreds of thousands of keys).
    private void AddIdentifiers(IEnumerable<IdentifierRow> rows)
    {
        var all = new List<(string Kind, string Value, IdentifierPosting Posting)>();
        var count = new Dictionary<(string Kind, string Value), int>();
        foreach (var r in rows)
        {
            var kind = _kindOfProperty[r.Property];
            all.Add((kind, r.Normalised, new IdentifierPosting(r.ContributionId, r.EntityId, r.Organisation, r.Source, r.Property, r.Valid == 1)));
            System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(count, (kind, r.Normalised), out _)++;
        }

        var placed = new Dictionary<(string Kind, string Value), (IdentifierPosting[] Postings, int Filled)>(count.Count);
        foreach (var (key, n) in count)
        {
            placed[key] = (new IdentifierPosting[n], 0);
        }

        foreach (var (kind, value, posting) in all)
        {
            ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrNullRef(placed, (kind, value));
            slot.Postings[slot.Filled++] = posting;
        }

        foreach (var (key, (added, _)) in placed)
        {
            _identifiers.AddOrUpdate(key, added, (_, existing) => [.. existing, .. added]);
        }

        for (var start = 0; start < all.Count;)
        {
            var contribution = all[start].Posting.ContributionId;
            var end = start + 1;
            while (end < all.Count && all[end].Posting.ContributionId == contribution)
            {
                end++;
            }

            _identifiersByContribution[contribution] = [.. all.GetRange(start, end - start)];
            start = end;
        }
    }

    // Same grouping and record building as the per-check rebuild it replaces: one record per (contribution, entity), in
    // statement order; the records are built in parallel (each from its own values) and indexed in that order.
    // Returns the seconds elapsed when the records were built (before they go into the person index).
    private double AddPersons(IEnumerable<PersonRow> rows)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var at = new Dictionary<(long, string), int>();
        var groups = new List<(PersonRow First, List<PropertyValue> Values)>();
        foreach (var r in rows)
        {
            // An entity's statements are usually one run: the group of the previous row is tried before the lookup.
            var g = groups.Count - 1;
            if (g < 0 || groups[g].First.ContributionId != r.ContributionId || !string.Equals(groups[g].First.EntityId, r.EntityId, StringComparison.Ordinal))
            {
                if (!at.TryGetValue((r.ContributionId, r.EntityId), out g))
                {
                    at[(r.ContributionId, r.EntityId)] = g = groups.Count;
                    groups.Add((r, []));
                }
            }

            groups[g].Values.Add(r.Value);
        }

        var built = new PersonRecord?[groups.Count];
        Parallel.For(0, groups.Count, i =>
        {
            var first = groups[i].First;
            built[i] = PersonRecords.From(string.Create(CultureInfo.InvariantCulture, $"{first.ContributionId}|{first.EntityId}"), groups[i].Values);
        });

        var records = new List<PersonRecord>(groups.Count);
        var byContribution = new Dictionary<long, List<StoredPerson>>();
        var perOrganisation = new Dictionary<string, int>(StringComparer.Ordinal);
        var perSource = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < groups.Count; i++)
        {
            if (built[i] is not { } record)
            {
                continue;
            }

            var first = groups[i].First;
            var person = new StoredPerson(first.ContributionId, first.EntityId, first.Organisation, first.Source, record) { Number = _numbered + records.Count };
            _persons[record.Id] = person;
            perOrganisation[first.Organisation] = perOrganisation.GetValueOrDefault(first.Organisation) + 1;
            perSource[first.Source] = perSource.GetValueOrDefault(first.Source) + 1;
            if (!byContribution.TryGetValue(first.ContributionId, out var list))
            {
                byContribution[first.ContributionId] = list = [];
            }

            list.Add(person);
            records.Add(record);
        }

        foreach (var (organisation, n) in perOrganisation)
        {
            _perOrganisation.AddOrUpdate(organisation, n, (_, m) => m + n);
        }

        foreach (var (source, n) in perSource)
        {
            _perSource.AddOrUpdate(source, n, (_, m) => m + n);
        }

        foreach (var (contribution, list) in byContribution)
        {
            _personsByContribution[contribution] = [.. list];
        }

        Number(byContribution.Values.SelectMany(l => l));
        var seconds = clock.Elapsed.TotalSeconds;
        Persons.Add(records);
        return seconds;
    }

    // Publishes the new persons under their record numbers before Persons holds them, so that a query never meets a record
    // number the array lacks.
    private void Number(IEnumerable<StoredPerson> persons)
    {
        var byNumber = _byNumber;
        foreach (var p in persons)
        {
            if (p.Number >= byNumber.Length)
            {
                Array.Resize(ref byNumber, Math.Max(p.Number + 1, byNumber.Length * 2));
            }

            byNumber[p.Number] = p;
            _numbered = Math.Max(_numbered, p.Number + 1);
        }

        Volatile.Write(ref _byNumber, byNumber);
    }
}
