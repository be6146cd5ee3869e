using Dapper;
using Tessera.Core.Access;
using Tessera.Core.Audit;
using Tessera.Core.Model;

namespace Tessera.Storage.Directory;

/// <summary>An API token as listed: its public id, never its secret.</summary>
public sealed record ApiToken(string Id, string UserName, string Label, DateTimeOffset Created, DateTimeOffset Expires, DateTimeOffset? Revoked)
{
    /// <summary>Whether the token opens the API at <paramref name="now"/> (its user being enabled).</summary>
    public bool IsLive(DateTimeOffset now) => Revoked is null && Expires > now;
}

/// <summary>Per-user API tokens (<c>Authorization: Bearer tsr_…</c>): only their SHA-256 is stored, a random id names them.</summary>
/// <remarks>A token expires after its lifetime (<see cref="DefaultLifetime"/> unless given) and can be revoked by its user or
/// an administrator; an expired or revoked token, or one of a disabled user, opens nothing.</remarks>
public sealed class ApiTokens
{
    /// <summary>How long a token lives when no lifetime is given, and tokens made before expiry existed.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(90);

    /// <summary>The longest lifetime a token may be given.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(366);

    private const string Columns = "id AS Id, user_name AS UserName, label AS Label, created AS Created, expires AS Expires, revoked AS Revoked";

    private readonly Store _store;

    internal ApiTokens(Store store) => _store = store;

    /// <summary>Creates a token for a user; the secret is returned once, with the token's id.</summary>
    /// <remarks>Users create their own tokens; creating one for another user is administration.</remarks>
    /// <exception cref="AccessRefusedException">The token is for another user and <paramref name="by"/> may not administer the platform.</exception>
    /// <exception cref="ModelException">Unknown user, a label that is empty, too long or holds control characters, or a lifetime
    /// outside 1 day … <see cref="MaxLifetime"/>.</exception>
    public async Task<(string Id, string Secret)> CreateAsync(string userName, string label, TimeSpan? lifetime, Principal by, CancellationToken ct = default)
    {
        if (by.UserName != userName)
        {
            await _store.Directory.RequireAdministratorAsync(by, "token.create", "user:" + userName, ct);
        }

        label = DirectoryNames.Text(label, "label");
        var life = lifetime ?? DefaultLifetime;
        if (life < TimeSpan.FromDays(1) || life > MaxLifetime)
        {
            throw new ModelException("a token lives between 1 and 366 days", field: "expiresDays");
        }

        var secret = "tsr_" + PasswordHash.NewSecret();
        var id = PasswordHash.NewSecret(9);
        var now = _store.Time.GetUtcNow();
        await using var connection = await _store.ConnectAsync(ct);
        await using var tx = await Store.BeginWriteAsync(connection, ct);
        var org = await connection.QuerySingleOrDefaultAsync<string>("SELECT organisation FROM users WHERE name = @userName", new { userName }, tx)
            ?? throw new ModelException($"unknown user '{userName}'", field: "name");
        await connection.ExecuteAsync(
            "INSERT INTO api_tokens (token_hash, id, user_name, label, created, expires) VALUES (@hash, @id, @userName, @label, @created, @expires)",
            new { hash = PasswordHash.TokenHash(secret), id, userName, label, created = Store.Format(now), expires = Store.Format(now + life) }, tx);
        await _store.Audit.AppendAsync(connection, tx, [AuditEvent.By(by, "token.create", "token:" + id, "ok", userName + ": " + label)]);
        await tx.CommitAsync(ct);
        return (id, secret);
    }

    /// <summary>The tokens of a user, live or not, newest first.</summary>
    public async Task<IReadOnlyList<ApiToken>> ListAsync(string userName, CancellationToken ct = default)
    {
        await using var connection = await _store.ConnectAsync(ct);
        var rows = await connection.QueryAsync<TokenRow>($"SELECT {Columns} FROM api_tokens WHERE user_name = @userName ORDER BY created DESC, id", new { userName });
        return rows.Select(r => r.ToToken()).ToList();
    }

    /// <summary>Revokes a user's token; false when the user has no token with that id or <paramref name="by"/> may not.</summary>
    /// <remarks>Users revoke their own tokens; revoking another user's token is administration.</remarks>
    public async Task<bool> RevokeAsync(string userName, string tokenId, Principal by, CancellationToken ct = default)
    {
        var own = by.UserName == userName;
        if (!own && AccessPolicy.Decide(by, AccessAction.Administer, AccessTarget.Platform) != Decision.Allow)
        {
            await _store.Audit.AppendAsync(AuditEvent.By(by, "token.revoke", "token:" + tokenId, nameof(Decision.Deny), userName), ct);
            return false;
        }

        await using var connection = await _store.ConnectAsync(ct);
        await using var tx = await Store.BeginWriteAsync(connection, ct);
        var changed = await connection.ExecuteAsync("UPDATE api_tokens SET revoked = @now WHERE id = @tokenId AND user_name = @userName AND revoked IS NULL",
            new { tokenId, userName, now = _store.Now() }, tx);
        await _store.Audit.AppendAsync(connection, tx, [AuditEvent.By(by, "token.revoke", "token:" + tokenId, changed > 0 ? "ok" : "unknown", userName)]);
        await tx.CommitAsync(ct);
        _store.Directory.Sessions.Revoked();
        return changed > 0;
    }

    /// <summary>The live token and its enabled user for a secret, or null when unknown, expired, revoked or the user disabled.</summary>
    public async Task<(ApiToken Token, User User)?> FindAsync(string secret, CancellationToken ct = default)
    {
        await using var connection = await _store.ConnectAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<TokenRow>(
            $"SELECT {Columns} FROM api_tokens WHERE token_hash = @hash", new { hash = PasswordHash.TokenHash(secret) });
        var token = row?.ToToken();
        if (token is null || !token.IsLive(_store.Time.GetUtcNow()))
        {
            return null;
        }

        var user = await _store.Directory.UserAsync(token.UserName, ct);
        return user is { Disabled: false } ? (token, user) : null;
    }

    // Expires is null for tokens made before expiry existed: they live DefaultLifetime from their creation.
    private sealed record TokenRow(string Id, string UserName, string Label, string Created, string? Expires, string? Revoked)
    {
        public ApiToken ToToken() =>
            new(Id, UserName, Label, Parse(Created), Expires is null ? Parse(Created) + DefaultLifetime : Parse(Expires), Revoked is null ? null : Parse(Revoked));

        private static DateTimeOffset Parse(string value) =>
            DateTimeOffset.Parse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal);
    }
}
