using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Tessera.Storage;

namespace Tessera.Web.Auth;

/// <summary>Sign-in and sign-out with a local account: a form for the UI, JSON for API clients that want a cookie.</summary>
internal static class AccountEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapPost("/account/signin", async ([FromForm] string userName, [FromForm] string password, [FromForm] string? returnUrl, HttpContext http, Store store) =>
        {
            var user = await store.Directory.SignInAsync(userName, password, http.RequestAborted);
            if (user is null)
            {
                return Results.Redirect("/signin?failed=1");
            }

            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, AuthSchemes.ToClaims(user, CookieAuthenticationDefaults.AuthenticationScheme));
            return Results.LocalRedirect(returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) ? returnUrl : "/");
        }).AllowAnonymous().ExcludeFromDescription();

        app.MapPost("/account/signout", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/signin");
        }).RequireAuthorization().ExcludeFromDescription();

        app.MapPost("/api/v1/auth/signin", async (SignInRequest request, HttpContext http, Store store) =>
        {
            var user = await store.Directory.SignInAsync(request.UserName, request.Password, http.RequestAborted);
            if (user is null)
            {
                return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "wrong user name or password");
            }

            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, AuthSchemes.ToClaims(user, CookieAuthenticationDefaults.AuthenticationScheme));
            return Results.Ok(new { user.Name, user.Organisation, Roles = user.Roles.Select(r => r.ToString()) });
        }).AllowAnonymous().DisableAntiforgery().WithName("SignIn").WithTags("Account").WithSummary("Sign in with a local account; sets the session cookie.");
    }

    internal sealed record SignInRequest(string UserName, string Password);
}
