using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using Tessera.Core.Audit;

namespace Tessera.Storage.Audit;

/// <summary>The insert paths of <see cref="AuditLog"/>: entries already chained, written in the caller's transaction.</summary>
public sealed partial class AuditLog
{
    private const string Columns = "seq, time, actor, organisation, action, target, outcome, details, prev_hash, hash, query, purpose";

    // The time goes in as Tessera's own text form: Npgsql would write DateTimeOffset itself with microseconds only,
    // dropping the last tick digit the hash covers, so a chain written with a real clock would not verify on PostgreSQL.
    private static async Task InsertAsync(DbConnection connection, DbTransaction tx, List<AuditEntry> rows)
    {
        if (connection is NpgsqlConnection pg && rows.Count > 1)
        {
            // Binary COPY for a batch: one round trip instead of one per entry.
            await using var copy = await pg.BeginBinaryImportAsync($"COPY audit_log ({Columns}) FROM STDIN (FORMAT BINARY)");
            foreach (var r in rows)
            {
                copy.StartRow();
                copy.Write(r.Sequence, NpgsqlDbType.Bigint);
                foreach (var text in Texts(r))
                {
                    copy.Write(text, NpgsqlDbType.Text);
                }
            }

            await copy.CompleteAsync();
            return;
        }

        // One prepared statement reused for every entry (SQLite runs in-process: the synchronous call avoids a task per row).
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = $"INSERT INTO audit_log ({Columns}) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @pa, @pb)";
        var parameters = new DbParameter[12];
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i] = connection is SqliteConnection ? new SqliteParameter() : new NpgsqlParameter();
            parameters[i].ParameterName = "@p" + (char)(i < 10 ? '0' + i : 'a' + i - 10);
            command.Parameters.Add(parameters[i]);
        }

        foreach (var r in rows)
        {
            parameters[0].Value = r.Sequence;
            var i = 1;
            foreach (var text in Texts(r))
            {
                parameters[i++].Value = text;
            }

            if (connection is SqliteConnection)
            {
                command.ExecuteNonQuery();
            }
            else
            {
                await command.ExecuteNonQueryAsync();
            }
        }
    }

    private static string[] Texts(AuditEntry r) =>
        [Store.Format(r.Time), r.Actor, r.Organisation, r.Action, r.Target, r.Outcome, r.Details, r.PreviousHash, r.Hash, r.Query, r.Purpose];
}
