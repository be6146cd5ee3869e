using System.Globalization;
using Dapper;
using Tessera.Core.Access;
using Tessera.Core.Audit;
using Tessera.Core.FollowUp;
using Tessera.Core.Normalisation;
using Tessera.Storage.CrossCheck;

namespace Tessera.Storage.Contributions;

/// <summary>Search over stored entities, through the access policy.</summary>
public sealed partial class ContributionStore
{
    /// <summary>The longest search text; a longer one is refused as bad input.</summary>
    public const int MaxQueryLength = 200;

    private static readonly string[] SearchedProperties =
    [
        "name", "alias", "firstName", "lastName", "middleName", "fatherName", "number", "passportNumber", "idNumber",
        "phone", "email", "iban", "imoNumber", "mmsi", "registrationNumber", "username", "publicKey", "title",
    ];

    /// <summary>One page of entities matching <paramref name="query"/>, as <paramref name="by"/> may see them.</summary>
    /// <remarks>
    /// The access policy is applied first (<see cref="ScopeAsync"/>), then the query runs inside it:
    /// <list type="bullet">
    /// <item>a substring of a name, number or identifier, and a person's name in another script or spelling, match only
    /// data the user may read — partial search never reaches withheld data;</item>
    /// <item>withheld data the user may know of as a hit answers only to a complete identifier (the query normalised as a
    /// phone, IBAN, document number …), with the owner and a reference;</item>
    /// <item>data the user may not know of is never touched, so it changes neither the answer nor its time.</item>
    /// </list>
    /// Records of one resolved identity (a confirmed match, one IMO number) that the user may read are one result, named by
    /// the first of them and holding the values of each, so that one person is not listed once per provider. Results are
    /// ordered by their first matching id and paged with <paramref name="offset"/> after this grouping; hit-only answers come
    /// on the first page, each on its own. The search is audited with its text.
    /// </remarks>
    public async Task<IReadOnlyList<EntityView>> SearchAsync(string query, Principal by, int limit = 50, int offset = 0, CancellationToken ct = default)
    {
        var text = query.Trim();
        if (text.Length > MaxQueryLength)
        {
            throw new Core.Model.ModelException($"a search has at most {MaxQueryLength} characters", field: "query");
        }

        var scope = await ScopeAsync(by, AccessAction.View, ct);
        var identities = await _store.FollowUp.IdentitiesAsync(ct);
        var page = (await IdentitiesMatchingAsync(text, scope, identities, offset + limit, ct)).Skip(offset).Take(limit).ToList();
        var records = (await StatementsOfAsync(page.SelectMany(identities.MembersOf).Distinct(StringComparer.Ordinal).ToList(), ct))
            .Where(r => scope.Allowed.Contains(r.Contribution.Id) || scope.Released.Contains((r.Contribution.Id, r.Statement.EntityId)))
            .ToLookup(r => r.Statement.EntityId, StringComparer.Ordinal);
        var views = new List<EntityView>();
        foreach (var first in page)
        {
            // Each record through the policy on its own; the result holds those the user may read, the first naming it.
            var members = identities.MembersOf(first)
                .Select(m => EntityView.For(by, AccessAction.View, m, records[m].ToList(), _store.Settings.References))
                .OfType<EntityView>()
                .Where(v => !v.HitOnly)
                .ToList();
            if (members.Count > 0)
            {
                views.Add(members.Count == 1 ? members[0] : new EntityView(members[0].Id, members[0].Schema,
                    [.. members.SelectMany(m => m.Statements)], [.. members.SelectMany(m => m.Withheld).Distinct()]));
            }
        }

        if (offset == 0)
        {
            views.AddRange(await WithheldByIdentifierAsync(text, scope, by, ct));
        }

        await _store.Audit.AppendAsync(AuditEvent.By(by, "entity.search", "search", "ok",
            string.Create(CultureInfo.InvariantCulture, $"query \"{text}\", offset {offset}: {views.Count(v => !v.HitOnly)} shown, {views.Count(v => v.HitOnly)} hit-only"), text), ct);
        return [.. views.Where(v => !v.HitOnly), .. views.Where(v => v.HitOnly).OrderBy(v => v.Id, StringComparer.Ordinal)];
    }

    /// <summary>The first matching record of each resolved identity with a readable match, in the order of the first match,
    /// at least <paramref name="count"/> of them when there are that many.</summary>
    private async Task<IReadOnlyList<string>> IdentitiesMatchingAsync(string text, DisclosureScope scope, IdentityClusters identities, int count, CancellationToken ct)
    {
        for (var take = count; ; take *= 2)
        {
            // Each source answers its first `take` ids, so the first `take` of their union are the first `take` matches;
            // fewer than `take` means nothing was left out.
            var ids = await ReadableMatchesAsync(text, scope, take, ct);
            var firsts = ids.Order(StringComparer.Ordinal).Take(take).DistinctBy(identities.IdentityOf, StringComparer.Ordinal).ToList();
            if (ids.Count < take || firsts.Count >= count)
            {
                return firsts;
            }
        }
    }

    /// <summary>Ids of entities with a readable statement containing the text, or a readable person named so across scripts.</summary>
    private async Task<HashSet<string>> ReadableMatchesAsync(string text, DisclosureScope scope, int take, CancellationToken ct)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var needle = "%" + text.ToLowerInvariant().Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal) + "%";
        if (scope.Released.Count > 0)
        {
            // Records released to the user match on their core data only (what every release covers).
            await using var connection = await _store.ConnectAsync(ct);
            var contributions = scope.Released.Select(r => r.ContributionId).Distinct().ToArray();
            var rows = await connection.QueryAsync<(long ContributionId, string EntityId)>(
                "SELECT DISTINCT contribution_id, entity_id FROM statements WHERE " + _store.In("contribution_id", "contributions") + " AND " +
                _store.In("property", "properties") + " AND (LOWER(value) LIKE @needle OR LOWER(normalised) LIKE @needle)",
                new { contributions, properties = SearchedProperties.Where(CoreData.Covers).ToArray(), needle });
            ids.UnionWith(rows.Where(scope.Released.Contains).Select(r => r.EntityId));
        }

        if (scope.Allowed.Count == 0)
        {
            return ids;
        }

        await using (var connection = await _store.ConnectAsync(ct))
        {
            foreach (var chunk in scope.Allowed.Order().Chunk(5_000))
            {
                ids.UnionWith(await connection.QueryAsync<string>(
                    "SELECT DISTINCT entity_id FROM statements WHERE " + _store.In("contribution_id", "chunk") + " AND " + _store.In("property", "properties") +
                    " AND (LOWER(value) LIKE @needle OR LOWER(normalised) LIKE @needle) ORDER BY entity_id LIMIT @take",
                    new { chunk, properties = SearchedProperties, needle, take }));
            }
        }

        // A phone number in another written form than the stored one ("00218 …" for "+218 …", a national form).
        ids.UnionWith(await PhonesMatchingAsync(text, scope, take, ct));

        // Persons whose name matches across scripts and spellings, which a substring cannot find (محمد → Mohammed).
        ids.UnionWith(await _store.CrossCheck.PersonsNamedAsync(text, take, scope.Allowed.Contains, ct));
        return ids;
    }

    /// <summary>Hit-only answers: withheld records holding the query as a complete, normalised strong identifier.</summary>
    private async Task<IReadOnlyList<EntityView>> WithheldByIdentifierAsync(string text, DisclosureScope scope, Principal by, CancellationToken ct)
    {
        if (scope.HitOnly.Count == 0)
        {
            return [];
        }

        var found = new HashSet<(long ContributionId, string EntityId)>();
        foreach (var kind in CrossChecker.IdentifierKinds)
        {
            if (Normalisers.Normalise(kind, text, NormalisationContext.None) is not { Valid: true, Value: { } normalised })
            {
                continue;
            }

            var result = await _store.CrossCheck.HoldersOfAsync(kind, normalised, null, ct);
            found.UnionWith(result.Where(r => scope.HitOnly.Contains(r.ContributionId)).Select(r => (r.ContributionId, r.EntityId)));
        }

        var records = await StatementsOfAsync(found.Select(f => f.EntityId).Distinct(StringComparer.Ordinal).ToList(), ct);
        return found
            .Select(f => EntityView.For(by, AccessAction.View, f.EntityId,
                records.Where(r => r.Statement.EntityId == f.EntityId && r.Contribution.Id == f.ContributionId).ToList(), _store.Settings.References))
            .OfType<EntityView>()
            .Where(v => v.HitOnly)
            .DistinctBy(v => v.Withheld[0].Reference, StringComparer.Ordinal)
            .ToList();
    }
}
