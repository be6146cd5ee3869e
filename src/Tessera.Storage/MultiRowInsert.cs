using System.Data.Common;
using System.Globalization;
using System.Text;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Tessera.Storage;

/// <summary>Inserts many rows: on PostgreSQL with one statement per chunk (<c>INSERT … VALUES (…), (…), …</c>), one round trip
/// for up to <see cref="ChunkRows"/> rows; on SQLite (in process, no round trips) with one prepared single-row statement
/// executed per row, which spares parsing a long statement every time.</summary>
internal static class MultiRowInsert
{
    /// <summary>Rows per statement; with ten columns well under SQLite's (32,766) and PostgreSQL's (65,535) parameter limits.</summary>
    public const int ChunkRows = 500;

    /// <summary>Inserts <paramref name="rows"/> (one value per column, in column order) into <paramref name="table"/>.</summary>
    public static async Task ExecuteAsync(DbConnection connection, DbTransaction tx, string table, IReadOnlyList<string> columns, IEnumerable<object?[]> rows)
    {
        if (connection is SqliteConnection)
        {
            var single = new StringBuilder("INSERT INTO ").Append(table).Append(" (").AppendJoin(", ", columns).Append(") VALUES (")
                .AppendJoin(", ", columns.Select((_, c) => string.Create(CultureInfo.InvariantCulture, $"@p{c}"))).Append(')').ToString();
            await connection.ExecuteAsync(single, rows.Select(row =>
            {
                var parameters = new DynamicParameters();
                for (var c = 0; c < columns.Count; c++)
                {
                    parameters.Add(string.Create(CultureInfo.InvariantCulture, $"p{c}"), row[c]);
                }

                return parameters;
            }), tx);
            return;
        }

        foreach (var chunk in rows.Chunk(ChunkRows))
        {
            var sql = new StringBuilder("INSERT INTO ").Append(table).Append(" (").AppendJoin(", ", columns).Append(") VALUES ");
            var parameters = new DynamicParameters();
            for (var r = 0; r < chunk.Length; r++)
            {
                sql.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < columns.Count; c++)
                {
                    var name = string.Create(CultureInfo.InvariantCulture, $"p{r}_{c}");
                    sql.Append(c == 0 ? "@" : ", @").Append(name);
                    parameters.Add(name, chunk[r][c]);
                }

                sql.Append(')');
            }

            await connection.ExecuteAsync(sql.ToString(), parameters, tx);
        }
    }
}
