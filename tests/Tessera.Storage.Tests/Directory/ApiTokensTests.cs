using Microsoft.Extensions.Time.Testing;
using Tessera.Core.Access;
using Tessera.Core.Model;

namespace Tessera.Storage.Tests.Directory;

/// <summary>API tokens expire, are listed by id without their secret, and can be revoked by their user or an administrator.</summary>
public sealed class ApiTokensTests
{
    private static readonly Principal Anna = new("anna", "IT", new HashSet<Role> { Role.Analyst });
    private static readonly Principal Bruno = new("bruno", "IT", new HashSet<Role> { Role.Analyst });

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Find_PastExpiry_IsNull(string provider)
    {
        var clock = new FakeTimeProvider(AccountsTestData.Start);
        await using var store = await AccountsTestData.CreateAsync(provider, clock);
        var (_, secret) = await store.Directory.Tokens.CreateAsync("anna", "script", TimeSpan.FromDays(2), Anna);

        clock.Advance(TimeSpan.FromDays(2) - TimeSpan.FromSeconds(1));
        var before = await store.Directory.Tokens.FindAsync(secret);
        clock.Advance(TimeSpan.FromSeconds(1));
        var after = await store.Directory.Tokens.FindAsync(secret);

        Assert.Equal("anna", before?.User.Name);
        Assert.Null(after);
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Create_NoLifetime_ExpiresAfterNinetyDays(string provider)
    {
        await using var store = await AccountsTestData.CreateAsync(provider, new FakeTimeProvider(AccountsTestData.Start));

        await store.Directory.CreateTokenAsync("anna", "script");

        var token = Assert.Single(await store.Directory.Tokens.ListAsync("anna"));
        Assert.Equal(AccountsTestData.Start.AddDays(90), token.Expires);
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task List_Tokens_ShowIdAndLabelButNeverTheSecret(string provider)
    {
        await using var store = await AccountsTestData.CreateAsync(provider, new FakeTimeProvider(AccountsTestData.Start));
        var (id, secret) = await store.Directory.Tokens.CreateAsync("anna", "script", null, Anna);

        var token = Assert.Single(await store.Directory.Tokens.ListAsync("anna"));

        Assert.Equal((id, "script", true), (token.Id, token.Label, token.IsLive(AccountsTestData.Start)));
        Assert.DoesNotContain(secret["tsr_".Length..], token.ToString(), StringComparison.Ordinal);
        Assert.Empty(await store.Directory.Tokens.ListAsync("bruno"));
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Revoke_OwnToken_ClosesItAndOthersStay(string provider)
    {
        await using var store = await AccountsTestData.CreateAsync(provider, new FakeTimeProvider(AccountsTestData.Start));
        var (id, secret) = await store.Directory.Tokens.CreateAsync("anna", "script", null, Anna);
        var (_, kept) = await store.Directory.Tokens.CreateAsync("anna", "other", null, Anna);

        var revoked = await store.Directory.Tokens.RevokeAsync("anna", id, Anna);

        Assert.True(revoked);
        Assert.Null(await store.Directory.Tokens.FindAsync(secret));
        Assert.NotNull(await store.Directory.Tokens.FindAsync(kept));
        Assert.Contains("token.revoke", await SessionsTests.AuditActionsAsync(store));
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Revoke_OtherUsersTokenByAnalyst_IsRefusedButAdministratorMay(string provider)
    {
        await using var store = await AccountsTestData.CreateAsync(provider, new FakeTimeProvider(AccountsTestData.Start));
        var (id, secret) = await store.Directory.Tokens.CreateAsync("anna", "script", null, Anna);

        var byBruno = await store.Directory.Tokens.RevokeAsync("anna", id, Bruno);
        var stillLive = await store.Directory.Tokens.FindAsync(secret);
        var byAdmin = await store.Directory.Tokens.RevokeAsync("anna", id, Principal.System);

        Assert.False(byBruno);
        Assert.NotNull(stillLive);
        Assert.True(byAdmin);
        Assert.Null(await store.Directory.Tokens.FindAsync(secret));
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Revoke_TokenOfAnotherUserUnderOwnName_ChangesNothing(string provider)
    {
        await using var store = await AccountsTestData.CreateAsync(provider, new FakeTimeProvider(AccountsTestData.Start));
        var (id, secret) = await store.Directory.Tokens.CreateAsync("anna", "script", null, Anna);

        var revoked = await store.Directory.Tokens.RevokeAsync("bruno", id, Bruno);

        Assert.False(revoked);
        Assert.NotNull(await store.Directory.Tokens.FindAsync(secret));
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Create_LifetimeTooLong_IsModelException(string provider)
    {
        await using var store = await AccountsTestData.CreateAsync(provider, new FakeTimeProvider(AccountsTestData.Start));

        await Assert.ThrowsAsync<ModelException>(() => store.Directory.Tokens.CreateAsync("anna", "script", TimeSpan.FromDays(400), Anna));
    }
}
