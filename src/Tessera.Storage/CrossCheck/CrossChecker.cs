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
/// entity gives an identifier hit — a link for the network, never a merge. The index is built from storage for each
/// check, which suits case-sized stores; a resident, incrementally updated index is the next step for large ones.</remarks>
public sealed class CrossChecker
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Store _store;

    internal CrossChecker(Store store) => _store = store;

    /// <summary>Cross-checks one stored contribution against every other organisation's data; stores the hits with notices to both sides.</summary>
    public async Task<IReadOnlyList<long>> CheckContributionAsync(long contributionId, CancellationToken ct = default)
    {
        var persons = await PersonsAsync(ct);
        var mine = persons.Where(p => p.ContributionId == contributionId).ToList();
        if (mine.Count == 0 && !await HasIdentifiersAsync(contributionId, ct))
        {
            return [];
        }

        var organisation = mine.FirstOrDefault()?.Organisation ?? await OrganisationOfAsync(contributionId, ct);
        var population = persons.Where(p => p.Organisation != organisation).ToList();
        var found = new Dictionary<(string, long, string), (Hit, string, string)>();
        if (population.Count > 0 && mine.Count > 0)
        {
            var index = new ScreeningIndex(population.Select(p => p.Record).ToList());
            foreach (var person in mine)
            {
                foreach (var hit in index.Query(person.Record, 5))
                {
                    var other = population[hit.Index];
                    var explanation = index.Explain(person.Record, hit.Index);
                    var kind = hit.Kind switch { MatchKind.SamePerson => "same-person", MatchKind.Link => "link", _ => "review" };
                    found[(person.EntityId, other.ContributionId, other.EntityId)] = (new Hit(0, default, kind, contributionId, person.EntityId, other.ContributionId, other.EntityId,
                        hit.Weight, hit.Probability, explanation.Line, JsonSerializer.Serialize(explanation, Json)), organisation, other.Organisation);
                }
            }
        }

        foreach (var (entity, otherContribution, otherEntity, otherOrg, property, value) in await SharedIdentifiersAsync(contributionId, organisation, ct))
        {
            var summary = $"shares {property} {value}";
            found.TryAdd((entity, otherContribution, otherEntity), (new Hit(0, default, "identifier", contributionId, entity, otherContribution, otherEntity, 0, 1, summary,
                JsonSerializer.Serialize(new { shared = property, value }, Json)), organisation, otherOrg));
        }

        return await _store.Hits.AddAsync(found.Values.ToList(), ct);
    }

    /// <summary>Screens a person against stored data (or one reference list), logs the check, and answers as <paramref name="by"/> may see.</summary>
    public async Task<ScreeningResult> ScreenPersonAsync(PersonRecord query, Principal by, string? list = null, CancellationToken ct = default)
    {
        var population = (await PersonsAsync(ct)).Where(p => list is null || p.Source == list).ToList();
        var matches = new List<(StoredPerson Person, double Weight, double Probability, string Kind, string Line)>();
        if (population.Count > 0)
        {
            var index = new ScreeningIndex(population.Select(p => p.Record).ToList());
            foreach (var hit in index.Query(query, 10))
            {
                matches.Add((population[hit.Index], hit.Weight, hit.Probability, hit.Kind.ToString(), index.Explain(query, hit.Index).Line));
            }
        }

        return await DiscloseAsync(matches, by, list ?? "all", "person", ct);
    }

    /// <summary>Screens a strong identifier (normalised) against stored data, logs the check, and answers as <paramref name="by"/> may see.</summary>
    public async Task<ScreeningResult> ScreenIdentifierAsync(string kind, string normalised, Principal by, string? list = null, CancellationToken ct = default)
    {
        var properties = IdentifierProperties(kind);
        await using var connection = await _store.ConnectAsync(ct);
        var rows = await connection.QueryAsync<(string EntityId, long ContributionId, string Property)>(
            "SELECT s.entity_id, s.contribution_id, s.property FROM statements s JOIN contributions c ON c.id = s.contribution_id " +
            "WHERE s.normalised = @normalised AND " + _store.In("s.property", "properties") + (list is null ? "" : " AND c.source = @list"),
            new { normalised, properties, list });
        var persons = rows.Select(r => (new StoredPerson(r.ContributionId, r.EntityId, "", "", new PersonRecord(r.EntityId)), 0d, 1d, "identifier", $"{r.Property} = {normalised}")).ToList();
        return await DiscloseAsync(persons, by, list ?? "all", "identifier", ct);
    }

    private async Task<ScreeningResult> DiscloseAsync(List<(StoredPerson Person, double Weight, double Probability, string Kind, string Line)> matches, Principal by,
        string list, string kind, CancellationToken ct)
    {
        var records = await _store.Contributions.StatementsOfAsync(matches.Select(m => m.Person.EntityId).Distinct(StringComparer.Ordinal).ToList(), ct);
        var visible = new List<ScreeningMatch>();
        var withheld = new Dictionary<string, HitReference>(StringComparer.Ordinal);
        foreach (var m in matches)
        {
            var statements = records.Where(r => r.Statement.EntityId == m.Person.EntityId && r.Contribution.Id == m.Person.ContributionId).ToList();
            var view = statements.Count == 0 ? null : EntityView.For(by, AccessAction.View, m.Person.EntityId, statements);
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
        await _store.Hits.LogCheckAsync(new CheckLogEntry(_store.Time.GetUtcNow(), by.UserName, by.Organisation, list, kind, result.Outcome, visible.Count + withheld.Count), ct);
        return result;
    }

    private sealed record StoredPerson(long ContributionId, string EntityId, string Organisation, string Source, PersonRecord Record);

    private async Task<List<StoredPerson>> PersonsAsync(CancellationToken ct)
    {
        await using var connection = await _store.ConnectAsync(ct);
        var rows = await connection.QueryAsync<(long ContributionId, string Organisation, string Source, string EntityId, string Property, string Value, string? Normalised)>(
            "SELECT s.contribution_id, c.organisation, c.source, s.entity_id, s.property, s.value, s.normalised FROM statements s " +
            "JOIN contributions c ON c.id = s.contribution_id WHERE s.schema = 'Person' ORDER BY s.id");
        return rows.GroupBy(r => (r.ContributionId, r.EntityId))
            .Select(g => (g, record: PersonRecords.From(string.Create(CultureInfo.InvariantCulture, $"{g.Key.ContributionId}|{g.Key.EntityId}"),
                g.Select(r => new PropertyValue(r.Property, r.Value, r.Normalised)))))
            .Where(x => x.record is not null)
            .Select(x => new StoredPerson(x.g.Key.ContributionId, x.g.Key.EntityId, x.g.First().Organisation, x.g.First().Source, x.record!))
            .ToList();
    }

    private async Task<string> OrganisationOfAsync(long contributionId, CancellationToken ct)
    {
        await using var connection = await _store.ConnectAsync(ct);
        return await connection.ExecuteScalarAsync<string>("SELECT organisation FROM contributions WHERE id = @contributionId", new { contributionId }) ?? "";
    }

    private async Task<bool> HasIdentifiersAsync(long contributionId, CancellationToken ct)
    {
        await using var connection = await _store.ConnectAsync(ct);
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM statements WHERE contribution_id = @contributionId AND normalised IS NOT NULL AND " +
            _store.In("property", "properties"), new { contributionId, properties = AllIdentifierProperties }) > 0;
    }

    // Strong identifiers shared with another organisation's entities, by kind of identifier (phone with phone, IBAN with IBAN …).
    private async Task<List<(string, long, string, string, string, string)>> SharedIdentifiersAsync(long contributionId, string organisation, CancellationToken ct)
    {
        await using var connection = await _store.ConnectAsync(ct);
        var result = new List<(string, long, string, string, string, string)>();
        foreach (var kind in IdentifierKinds)
        {
            var properties = IdentifierProperties(kind);
            var rows = await connection.QueryAsync<(string Entity, long OtherContribution, string OtherEntity, string OtherOrg, string Value)>(
                "SELECT a.entity_id, b.contribution_id, b.entity_id, c.organisation, a.normalised FROM statements a " +
                "JOIN statements b ON b.normalised = a.normalised AND b.contribution_id <> a.contribution_id " +
                "JOIN contributions c ON c.id = b.contribution_id " +
                "WHERE a.contribution_id = @contributionId AND a.valid = 1 AND b.valid = 1 AND c.organisation <> @organisation AND " +
                _store.In("a.property", "properties") + " AND " + _store.In("b.property", "properties"),
                new { contributionId, organisation, properties });
            result.AddRange(rows.Distinct().Select(r => (r.Entity, r.OtherContribution, r.OtherEntity, r.OtherOrg, kind, r.Value)));
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
