using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tessera.Storage;

namespace Tessera.Web.Auth;

/// <summary>Authenticates API clients by their per-user token; only the token's SHA-256 is stored.</summary>
internal sealed class TokenAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, Store store)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return AuthenticateResult.NoResult();
        }

        var user = await store.Directory.UserByTokenAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        return user is null
            ? AuthenticateResult.Fail("unknown or revoked token")
            : AuthenticateResult.Success(new AuthenticationTicket(AuthSchemes.ToClaims(user, AuthSchemes.Token), AuthSchemes.Token));
    }
}
