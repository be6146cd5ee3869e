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

    /// <summary>Recomputes the whole chain with the node's key and checks it against the signed head (its length, last hash and
    /// signature) and against every head in <paramref name="witnessed"/> (read with <see cref="AuditWitness.Parse"/>).</summary>
    /// <remarks>One forward-only read in sequence order, fields taken straight from the data reader and hashed without
    /// allocating; memory stays flat. A reading thread with parallel hashing was tried and cost more CPU than it saved
    /// on two cores (docs/performance.md, "Durability and audit").</remarks>
    public async Task<AuditVerification> VerifyAsync(IReadOnlyList<AuditHead> witnessed, CancellationToken ct = default) =>
        await AuditChain.VerifyAsync(ChainAsync(ct), Key, await HeadAsync(ct), witnessed);

    /// <summary>Recomputes the whole chain with the node's key and checks it against the signed head.</summary>
    public Task<AuditVerification> VerifyAsync(CancellationToken ct = default) => VerifyAsync([], ct);

    /// <summary>The head of the chain as stored and signed: entries, last hash, when it was signed, signature.</summary>
    public async Task<AuditHead> HeadAsync(CancellationToken ct = default)
    {
        await using var connection = await _store.ConnectAsync(ct);
        var head = await connection.QuerySingleAsync<(long Seq, string Hash, string? Signed, string? Signature)>("SELECT seq, hash, signed, signature FROM audit_head WHERE id = 1");
        return new AuditHead(head.Seq, head.Hash, head.Signed is null ? default : ParseTime(head.Signed), head.Signature ?? "");
    }

    /// <summary>Appends the signed head to a witness file (one line, see <see cref="AuditWitness"/>) and returns it.</summary>
    /// <exception cref="InvalidOperationException">The stored head is not signed by this node's key: it is not witnessed.</exception>
    public async Task<AuditHead> WitnessAsync(string file, CancellationToken ct = default)
    {
        var head = await HeadAsync(ct);
        if (!Key.Signed(head))
        {
            throw new InvalidOperationException("the head of the audit chain is not signed by this node's audit key: run 'tessera audit verify'");
        }

        await File.AppendAllTextAsync(file, AuditWitness.Format(head) + "\n", ct);
        return head;
    }

    private async IAsyncEnumerable<AuditEntry> ChainAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await using var connection = await _store.ConnectAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, time, actor, organisation, action, target, outcome, details, prev_hash, hash, query, purpose FROM audit_log ORDER BY seq";
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
        var time = ParseTime(reader.GetString(1));
        return new AuditEntry(seq, time, reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetString(6),
            reader.GetString(7), reader.GetString(8), reader.GetString(9)) { Query = reader.GetString(10), Purpose = reader.GetString(11) };
    }

    // Tessera writes one exact form (Store.Format); anything else is parsed as before, and the hash decides.
    private static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.TryParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var exact)
            ? exact
            : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
