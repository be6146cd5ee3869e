using Dapper;
using Tessera.Core.Access;
using Tessera.Core.Audit;
using Tessera.Core.Model;

namespace Tessera.Storage.Contributions;

/// <summary>Search over stored entities, through the access policy.</summary>
public sealed partial class ContributionStore
{
    /// <summary>Entities with a name, number or identifier containing <paramref name="query"/> (case-insensitive), and persons
    /// whose name matches it in another script or spelling, as <paramref name="by"/> may see them.</summary>
    /// <remarks>Entities the user may not know of are left out exactly as if they did not match; entities they may know
    /// of only as a hit come back as hit-only views with the owner and a reference. The search is audited.</remarks>
    public async Task<IReadOnlyList<EntityView>> SearchAsync(string query, Principal by, int limit = 50, CancellationToken ct = default)
    {
        var needle = "%" + query.Trim().ToLowerInvariant().Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal) + "%";
        List<string> ids;
        await using (var connection = await _store.ConnectAsync(ct))
        {
            ids = (await connection.QueryAsync<string>(
                "SELECT DISTINCT entity_id FROM statements WHERE (LOWER(value) LIKE @needle OR LOWER(normalised) LIKE @needle) " +
                "AND property IN ('name', 'alias', 'firstName', 'lastName', 'middleName', 'fatherName', 'number', 'passportNumber', 'idNumber', " +
                "'phone', 'email', 'iban', 'imoNumber', 'mmsi', 'registrationNumber', 'username', 'publicKey', 'title') LIMIT 1000", new { needle })).ToList();
        }

        // Persons whose name matches across scripts and spellings, which a substring cannot find (محمد → Mohammed).
        ids = ids.Union(await _store.CrossCheck.PersonsNamedAsync(query, limit, ct), StringComparer.Ordinal).ToList();
        var records = await StatementsOfAsync(ids, ct);
        var views = records.GroupBy(r => r.Statement.EntityId)
            .Select(g => EntityView.For(by, AccessAction.View, g.Key, g.ToList()))
            .OfType<EntityView>()
            .OrderBy(v => v.HitOnly)
            .ThenBy(v => v.Id, StringComparer.Ordinal)
            .Take(limit)
            .ToList();
        await _store.Audit.AppendAsync(AuditEvent.By(by, "entity.search", "search", "ok",
            $"{views.Count(v => !v.HitOnly)} shown, {views.Count(v => v.HitOnly)} hit-only", query), ct);
        return views;
    }
}
