using System.Globalization;
using Dapper;
using Tessera.Core.Access;
using Tessera.Core.Audit;
using Tessera.Core.Model;

namespace Tessera.Storage.Directory;

/// <summary>An account as its administrator sees it: the user, when they last signed in, and the sign-in lockout state.</summary>
/// <param name="Failures">Consecutive failed sign-ins since the last success or unlock.</param>
/// <param name="LockedUntil">End of the last lockout, running or past; null when the account was never locked since.</param>
public sealed record Account(User User, DateTimeOffset? LastSignIn, long Failures, DateTimeOffset? LockedUntil)
{
    /// <summary>Whether sign-in is refused at <paramref name="now"/> because of a running lockout.</summary>
    public bool IsLockedAt(DateTimeOffset now) => LockedUntil is { } until && until > now;
}

/// <summary>Administration of the directory: every change is the platform administrator's (<see cref="Permissions.MayAdminister"/>),
/// checked here whatever host calls, and audited in the same transaction as the change.</summary>
public sealed partial class DirectoryStore
{
    /// <summary>Whether <paramref name="user"/> may administer the platform, asked by a host before it reads or changes the
    /// directory (<paramref name="what"/> names the view or the request). A refusal is audited (<c>admin.access</c>,
    /// <c>Deny</c>), and so is an allowed read (<c>admin.read</c>); an allowed change is audited by the change itself.</summary>
    public async Task<bool> MayAdministerAsync(Principal user, string what, bool read, CancellationToken ct = default)
    {
        var allowed = Permissions.MayAdminister(user);
        if (!allowed || read)
        {
            await _store.Audit.AppendAsync(
                AuditEvent.By(user, allowed ? "admin.read" : "admin.access", what, allowed ? nameof(Decision.Allow) : nameof(Decision.Deny)), ct);
        }

        return allowed;
    }

    /// <summary>Every account with its last sign-in and lockout state, by name.</summary>
    public async Task<IReadOnlyList<Account>> AccountsAsync(CancellationToken ct = default)
    {
        await using var connection = await _store.ConnectAsync(ct);
        var rows = await connection.QueryAsync<AccountRow>(
            "SELECT u.name AS Name, u.display_name AS DisplayName, u.organisation AS Organisation, u.roles AS Roles, u.disabled AS Disabled, " +
            "u.password_hash AS PasswordHash, o.kind AS OrganisationKind, u.last_signin AS LastSignIn, COALESCE(f.failures, 0) AS Failures, f.locked_until AS LockedUntil " +
            "FROM users u LEFT JOIN organisations o ON o.code = u.organisation LEFT JOIN signin_failures f ON f.user_name = u.name ORDER BY u.name");
        return rows.Select(r => r.ToAccount(_store.Settings)).ToList();
    }

    /// <summary>Replaces a user's roles and ends the user's sessions; API tokens carry the new roles on their next request.</summary>
    /// <exception cref="AccessRefusedException"><paramref name="by"/> may not administer the platform.</exception>
    /// <exception cref="ModelException">No user has that name, or no role is given.</exception>
    public async Task SetRolesAsync(string name, IReadOnlySet<Role> roles, Principal by, CancellationToken ct = default)
    {
        await RequireAdministratorAsync(by, "user.roles", "user:" + name, ct);
        if (roles.Count == 0)
        {
            throw new ModelException("a user needs at least one role", field: "roles");
        }

        await using (var connection = await _store.ConnectAsync(ct))
        await using (var tx = await Store.BeginWriteAsync(connection, ct))
        {
            var before = await connection.QuerySingleOrDefaultAsync<string>("SELECT roles FROM users WHERE name = @name", new { name }, tx)
                ?? throw ModelException.Unknown($"unknown user '{name}'", "name");
            await connection.ExecuteAsync("UPDATE users SET roles = @roles WHERE name = @name", new { name, roles = FormatRoles(roles) }, tx);
            // An open page of the user holds the roles it was opened with: ending the sessions closes it (SessionRevalidation),
            // so a role taken away is gone everywhere at once. API tokens are read from the directory with their user anew.
            var sessions = await connection.ExecuteAsync("UPDATE sessions SET revoked = @now WHERE user_name = @name AND revoked IS NULL", new { name, now = _store.Now() }, tx);
            await _store.Audit.AppendAsync(connection, tx, [AuditEvent.By(by, "user.roles", "user:" + name, "ok",
                string.Create(CultureInfo.InvariantCulture, $"{before} -> {FormatRoles(roles)}; {sessions} sessions ended"))]);
            await tx.CommitAsync(ct);
        }

        // API tokens cached by a web node hold the user with its old roles: drop them.
        Sessions.Revoked();
    }

    /// <summary>Ends a user's sign-in lockout and forgets the failed attempts.</summary>
    /// <exception cref="AccessRefusedException"><paramref name="by"/> may not administer the platform.</exception>
    /// <exception cref="ModelException">No user has that name.</exception>
    public async Task UnlockAsync(string name, Principal by, CancellationToken ct = default)
    {
        await RequireAdministratorAsync(by, "user.unlock", "user:" + name, ct);
        await using var connection = await _store.ConnectAsync(ct);
        await using var tx = await Store.BeginWriteAsync(connection, ct);
        if (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM users WHERE name = @name", new { name }, tx) == 0)
        {
            throw ModelException.Unknown($"unknown user '{name}'", "name");
        }

        var failures = await connection.QuerySingleOrDefaultAsync<long?>("SELECT failures FROM signin_failures WHERE user_name = @name", new { name }, tx) ?? 0;
        await connection.ExecuteAsync("DELETE FROM signin_failures WHERE user_name = @name", new { name }, tx);
        await _store.Audit.AppendAsync(connection, tx,
            [AuditEvent.By(by, "user.unlock", "user:" + name, "ok", string.Create(CultureInfo.InvariantCulture, $"{failures} failures forgotten"))]);
        await tx.CommitAsync(ct);
    }

    /// <summary>Adds a member organisation to a case.</summary>
    /// <exception cref="AccessRefusedException"><paramref name="by"/> may not administer the platform.</exception>
    /// <exception cref="ModelException">Unknown case or organisation, or the organisation is a member already.</exception>
    public async Task AddCaseMemberAsync(string caseId, string organisation, Principal by, CancellationToken ct = default)
    {
        await RequireAdministratorAsync(by, "case.member.add", "case:" + caseId, ct);
        await using var connection = await _store.ConnectAsync(ct);
        await using var tx = await Store.BeginWriteAsync(connection, ct);
        await CaseOwnerAsync(connection, tx, caseId);
        if (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM organisations WHERE code = @organisation", new { organisation }, tx) == 0)
        {
            throw new ModelException($"unknown organisation '{organisation}'", field: "organisation");
        }

        if (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM case_members WHERE case_id = @caseId AND organisation = @organisation", new { caseId, organisation }, tx) > 0)
        {
            throw new ModelException($"'{organisation}' is a member of case '{caseId}' already", field: "organisation");
        }

        await connection.ExecuteAsync("INSERT INTO case_members (case_id, organisation) VALUES (@caseId, @organisation)", new { caseId, organisation }, tx);
        await _store.Audit.AppendAsync(connection, tx, [AuditEvent.By(by, "case.member.add", "case:" + caseId, "ok", organisation)]);
        await tx.CommitAsync(ct);
    }

    /// <summary>Removes a member organisation from a case; its contributions stay its own, it no longer sees the partners' data.</summary>
    /// <exception cref="AccessRefusedException"><paramref name="by"/> may not administer the platform.</exception>
    /// <exception cref="ModelException">Unknown case, the organisation is not a member, or it owns the case.</exception>
    public async Task RemoveCaseMemberAsync(string caseId, string organisation, Principal by, CancellationToken ct = default)
    {
        await RequireAdministratorAsync(by, "case.member.remove", "case:" + caseId, ct);
        await using var connection = await _store.ConnectAsync(ct);
        await using var tx = await Store.BeginWriteAsync(connection, ct);
        if (await CaseOwnerAsync(connection, tx, caseId) == organisation)
        {
            throw new ModelException($"'{organisation}' owns case '{caseId}' and stays its member", field: "organisation");
        }

        if (await connection.ExecuteAsync("DELETE FROM case_members WHERE case_id = @caseId AND organisation = @organisation", new { caseId, organisation }, tx) == 0)
        {
            throw ModelException.Unknown($"'{organisation}' is not a member of case '{caseId}'", "organisation");
        }

        await _store.Audit.AppendAsync(connection, tx, [AuditEvent.By(by, "case.member.remove", "case:" + caseId, "ok", organisation)]);
        await tx.CommitAsync(ct);
    }

    private static async Task<string> CaseOwnerAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction tx, string caseId) =>
        await connection.QuerySingleOrDefaultAsync<string>("SELECT owner FROM cases WHERE id = @caseId", new { caseId }, tx)
        ?? throw ModelException.Unknown($"unknown case '{caseId}'", "case");

    /// <summary>Refuses, audited, anyone who may not administer the platform (the operator's <see cref="Principal.System"/> may).</summary>
    /// <exception cref="AccessRefusedException">The policy refuses <see cref="AccessAction.Administer"/>.</exception>
    internal async Task RequireAdministratorAsync(Principal by, string action, string target, CancellationToken ct)
    {
        if (Permissions.MayAdminister(by))
        {
            return;
        }

        await _store.Audit.AppendAsync(AuditEvent.By(by, action, target, nameof(Decision.Deny)), ct);
        throw new AccessRefusedException($"{by.UserName} may not administer the platform");
    }

    private sealed record AccountRow(string Name, string DisplayName, string Organisation, string Roles, long Disabled, string PasswordHash,
        string? OrganisationKind, string? LastSignIn, long Failures, string? LockedUntil)
    {
        public Account ToAccount(PlatformSettings settings) =>
            new(new UserRow(Name, DisplayName, Organisation, Roles, Disabled, PasswordHash, OrganisationKind).ToUser(settings),
                LastSignIn is null ? null : ParseTime(LastSignIn), Failures, LockedUntil is null ? null : ParseTime(LockedUntil));
    }
}
