using System.Net;
using Tessera.Core.Access;

namespace Tessera.Web.Tests.Auth;

/// <summary>Issue #12 "sessions cannot be withdrawn": a cookie ends with sign-out, a disabled account or a new password.</summary>
public sealed class SessionEndpointTests
{
    private const string Entity = "/api/v1/entities/IT:it-p-001";

    [Fact]
    public async Task Cookie_ReplayedAfterSignOut_Answers401()
    {
        await using var host = await TestHost.StartAsync();
        var client = host.Anonymous();
        var cookie = await Cookies.SignInAsync(client, "it.analyst");
        var before = await Cookies.GetAsync(client, Entity, cookie);

        var signOut = await Cookies.SendAsync(client, HttpMethod.Post, "/api/v1/auth/signout", cookie);
        var replayed = await Cookies.GetAsync(client, Entity, cookie);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
    }

    [Fact]
    public async Task Cookie_ReplayedAfterFormSignOut_Answers401()
    {
        await using var host = await TestHost.StartAsync();
        var client = host.Anonymous();
        var cookie = await Cookies.SignInAsync(client, "it.analyst");

        await Cookies.SendAsync(client, HttpMethod.Post, "/account/signout", cookie);
        var replayed = await Cookies.GetAsync(client, Entity, cookie);

        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
    }

    [Fact]
    public async Task Cookie_UserDisabled_Answers401AtOnce()
    {
        await using var host = await TestHost.StartAsync();
        var client = host.Anonymous();
        var cookie = await Cookies.SignInAsync(client, "it.analyst");
        var before = await Cookies.GetAsync(client, Entity, cookie);

        await host.Store.Directory.DisableUserAsync("it.analyst", Principal.System);
        var after = await Cookies.GetAsync(client, Entity, cookie);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task Cookie_PasswordChanged_Answers401AtOnce()
    {
        await using var host = await TestHost.StartAsync();
        var client = host.Anonymous();
        var cookie = await Cookies.SignInAsync(client, "it.analyst");

        await host.Store.Directory.SetPasswordAsync("it.analyst", "another-long-password", Principal.System);
        var after = await Cookies.GetAsync(client, Entity, cookie);

        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task Cookie_OfAnotherSession_StaysValidAfterSignOut()
    {
        await using var host = await TestHost.StartAsync();
        var client = host.Anonymous();
        var first = await Cookies.SignInAsync(client, "it.analyst");
        var second = await Cookies.SignInAsync(client, "it.analyst");

        await Cookies.SendAsync(client, HttpMethod.Post, "/api/v1/auth/signout", first);

        Assert.Equal(HttpStatusCode.OK, (await Cookies.GetAsync(client, Entity, second)).StatusCode);
    }

    [Fact]
    public async Task Token_UserDisabledAfterUse_Answers401AtOnce()
    {
        await using var host = await TestHost.StartAsync();
        var client = await host.AsAsync("it.analyst");
        var before = await client.GetAsync(new Uri(Entity, UriKind.Relative));

        await host.Store.Directory.DisableUserAsync("it.analyst", Principal.System);
        var after = await client.GetAsync(new Uri(Entity, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }
}
