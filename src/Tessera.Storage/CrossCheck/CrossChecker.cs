using System.Globalization;
using System.Text.Json;
using Dapper;
using Tessera.Core.Access;
using Tessera.Core.Matching;
using Tessera.Core.Model;

namespace Tessera.Storage.CrossCheck;

/// <summary>What a screening query found, as the asking user may see it.</summary>
/// <param name="Visible">Hits the user may see in full: entity, weight and explanation.</param>
/// <param name="Withheld">Hits the user may know only exist: owner and reference.</param>
public sealed record ScreeningResult(IReadOnlyList<ScreeningMatch> Visible, IReadOnlyList<HitReference> Withheld)
{
    public string Outcome => Visible.Count + Withheld.Count > 0 ? "hit" : "no-hit";
}

/// <summary>One visible screening match.</summary>
public sealed record ScreeningMatch(string EntityId, string Caption, string Organisation, string Kind, double Weight, double Probability, string Explanation);

/// <summary>Cross-checks every contribution on arrival against everyone else's data, and answers systematic checks.</summary>
/// <remarks>Persons are matched with the Fellegi–Sunter screening index (same person, link, or review band); any other
/// entity that shares a strong identifier (phone, IBAN, IMO, wallet, handle, plate, document) with another organisation's
/// entity gives an identifier hit — a link for the network, never a merge. Both come from the store's resident
/// <see cref="CrossCheckIndex"/>, built from storage at first use and brought up to date before every check; what a user
/// may see is decided when the answer is given.</remarks>
public sealed partial class CrossChecker
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Store _store;

    internal CrossChecker(Store store)
    {
        _store = store;
        Index = new CrossCheckIndex(store);
    }

    /// <summary>The resident index over every stored person and strong identifier.</summary>
    internal CrossCheckIndex Index { get; }

    /// <summary>Brings the resident index up to date with storage (every contribution written since; everything on first use).</summary>
    public Task RefreshAsync(CancellationToken ct = default) => Index.CatchUpAsync(ct);

    /// <summary>Cross-checks one stored contribution against every other organisation's data; stores the hits with notices to both sides.</summary>
    /// <remarks>Once per contribution: a contribution checked before (an import retried) returns the hits found then. A
    /// contribution stored but not checked (the process stopped in between) is checked when its import is retried.</remarks>
    public async Task<IReadOnlyList<long>> CheckContributionAsync(long contributionId, CancellationToken ct = default)
    {
        if (await _store.Hits.CheckedHitsAsync(contributionId, ct) is { } earlier)
        {
            return earlier;
        }

        using var activity = Telemetry.Source.StartActivity("crosscheck contribution");
        activity?.SetTag("tessera.contribution", contributionId);
        Telemetry.CrossCheckQueue.Add(1);
        try
        {
            // One node checks a contribution at a time; another that wants it too (its recovery) waits, then reads the hits recorded.
            await using var claim = await ClaimAsync(contributionId, ct);
            if (claim is not null && await _store.Hits.CheckedHitsAsync(contributionId, ct) is { } meanwhile)
            {
                return meanwhile;
            }

            var hits = await CheckClaimedAsync(contributionId, ct);
            activity?.SetTag("tessera.hits", hits.Count);
            return hits;
        }
        finally
        {
            Telemetry.CrossCheckQueue.Add(-1);
        }
    }

    private async Task<IReadOnlyList<long>> CheckClaimedAsync(long contributionId, CancellationToken ct)
    {
        await Index.CatchUpAsync(ct);
        var mine = Index.PersonsOf(contributionId);
        var identifiers = Index.IdentifiersOf(contributionId);
        if (mine.Count == 0 && identifiers.Count == 0)
        {
            return await _store.Hits.RecordCheckAsync(contributionId, [], ct);
        }

        var organisation = mine.Count > 0 ? mine[0].Organisation : identifiers[0].Posting.Organisation;
        var population = Index.PersonCount - Index.PersonsOfOrganisation(organisation);
        var found = new Dictionary<(string, long, string), (Hit, string, string)>();
        if (population > 0)
        {
            // The persons are screened in parallel (queries share the index's read lock), their hits taken in person order.
            bool Others(int number) => Index.PersonAt(number) is { } p && p.Organisation != organisation;
            var hits = new IReadOnlyList<ResidentHit>[mine.Count];
            Parallel.For(0, mine.Count, new ParallelOptions { CancellationToken = ct }, i =>
            {
                hits[i] = Index.Persons.QueryNumbered(mine[i].Record, Others, population, "not:" + organisation, 5);
                foreach (var hit in hits[i])
                {
                    _ = hit.Explanation;
                }
            });
            for (var i = 0; i < mine.Count; i++)
            {
                var person = mine[i];
                foreach (var hit in hits[i])
                {
                    var other = Index.Person(hit.Id)!;
                    var kind = hit.Kind switch { MatchKind.SamePerson => "same-person", MatchKind.Link => "link", _ => "review" };
                    found[(person.EntityId, other.ContributionId, other.EntityId)] = (new Hit(0, default, kind, contributionId, person.EntityId, other.ContributionId, other.EntityId,
                        hit.Weight, hit.Probability, hit.Explanation.Line, JsonSerializer.Serialize(hit.Explanation, Json)), organisation, other.Organisation);
                }
            }
        }

        foreach (var (entity, otherContribution, otherEntity, otherOrg, property, value) in SharedIdentifiers(identifiers, organisation))
        {
            var summary = $"shares {property} {value}";
            found.TryAdd((entity, otherContribution, otherEntity), (new Hit(0, default, "identifier", contributionId, entity, otherContribution, otherEntity, 0, 1, summary,
                JsonSerializer.Serialize(new { shared = property, value }, Json)), organisation, otherOrg));
        }

        // A pair of records whose match was rejected never hits again (until a later judgement says otherwise).
        var rejected = await _store.FollowUp.RejectedPairsAsync(ct);
        var kept = found.Values.Where(f => !FollowUp.FollowUpStore.IsRejected(rejected, f.Item1.NewEntityId, f.Item1.ExistingEntityId)).ToList();
        var stored = await _store.Hits.RecordCheckAsync(contributionId, kept, ct);
        foreach (var kind in kept.GroupBy(f => f.Item1.Kind, StringComparer.Ordinal))
        {
            Telemetry.CrossCheckHits.Add(kind.Count(), new KeyValuePair<string, object?>("kind", kind.Key));
        }

        return stored;
    }

    /// <summary>Screens a person against stored data (or one reference list), logs the check, and answers as <paramref name="by"/> may see.</summary>
    public async Task<ScreeningResult> ScreenPersonAsync(PersonRecord query, Principal by, string? list = null, CancellationToken ct = default)
    {
        await Index.CatchUpAsync(ct);
        // The screened population is what the user may learn of (in full or as a hit), decided before the query runs:
        // records the user may not know of take no place among the best candidates and do not move the prior.
        var scope = await _store.Contributions.ScopeAsync(by, AccessAction.View, ct);
        bool Knowable(long contribution) => scope.Of(contribution) != Decision.Deny;
        var (population, key) = Index.PopulationOf(c => Knowable(c) && (list is null || Index.PersonsOf(c) is [{ } first, ..] && first.Source == list));
        var matches = new List<(StoredPerson Person, double Weight, double Probability, string Kind, string Line)>();
        if (population > 0)
        {
            bool Include(int number) => Index.PersonAt(number) is { } p && Knowable(p.ContributionId) && (list is null || p.Source == list);
            // A reference list names every person once: its candidates compete for the query (one entry per person).
            // All stored data may hold the same person from several contributions, so there they do not.
            foreach (var hit in Index.Persons.QueryNumbered(query, Include, population, (list is null ? "all|" : "list:" + list + "|") + key, 10, oneEntryPerPerson: list is not null))
            {
                matches.Add((Index.Person(hit.Id)!, hit.Weight, hit.Probability, hit.Kind.ToString(), hit.Explanation.Line));
            }
        }

        var criteria = string.Join("; ", new[] { ("name", query.Name), ("birthDate", query.BirthDate), ("nationality", query.Nationality) }
            .Where(c => !string.IsNullOrEmpty(c.Item2)).Select(c => c.Item1 + "=" + c.Item2));
        return await DiscloseAsync(matches, by, list ?? "all", "person", criteria, ct);
    }

    /// <summary>Screens a strong identifier (normalised) against stored data, logs the check, and answers as <paramref name="by"/> may see.</summary>
    public async Task<ScreeningResult> ScreenIdentifierAsync(string kind, string normalised, Principal by, string? list = null, CancellationToken ct = default)
    {
        var rows = await HoldersOfAsync(kind, normalised, list, ct);
        var persons = rows.Select(r => (new StoredPerson(r.ContributionId, r.EntityId, "", "", new PersonRecord(r.EntityId)), 0d, 1d, "identifier", $"{r.Property} = {normalised}")).ToList();
        return await DiscloseAsync(persons, by, list ?? "all", "identifier", kind + "=" + normalised, ct);
    }

    /// <summary>Every stored record holding the complete normalised identifier, before any access decision; callers disclose.</summary>
    internal async Task<IReadOnlyList<(long ContributionId, string EntityId, string Property)>> HoldersOfAsync(
        string kind, string normalised, string? list, CancellationToken ct)
    {
        if (CrossCheckIndex.Holds(kind))
        {
            await Index.CatchUpAsync(ct);
            return Index.Identifier(kind, normalised).Where(p => list is null || p.Source == list).Select(p => (p.ContributionId, p.EntityId, p.Property)).ToList();
        }

        // A value kind that is not a strong identifier (a date, a country …) is not indexed: ask storage.
        var properties = IdentifierProperties(kind);
        await using var connection = await _store.ConnectAsync(ct);
        var rows = await connection.QueryAsync<(long ContributionId, string EntityId, string Property)>(
            "SELECT s.contribution_id, s.entity_id, s.property FROM statements s JOIN contributions c ON c.id = s.contribution_id " +
            "WHERE s.normalised = @normalised AND " + _store.In("s.property", "properties") + (list is null ? "" : " AND c.source = @list"),
            new { normalised, properties, list });
        return rows.ToList();
    }

    private async Task<ScreeningResult> DiscloseAsync(List<(StoredPerson Person, double Weight, double Probability, string Kind, string Line)> matches, Principal by,
        string list, string kind, string query, CancellationToken ct)
    {
        var result = await DiscloseToAsync(matches, by, list, kind, query, ct);
        Telemetry.Checks.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("outcome", result.Outcome));
        return result;
    }

    private async Task<ScreeningResult> DiscloseToAsync(List<(StoredPerson Person, double Weight, double Probability, string Kind, string Line)> matches, Principal by,
        string list, string kind, string query, CancellationToken ct)
    {
        var records = await _store.Contributions.StatementsOfAsync(matches.Select(m => m.Person.EntityId).Distinct(StringComparer.Ordinal).ToList(), ct);
        var visible = new List<ScreeningMatch>();
        var withheld = new Dictionary<string, HitReference>(StringComparer.Ordinal);
        foreach (var m in matches)
        {
            var statements = records.Where(r => r.Statement.EntityId == m.Person.EntityId && r.Contribution.Id == m.Person.ContributionId).ToList();
            var view = statements.Count == 0 ? null : EntityView.For(by, AccessAction.View, m.Person.EntityId, statements, _store.Settings.References);
            if (view is { HitOnly: false })
            {
                visible.Add(new ScreeningMatch(view.Id, view.ToEntity().Caption, statements[0].Contribution.Organisation, m.Kind, m.Weight, m.Probability, m.Line));
            }
            else if (view is { HitOnly: true })
            {
                withheld.TryAdd(view.Withheld[0].Reference, view.Withheld[0]);
            }
        }

        var result = new ScreeningResult(visible, withheld.Values.ToList());
        await _store.Hits.LogCheckAsync(new CheckLogEntry(_store.Time.GetUtcNow(), by.UserName, by.Organisation, list, kind, result.Outcome, visible.Count + withheld.Count)
        {
            Query = query,
            Purpose = by.Purpose,
        }, ct);
        return result;
    }

    // Strong identifiers shared with another organisation's entities, by kind of identifier (phone with phone, IBAN with IBAN …);
    // valid values only, as the statements' validity says.
    private List<(string, long, string, string, string, string)> SharedIdentifiers(IReadOnlyList<(string Kind, string Value, IdentifierPosting Posting)> mine, string organisation)
    {
        var result = new List<(string, long, string, string, string, string)>();
        foreach (var kind in IdentifierKinds)
        {
            var rows = new HashSet<(string, long, string, string, string)>();
            foreach (var (_, value, posting) in mine.Where(m => m.Kind == kind && m.Posting.Valid))
            {
                foreach (var other in Index.Identifier(kind, value))
                {
                    if (other.Valid && other.ContributionId != posting.ContributionId && other.Organisation != organisation)
                    {
                        rows.Add((posting.EntityId, other.ContributionId, other.EntityId, other.Organisation, value));
                    }
                }
            }

            result.AddRange(rows.Select(r => (r.Item1, r.Item2, r.Item3, r.Item4, kind, r.Item5)));
        }

        return result;
    }

    /// <summary>The kinds of strong identifier (by normaliser key) that tie records: shared, they are a link, never a merge.</summary>
    internal static readonly string[] IdentifierKinds = ["phone", "iban", "email", "imo", "mmsi", "wallet", "handle", "plate", "document"];

    private static readonly string[] AllIdentifierProperties = IdentifierKinds.SelectMany(IdentifierProperties).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>Every property of the model that holds a strong identifier of that kind.</summary>
    public static string[] IdentifierProperties(string kind) =>
        SchemaModel.Default.Schemata.SelectMany(s => s.Properties.Values).Where(p => p.NormaliserKey == kind).Select(p => p.Name).Distinct(StringComparer.Ordinal).ToArray();
}
