using System.Data.Common;
using Dapper;
using Npgsql;

namespace Tessera.Storage.Contributions;

/// <summary>A large load into the statements table: its secondary indexes (and on PostgreSQL its foreign key) dropped
/// before the load and created again after it, in the load's own transaction.</summary>
/// <remarks>
/// Building an index sorts its keys once; maintaining it inserts every key on its own into a B-tree larger than the cache,
/// which costs several times more per row. PostgreSQL checks a foreign key with one query per inserted row, where adding
/// the constraint back checks the whole table with one join. So a contribution that is large relative to the table
/// (<see cref="Pays"/>) loads faster without them. The definitions are read back from the database's catalogue, so what
/// is created is exactly what was there, and a rollback or a crash restores them with the rest of the transaction.
/// No other transaction ever sees the table without them: SQLite readers keep reading their snapshot (WAL), and on
/// PostgreSQL the load holds the exclusive lock of contributions and statements from the drop to the commit, so their
/// readers wait for the load to finish.
/// </remarks>
internal static class BulkLoad
{
    /// <summary>True when a load of <paramref name="added"/> statements into a table whose ids reach <paramref name="existing"/>
    /// is at least <paramref name="minimum"/> rows and a quarter of the table it makes.</summary>
    public static bool Pays(long added, long existing, int minimum) => added >= minimum && added * 3 >= existing;

    /// <summary>Before anything is read in a transaction that may become a bulk load on PostgreSQL: the write lock of both
    /// tables, so that two large loads queue here instead of deadlocking when one raises it to exclusive.</summary>
    public static async Task PrepareAsync(DbConnection connection, DbTransaction tx)
    {
        if (connection is NpgsqlConnection)
        {
            await connection.ExecuteAsync("LOCK TABLE contributions, statements IN SHARE ROW EXCLUSIVE MODE", transaction: tx, commandTimeout: 0);
        }
    }

    /// <summary>The highest statement id: an upper bound of the table's size, read from the primary key alone.</summary>
    public static Task<long> TableSizeAsync(DbConnection connection, DbTransaction tx) =>
        connection.ExecuteScalarAsync<long>("SELECT COALESCE(MAX(id), 0) FROM statements", transaction: tx);

    /// <summary>Drops the statement table's secondary indexes and PostgreSQL foreign keys; returns the statements that create them again.</summary>
    public static async Task<IReadOnlyList<string>> DropAsync(DbConnection connection, DbTransaction tx, CancellationToken ct)
    {
        var drop = new List<string>();
        var create = new List<string>();
        if (connection is NpgsqlConnection)
        {
            await connection.ExecuteAsync("LOCK TABLE contributions, statements IN ACCESS EXCLUSIVE MODE", transaction: tx, commandTimeout: 0);
            foreach (var (name, definition) in await connection.QueryAsync<(string, string)>(
                "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'statements'::regclass AND contype = 'f' ORDER BY conname", transaction: tx))
            {
                drop.Add($"ALTER TABLE statements DROP CONSTRAINT \"{name}\"");
                create.Add($"ALTER TABLE statements ADD CONSTRAINT \"{name}\" {definition}");
            }
        }

        var indexes = connection is NpgsqlConnection
            ? await connection.QueryAsync<(string Name, string Sql)>(
                "SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid " +
                "WHERE x.indrelid = 'statements'::regclass AND NOT x.indisprimary AND NOT x.indisunique ORDER BY i.relname", transaction: tx)
            : await connection.QueryAsync<(string Name, string Sql)>(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'statements' AND sql IS NOT NULL ORDER BY name", transaction: tx);
        foreach (var (name, sql) in indexes)
        {
            drop.Add($"DROP INDEX \"{name}\"");
            // Indexes before the foreign key: checking the key back is one join, whatever the indexes.
            create.Insert(0, sql);
        }

        foreach (var sql in drop)
        {
            ct.ThrowIfCancellationRequested();
            await connection.ExecuteAsync(sql, transaction: tx);
        }

        return create;
    }

    /// <summary>Creates what <see cref="DropAsync"/> dropped.</summary>
    public static async Task RestoreAsync(DbConnection connection, DbTransaction tx, IReadOnlyList<string> create, CancellationToken ct)
    {
        foreach (var sql in create)
        {
            ct.ThrowIfCancellationRequested();
            await connection.ExecuteAsync(sql, transaction: tx, commandTimeout: 0);
        }
    }
}
