using System.Data.Common;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;
using Tessera.Core.Access;
using Tessera.Core.Model;

namespace Tessera.Storage.Contributions;

/// <summary>Row mapping and the bulk insert paths of <see cref="ContributionStore"/>.</summary>
public sealed partial class ContributionStore
{
    private const string StatementSelect =
        "SELECT s.id AS Id, s.entity_id AS EntityId, s.schema AS Schema, s.property AS Property, s.value AS Value, s.normalised AS Normalised, " +
        "s.valid AS Valid, s.reason AS Reason, s.contribution_id AS ContributionId FROM statements s";

    private static async Task<long> InsertContributionAsync(DbConnection connection, DbTransaction tx, Contribution c) =>
        await connection.ExecuteScalarAsync<long>(
            "INSERT INTO contributions (organisation, case_id, handling, h3_text, reliability, accuracy, subject_category, purpose, created, review_date, kind, source, content_hash, created_by) " +
            "VALUES (@Organisation, @CaseId, @handling, @h3, @reliability, @Accuracy, @subject, @Purpose, @created, @review, @kind, @Source, @ContentHash, @CreatedBy) RETURNING id",
            new
            {
                c.Organisation, c.CaseId, handling = c.Handling.ToString(), h3 = c.Handling.H3Text, reliability = c.Reliability.ToString(),
                c.Accuracy, subject = c.SubjectCategory.ToString(), c.Purpose, created = Store.Format(c.Created),
                review = c.ReviewDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), kind = c.Kind.ToString(), c.Source, c.ContentHash, c.CreatedBy,
            }, tx);

    private async Task InsertStatementsAsync(DbConnection connection, DbTransaction tx, long contributionId,
        List<(string EntityId, string Schema, PropertyValue Value)> statements, CancellationToken ct)
    {
        var rebuild = statements.Count >= BulkMinimum && BulkLoad.Pays(statements.Count, await BulkLoad.TableSizeAsync(connection, tx), BulkMinimum);
        if (connection is NpgsqlConnection pg)
        {
            await PostgresStatements.InsertAsync(pg, (NpgsqlTransaction)tx, contributionId, statements, rebuild, ct);
        }
        else
        {
            await SqliteStatements.InsertAsync((SqliteConnection)connection, (SqliteTransaction)tx, contributionId, statements, rebuild, ct);
        }
    }

    private static async Task<IReadOnlyList<StatementRecord>> WithProvenanceAsync(Store store, DbConnection connection, List<StatementRow> rows)
    {
        var ids = rows.Select(r => r.ContributionId).Distinct().ToArray();
        var contributions = new Dictionary<long, (Contribution C, IReadOnlySet<string> Members)>();
        var releases = await FollowUp.FollowUpStore.ReleasesInForceAsync(store, connection, ids);
        foreach (var chunk in ids.Chunk(500))
        {
            var found = await connection.QueryAsync<ContributionRow>($"SELECT {ContributionColumns} FROM contributions c WHERE {store.In("c.id", "chunk")}", new { chunk });
            var cases = found.Where(c => c.CaseId is not null).Select(c => c.CaseId!).Distinct().ToArray();
            var members = cases.Length == 0
                ? Enumerable.Empty<(string CaseId, string Org)>().ToLookup(m => m.CaseId, m => m.Org)
                : (await connection.QueryAsync<(string CaseId, string Org)>("SELECT case_id, organisation FROM case_members WHERE " + store.In("case_id", "cases"), new { cases }))
                    .ToLookup(m => m.CaseId, m => m.Org);
            var transfers = await TransfersAsync(store, connection, chunk);
            foreach (var row in found)
            {
                var set = row.CaseId is null ? new HashSet<string>() : members[row.CaseId].ToHashSet(StringComparer.Ordinal);
                contributions[row.Id] = (row.ToContribution() with { Transfers = transfers.GetValueOrDefault(row.Id, Contribution.NoTransfers) }, set);
            }
        }

        return await EntitySubjects.AttachAsync(store, connection, rows.Select(r =>
        {
            var (c, members) = contributions[r.ContributionId];
            var record = new StatementRecord(r.ToStatement(), c, members);
            return releases.Contains((r.ContributionId, r.EntityId)) ? record with { Releases = [.. releases[(r.ContributionId, r.EntityId)]] } : record;
        }).ToList());
    }

    /// <summary>The transfers (organisation → legal basis) of the given contributions that have any.</summary>
    private static async Task<Dictionary<long, IReadOnlyDictionary<string, string>>> TransfersAsync(Store store, DbConnection connection, long[] ids, DbTransaction? tx = null)
    {
        // Transfers are few: for a long list of contributions, reading them all costs less than a long IN list.
        var rows = await connection.QueryAsync<(long Contribution, string Organisation, string Basis)>(
            "SELECT contribution_id, organisation, legal_basis FROM contribution_transfers" + (ids.Length > 500 ? "" : " WHERE " + store.In("contribution_id", "ids")), new { ids }, tx);
        return rows.GroupBy(r => r.Contribution)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, string>)g.ToDictionary(r => r.Organisation, r => r.Basis, StringComparer.Ordinal));
    }

    private static async Task InsertTransfersAsync(DbConnection connection, DbTransaction tx, long contributionId, Contribution c)
    {
        foreach (var (organisation, basis) in c.Transfers)
        {
            var kind = await connection.ExecuteScalarAsync<string?>("SELECT kind FROM organisations WHERE code = @organisation", new { organisation }, tx);
            if (!PartnerKinds.TryParse(kind, out var k) || !k.IsThirdParty())
            {
                throw new ModelException($"a transfer goes to a third country or international organisation; '{organisation}' is not one", field: "transfer");
            }

            if (string.IsNullOrWhiteSpace(basis))
            {
                throw new ModelException($"the transfer to {organisation} needs its legal basis (Europol Regulation Art. 25)", field: "transfer");
            }

            await connection.ExecuteAsync("INSERT INTO contribution_transfers (contribution_id, organisation, legal_basis) VALUES (@contributionId, @organisation, @basis)",
                new { contributionId, organisation, basis }, tx);
        }
    }

    private sealed record StatementRow(long Id, string EntityId, string Schema, string Property, string Value, string? Normalised, long Valid, string? Reason, long ContributionId)
    {
        public Statement ToStatement() => new(Id, EntityId, Schema, Property, Value, Normalised, Valid != 0, Reason, ContributionId);
    }

    private sealed record ContributionRow(long Id, string Organisation, string? CaseId, string Handling, string? H3Text, string Reliability, long Accuracy,
        string SubjectCategory, string Purpose, string Created, string ReviewDate, string Kind, string Source, string ContentHash, string CreatedBy)
    {
        public Contribution ToContribution() => new(Id, Organisation, CaseId, HandlingCodes.Parse(Handling, H3Text),
            Enum.Parse<SourceReliability>(Reliability), (int)Accuracy, Enum.Parse<Core.Model.SubjectCategory>(SubjectCategory), Purpose,
            DateTimeOffset.Parse(Created, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            DateOnly.ParseExact(ReviewDate, "yyyy-MM-dd", CultureInfo.InvariantCulture), Enum.Parse<ContributionKind>(Kind), Source, ContentHash, CreatedBy);
    }
}
