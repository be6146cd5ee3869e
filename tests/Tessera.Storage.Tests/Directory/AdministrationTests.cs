using Microsoft.Extensions.Time.Testing;
using Tessera.Core.Access;
using Tessera.Core.Audit;
using Tessera.Core.Model;
using Tessera.Storage.Directory;

namespace Tessera.Storage.Tests.Directory;

/// <summary>Administration of the directory: only administrators change it, every change is audited with its actor, and
/// names of the wrong shape are refused before anything is stored.</summary>
public sealed class AdministrationTests
{
    private static readonly Principal Admin = new("root", "EU", new HashSet<Role> { Role.Administrator });
    private static readonly Principal Analyst = new("anna", "IT", new HashSet<Role> { Role.Analyst });

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Accounts_AfterSignInAndFailures_ShowLastSignInAndLockout(string provider)
    {
        var clock = new FakeTimeProvider(AccountsTestData.Start);
        await using var store = await AccountsTestData.CreateAsync(provider, clock);
        await store.Directory.AttemptSignInAsync("anna", AccountsTestData.Password);
        for (var i = 0; i < SignInRule.FreeFailures; i++)
        {
            await store.Directory.AttemptSignInAsync("bruno", "wrong-password-" + i);
        }

        var accounts = (await store.Directory.AccountsAsync()).ToDictionary(a => a.User.Name);

        Assert.Equal((AccountsTestData.Start, 0L, false), (accounts["anna"].LastSignIn, accounts["anna"].Failures, accounts["anna"].IsLockedAt(clock.GetUtcNow())));
        Assert.Equal((null, (long)SignInRule.FreeFailures, true), (accounts["bruno"].LastSignIn, accounts["bruno"].Failures, accounts["bruno"].IsLockedAt(clock.GetUtcNow())));
        Assert.Equal("IT", accounts["bruno"].User.Organisation);
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Unlock_LockedAccount_SignsInAgainAndIsAudited(string provider)
    {
        await using var store = await AccountsTestData.CreateAsync(provider, new FakeTimeProvider(AccountsTestData.Start));
        for (var i = 0; i < SignInRule.FreeFailures; i++)
        {
            await store.Directory.AttemptSignInAsync("bruno", "wrong-password-" + i);
        }

        Assert.Equal(SignInOutcome.LockedOut, (await store.Directory.AttemptSignInAsync("bruno", AccountsTestData.Password)).Outcome);
        await store.Directory.UnlockAsync("bruno", Admin);

        Assert.Equal(SignInOutcome.Ok, (await store.Directory.AttemptSignInAsync("bruno", AccountsTestData.Password)).Outcome);
        var unlock = (await EntriesAsync(store)).Single(e => e.Action == "user.unlock");
        Assert.Equal(("root", "user:bruno", "ok", "5 failures forgotten"), (unlock.Actor, unlock.Target, unlock.Outcome, unlock.Details));
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task SetRoles_ByAdministrator_ChangesRolesEndsSessionsAndAuditsBeforeAndAfter(string provider)
    {
        await using var store = await AccountsTestData.CreateAsync(provider, new FakeTimeProvider(AccountsTestData.Start));
        await store.Directory.Sessions.CreateAsync("anna");
        var (_, token) = await store.Directory.Tokens.CreateAsync("anna", "script", null, Admin);

        await store.Directory.SetRolesAsync("anna", new HashSet<Role> { Role.Supervisor, Role.Analyst }, Admin);

        Assert.Equal(new HashSet<Role> { Role.Analyst, Role.Supervisor }, (await store.Directory.UserAsync("anna"))!.Roles);
        Assert.Equal(0, await store.Directory.Sessions.CountLiveAsync("anna"));
        Assert.Equal(new HashSet<Role> { Role.Analyst, Role.Supervisor }, (await store.Directory.Tokens.FindAsync(token))?.User.Roles);
        var entry = (await EntriesAsync(store)).Single(e => e.Action == "user.roles");
        Assert.Equal(("root", "user:anna", "Analyst -> Analyst,Supervisor; 1 sessions ended"), (entry.Actor, entry.Target, entry.Details));
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task EveryChange_ByAnAnalyst_IsRefusedAuditedAndChangesNothing(string provider)
    {
        await using var store = await AccountsTestData.CreateAsync(provider, new FakeTimeProvider(AccountsTestData.Start));
        Func<Task>[] changes =
        [
            () => store.Directory.AddOrganisationAsync(new Organisation("HR", "Croatia", "HR", "member-state"), Analyst),
            () => store.Directory.AddUserAsync(new User("mallory", "Mallory", "IT", new HashSet<Role> { Role.Administrator }, false), "a long enough password", Analyst),
            () => store.Directory.SetRolesAsync("anna", new HashSet<Role> { Role.Administrator }, Analyst),
            () => store.Directory.DisableUserAsync("bruno", Analyst),
            () => store.Directory.EnableUserAsync("bruno", Analyst),
            () => store.Directory.SetPasswordAsync("bruno", "a long enough password", Analyst),
            () => store.Directory.UnlockAsync("bruno", Analyst),
            () => store.Directory.AddCaseAsync("C2", "Taken over", "IT", [], Analyst),
            () => store.Directory.AddCaseMemberAsync("C1", "MT", Analyst),
            () => store.Directory.RemoveCaseMemberAsync("C1", "GR", Analyst),
            () => store.Directory.Tokens.CreateAsync("bruno", "stolen", null, Analyst),
            () => store.Settings.SetHubAsync("IT", Analyst),
        ];
        var before = (await store.Directory.AccountsAsync(), await store.Directory.CasesAsync(), await store.Directory.OrganisationsAsync());

        foreach (var change in changes)
        {
            await Assert.ThrowsAsync<AccessRefusedException>(change);
        }

        Assert.Equal(Roles(before.Item1), Roles(await store.Directory.AccountsAsync()));
        Assert.Equal(Members(before.Item2), Members(await store.Directory.CasesAsync()));
        Assert.Equal(before.Item3.Count, (await store.Directory.OrganisationsAsync()).Count);
        Assert.Empty(await store.Directory.Tokens.ListAsync("bruno"));
        Assert.Equal("EU", store.Settings.Hub);
        Assert.Equal(changes.Length, (await EntriesAsync(store)).Count(e => e.Actor == "anna" && e.Outcome == nameof(Decision.Deny)));
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task CaseMembers_AddAndRemove_ChangeMembershipAndAreAudited(string provider)
    {
        await using var store = await AccountsTestData.CreateAsync(provider, new FakeTimeProvider(AccountsTestData.Start));

        await store.Directory.AddCaseMemberAsync("C1", "MT", Admin);
        await store.Directory.RemoveCaseMemberAsync("C1", "GR", Admin);

        Assert.Equal(["IT", "MT"], (await store.Directory.CasesAsync()).Single(c => c.Id == "C1").Members.Order(StringComparer.Ordinal));
        var entries = (await EntriesAsync(store)).Where(e => e.Action.StartsWith("case.member.", StringComparison.Ordinal)).Select(e => (e.Action, e.Target, e.Details));
        Assert.Equal([("case.member.add", "case:C1", "MT"), ("case.member.remove", "case:C1", "GR")], entries);
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task CaseMembers_OwnerOrUnknown_AreRefusedWithTheField(string provider)
    {
        await using var store = await AccountsTestData.CreateAsync(provider, new FakeTimeProvider(AccountsTestData.Start));

        var owner = await Assert.ThrowsAsync<ModelException>(() => store.Directory.RemoveCaseMemberAsync("C1", "IT", Admin));
        var twice = await Assert.ThrowsAsync<ModelException>(() => store.Directory.AddCaseMemberAsync("C1", "GR", Admin));
        var unknownOrg = await Assert.ThrowsAsync<ModelException>(() => store.Directory.AddCaseMemberAsync("C1", "XX", Admin));
        var unknownCase = await Assert.ThrowsAsync<ModelException>(() => store.Directory.AddCaseMemberAsync("C9", "MT", Admin));

        Assert.Equal("organisation,organisation,organisation,case", string.Join(",", owner.Field, twice.Field, unknownOrg.Field, unknownCase.Field));
        Assert.True(unknownCase.NotFound);
        Assert.Equal(["GR", "IT"], (await store.Directory.CasesAsync()).Single(c => c.Id == "C1").Members.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Tokens_AdministratorForAnotherUser_CreatesListsAndRevokes(string provider)
    {
        await using var store = await AccountsTestData.CreateAsync(provider, new FakeTimeProvider(AccountsTestData.Start));

        var (id, secret) = await store.Directory.Tokens.CreateAsync("bruno", "import job", TimeSpan.FromDays(30), Admin);
        var found = await store.Directory.Tokens.FindAsync(secret);
        var revoked = await store.Directory.Tokens.RevokeAsync("bruno", id, Admin);

        Assert.Equal("bruno", found?.User.Name);
        Assert.True(revoked);
        Assert.Null(await store.Directory.Tokens.FindAsync(secret));
        Assert.NotNull(Assert.Single(await store.Directory.Tokens.ListAsync("bruno")).Revoked);
        var audited = (await EntriesAsync(store)).Where(e => e.Actor == "root").Select(e => e.Action);
        Assert.Equal(["token.create", "token.revoke"], audited);
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Disable_OwnAccount_IsRefused(string provider)
    {
        await using var store = await AccountsTestData.CreateAsync(provider, new FakeTimeProvider(AccountsTestData.Start));
        await store.Directory.AddUserAsync(new User("root", "Root", "EU", new HashSet<Role> { Role.Administrator }, false), AccountsTestData.Password, Principal.System);

        var e = await Assert.ThrowsAsync<ModelException>(() => store.Directory.DisableUserAsync("root", Admin));

        Assert.Equal("name", e.Field);
        Assert.False((await store.Directory.UserAsync("root"))!.Disabled);
    }

    public static TheoryData<string, string, string> HostileNames => new()
    {
        { "organisation", "it", "code" },
        { "organisation", "IT:X", "code" },
        { "organisation", "=HYPERLINK(\"x\")", "code" },
        { "country", "Italy", "country" },
        { "orgname", "Italy\u0000", "name" },
        { "orgname", new string('x', 201), "name" },
        { "user", "anna smith", "name" },
        { "user", "../etc/passwd", "name" },
        { "user", "anna\n", "name" },
        { "display", "Anna\u001b[31m", "displayName" },
        { "case", "C 1", "id" },
        { "case", "", "id" },
        { "title", "   ", "title" },
    };

    [Theory]
    [MemberData(nameof(HostileNames))]
    public async Task Add_HostileName_IsRefusedNamingTheFieldAndStoresNothing(string what, string value, string field)
    {
        await using var store = await AccountsTestData.CreateAsync(TestStores.Sqlite, new FakeTimeProvider(AccountsTestData.Start));
        var auditedBefore = await store.Audit.CountAsync();

        var e = await Assert.ThrowsAsync<ModelException>(() => what switch
        {
            "organisation" => store.Directory.AddOrganisationAsync(new Organisation(value, "Name", "HR", "member-state"), Admin),
            "country" => store.Directory.AddOrganisationAsync(new Organisation("HR", "Croatia", value, "member-state"), Admin),
            "orgname" => store.Directory.AddOrganisationAsync(new Organisation("HR", value, "HR", "member-state"), Admin),
            "user" => store.Directory.AddUserAsync(new User(value, "Name", "IT", new HashSet<Role> { Role.Analyst }, false), AccountsTestData.Password, Admin),
            "display" => store.Directory.AddUserAsync(new User("carla", value, "IT", new HashSet<Role> { Role.Analyst }, false), AccountsTestData.Password, Admin),
            "case" => store.Directory.AddCaseAsync(value, "Title", "IT", [], Admin),
            _ => store.Directory.AddCaseAsync("C2", value, "IT", [], Admin),
        });

        Assert.Equal(field, e.Field);
        Assert.Equal(auditedBefore, await store.Audit.CountAsync());
        Assert.Equal(4, (await store.Directory.OrganisationsAsync()).Count);
        Assert.Equal(2, (await store.Directory.UsersAsync()).Count);
        Assert.Single(await store.Directory.CasesAsync());
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Add_TakenCodeOrCaseId_IsRefusedAsBadInput(string provider)
    {
        await using var store = await AccountsTestData.CreateAsync(provider, new FakeTimeProvider(AccountsTestData.Start));

        var org = await Assert.ThrowsAsync<ModelException>(() => store.Directory.AddOrganisationAsync(new Organisation("IT", "Italy again", "IT", "member-state"), Admin));
        var @case = await Assert.ThrowsAsync<ModelException>(() => store.Directory.AddCaseAsync("C1", "Again", "IT", [], Admin));

        Assert.Equal(("code", "id"), (org.Field, @case.Field));
    }

    private static async Task<List<AuditEntry>> EntriesAsync(Store store)
    {
        var entries = new List<AuditEntry>();
        await foreach (var e in store.Audit.ReadAsync())
        {
            entries.Add(e);
        }

        return entries;
    }

    private static List<string> Roles(IEnumerable<Account> accounts) => accounts.Select(a => a.User.Name + ":" + DirectoryStore.FormatRoles(a.User.Roles) + ":" + a.User.Disabled).ToList();

    private static List<string> Members(IEnumerable<CaseInfo> cases) => cases.Select(c => c.Id + ":" + string.Join(',', c.Members.Order(StringComparer.Ordinal))).ToList();
}
