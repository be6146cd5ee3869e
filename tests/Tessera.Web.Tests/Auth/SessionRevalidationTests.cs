using System.Security.Claims;
using Microsoft.Extensions.Logging.Abstractions;
using Tessera.Core.Access;
using Tessera.Web.Auth;

namespace Tessera.Web.Tests.Auth;

/// <summary>An open UI page (Blazor circuit) loses its sign-in when its session ends, though it holds no cookie.</summary>
public sealed class SessionRevalidationTests
{
    [Fact]
    public async Task IsLive_SessionSignedOutOrUserDisabled_IsFalse()
    {
        await using var host = await TestHost.StartAsync();
        var revalidation = new SessionRevalidation(NullLoggerFactory.Instance, host.Store);
        var signedOut = await host.Store.Directory.Sessions.CreateAsync("it.analyst");
        var disabled = await host.Store.Directory.Sessions.CreateAsync("gr.analyst");
        var kept = await host.Store.Directory.Sessions.CreateAsync("de.analyst");

        await host.Store.Directory.Sessions.RevokeAsync(signedOut);
        await host.Store.Directory.DisableUserAsync("gr.analyst", Principal.System);

        Assert.False(await revalidation.IsLiveAsync(WithSession(signedOut), default));
        Assert.False(await revalidation.IsLiveAsync(WithSession(disabled), default));
        Assert.True(await revalidation.IsLiveAsync(WithSession(kept), default));
        Assert.False(await revalidation.IsLiveAsync(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "de.analyst")], "token")), default));
    }

    private static ClaimsPrincipal WithSession(string id) =>
        new(new ClaimsIdentity([new Claim(AuthSchemes.SessionClaim, PasswordHash.TokenHash(id))], "Cookies"));
}
