using System.Data.Common;
using Dapper;
using Tessera.Core.Access;
using Tessera.Core.Model;

namespace Tessera.Storage.Contributions;

/// <summary>Who each entity of a contribution is about, where its rows said so (table <c>entity_subjects</c>): written with
/// the contribution, and put on every statement read so that the policy decides on the row's own category.</summary>
internal static class EntitySubjects
{
    /// <summary>Stores the categories of the entities that carry one, with ids in the provider's namespace.</summary>
    public static async Task InsertAsync(DbConnection connection, DbTransaction tx, long contributionId, string organisation, IReadOnlyList<Entity> entities)
    {
        var rows = entities.Where(e => e.Subject is not null)
            .Select(e => new { contributionId, entityId = ProviderIds.Qualify(organisation, e.Id), category = e.Subject!.Value.ToString() })
            .DistinctBy(r => r.entityId, StringComparer.Ordinal)
            .ToList();
        if (rows.Count > 0)
        {
            await connection.ExecuteAsync("INSERT INTO entity_subjects (contribution_id, entity_id, category) VALUES (@contributionId, @entityId, @category)", rows, tx);
        }
    }

    /// <summary>The records with <see cref="StatementRecord.RowSubject"/> set where their entity has its own category.</summary>
    /// <remarks>Looked up by entity (indexed), so that a check reading a few records of a large contribution reads only theirs.</remarks>
    public static async Task<IReadOnlyList<StatementRecord>> AttachAsync(Store store, DbConnection connection, List<StatementRecord> records)
    {
        var ids = records.Select(r => r.Statement.EntityId).Distinct(StringComparer.Ordinal).ToArray();
        var subjects = new Dictionary<(long, string), SubjectCategory>();
        foreach (var chunk in ids.Chunk(500))
        {
            foreach (var (contribution, entity, category) in await connection.QueryAsync<(long, string, string)>(
                "SELECT contribution_id, entity_id, category FROM entity_subjects WHERE " + store.In("entity_id", "chunk"), new { chunk }))
            {
                subjects[(contribution, entity)] = Enum.Parse<SubjectCategory>(category);
            }
        }

        if (subjects.Count == 0)
        {
            return records;
        }

        return records.Select(r => subjects.TryGetValue((r.Contribution.Id, r.Statement.EntityId), out var subject) ? r with { RowSubject = subject } : r).ToList();
    }
}
