using System.Data.Common;
using System.Globalization;
using System.Text;
using Dapper;

namespace Tessera.Storage;

/// <summary>Inserts many rows with one statement per chunk (<c>INSERT … VALUES (…), (…), …</c>) instead of one statement per
/// row: one round trip to the database for up to <see cref="ChunkRows"/> rows.</summary>
internal static class MultiRowInsert
{
    /// <summary>Rows per statement; with ten columns well under SQLite's (32,766) and PostgreSQL's (65,535) parameter limits.</summary>
    public const int ChunkRows = 500;

    /// <summary>Inserts <paramref name="rows"/> (one value per column, in column order) into <paramref name="table"/>.</summary>
    public static async Task ExecuteAsync(DbConnection connection, DbTransaction tx, string table, IReadOnlyList<string> columns, IEnumerable<object?[]> rows)
    {
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
