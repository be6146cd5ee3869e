using System.Data.Common;
using System.Globalization;
using System.Threading.Channels;
using Dapper;
using Microsoft.Data.Sqlite;
using Tessera.Core.Audit;

namespace Tessera.Storage.Audit;

/// <summary>Verification of <see cref="AuditLog"/>: the chain streamed from the database and checked end to end.</summary>
public sealed partial class AuditLog
{
    private const int VerifyBatch = 4096;

    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    /// <summary>Recomputes the whole chain and checks it against the stored head (its length and last hash).</summary>
    /// <remarks>One forward-only read in sequence order on a background task, handing batches to the verifier, which
    /// hashes each batch in parallel and checks the links in order; memory stays bounded by a few batches.</remarks>
    public async Task<AuditVerification> VerifyAsync(CancellationToken ct = default)
    {
        (long Seq, string Hash) head;
        await using (var connection = await _store.ConnectAsync(ct))
        {
            head = await connection.QuerySingleAsync<(long, string)>("SELECT seq, hash FROM audit_head WHERE id = 1");
        }

        using var reading = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var channel = Channel.CreateBounded<AuditEntry[]>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
        var producer = Task.Run(() => ReadBatchesAsync(channel.Writer, reading.Token), reading.Token);
        try
        {
            return await AuditChain.VerifyBatchesAsync(channel.Reader.ReadAllAsync(ct), head.Seq, head.Hash);
        }
        finally
        {
            // A broken entry ends verification early: stop reading the rest.
            await reading.CancelAsync();
            try
            {
                await producer;
            }
            catch (OperationCanceledException)
            {
                // Expected when verification stopped before the end of the log.
            }
        }
    }

    private async Task ReadBatchesAsync(ChannelWriter<AuditEntry[]> writer, CancellationToken ct)
    {
        try
        {
            await using var connection = await _store.ConnectAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT seq, time, actor, organisation, action, target, outcome, details, prev_hash, hash FROM audit_log ORDER BY seq";
            await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, ct);
            var inProcess = connection is SqliteConnection;
            var batch = new AuditEntry[VerifyBatch];
            var count = 0;
            // SQLite runs in-process: the synchronous read avoids a task per row.
            while (inProcess ? reader.Read() : await reader.ReadAsync(ct))
            {
                batch[count++] = Entry(reader);
                if (count == batch.Length)
                {
                    await writer.WriteAsync(batch, ct);
                    batch = new AuditEntry[VerifyBatch];
                    count = 0;
                }
            }

            if (count > 0)
            {
                await writer.WriteAsync(batch[..count], ct);
            }

            writer.Complete();
        }
        catch (Exception e)
        {
            writer.Complete(e);
            throw;
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
