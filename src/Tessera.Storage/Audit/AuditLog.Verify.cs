using System.Data.Common;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using Tessera.Core.Audit;

namespace Tessera.Storage.Audit;

/// <summary>Verification of <see cref="AuditLog"/>: the chain streamed from the database and checked end to end.</summary>
public sealed partial class AuditLog
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    /// <summary>Recomputes the whole chain and checks it against the stored head (its length and last hash).</summary>
    /// <remarks>One forward-only read in sequence order, fields taken straight from the data reader and hashed without
    /// allocating; memory stays flat. A reading thread with parallel hashing was tried and cost more CPU than it saved
    /// on two cores (docs/performance.md, "Durability and audit").</remarks>
    public async Task<AuditVerification> VerifyAsync(CancellationToken ct = default)
    {
        (long Seq, string Hash) head;
        await using (var connection = await _store.ConnectAsync(ct))
        {
            head = await connection.QuerySingleAsync<(long, string)>("SELECT seq, hash FROM audit_head WHERE id = 1");
        }

        return await AuditChain.VerifyAsync(ChainAsync(ct), head.Seq, head.Hash);
    }

    private async IAsyncEnumerable<AuditEntry> ChainAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await using var connection = await _store.ConnectAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, time, actor, organisation, action, target, outcome, details, prev_hash, hash FROM audit_log ORDER BY seq";
        await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, ct);
        var inProcess = connection is SqliteConnection;
        // SQLite runs in-process: the synchronous read avoids a task per row.
        while (inProcess ? reader.Read() : await reader.ReadAsync(ct))
        {
            yield return Entry(reader);
        }
    }

    private static AuditEntry Entry(DbDataReader reader)
    {
        var seq = reader.GetInt64(0);
        var text = reader.GetString(1);
        // Tessera writes one exact form (Store.Format); anything else is parsed as before, and the hash decides.
        var time = DateTimeOffset.TryParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var exact)
            ? exact
            : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        return new AuditEntry(seq, time, reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetString(6),
            reader.GetString(7), reader.GetString(8), reader.GetString(9));
    }
}
