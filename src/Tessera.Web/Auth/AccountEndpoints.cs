using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tessera.Storage;

namespace Tessera.Web.Auth;

/// <summary>Sign-in and sign-out with a local account: a form for the UI, JSON for API clients that want a cookie.</summary>
/// <remarks>A wrong password, an unknown user, a disabled account and a lockout are answered alike, so the answer tells
/// nothing about which accounts exist or are locked (the audit trail tells them apart). Sign-out revokes the session in
/// the database, so a copy of the cookie opens nothing afterwards.</remarks>
internal static partial class AccountEndpoints
{
    public const string WrongCredentials = "wrong user name or password";

    public static void Map(WebApplication app)
    {
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Tessera.Web.Auth");
        app.MapPost("/account/signin", async ([FromForm] string? userName, [FromForm] string? password, [FromForm] string? returnUrl, HttpContext http, Store store) =>
        {
            // A form sent without a name or a password is answered like a wrong one: back to the form.
            var user = string.IsNullOrEmpty(userName) || string.IsNullOrEmpty(password) ? null : await store.Directory.SignInAsync(userName, password, http.RequestAborted);
            if (user is null)
            {
                Log.SignInFailed(log, userName ?? "", http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
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
            if (request.Missing() is { } field)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [$"{field} is required"] }, title: $"{field} is required");
            }

            var user = await store.Directory.SignInAsync(request.UserName!, request.Password!, http.RequestAborted);
            if (user is null)
            {
                Log.SignInFailed(log, request.UserName!, http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
                return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: WrongCredentials);
            }

            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, AuthSchemes.ToClaims(user, CookieAuthenticationDefaults.AuthenticationScheme));
            return Results.Ok(new { user.Name, user.Organisation, Roles = user.Roles.Select(r => r.ToString()) });
        }).AllowAnonymous().DisableAntiforgery().WithName("SignIn").WithTags("Account")
            .WithSummary("Sign in with a local account; sets the session cookie. Five failures in a row lock the name for 15 minutes or more.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized);

        app.MapPost("/api/v1/auth/signout", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.NoContent();
        }).RequireAuthorization().WithName("SignOut").WithTags("Account").WithSummary("End the cookie's session at once, on every node.")
          .Produces(StatusCodes.Status204NoContent);
    }

    private static partial class Log
    {
        // The audit trail says why (unknown user, wrong password, disabled, locked); the log only that it failed.
        [LoggerMessage(400, LogLevel.Warning, "Sign-in failed for {UserName} from {Address}")]
        public static partial void SignInFailed(ILogger log, string userName, string address);
    }

    internal sealed record SignInRequest(string? UserName, string? Password)
    {
        /// <summary>The first required field that is missing or empty, by its JSON name.</summary>
        public string? Missing() =>
            string.IsNullOrEmpty(UserName) ? "userName"
            : string.IsNullOrEmpty(Password) ? "password"
            : null;
    }
}
