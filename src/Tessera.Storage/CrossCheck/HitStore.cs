using System.Globalization;
using Dapper;
using Tessera.Core.Access;
using Tessera.Core.Audit;

namespace Tessera.Storage.CrossCheck;

/// <summary>A stored hit between a new contribution's entity and an existing one.</summary>
/// <param name="Kind">same-person, link (shared identifier between different persons), review, or identifier (same strong identifier on another entity).</param>
/// <param name="Summary">The one-line human explanation.</param>
/// <param name="Explanation">The structured explanation (JSON): every comparison with its level and weight, name token alignment.</param>
public sealed record Hit(long Id, DateTimeOffset Created, string Kind, long NewContributionId, string NewEntityId, long ExistingContributionId,
    string ExistingEntityId, double Weight, double Probability, string Summary, string Explanation);

/// <summary>Which of an organisation's hits to read: all, or only those on one entity, or on some contributions.</summary>
public sealed record HitScope(string? EntityId = null, IReadOnlyCollection<long>? ContributionIds = null)
{
    public static readonly HitScope All = new();
}

/// <summary>A notice in an organisation's inbox: a hit, or a request for access to a record.</summary>
public sealed record Notice(long Id, DateTimeOffset Created, string Organisation, string Kind, long? HitId, string? FromOrganisation, string Details, bool Read);

/// <summary>A logged systematic check, for the usage statistics of the Barometer+ report.</summary>
public sealed record CheckLogEntry(DateTimeOffset Time, string UserName, string Organisation, string List, string Kind, string Outcome, int Hits)
{
    /// <summary>What was checked (the normalised identifier, or the person's criteria), for the audit entry only.</summary>
    public string Query { get; init; } = "";

    /// <summary>The purpose the user stated, for the audit entry only.</summary>
    public string Purpose { get; init; } = Core.Audit.AuditEvent.NotStated;
}

/// <summary>Hits, notices and the check log.</summary>
public sealed class HitStore
{
    private const string HitColumns =
        "id AS Id, created AS Created, kind AS Kind, new_contribution_id AS NewContributionId, new_entity_id AS NewEntityId, " +
        "existing_contribution_id AS ExistingContributionId, existing_entity_id AS ExistingEntityId, weight AS Weight, probability AS Probability, " +
        "summary AS Summary, explanation AS Explanation";

    // The advisory lock class under which PostgreSQL records checks one at a time.
    private const int RecordLock = 0x7e56;

    private const string HitsOfContribution = "SELECT id FROM hits WHERE new_contribution_id = @contributionId ORDER BY id";

    private readonly Store _store;
    private readonly CheckLog _checkLog;

    internal HitStore(Store store)
    {
        _store = store;
        _checkLog = new CheckLog(store);
    }

    /// <summary>True when the cross-check on arrival of the contribution was done (its hits, if any, are stored).</summary>
    public async Task<bool> CheckedAsync(long contributionId, CancellationToken ct = default) => await CheckedHitsAsync(contributionId, ct) is not null;

    /// <summary>The ids of the hits the cross-check on arrival of the contribution found, or null when it was not done.</summary>
    public async Task<IReadOnlyList<long>?> CheckedHitsAsync(long contributionId, CancellationToken ct = default)
    {
        await using var connection = await _store.ConnectAsync(ct);
        var done = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM crosschecked WHERE contribution_id = @contributionId", new { contributionId }) > 0;
        return done ? [.. await connection.QueryAsync<long>(HitsOfContribution, new { contributionId })] : null;
    }

    /// <summary>Records the cross-check on arrival of a contribution: its hits with a notice to each organisation involved and
    /// their audit entries, and the mark that the check is done, in one transaction.</summary>
    /// <remarks>Done once per contribution: when the mark is already there (a retried import, two checks at once), nothing is
    /// added and the hits stored the first time are returned.</remarks>
    public async Task<IReadOnlyList<long>> RecordCheckAsync(long contributionId, IReadOnlyList<(Hit Hit, string NewOrganisation, string ExistingOrganisation)> hits,
        CancellationToken ct = default)
    {
        await using var connection = await _store.ConnectAsync(ct);
        await using var tx = await Store.BeginWriteAsync(connection, ct);
        var now = _store.Now();
        var marked = await connection.ExecuteAsync(
            "INSERT INTO crosschecked (contribution_id, checked) VALUES (@contributionId, @now) ON CONFLICT (contribution_id) DO NOTHING", new { contributionId, now }, tx);
        if (marked == 0)
        {
            var existing = await connection.QueryAsync<long>(HitsOfContribution, new { contributionId }, tx);
            await tx.CommitAsync(ct);
            return [.. existing];
        }

        // A pair of records is one hit: when two contributions stored at about the same time each found the other (imports on two
        // nodes, or a recovery of several), the check recorded second leaves out the pairs the first recorded. Records are made one
        // at a time (SQLite's write lock; on PostgreSQL a transaction lock), so the second sees the first.
        if (_store.Provider == StorageProvider.Postgres)
        {
            await connection.ExecuteAsync("SELECT pg_advisory_xact_lock(@RecordLock, 0)", new { RecordLock }, tx);
        }

        var found = (await connection.QueryAsync<(long, string, string)>(
            "SELECT new_contribution_id, new_entity_id, existing_entity_id FROM hits WHERE existing_contribution_id = @contributionId", new { contributionId }, tx))
            .ToHashSet();
        var ids = new List<long>();
        var audit = new List<AuditEvent>();
        foreach (var (h, newOrg, existingOrg) in hits.Where(h => !found.Contains((h.Hit.ExistingContributionId, h.Hit.ExistingEntityId, h.Hit.NewEntityId))))
        {
            var id = await connection.ExecuteScalarAsync<long>(
                "INSERT INTO hits (created, kind, new_contribution_id, new_entity_id, existing_contribution_id, existing_entity_id, weight, probability, summary, explanation) " +
                "VALUES (@now, @Kind, @NewContributionId, @NewEntityId, @ExistingContributionId, @ExistingEntityId, @Weight, @Probability, @Summary, @Explanation) RETURNING id",
                new { now, h.Kind, h.NewContributionId, h.NewEntityId, h.ExistingContributionId, h.ExistingEntityId, h.Weight, h.Probability, h.Summary, h.Explanation }, tx);
            ids.Add(id);
            foreach (var org in new[] { newOrg, existingOrg }.Distinct(StringComparer.Ordinal))
            {
                await connection.ExecuteAsync("INSERT INTO notices (created, organisation, kind, hit_id, from_organisation, details) VALUES (@now, @org, 'hit', @id, NULL, @kind)",
                    new { now, org, id, kind = h.Kind }, tx);
            }

            audit.Add(new AuditEvent("cross-check", newOrg, "crosscheck.hit", "hit:" + id.ToString(CultureInfo.InvariantCulture), h.Kind,
                $"contribution {h.NewContributionId.ToString(CultureInfo.InvariantCulture)} ({newOrg}) × contribution {h.ExistingContributionId.ToString(CultureInfo.InvariantCulture)} ({existingOrg})"));
        }

        if (audit.Count > 0)
        {
            await _store.Audit.AppendAsync(connection, tx, audit);
        }

        await tx.CommitAsync(ct);
        return ids;
    }

    /// <summary>Hits touching any contribution of an organisation, newest first.</summary>
    public Task<IReadOnlyList<Hit>> ForOrganisationAsync(string organisation, int limit = 200, CancellationToken ct = default) =>
        ForOrganisationAsync(organisation, HitScope.All, limit, ct);

    /// <summary>Hits touching any contribution of an organisation, within <paramref name="scope"/>, newest first.</summary>
    public Task<IReadOnlyList<Hit>> ForOrganisationAsync(string organisation, HitScope scope, int limit = 200, CancellationToken ct = default) =>
        ForOrganisationAsync(organisation, scope, limit, null, ct);

    /// <summary>One page of an organisation's hits within <paramref name="scope"/>, newest first, with ids below <paramref name="before"/>.</summary>
    internal async Task<IReadOnlyList<Hit>> ForOrganisationAsync(string organisation, HitScope scope, int limit, long? before, CancellationToken ct)
    {
        var entity = scope.EntityId;
        var ids = scope.ContributionIds?.ToArray();
        if (ids is { Length: 0 })
        {
            return [];
        }

        await using var connection = await _store.ConnectAsync(ct);
        var rows = await connection.QueryAsync<HitRow>(
            $"SELECT {HitColumns} FROM hits WHERE (new_contribution_id IN (SELECT id FROM contributions WHERE organisation = @organisation) " +
            "OR existing_contribution_id IN (SELECT id FROM contributions WHERE organisation = @organisation))" +
            (entity is null ? "" : " AND (new_entity_id = @entity OR existing_entity_id = @entity)") +
            (ids is null ? "" : $" AND ({_store.In("new_contribution_id", "ids")} OR {_store.In("existing_contribution_id", "ids")})") +
            (before is null ? "" : " AND id < @before") +
            " ORDER BY id DESC LIMIT @limit", new { organisation, limit, entity, ids, before });
        return rows.Select(r => r.ToHit()).ToList();
    }

    /// <summary>Every same-person hit; callers filter by what the user may see.</summary>
    public async Task<IReadOnlyList<Hit>> SamePersonAsync(CancellationToken ct = default)
    {
        await using var connection = await _store.ConnectAsync(ct);
        return (await connection.QueryAsync<HitRow>($"SELECT {HitColumns} FROM hits WHERE kind = 'same-person' ORDER BY id")).Select(r => r.ToHit()).ToList();
    }

    public async Task<Hit?> GetAsync(long id, CancellationToken ct = default)
    {
        await using var connection = await _store.ConnectAsync(ct);
        return (await connection.QuerySingleOrDefaultAsync<HitRow>($"SELECT {HitColumns} FROM hits WHERE id = @id", new { id }))?.ToHit();
    }

    /// <summary>The notices addressed to an organisation, newest first, before any access decision: callers read them
    /// through <see cref="HitInbox.NoticesAsync"/>.</summary>
    /// <param name="before">Only notices with a smaller id (the next page), or all when null.</param>
    internal async Task<IReadOnlyList<Notice>> NoticesAsync(string organisation, int limit = 200, long? before = null, CancellationToken ct = default)
    {
        await using var connection = await _store.ConnectAsync(ct);
        var rows = await connection.QueryAsync<(long Id, string Created, string Organisation, string Kind, long? HitId, string? From, string Details, long Read)>(
            "SELECT id, created, organisation, kind, hit_id, from_organisation, details, is_read FROM notices WHERE organisation = @organisation" +
            (before is null ? "" : " AND id < @before") + " ORDER BY id DESC LIMIT @limit",
            new { organisation, limit, before });
        return rows.Select(r => new Notice(r.Id, Parse(r.Created), r.Organisation, r.Kind, r.HitId, r.From, r.Details, r.Read != 0)).ToList();
    }

    /// <summary>Logs a systematic check (who, against which list, with what outcome) with its audit entry; completes once both are committed.</summary>
    /// <remarks>Checks logged concurrently share one transaction (group commit, see <see cref="CheckLog"/>).</remarks>
    public Task LogCheckAsync(CheckLogEntry entry, CancellationToken ct = default) => _checkLog.AppendAsync(entry).WaitAsync(ct);

    /// <summary>Checks per organisation, list and outcome: the usage statistics of the Barometer+ report.</summary>
    public async Task<IReadOnlyList<(string Organisation, string List, string Outcome, long Count)>> CheckStatisticsAsync(CancellationToken ct = default)
    {
        await using var connection = await _store.ConnectAsync(ct);
        return (await connection.QueryAsync<(string, string, string, long)>(
            "SELECT organisation, list, outcome, COUNT(*) FROM checks GROUP BY organisation, list, outcome ORDER BY organisation, list, outcome")).ToList();
    }

    private static DateTimeOffset Parse(string t) => Store.ParseTime(t);

    private sealed record HitRow(long Id, string Created, string Kind, long NewContributionId, string NewEntityId, long ExistingContributionId, string ExistingEntityId,
        double Weight, double Probability, string Summary, string Explanation)
    {
        public Hit ToHit() => new(Id, Parse(Created), Kind, NewContributionId, NewEntityId, ExistingContributionId, ExistingEntityId, Weight, Probability, Summary, Explanation);
    }
}
