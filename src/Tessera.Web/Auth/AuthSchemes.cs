using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Tessera.Core.Access;
using Tessera.Storage.Directory;

namespace Tessera.Web.Auth;

/// <summary>API clients sign in with a per-user token (<c>Authorization: Bearer tsr_…</c>), the UI with a cookie.</summary>
/// <remarks>An OpenID Connect provider would be one more scheme here, mapping its subject onto a Tessera user by name.</remarks>
internal static class AuthSchemes
{
    public const string Smart = "tessera";
    public const string Token = "token";
    public const string OrganisationClaim = "tessera:org";
    public const string HubClaim = "tessera:hub";
    public const string KindClaim = "tessera:kind";

    /// <summary>The id of the API token a request came with (not its secret).</summary>
    public const string TokenClaim = "tessera:token";

    /// <summary>The SHA-256 of the session id a cookie request came with.</summary>
    public const string SessionClaim = "tessera:session";

    public static string Select(HttpContext context) =>
        context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal)
            ? Token
            : CookieAuthenticationDefaults.AuthenticationScheme;

    /// <summary>The claims of a signed-in user.</summary>
    public static ClaimsPrincipal ToClaims(User user, string scheme)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, user.Name),
            new(ClaimTypes.GivenName, user.DisplayName),
            new(OrganisationClaim, user.Organisation),
        };
        claims.AddRange(user.Roles.Select(r => new Claim(ClaimTypes.Role, r.ToString())));
        claims.Add(new Claim(KindClaim, user.Kind.Name()));
        if (user.AtHub)
        {
            claims.Add(new Claim(HubClaim, "true"));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    /// <summary>The access-policy principal of a signed-in user.</summary>
    public static Principal ToPrincipal(this ClaimsPrincipal user) =>
        new(user.Identity?.Name ?? throw new InvalidOperationException("not signed in"),
            user.FindFirstValue(OrganisationClaim) ?? "",
            user.FindAll(ClaimTypes.Role).Select(c => Enum.Parse<Role>(c.Value)).ToHashSet()) 
            {
                AtHub = user.HasClaim(HubClaim, "true"),
                // A principal whose kind cannot be read is treated as a third country: it learns nothing it was not given.
                Kind = PartnerKinds.TryParse(user.FindFirstValue(KindClaim), out var kind) ? kind : PartnerKind.ThirdCountry,
                Purpose = user.FindFirstValue(StatedPurpose.Claim) ?? Core.Audit.AuditEvent.NotStated,
            };

    public static Task ApiAnswers401(RedirectContext<CookieAuthenticationOptions> context) => AnswerApi(context, StatusCodes.Status401Unauthorized);

    public static Task ApiAnswers403(RedirectContext<CookieAuthenticationOptions> context) => AnswerApi(context, StatusCodes.Status403Forbidden);

    private static Task AnswerApi(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
