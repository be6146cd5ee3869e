using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Tessera.Storage;

namespace Tessera.Web.Auth;

/// <summary>The cookie's ticket store: the cookie carries only a random session id, the session lives in the database.</summary>
/// <remarks>Every request with a cookie asks the directory whether its session is live and rebuilds the user's claims from
/// the account as it is now, so sign-out, a disabled account or a password change close the session on the next request,
/// on every node (there is no cache). A <see cref="AuthSchemes.SessionClaim"/> carries the SHA-256 of the session id so
/// that the UI's live connection can check it again (<see cref="SessionRevalidation"/>).</remarks>
internal sealed class SessionTickets(Store store) : ITicketStore
{
    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, CancellationToken.None);

    public Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken) =>
        store.Directory.Sessions.CreateAsync(ticket.Principal.Identity?.Name ?? throw new InvalidOperationException("a session needs a user"), cancellationToken);

    // The session's expiry is kept in the database and extended on use (Sessions.UserAsync); nothing to renew here.
    public Task RenewAsync(string key, AuthenticationTicket ticket) => Task.CompletedTask;

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, CancellationToken.None);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken)
    {
        var user = await store.Directory.Sessions.UserAsync(key, cancellationToken);
        if (user is null)
        {
            return null;
        }

        var principal = AuthSchemes.ToClaims(user, CookieAuthenticationDefaults.AuthenticationScheme);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(AuthSchemes.SessionClaim, Core.Access.PasswordHash.TokenHash(key)));
        var now = store.Time.GetUtcNow();
        var properties = new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now + Storage.Directory.Sessions.IdleLifetime };
        return new AuthenticationTicket(principal, properties, CookieAuthenticationDefaults.AuthenticationScheme);
    }

    public Task RemoveAsync(string key) => RemoveAsync(key, CancellationToken.None);

    public Task RemoveAsync(string key, CancellationToken cancellationToken) => store.Directory.Sessions.RevokeAsync(key, cancellationToken);
}
