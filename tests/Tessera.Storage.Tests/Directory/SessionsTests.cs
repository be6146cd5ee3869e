using Microsoft.Extensions.Time.Testing;
using Tessera.Core.Access;

namespace Tessera.Storage.Tests.Directory;

/// <summary>Server-side sessions end at once on sign-out, when the user is disabled and when the password changes.</summary>
public sealed class SessionsTests
{
    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task User_NewSession_IsTheSignedInUser(string provider)
    {
        await using var store = await AccountsTestData.CreateAsync(provider, new FakeTimeProvider(AccountsTestData.Start));

        var id = await store.Directory.Sessions.CreateAsync("anna");

        Assert.Equal("anna", (await store.Directory.Sessions.UserAsync(id))?.Name);
        Assert.True(await store.Directory.Sessions.IsLiveAsync(Core.Access.PasswordHash.TokenHash(id)));
        Assert.Null(await store.Directory.Sessions.UserAsync(id + "x"));
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task User_RevokedSession_IsNull(string provider)
    {
        await using var store = await AccountsTestData.CreateAsync(provider, new FakeTimeProvider(AccountsTestData.Start));
        var id = await store.Directory.Sessions.CreateAsync("anna");
        var generation = store.Directory.Sessions.Generation;

        await store.Directory.Sessions.RevokeAsync(id);

        Assert.Null(await store.Directory.Sessions.UserAsync(id));
        Assert.False(await store.Directory.Sessions.IsLiveAsync(Core.Access.PasswordHash.TokenHash(id)));
        Assert.True(store.Directory.Sessions.Generation > generation);
        Assert.Contains("user.signout", await AuditActionsAsync(store));
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task User_IdleLongerThanLifetime_IsNullButUseExtendsIt(string provider)
    {
        var clock = new FakeTimeProvider(AccountsTestData.Start);
        await using var store = await AccountsTestData.CreateAsync(provider, clock);
        var used = await store.Directory.Sessions.CreateAsync("anna");
        var idle = await store.Directory.Sessions.CreateAsync("anna");

        clock.Advance(TimeSpan.FromHours(6));
        await store.Directory.Sessions.UserAsync(used);
        clock.Advance(TimeSpan.FromHours(3));

        Assert.NotNull(await store.Directory.Sessions.UserAsync(used));
        Assert.Null(await store.Directory.Sessions.UserAsync(idle));
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task DisableUser_LiveSessionsAndTokens_AreRevokedAtOnceAndAudited(string provider)
    {
        await using var store = await AccountsTestData.CreateAsync(provider, new FakeTimeProvider(AccountsTestData.Start));
        var session = await store.Directory.Sessions.CreateAsync("anna");
        var token = await store.Directory.CreateTokenAsync("anna", "script");
        var other = await store.Directory.Sessions.CreateAsync("bruno");

        await store.Directory.DisableUserAsync("anna", Principal.System);

        Assert.Null(await store.Directory.Sessions.UserAsync(session));
        Assert.Null(await store.Directory.UserByTokenAsync(token));
        Assert.Equal(0, await store.Directory.Sessions.CountLiveAsync("anna"));
        Assert.NotNull(await store.Directory.Sessions.UserAsync(other));
        Assert.Null(await store.Directory.SignInAsync("anna", AccountsTestData.Password));
        var actions = await AuditActionsAsync(store);
        Assert.Contains("user.disable", actions);
        Assert.Contains("user.revoke-all", actions);
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task SetPassword_LiveSessionsAndTokens_AreRevokedAndNewPasswordWorks(string provider)
    {
        await using var store = await AccountsTestData.CreateAsync(provider, new FakeTimeProvider(AccountsTestData.Start));
        var session = await store.Directory.Sessions.CreateAsync("anna");
        var token = await store.Directory.CreateTokenAsync("anna", "script");

        await store.Directory.SetPasswordAsync("anna", "a-new-long-password", Principal.System);

        Assert.Null(await store.Directory.Sessions.UserAsync(session));
        Assert.Null(await store.Directory.UserByTokenAsync(token));
        Assert.Null(await store.Directory.SignInAsync("anna", AccountsTestData.Password));
        Assert.NotNull(await store.Directory.SignInAsync("anna", "a-new-long-password"));
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task DisableUser_Unknown_IsModelExceptionNamingTheUser(string provider)
    {
        await using var store = await AccountsTestData.CreateAsync(provider, new FakeTimeProvider(AccountsTestData.Start));

        var e = await Assert.ThrowsAsync<Core.Model.ModelException>(() => store.Directory.DisableUserAsync("nobody", Principal.System));

        Assert.Contains("unknown user 'nobody'", e.Message, StringComparison.Ordinal);
    }

    internal static async Task<List<string>> AuditActionsAsync(Store store)
    {
        var actions = new List<string>();
        await foreach (var e in store.Audit.ReadAsync())
        {
            actions.Add(e.Action);
        }

        return actions;
    }
}
