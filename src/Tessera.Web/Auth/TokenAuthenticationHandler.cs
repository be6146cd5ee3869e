using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Tessera.Web.Auth;

/// <summary>Authenticates API clients by their per-user token; only the token's SHA-256 is stored.</summary>
/// <remarks>An unknown, expired or revoked token, or one of a disabled user, answers 401. A live token is looked up in the
/// directory once per <see cref="TokenSessions.Lifetime"/> at most, not on every request.</remarks>
internal sealed class TokenAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, TokenSessions sessions)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return AuthenticateResult.NoResult();
        }

        if (await sessions.FindAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted) is not { } live)
        {
            return AuthenticateResult.Fail("unknown, expired or revoked token");
        }

        var principal = AuthSchemes.ToClaims(live.User, AuthSchemes.Token);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(AuthSchemes.TokenClaim, live.Token.Id));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, AuthSchemes.Token));
    }
}
