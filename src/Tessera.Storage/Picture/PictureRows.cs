using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

namespace Tessera.Storage.Picture;

/// <summary>Bulk row inserts inside a transaction: binary COPY on PostgreSQL, one prepared statement reused on SQLite.</summary>
internal static class PictureRows
{
    public static async Task InsertAsync(DbConnection connection, DbTransaction tx, string table, string[] columns,
        IEnumerable<object?[]> rows, CancellationToken ct)
    {
        if (connection is NpgsqlConnection pg)
        {
            await using var copy = await pg.BeginBinaryImportAsync($"COPY {table} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)", ct);
            foreach (var row in rows)
            {
                await copy.StartRowAsync(ct);
                foreach (var value in row)
                {
                    switch (value)
                    {
                        case null:
                            await copy.WriteNullAsync(ct);
                            break;
                        case long l:
                            await copy.WriteAsync(l, NpgsqlDbType.Bigint, ct);
                            break;
                        case double d:
                            await copy.WriteAsync(d, NpgsqlDbType.Double, ct);
                            break;
                        default:
                            await copy.WriteAsync(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!, NpgsqlDbType.Text, ct);
                            break;
                    }
                }
            }

            await copy.CompleteAsync(ct);
            return;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)))})";
        var parameters = columns.Select((_, i) =>
        {
            var p = command.CreateParameter();
            p.ParameterName = "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            command.Parameters.Add(p);
            return p;
        }).ToArray();
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                parameters[i].Value = row[i] ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
