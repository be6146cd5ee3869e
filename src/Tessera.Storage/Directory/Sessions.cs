using System.Data.Common;
using System.Globalization;
using Dapper;
using Tessera.Core.Access;
using Tessera.Core.Audit;

namespace Tessera.Storage.Directory;

/// <summary>Server-side sign-in sessions: a browser's cookie carries only a random session id, the database its SHA-256.</summary>
/// <remarks>
/// A session is valid while it is neither revoked nor expired and its user is enabled, checked against the database on every
/// request, so sign-out, disabling a user and a password change end it at once on every node. <see cref="Generation"/>
/// counts the revocations made by this process, so that caches of credentials (API tokens) can drop what they hold at once.
/// </remarks>
public sealed class Sessions
{
    /// <summary>How long a session lives without being used.</summary>
    public static readonly TimeSpan IdleLifetime = TimeSpan.FromHours(8);

    /// <summary>How often a session in use has its expiry pushed back.</summary>
    public static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);

    private readonly Store _store;
    private long _generation;

    internal Sessions(Store store) => _store = store;

    /// <summary>Grows with every revocation of a session or token made through this store (in this process).</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>Opens a session for an enabled user; returns the session id, to be given to the client once.</summary>
    public async Task<string> CreateAsync(string userName, CancellationToken ct = default)
    {
        var id = PasswordHash.NewSecret(32);
        var now = _store.Time.GetUtcNow();
        await using var connection = await _store.ConnectAsync(ct);
        await connection.ExecuteAsync(
            "INSERT INTO sessions (id_hash, user_name, created, last_seen, expires) VALUES (@hash, @userName, @now, @now, @expires)",
            new { hash = PasswordHash.TokenHash(id), userName, now = Store.Format(now), expires = Store.Format(now + IdleLifetime) });
        return id;
    }

    /// <summary>The enabled user of a live session, or null when the session is unknown, revoked, expired or its user disabled.</summary>
    /// <remarks>Using a session extends it by <see cref="IdleLifetime"/>; the extension is written at most once per
    /// <see cref="TouchInterval"/>, so a busy session costs one read per request and rarely a write.</remarks>
    public async Task<User?> UserAsync(string sessionId, CancellationToken ct = default)
    {
        var hash = PasswordHash.TokenHash(sessionId);
        var now = _store.Time.GetUtcNow();
        await using var connection = await _store.ConnectAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<(string UserName, string LastSeen)>(
            "SELECT user_name, last_seen FROM sessions WHERE id_hash = @hash AND revoked IS NULL AND expires > @now",
            new { hash, now = Store.Format(now) });
        var user = row.UserName is null ? null : await _store.Directory.UserAsync(row.UserName, ct);
        if (user is not { Disabled: false })
        {
            return null;
        }

        if (string.CompareOrdinal(row.LastSeen, Store.Format(now - TouchInterval)) <= 0)
        {
            await connection.ExecuteAsync("UPDATE sessions SET last_seen = @now, expires = @expires WHERE id_hash = @hash AND revoked IS NULL",
                new { hash, now = Store.Format(now), expires = Store.Format(now + IdleLifetime) });
        }

        return user;
    }

    /// <summary>Whether the session whose id has this SHA-256 is live (for a UI connection that holds no cookie).</summary>
    public async Task<bool> IsLiveAsync(string idHash, CancellationToken ct = default)
    {
        await using var connection = await _store.ConnectAsync(ct);
        var userName = await connection.QuerySingleOrDefaultAsync<string>(
            "SELECT s.user_name FROM sessions s JOIN users u ON u.name = s.user_name WHERE s.id_hash = @idHash AND s.revoked IS NULL AND s.expires > @now AND u.disabled = 0",
            new { idHash, now = _store.Now() });
        return userName is not null;
    }

    /// <summary>Ends one session (sign-out), audited as <c>user.signout</c>.</summary>
    public async Task RevokeAsync(string sessionId, CancellationToken ct = default)
    {
        var hash = PasswordHash.TokenHash(sessionId);
        await using (var connection = await _store.ConnectAsync(ct))
        await using (var tx = await Store.BeginWriteAsync(connection, ct))
        {
            var userName = await connection.QuerySingleOrDefaultAsync<string>("SELECT user_name FROM sessions WHERE id_hash = @hash AND revoked IS NULL", new { hash }, tx);
            if (userName is not null)
            {
                await connection.ExecuteAsync("UPDATE sessions SET revoked = @now WHERE id_hash = @hash", new { hash, now = _store.Now() }, tx);
                var org = await connection.QuerySingleOrDefaultAsync<string>("SELECT organisation FROM users WHERE name = @userName", new { userName }, tx) ?? "";
                await _store.Audit.AppendAsync(connection, tx, [new AuditEvent(userName, org, "user.signout", "user:" + userName, "ok")]);
            }

            await tx.CommitAsync(ct);
        }

        Revoked();
    }

    /// <summary>The number of live sessions of a user.</summary>
    public async Task<long> CountLiveAsync(string userName, CancellationToken ct = default)
    {
        await using var connection = await _store.ConnectAsync(ct);
        return await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM sessions WHERE user_name = @userName AND revoked IS NULL AND expires > @now", new { userName, now = _store.Now() });
    }

    /// <summary>Revokes every session and API token of a user inside the caller's write transaction, with its audit entry;
    /// the caller calls <see cref="Revoked"/> once committed.</summary>
    internal async Task RevokeAllAsync(DbConnection connection, DbTransaction tx, string userName, Principal by, string reason)
    {
        var now = _store.Now();
        var sessions = await connection.ExecuteAsync("UPDATE sessions SET revoked = @now WHERE user_name = @userName AND revoked IS NULL", new { userName, now }, tx);
        var tokens = await connection.ExecuteAsync("UPDATE api_tokens SET revoked = @now WHERE user_name = @userName AND revoked IS NULL", new { userName, now }, tx);
        await _store.Audit.AppendAsync(connection, tx,
            [new AuditEvent(by.UserName, by.Organisation, "user.revoke-all", "user:" + userName, "ok",
            string.Create(CultureInfo.InvariantCulture, $"{reason}: {sessions} sessions, {tokens} tokens"))]);
    }

    /// <summary>Tells in-process caches that a credential was revoked.</summary>
    internal void Revoked() => Interlocked.Increment(ref _generation);
}
