using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using Tessera.Core.Model;

namespace Tessera.Storage.Contributions;

/// <summary>The bulk insert of a contribution's statements on SQLite.</summary>
/// <remarks>
/// Straight on SQLite's C API (the handle of the open connection, inside its transaction): multi-row INSERTs of
/// <see cref="RowsPerInsert"/> rows bound by position, which costs a fraction of one ADO.NET command per row (parameters
/// looked up by name and boxed on every execution). The write gets a larger page cache for its transaction, and a
/// large contribution has the statement indexes built once after the load instead of maintained row by row
/// (see <see cref="BulkLoad"/>).
/// </remarks>
internal static class SqliteStatements
{
    // 64 rows × 7 parameters stays far below SQLite's 32,766 host parameters and amortises the per-statement cost.
    private const int RowsPerInsert = 64;

    // Page cache for a large load, in KiB (negative cache_size): the statement indexes' hot pages stay in memory.
    private const int LoadCacheKib = 131_072;

    public static async Task InsertAsync(SqliteConnection connection, SqliteTransaction tx, long contributionId,
        List<(string EntityId, string Schema, PropertyValue Value)> statements, bool rebuildIndexes, CancellationToken ct)
    {
        await using var pragma = connection.CreateCommand();
        pragma.Transaction = tx;
        pragma.CommandText = "PRAGMA cache_size";
        var cache = Convert.ToInt64(await pragma.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        pragma.CommandText = string.Create(CultureInfo.InvariantCulture, $"PRAGMA cache_size = -{LoadCacheKib}");
        await pragma.ExecuteNonQueryAsync(ct);
        try
        {
            var indexes = rebuildIndexes ? await BulkLoad.DropAsync(connection, tx, ct) : [];
            Insert(connection.Handle!, contributionId, statements, ct);
            await BulkLoad.RestoreAsync(connection, tx, indexes, ct);
        }
        catch
        {
            // The transaction is rolled back; the connection with the large cache must not go back to the pool.
            SqliteConnection.ClearPool(connection);
            throw;
        }

        // Pooled connections keep their pragmas: give the next user the cache it had.
        pragma.CommandText = string.Create(CultureInfo.InvariantCulture, $"PRAGMA cache_size = {cache}");
        await pragma.ExecuteNonQueryAsync(ct);
    }

    private static void Insert(sqlite3 db, long contributionId, List<(string EntityId, string Schema, PropertyValue Value)> statements, CancellationToken ct)
    {
        var full = statements.Count / RowsPerInsert;
        if (full > 0)
        {
            using var many = Prepare(db, contributionId, RowsPerInsert);
            for (var batch = 0; batch < full; batch++)
            {
                ct.ThrowIfCancellationRequested();
                Run(db, many, statements, batch * RowsPerInsert, RowsPerInsert);
            }
        }

        var rest = statements.Count - full * RowsPerInsert;
        if (rest > 0)
        {
            using var tail = Prepare(db, contributionId, rest);
            Run(db, tail, statements, full * RowsPerInsert, rest);
        }
    }

    // The contribution id is the same for every row: a literal in the statement text, bound by nobody.
    private static sqlite3_stmt Prepare(sqlite3 db, long contributionId, int rows)
    {
        var sql = new StringBuilder("INSERT INTO statements (contribution_id, entity_id, schema, property, value, normalised, valid, reason) VALUES ");
        var id = contributionId.ToString(CultureInfo.InvariantCulture);
        for (var r = 0; r < rows; r++)
        {
            sql.Append(r == 0 ? "(" : ",(").Append(id).Append(",?,?,?,?,?,?,?)");
        }

        Check(db, raw.sqlite3_prepare_v2(db, sql.ToString(), out var stmt));
        return stmt;
    }

    private static void Run(sqlite3 db, sqlite3_stmt stmt, List<(string EntityId, string Schema, PropertyValue Value)> statements, int start, int rows)
    {
        for (var r = 0; r < rows; r++)
        {
            var (entityId, schema, v) = statements[start + r];
            var at = r * 7;
            Check(db, Text(stmt, at + 1, entityId));
            Check(db, Text(stmt, at + 2, schema));
            Check(db, Text(stmt, at + 3, v.Property));
            Check(db, Text(stmt, at + 4, v.Value));
            Check(db, Text(stmt, at + 5, v.Normalised));
            Check(db, raw.sqlite3_bind_int64(stmt, at + 6, v.Valid ? 1 : 0));
            Check(db, Text(stmt, at + 7, v.Reason));
        }

        var rc = raw.sqlite3_step(stmt);
        if (rc != raw.SQLITE_DONE)
        {
            raw.sqlite3_reset(stmt);
            Check(db, rc);
        }

        Check(db, raw.sqlite3_reset(stmt));
    }

    // UTF-16 straight from the string: SQLite copies and converts it, with no UTF-8 array allocated per value.
    private static int Text(sqlite3_stmt stmt, int index, string? text) =>
        text is null ? raw.sqlite3_bind_null(stmt, index) : raw.sqlite3_bind_text16(stmt, index, text.AsSpan());

    private static void Check(sqlite3 db, int rc)
    {
        if (rc != raw.SQLITE_OK && rc != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(rc, db);
        }
    }
}
