using Dapper;
using Tessera.Core.Access;
using Tessera.Core.Audit;
using Tessera.Core.Model;

namespace Tessera.Storage.Directory;

/// <summary>An organisation taking part: a national authority or an EU agency.</summary>
public sealed record Organisation(string Code, string Name, string Country, string Kind)
{
    /// <summary>The default region for phone numbers in its data: its country, none for an EU agency.</summary>
    public string? PhoneRegion => Country.Length == 2 && Country != "EU" ? Country : null;
}

/// <summary>A user account of an organisation.</summary>
public sealed record User(string Name, string DisplayName, string Organisation, IReadOnlySet<Role> Roles, bool Disabled)
{
    /// <summary>True when the user's organisation runs the hub (<see cref="PlatformSettings.Hub"/>).</summary>
    public bool AtHub { get; init; }

    /// <summary>The kind of the user's organisation.</summary>
    public PartnerKind Kind { get; init; }

    public Principal ToPrincipal() => new(Name, Organisation, Roles) { AtHub = AtHub, Kind = Kind };
}

/// <summary>A case or analysis project shared by its member organisations.</summary>
public sealed record CaseInfo(string Id, string Title, string Owner, IReadOnlySet<string> Members);

/// <summary>Organisations, users, API tokens and cases.</summary>
/// <remarks>Local accounts are the embedded default; an OpenID Connect provider plugs in at the web host's
/// authentication and maps its claims onto these users by name.</remarks>
public sealed partial class DirectoryStore
{
    private readonly Store _store;

    internal DirectoryStore(Store store)
    {
        _store = store;
        Sessions = new Sessions(store);
        Tokens = new ApiTokens(store);
        ProtectionKeys = new DataProtectionKeys(store);
    }

    /// <summary>The key ring of the web host's cookie and form protection, shared by every node.</summary>
    public DataProtectionKeys ProtectionKeys { get; }

    /// <summary>Server-side sign-in sessions of the UI.</summary>
    public Sessions Sessions { get; }

    /// <summary>API tokens: creation, expiry, listing and revocation.</summary>
    public ApiTokens Tokens { get; }

    /// <exception cref="AccessRefusedException"><paramref name="by"/> may not administer the platform.</exception>
    /// <exception cref="ModelException">The code, name or country has the wrong shape (<see cref="DirectoryNames"/>), the kind is
    /// not one of <see cref="PartnerKinds.Names"/>, or the code is taken.</exception>
    public async Task AddOrganisationAsync(Organisation org, Principal by, CancellationToken ct = default)
    {
        await RequireAdministratorAsync(by, "organisation.add", "organisation:" + org.Code, ct);
        DirectoryNames.OrganisationCode(org.Code);
        DirectoryNames.Country(org.Country);
        if (!PartnerKinds.TryParse(org.Kind, out var kind))
        {
            throw new ModelException($"unknown kind '{org.Kind}' ({string.Join(", ", PartnerKinds.Names)})", field: "kind");
        }

        org = org with { Name = DirectoryNames.Text(org.Name, "name"), Kind = kind.Name() };
        await using var connection = await _store.ConnectAsync(ct);
        await using var tx = await Store.BeginWriteAsync(connection, ct);
        if (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM organisations WHERE code = @Code", org, tx) > 0)
        {
            throw ModelException.Clash($"organisation '{org.Code}' exists already", field: "code");
        }

        await connection.ExecuteAsync("INSERT INTO organisations (code, name, country, kind) VALUES (@Code, @Name, @Country, @Kind)", org, tx);
        await _store.Audit.AppendAsync(connection, tx, [AuditEvent.By(by, "organisation.add", "organisation:" + org.Code, "ok")]);
        await tx.CommitAsync(ct);
    }

    public async Task<IReadOnlyList<Organisation>> OrganisationsAsync(CancellationToken ct = default)
    {
        await using var connection = await _store.ConnectAsync(ct);
        return (await connection.QueryAsync<Organisation>("SELECT code AS Code, name AS Name, country AS Country, kind AS Kind FROM organisations ORDER BY code")).ToList();
    }

    public async Task<Organisation?> OrganisationAsync(string code, CancellationToken ct = default)
    {
        await using var connection = await _store.ConnectAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<Organisation>(
            "SELECT code AS Code, name AS Name, country AS Country, kind AS Kind FROM organisations WHERE code = @code", new { code });
    }

    /// <summary>Adds a local account; the password is stored as a PBKDF2 hash only.</summary>
    /// <exception cref="AccessRefusedException"><paramref name="by"/> may not administer the platform.</exception>
    /// <exception cref="ModelException">The name or display name has the wrong shape, no role is given, the password is
    /// shorter than 12 characters, the organisation does not exist or the user name is taken.</exception>
    public async Task AddUserAsync(User user, string password, Principal by, CancellationToken ct = default)
    {
        await RequireAdministratorAsync(by, "user.add", "user:" + user.Name, ct);
        DirectoryNames.UserName(user.Name);
        user = user with { DisplayName = DirectoryNames.Text(user.DisplayName, "displayName") };
        if (user.Roles.Count == 0)
        {
            throw new ModelException("a user needs at least one role", field: "roles");
        }

        if (password.Length < 12)
        {
            throw new ModelException("a password needs at least 12 characters", field: "password");
        }

        if (await OrganisationAsync(user.Organisation, ct) is null)
        {
            throw new ModelException($"unknown organisation '{user.Organisation}'", field: "organisation");
        }

        await using var connection = await _store.ConnectAsync(ct);
        await using var tx = await Store.BeginWriteAsync(connection, ct);
        if (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM users WHERE name = @Name", user, tx) > 0)
        {
            throw ModelException.Clash($"user '{user.Name}' exists already", field: "name");
        }

        await connection.ExecuteAsync(
            "INSERT INTO users (name, display_name, organisation, roles, password_hash, created, disabled) VALUES (@name, @display, @org, @roles, @hash, @created, 0)",
            new { name = user.Name, display = user.DisplayName, org = user.Organisation, roles = FormatRoles(user.Roles), hash = PasswordHash.Create(password), created = _store.Now() }, tx);
        await _store.Audit.AppendAsync(connection, tx, [AuditEvent.By(by, "user.add", "user:" + user.Name, "ok", FormatRoles(user.Roles))]);
        await tx.CommitAsync(ct);
    }

    public async Task<IReadOnlyList<User>> UsersAsync(CancellationToken ct = default)
    {
        await using var connection = await _store.ConnectAsync(ct);
        var rows = await connection.QueryAsync<UserRow>("SELECT name AS Name, display_name AS DisplayName, organisation AS Organisation, roles AS Roles, disabled AS Disabled, password_hash AS PasswordHash, (SELECT kind FROM organisations o WHERE o.code = users.organisation) AS OrganisationKind FROM users ORDER BY name");
        return rows.Select(r => r.ToUser(_store.Settings)).ToList();
    }

    public async Task<User?> UserAsync(string name, CancellationToken ct = default) => (await FindAsync(name, ct))?.ToUser(_store.Settings);

    /// <summary>Creates an API token for a user with the default lifetime; only its hash is stored, the token is returned once.</summary>
    public async Task<string> CreateTokenAsync(string userName, string label, CancellationToken ct = default) =>
        (await Tokens.CreateAsync(userName, label, null, Principal.System, ct)).Secret;

    /// <summary>The enabled user a live token belongs to, or null.</summary>
    public async Task<User?> UserByTokenAsync(string token, CancellationToken ct = default) => (await Tokens.FindAsync(token, ct))?.User;

    /// <summary>Creates a case owned by an organisation, with its member organisations (the owner included).</summary>
    /// <exception cref="AccessRefusedException"><paramref name="by"/> may not administer the platform.</exception>
    /// <exception cref="ModelException">The id or title has the wrong shape, an organisation is unknown, or the id is taken.</exception>
    public async Task AddCaseAsync(string id, string title, string owner, IEnumerable<string> members, Principal by, CancellationToken ct = default)
    {
        await RequireAdministratorAsync(by, "case.add", "case:" + id, ct);
        DirectoryNames.CaseId(id);
        title = DirectoryNames.Text(title, "title");
        var all = members.Append(owner).ToHashSet(StringComparer.Ordinal);
        foreach (var org in all)
        {
            if (await OrganisationAsync(org, ct) is null)
            {
                throw new ModelException($"unknown organisation '{org}'", field: "organisation");
            }
        }

        await using var connection = await _store.ConnectAsync(ct);
        await using var tx = await Store.BeginWriteAsync(connection, ct);
        if (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM cases WHERE id = @id", new { id }, tx) > 0)
        {
            throw ModelException.Clash($"case '{id}' exists already", field: "id");
        }

        await connection.ExecuteAsync("INSERT INTO cases (id, title, owner, created) VALUES (@id, @title, @owner, @created)", new { id, title, owner, created = _store.Now() }, tx);
        await connection.ExecuteAsync("INSERT INTO case_members (case_id, organisation) VALUES (@id, @org)", all.Select(org => new { id, org }), tx);
        await _store.Audit.AppendAsync(connection, tx, [AuditEvent.By(by, "case.add", "case:" + id, "ok", string.Join(',', all.Order(StringComparer.Ordinal)))]);
        await tx.CommitAsync(ct);
    }

    public async Task<IReadOnlyList<CaseInfo>> CasesAsync(CancellationToken ct = default)
    {
        await using var connection = await _store.ConnectAsync(ct);
        var cases = await connection.QueryAsync<(string Id, string Title, string Owner)>("SELECT id, title, owner FROM cases ORDER BY id");
        var members = (await connection.QueryAsync<(string CaseId, string Org)>("SELECT case_id, organisation FROM case_members"))
            .ToLookup(m => m.CaseId, m => m.Org);
        return cases.Select(c => new CaseInfo(c.Id, c.Title, c.Owner, members[c.Id].ToHashSet(StringComparer.Ordinal))).ToList();
    }

    internal async Task<UserRow?> FindAsync(string name, CancellationToken ct)
    {
        await using var connection = await _store.ConnectAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<UserRow>(
            "SELECT name AS Name, display_name AS DisplayName, organisation AS Organisation, roles AS Roles, disabled AS Disabled, password_hash AS PasswordHash, (SELECT kind FROM organisations o WHERE o.code = users.organisation) AS OrganisationKind FROM users WHERE name = @name", new { name });
    }

    internal static string FormatRoles(IEnumerable<Role> roles) => string.Join(',', roles.Order());

    /// <summary>Parses "analyst,hub-analyst" or enum names.</summary>
    public static IReadOnlySet<Role> ParseRoles(string text)
    {
        var roles = new HashSet<Role>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Enum.TryParse<Role>(part.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var role) || !Enum.IsDefined(role))
            {
                throw new ModelException($"unknown role '{part}' (analyst, supervisor, hub-analyst, policy-officer, auditor, administrator)", field: "roles");
            }

            roles.Add(role);
        }

        return roles;
    }

    internal sealed record UserRow(string Name, string DisplayName, string Organisation, string Roles, long Disabled, string PasswordHash, string? OrganisationKind)
    {
        public User ToUser(PlatformSettings settings) => new(Name, DisplayName, Organisation, ParseRoles(Roles), Disabled != 0)
        {
            AtHub = Organisation == settings.Hub,
            Kind = PartnerKinds.TryParse(OrganisationKind, out var kind) ? kind : PartnerKind.MemberState,
        };
    }
}
