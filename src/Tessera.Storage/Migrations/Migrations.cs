using System.Globalization;
using Dapper;

namespace Tessera.Storage;

/// <summary>Versioned migrations: embedded <c>NNNN_name.sql</c> files applied in order, each once, in a transaction.</summary>
/// <remarks>One SQL text serves both databases; <c>{{id}}</c> becomes the dialect's auto-increment key. A file
/// <c>NNNN_name.postgres.sql</c> or <c>NNNN_name.sqlite.sql</c> replaces the shared one where the two differ.</remarks>
internal static class Migrations
{
    public static async Task ApplyAsync(Store store, CancellationToken ct)
    {
        await using var connection = await store.ConnectAsync(ct);
        await connection.ExecuteAsync("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied TEXT NOT NULL)");
        var applied = (await connection.QueryAsync<int>("SELECT version FROM schema_migrations")).ToHashSet();
        foreach (var (version, name, sql) in Load(store.Provider))
        {
            if (applied.Contains(version))
            {
                continue;
            }

            await using var tx = await Store.BeginWriteAsync(connection, ct);
            if (applied.Count == 0 && await AppliedMeanwhileAsync(connection, version, tx))
            {
                continue;
            }

            await connection.ExecuteAsync(sql.Replace("{{id}}", store.IdColumn, StringComparison.Ordinal), transaction: tx);
            await connection.ExecuteAsync("INSERT INTO schema_migrations (version, name, applied) VALUES (@version, @name, @applied)",
                new { version, name, applied = store.Now() }, tx);
            await tx.CommitAsync(ct);
        }
    }

    // Two processes may start on an empty database at once; the second sees the first's work under the write lock.
    private static async Task<bool> AppliedMeanwhileAsync(System.Data.Common.DbConnection connection, int version, System.Data.Common.DbTransaction tx) =>
        await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM schema_migrations WHERE version = @version", new { version }, tx) > 0;

    private static IEnumerable<(int Version, string Name, string Sql)> Load(StorageProvider provider)
    {
        var assembly = typeof(Migrations).Assembly;
        var dialect = provider == StorageProvider.Sqlite ? ".sqlite.sql" : ".postgres.sql";
        var other = provider == StorageProvider.Sqlite ? ".postgres.sql" : ".sqlite.sql";
        var names = assembly.GetManifestResourceNames().Where(n => n.EndsWith(".sql", StringComparison.Ordinal) && !n.EndsWith(other, StringComparison.Ordinal));
        var byVersion = new SortedDictionary<int, (string Name, string Resource)>();
        foreach (var resource in names)
        {
            var file = resource["Tessera.Storage.Migrations.".Length..];
            var version = int.Parse(file[..4], CultureInfo.InvariantCulture);
            var specific = resource.EndsWith(dialect, StringComparison.Ordinal);
            if (specific || !byVersion.ContainsKey(version))
            {
                byVersion[version] = (Path.GetFileNameWithoutExtension(file), resource);
            }
        }

        foreach (var (version, (name, resource)) in byVersion)
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            yield return (version, name, reader.ReadToEnd());
        }
    }
}
