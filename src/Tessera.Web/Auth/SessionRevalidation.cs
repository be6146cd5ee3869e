using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Logging;
using Tessera.Storage;

namespace Tessera.Web.Auth;

/// <summary>Checks the session of an open UI connection again every <see cref="Interval"/>: a live Blazor circuit holds no
/// cookie, so without this a signed-out or disabled user's open page would keep working.</summary>
internal sealed class SessionRevalidation(ILoggerFactory loggers, Store store) : RevalidatingServerAuthenticationStateProvider(loggers)
{
    /// <summary>How long an open page outlives its session at most.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    protected override TimeSpan RevalidationInterval => Interval;

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        IsLiveAsync(authenticationState.User, cancellationToken);

    /// <summary>Whether the user still holds a live session; a user without one (signed in otherwise) is not.</summary>
    internal async Task<bool> IsLiveAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var session = user.FindFirstValue(AuthSchemes.SessionClaim);
        return session is not null && await store.Directory.Sessions.IsLiveAsync(session, ct);
    }
}
