using System.Data.Common;
using System.Globalization;
using Dapper;
using Tessera.Core.Access;
using Tessera.Core.Audit;
using Tessera.Core.Model;

namespace Tessera.Storage.Contributions;

/// <summary>The outcome of writing a contribution.</summary>
/// <param name="Added">False when the same content had been contributed before by the same organisation: nothing was added.</param>
public sealed record WriteResult(long ContributionId, bool Added, int Entities, int Statements);

/// <summary>Contributions and their statements: written atomically, read through the access policy.</summary>
public sealed partial class ContributionStore
{
    private const string ContributionColumns =
        "c.id AS Id, c.organisation AS Organisation, c.case_id AS CaseId, c.handling AS Handling, c.h3_text AS H3Text, c.reliability AS Reliability, " +
        "c.accuracy AS Accuracy, c.subject_category AS SubjectCategory, c.purpose AS Purpose, c.created AS Created, c.review_date AS ReviewDate, " +
        "c.kind AS Kind, c.source AS Source, c.content_hash AS ContentHash, c.created_by AS CreatedBy";

    private readonly Store _store;

    internal ContributionStore(Store store) => _store = store;

    /// <summary>The fewest statements for which a contribution large relative to the table is loaded without the
    /// statement indexes, which are then built once (<see cref="BulkLoad"/>); smaller writes never change the schema.</summary>
    internal int BulkMinimum { get; set; } = 100_000;

    /// <summary>Writes a contribution and all its statements in one transaction, with its audit entry.</summary>
    /// <remarks>All-or-nothing: on any error nothing is stored. Idempotent: the same content hash from the same
    /// organisation adds nothing and returns the earlier contribution.</remarks>
    /// <exception cref="ModelException">An entity does not fit the model, or the organisation or case is unknown.</exception>
    /// <exception cref="Tessera.Core.Access.AccessRefusedException">The user may not contribute for that organisation.</exception>
    public async Task<WriteResult> WriteAsync(Contribution contribution, IReadOnlyList<Entity> entities, Principal by, CancellationToken ct = default)
    {
        Authorise(contribution, by);
        var statements = Validate(entities, contribution.Organisation);
        await using var connection = await _store.ConnectAsync(ct);
        await using var tx = await Store.BeginWriteAsync(connection, ct);
        if (statements.Count >= BulkMinimum)
        {
            await BulkLoad.PrepareAsync(connection, tx);
        }

        await CheckReferencesAsync(connection, tx, contribution);
        var existing = await connection.ExecuteScalarAsync<long?>(
            "SELECT id FROM contributions WHERE organisation = @Organisation AND content_hash = @ContentHash", contribution, tx);
        if (existing is { } earlier)
        {
            await _store.Audit.AppendAsync(connection, tx, [Event(by, "contribution.repeat", earlier, "ok", contribution.Source)]);
            await tx.CommitAsync(ct);
            return new WriteResult(earlier, false, 0, 0);
        }

        var id = await InsertContributionAsync(connection, tx, contribution);
        await InsertTransfersAsync(connection, tx, id, contribution);
        await InsertStatementsAsync(connection, tx, id, statements, ct);
        await EntitySubjects.InsertAsync(connection, tx, id, contribution.Organisation, entities);
        var details = string.Create(CultureInfo.InvariantCulture, $"{entities.Count} entities, {statements.Count} statements from {contribution.Source}");
        await _store.Audit.AppendAsync(connection, tx, [Event(by, "contribution.write", id, "ok", details)]);
        await tx.CommitAsync(ct);
        await _store.CrossCheck.Index.ContributionStoredAsync(new CrossCheck.ArrivedContribution(id, contribution.Organisation, contribution.Source, statements), ct);
        return new WriteResult(id, true, entities.Count, statements.Count);
    }

    /// <summary>One entity as <paramref name="by"/> may see it; null when they may not even know it exists.</summary>
    /// <remarks>Every read is audited, and so is every reduced or denied answer.</remarks>
    public async Task<EntityView?> ReadEntityAsync(string entityId, Principal by, CancellationToken ct = default)
    {
        var records = await StatementsOfAsync([entityId], ct);
        var view = records.Count == 0 ? null : EntityView.For(by, AccessAction.View, entityId, records, _store.Settings.References);
        var outcome = view is null ? (records.Count == 0 ? "none" : nameof(Decision.Deny))
            : view.HitOnly ? nameof(Decision.HitOnly)
            : view.Statements.Count < records.Count ? "Reduced"
            : nameof(Decision.Allow);
        await _store.Audit.AppendAsync(AuditEvent.By(by, "entity.read", "entity:" + entityId, outcome), ct);
        return view;
    }

    /// <summary>Every stored statement of the given entities, with provenance.</summary>
    public async Task<IReadOnlyList<StatementRecord>> StatementsOfAsync(IReadOnlyCollection<string> entityIds, CancellationToken ct = default)
    {
        if (entityIds.Count == 0)
        {
            return [];
        }

        await using var connection = await _store.ConnectAsync(ct);
        var rows = new List<StatementRow>();
        foreach (var chunk in entityIds.Chunk(500))
        {
            rows.AddRange(await connection.QueryAsync<StatementRow>(StatementSelect + " WHERE " + _store.In("s.entity_id", "ids") + " ORDER BY s.id", new { ids = chunk }));
        }

        return await WithProvenanceAsync(_store, connection, rows);
    }

    /// <summary>Every statement, in storage order, with provenance; streamed in pages for export and index rebuilds.</summary>
    public async IAsyncEnumerable<StatementRecord> AllStatementsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        long after = 0;
        while (true)
        {
            await using var connection = await _store.ConnectAsync(ct);
            var rows = (await connection.QueryAsync<StatementRow>(StatementSelect + " WHERE s.id > @after ORDER BY s.id LIMIT 20000", new { after })).ToList();
            if (rows.Count == 0)
            {
                yield break;
            }

            foreach (var record in await WithProvenanceAsync(_store, connection, rows))
            {
                yield return record;
            }

            after = rows[^1].Id;
        }
    }

    /// <summary>Every statement of the given contributions (a <see cref="DisclosureScope"/>), in storage order, with provenance.</summary>
    /// <remarks>Reads touch only these contributions, so what lies outside them changes neither the answer nor its cost.</remarks>
    public async IAsyncEnumerable<StatementRecord> StatementsInAsync(IReadOnlySet<long> contributions,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        foreach (var chunk in contributions.Order().Chunk(1_000))
        {
            long after = 0;
            while (true)
            {
                List<StatementRow> rows;
                IReadOnlyList<StatementRecord> records;
                await using (var connection = await _store.ConnectAsync(ct))
                {
                    rows = (await connection.QueryAsync<StatementRow>(
                        StatementSelect + " WHERE " + _store.In("s.contribution_id", "chunk") + " AND s.id > @after ORDER BY s.id LIMIT 20000", new { chunk, after })).ToList();
                    records = rows.Count == 0 ? [] : await WithProvenanceAsync(_store, connection, rows);
                }

                if (rows.Count == 0)
                {
                    break;
                }

                foreach (var record in records)
                {
                    yield return record;
                }

                after = rows[^1].Id;
            }
        }
    }

    /// <summary>Contributions, newest first.</summary>
    public async Task<IReadOnlyList<Contribution>> ContributionsAsync(CancellationToken ct = default)
    {
        await using var connection = await _store.ConnectAsync(ct);
        var rows = (await connection.QueryAsync<ContributionRow>($"SELECT {ContributionColumns} FROM contributions c ORDER BY c.id DESC")).ToList();
        var transfers = await TransfersAsync(_store, connection, [.. rows.Select(r => r.Id)]);
        return rows.Select(r => r.ToContribution() with { Transfers = transfers.GetValueOrDefault(r.Id, Contribution.NoTransfers) }).ToList();
    }

    /// <summary>Counts of contributions, entities and statements.</summary>
    public async Task<(long Contributions, long Entities, long Statements)> CountsAsync(CancellationToken ct = default)
    {
        await using var connection = await _store.ConnectAsync(ct);
        return await connection.QuerySingleAsync<(long, long, long)>(
            "SELECT (SELECT COUNT(*) FROM contributions), (SELECT COUNT(DISTINCT entity_id) FROM statements), (SELECT COUNT(*) FROM statements)");
    }

    private static void Authorise(Contribution contribution, Principal by)
    {
        if (!Permissions.MayContributeFor(by, contribution.Organisation))
        {
            throw new Tessera.Core.Access.AccessRefusedException($"{by.UserName} may not contribute data for organisation {contribution.Organisation}");
        }
    }

    /// <summary>The statements of the entities, with every id and reference in the provider's namespace (<see cref="ProviderIds"/>).</summary>
    private static List<(string EntityId, string Schema, PropertyValue Value)> Validate(IReadOnlyList<Entity> entities, string organisation)
    {
        var statements = new List<(string, string, PropertyValue)>();
        foreach (var entity in entities)
        {
            if (string.IsNullOrWhiteSpace(entity.Id))
            {
                throw new ModelException("an entity has no id", field: "id");
            }

            var schema = SchemaModel.Default.GetSchema(entity.Schema);
            if (schema.IsAbstract)
            {
                throw new ModelException($"schema {schema.Name} is abstract", field: "schema");
            }

            var id = ProviderIds.Qualify(organisation, entity.Id);
            foreach (var value in entity.Values)
            {
                var property = SchemaModel.GetProperty(schema, value.Property);
                var stored = property.IsEntityReference
                    ? value with { Value = ProviderIds.Qualify(organisation, value.Value), Normalised = ProviderIds.Qualify(organisation, value.Normalised ?? value.Value) }
                    : value;
                statements.Add((id, schema.Name, stored));
            }
        }

        return statements;
    }

    private static async Task CheckReferencesAsync(DbConnection connection, DbTransaction tx, Contribution c)
    {
        if (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM organisations WHERE code = @Organisation", c, tx) == 0)
        {
            throw new ModelException($"unknown organisation '{c.Organisation}'", field: "organisation");
        }

        // Contributing to a case needs membership of it; a case the organisation is not a member of is answered exactly
        // like one that does not exist, so that nobody learns through an import which cases there are.
        if (c.CaseId is not null && await connection.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM case_members WHERE case_id = @CaseId AND organisation = @Organisation", c, tx) == 0)
        {
            throw ModelException.Unknown($"unknown case '{c.CaseId}'", field: "case");
        }
    }

    private static AuditEvent Event(Principal by, string action, long id, string outcome, string details) =>
        AuditEvent.By(by, action, "contribution:" + id.ToString(CultureInfo.InvariantCulture), outcome, details);
}
