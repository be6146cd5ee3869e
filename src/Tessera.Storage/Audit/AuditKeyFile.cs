using System.Globalization;
using Dapper;
using Tessera.Core.Audit;

namespace Tessera.Storage.Audit;

/// <summary>The audit key on disk (<see cref="StorageOptions.AuditKeyFile"/>), created on first start, and its binding to the log.</summary>
/// <remarks>The key file is written once, readable by its owner only (0600), with its public half beside it (<c>.pub</c>) for
/// witness holders. The log records the key's fingerprint: a node started with another key, or with none while the log is
/// keyed, refuses to open rather than write entries nobody could verify.</remarks>
internal static class AuditKeyFile
{
    public static async Task<AuditKey> LoadOrCreateAsync(Store store, CancellationToken ct)
    {
        var path = store.Options.AuditKeyFile;
        var head = await HeadAsync(store, ct);
        var key = File.Exists(path) ? Read(path) : null;
        if (key is null)
        {
            if (head.KeyId is not null)
            {
                throw new InvalidOperationException(
                    $"the audit log is keyed (key {head.KeyId}) but its key file {path} is missing: restore it from the backup, or copy it from the node that " +
                    $"created it (or name it with {StorageOptions.AuditKeyVariable})");
            }

            key = Create(path, head.Seq + 1);
        }

        if (head.KeyId is null && head.Seq + 1 < key.KeyedFrom)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"the audit key {path} was made for another log (keyed from entry {key.KeyedFrom}, this log holds {head.Seq} entries)"));
        }

        await BindAsync(store, key, ct);
        return key;
    }

    private static AuditKey Read(string path)
    {
        try
        {
            return AuditKey.Parse(File.ReadAllText(path));
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException($"the audit key {path} cannot be read: {e.Message}", e);
        }
    }

    // Written under a temporary name and moved into place: two processes starting at once keep the first key written.
    private static AuditKey Create(string path, long keyedFrom)
    {
        var key = AuditKey.Create(keyedFrom);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        WritePrivate(temporary, key.ToText());
        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
            key.Dispose();
            return Read(path);
        }

        File.WriteAllText(Path.ChangeExtension(path, ".pub"), key.PublicKeyPem + "\n");
        return key;
    }

    private static void WritePrivate(string path, string text)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(path, options);
        using var writer = new StreamWriter(stream);
        writer.Write(text);
        writer.Flush();
        stream.Flush(flushToDisk: true);
    }

    // The first node to start with a key binds the log to it and signs the head as it stands; a node with another key is refused.
    private static async Task BindAsync(Store store, AuditKey key, CancellationToken ct)
    {
        await using var connection = await store.ConnectAsync(ct);
        await using var tx = await Store.BeginWriteAsync(connection, ct);
        var lockClause = store.Provider == StorageProvider.Postgres ? " FOR UPDATE" : "";
        var head = await connection.QuerySingleAsync<(long Seq, string Hash, string? KeyId)>("SELECT seq, hash, key_id FROM audit_head WHERE id = 1" + lockClause, transaction: tx);
        if (head.KeyId is null)
        {
            var now = store.Time.GetUtcNow();
            await connection.ExecuteAsync("UPDATE audit_head SET key_id = @id, signed = @signed, signature = @signature WHERE id = 1",
                new { id = key.Id, signed = Store.Format(now), signature = key.Sign(head.Seq, head.Hash, now) }, tx);
        }
        else if (head.KeyId != key.Id)
        {
            throw new InvalidOperationException(
                $"the audit log is keyed with key {head.KeyId} but {store.Options.AuditKeyFile} holds key {key.Id}: start this node with the log's key");
        }

        await tx.CommitAsync(ct);
    }

    private static async Task<(long Seq, string? KeyId)> HeadAsync(Store store, CancellationToken ct)
    {
        await using var connection = await store.ConnectAsync(ct);
        return await connection.QuerySingleAsync<(long, string?)>("SELECT seq, key_id FROM audit_head WHERE id = 1");
    }
}
