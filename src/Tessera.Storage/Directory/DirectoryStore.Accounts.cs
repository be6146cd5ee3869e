using Dapper;
using Tessera.Core.Access;
using Tessera.Core.Audit;
using Tessera.Core.Model;

namespace Tessera.Storage.Directory;

/// <summary>Signing in with lockout, disabling accounts and changing passwords.</summary>
public sealed partial class DirectoryStore
{
    /// <summary>The user when the password matches, the account is enabled and not locked out; null otherwise.</summary>
    public async Task<User?> SignInAsync(string name, string password, CancellationToken ct = default) =>
        (await AttemptSignInAsync(name, password, ct)).User;

    /// <summary>One sign-in attempt under <see cref="SignInRule"/>: counted, audited, and the lockout set when due.</summary>
    /// <remarks>Callers answer every outcome but <see cref="SignInOutcome.Ok"/> the same way, so the outcome is for the
    /// audit trail and tests only.</remarks>
    public async Task<(SignInOutcome Outcome, User? User)> AttemptSignInAsync(string name, string password, CancellationToken ct = default)
    {
        var row = await FindAsync(name, ct);
        var now = _store.Time.GetUtcNow();
        string? lockedUntil;
        await using (var connection = await _store.ConnectAsync(ct))
        {
            lockedUntil = await connection.QuerySingleOrDefaultAsync<string>("SELECT locked_until FROM signin_failures WHERE user_name = @name", new { name });
        }

        var account = new SignInAccount(row?.PasswordHash, row is { Disabled: not 0 }, lockedUntil is null ? null : ParseTime(lockedUntil));
        var outcome = SignInRule.Decide(account, password, now, PasswordHash.Verify);
        var org = row?.Organisation ?? "";
        switch (outcome)
        {
            case SignInOutcome.Ok:
                await SignedInAsync(name, now, ct);
                await _store.Audit.AppendAsync(new AuditEvent(name, org, "user.signin", "user:" + name, "ok"), ct);
                return (outcome, row!.ToUser(_store.Settings));
            case SignInOutcome.LockedOut:
                // Refused while locked: audited, not counted, so the lockout does not grow by itself.
                await _store.Audit.AppendAsync(new AuditEvent(name, org, "user.signin", "user:" + name, "locked"), ct);
                return (outcome, null);
            default:
                await CountFailureAsync(name, org, outcome, now, ct);
                return (outcome, null);
        }
    }

    /// <summary>Disables an account and revokes its sessions and tokens at once.</summary>
    /// <exception cref="AccessRefusedException"><paramref name="by"/> may not administer the platform.</exception>
    /// <exception cref="ModelException">No user has that name, or it is <paramref name="by"/>'s own account.</exception>
    public async Task DisableUserAsync(string name, Principal by, CancellationToken ct = default)
    {
        await RequireAdministratorAsync(by, "user.disable", "user:" + name, ct);
        if (name == by.UserName)
        {
            // The last administrator would lock the platform's administration out.
            throw new ModelException("an administrator cannot disable their own account", field: "name");
        }

        await ChangeAccountAsync(name, "UPDATE users SET disabled = 1 WHERE name = @name", new { name }, "user.disable", by, ct);
    }

    /// <summary>Enables a disabled account again; its old sessions and tokens stay revoked.</summary>
    /// <exception cref="AccessRefusedException"><paramref name="by"/> may not administer the platform.</exception>
    /// <exception cref="ModelException">No user has that name.</exception>
    public async Task EnableUserAsync(string name, Principal by, CancellationToken ct = default)
    {
        await RequireAdministratorAsync(by, "user.enable", "user:" + name, ct);
        await using var connection = await _store.ConnectAsync(ct);
        await using var tx = await Store.BeginWriteAsync(connection, ct);
        if (await connection.ExecuteAsync("UPDATE users SET disabled = 0 WHERE name = @name", new { name }, tx) == 0)
        {
            throw new ModelException($"unknown user '{name}'", field: "name");
        }

        await _store.Audit.AppendAsync(connection, tx, [AuditEvent.By(by, "user.enable", "user:" + name, "ok")]);
        await tx.CommitAsync(ct);
    }

    /// <summary>Sets a new password, ends any lockout, and revokes the user's sessions and tokens at once.</summary>
    /// <exception cref="AccessRefusedException"><paramref name="by"/> may not administer the platform.</exception>
    /// <exception cref="ModelException">No user has that name, or the password is shorter than 12 characters.</exception>
    public async Task SetPasswordAsync(string name, string password, Principal by, CancellationToken ct = default)
    {
        await RequireAdministratorAsync(by, "user.passwd", "user:" + name, ct);
        if (password.Length < 12)
        {
            throw new ModelException("a password needs at least 12 characters", field: "password");
        }

        await ChangeAccountAsync(name, "UPDATE users SET password_hash = @hash WHERE name = @name; DELETE FROM signin_failures WHERE user_name = @name",
            new { name, hash = PasswordHash.Create(password) }, "user.passwd", by, ct);
    }

    private async Task ChangeAccountAsync(string name, string sql, object args, string action, Principal by, CancellationToken ct)
    {
        await using (var connection = await _store.ConnectAsync(ct))
        await using (var tx = await Store.BeginWriteAsync(connection, ct))
        {
            if (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM users WHERE name = @name", new { name }, tx) == 0)
            {
                throw new ModelException($"unknown user '{name}'", field: "name");
            }

            await connection.ExecuteAsync(sql, args, tx);
            await _store.Audit.AppendAsync(connection, tx, [AuditEvent.By(by, action, "user:" + name, "ok")]);
            await Sessions.RevokeAllAsync(connection, tx, name, by, action);
            await tx.CommitAsync(ct);
        }

        Sessions.Revoked();
    }

    private async Task CountFailureAsync(string name, string org, SignInOutcome outcome, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await _store.ConnectAsync(ct);
        await using var tx = await Store.BeginWriteAsync(connection, ct);
        var failures = await connection.ExecuteScalarAsync<long>(
            "INSERT INTO signin_failures (user_name, failures, last_failure) VALUES (@name, 1, @now) " +
            "ON CONFLICT (user_name) DO UPDATE SET failures = signin_failures.failures + 1, last_failure = excluded.last_failure RETURNING failures",
            new { name, now = Store.Format(now) }, tx);
        var lockout = SignInRule.LockoutFor(failures);
        var events = new List<AuditEvent> { new(name, org, "user.signin", "user:" + name, "failed", outcome.ToString()) };
        if (lockout > TimeSpan.Zero)
        {
            await connection.ExecuteAsync("UPDATE signin_failures SET locked_until = @until WHERE user_name = @name", new { name, until = Store.Format(now + lockout) }, tx);
            events.Add(new AuditEvent(name, org, "user.lockout", "user:" + name, "locked",
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{failures} consecutive failures, locked for {lockout.TotalMinutes} min")));
        }

        await _store.Audit.AppendAsync(connection, tx, events);
        await tx.CommitAsync(ct);
    }

    private async Task SignedInAsync(string name, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await _store.ConnectAsync(ct);
        await connection.ExecuteAsync("DELETE FROM signin_failures WHERE user_name = @name; UPDATE users SET last_signin = @now WHERE name = @name",
            new { name, now = Store.Format(now) });
    }

    private static DateTimeOffset ParseTime(string value) =>
        DateTimeOffset.Parse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal);
}
