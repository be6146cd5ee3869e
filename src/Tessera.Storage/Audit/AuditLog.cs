using System.Data.Common;
using Dapper;
using Tessera.Core.Audit;

namespace Tessera.Storage.Audit;

/// <summary>The append-only, keyed hash chain of audit entries in the database, its head signed with the node's audit key.</summary>
/// <remarks>Entries are appended in the caller's transaction, so a write and its audit entry commit together; each carries an
/// HMAC-SHA256 under the key kept outside the database (<see cref="AuditKeyFile"/>), and the head row is re-signed with it.
/// Appends are serialised: the head row is read under the write lock (SQLite BEGIN IMMEDIATE, PostgreSQL FOR UPDATE).</remarks>
public sealed partial class AuditLog
{
    private readonly Store _store;

    internal AuditLog(Store store) => _store = store;

    /// <summary>The node's audit key, loaded (or created) when the store opens.</summary>
    internal AuditKey Key { get; set; } = null!;

    /// <summary>Appends entries in their own transaction.</summary>
    public async Task AppendAsync(IEnumerable<AuditEvent> events, CancellationToken ct = default)
    {
        await using var connection = await _store.ConnectAsync(ct);
        await using var tx = await Store.BeginWriteAsync(connection, ct);
        await AppendAsync(connection, tx, events);
        await tx.CommitAsync(ct);
    }

    public Task AppendAsync(AuditEvent e, CancellationToken ct = default) => AppendAsync([e], ct);

    /// <summary>Appends entries inside the caller's write transaction.</summary>
    public async Task AppendAsync(DbConnection connection, DbTransaction tx, IEnumerable<AuditEvent> events)
    {
        var lockClause = _store.Provider == StorageProvider.Postgres ? " FOR UPDATE" : "";
        var head = await connection.QuerySingleAsync<(long Seq, string Hash)>("SELECT seq, hash FROM audit_head WHERE id = 1" + lockClause, transaction: tx);
        var now = _store.Time.GetUtcNow();
        var rows = new List<AuditEntry>();
        foreach (var e in events)
        {
            var entry = AuditEntry.Next(head.Seq + 1, head.Hash, e, now, Key);
            rows.Add(entry);
            head = (entry.Sequence, entry.Hash);
        }

        if (rows.Count == 0)
        {
            return;
        }

        await InsertAsync(connection, tx, rows);
        await connection.ExecuteAsync("UPDATE audit_head SET seq = @Seq, hash = @Hash, signed = @signed, signature = @signature WHERE id = 1",
            new { head.Seq, head.Hash, signed = Store.Format(now), signature = Key.Sign(head.Seq, head.Hash, now) }, tx);
    }

    /// <summary>Whether <paramref name="user"/> may read the audit trail (auditors only); a refusal is itself audited.</summary>
    public async Task<bool> MayReadAsync(Tessera.Core.Access.Principal user, CancellationToken ct = default)
    {
        var access = Tessera.Core.Access.AccessPolicy.Decide(user, Tessera.Core.Access.AccessAction.ReadAudit, Tessera.Core.Access.AccessTarget.Platform);
        if (access == Tessera.Core.Access.Decision.Allow)
        {
            return true;
        }

        await AppendAsync(AuditEvent.By(user, "audit.read", "audit", nameof(Tessera.Core.Access.Decision.Deny)), ct);
        return false;
    }

    /// <summary>Entries in sequence order, streamed, optionally filtered by actor or organisation and paged.</summary>
    public async IAsyncEnumerable<AuditEntry> ReadAsync(long fromSeq = 1, long? limit = null, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var connection = await _store.ConnectAsync(ct);
        var sql = "SELECT seq AS Sequence, time AS Time, actor AS Actor, organisation AS Organisation, action AS Action, target AS Target, " +
                  "outcome AS Outcome, details AS Details, prev_hash AS PreviousHash, hash AS Hash, query AS Query, purpose AS Purpose FROM audit_log WHERE seq >= @fromSeq ORDER BY seq" +
                  (limit is null ? "" : " LIMIT @limit");
        await using var reader = await connection.ExecuteReaderAsync(sql, new { fromSeq, limit });
        var parser = reader.GetRowParser<AuditRow>();
        while (await reader.ReadAsync(ct))
        {
            yield return parser(reader).ToEntry();
        }
    }

    /// <summary>How many entries the log holds.</summary>
    public async Task<long> CountAsync(CancellationToken ct = default)
    {
        await using var connection = await _store.ConnectAsync(ct);
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit_log");
    }

    private sealed record AuditRow(long Sequence, string Time, string Actor, string Organisation, string Action, string Target,
        string Outcome, string Details, string PreviousHash, string Hash, string Query, string Purpose)
    {
        public AuditEntry ToEntry() => new(Sequence,
            DateTimeOffset.Parse(Time, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal),
            Actor, Organisation, Action, Target, Outcome, Details, PreviousHash, Hash) { Query = Query, Purpose = Purpose };
    }
}
