using Dapper;
using Npgsql;
using NpgsqlTypes;
using Tessera.Core.Model;

namespace Tessera.Storage.Contributions;

/// <summary>The bulk insert of a contribution's statements on PostgreSQL: binary COPY, and for a large contribution the
/// statement indexes built after the load (<see cref="BulkLoad"/>).</summary>
internal static class PostgresStatements
{
    // Memory for sorting while an index is built, for this transaction only (PostgreSQL's default is 64 MB).
    private const string BuildMemory = "SET LOCAL maintenance_work_mem = '256MB'";

    public static async Task InsertAsync(NpgsqlConnection connection, NpgsqlTransaction tx, long contributionId,
        List<(string EntityId, string Schema, PropertyValue Value)> statements, bool rebuildIndexes, CancellationToken ct)
    {
        var indexes = rebuildIndexes ? await BulkLoad.DropAsync(connection, tx, ct) : [];
        await CopyAsync(connection, contributionId, statements, ct);
        if (indexes.Count > 0)
        {
            await connection.ExecuteAsync(BuildMemory, transaction: tx);
            await BulkLoad.RestoreAsync(connection, tx, indexes, ct);
        }
    }

    // Binary COPY: an order of magnitude faster than row inserts over the wire.
    private static async Task CopyAsync(NpgsqlConnection connection, long contributionId,
        List<(string EntityId, string Schema, PropertyValue Value)> statements, CancellationToken ct)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY statements (contribution_id, entity_id, schema, property, value, normalised, valid, reason) FROM STDIN (FORMAT BINARY)", ct);
        // No timeout (zero): the server answers only when the whole load is checked and indexed, which a large contribution
        // on a busy server can take longer than the command timeout; cancellation still ends it.
        copy.Timeout = TimeSpan.Zero;
        // Synchronous writes into COPY's buffer: an await per field costs more than the field itself.
        foreach (var (entityId, schema, v) in statements)
        {
            copy.StartRow();
            copy.Write(contributionId, NpgsqlDbType.Bigint);
            copy.Write(entityId, NpgsqlDbType.Text);
            copy.Write(schema, NpgsqlDbType.Text);
            copy.Write(v.Property, NpgsqlDbType.Text);
            copy.Write(v.Value, NpgsqlDbType.Text);
            WriteNullable(copy, v.Normalised);
            copy.Write(v.Valid ? 1L : 0L, NpgsqlDbType.Bigint);
            WriteNullable(copy, v.Reason);
        }

        await copy.CompleteAsync(ct);
    }

    private static void WriteNullable(NpgsqlBinaryImporter copy, string? value)
    {
        if (value is null)
        {
            copy.WriteNull();
        }
        else
        {
            copy.Write(value, NpgsqlDbType.Text);
        }
    }
}
