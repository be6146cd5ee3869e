using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Tessera.Core.Model;
using Tessera.Storage;
using Tessera.Storage.Directory;

namespace Tessera.Web.Auth;

/// <summary>The caller's own API tokens: list, create, revoke; an administrator may revoke anyone's (<c>?user=</c>).</summary>
internal static class TokenEndpoints
{
    public static void Map(WebApplication app)
    {
        var tokens = app.MapGroup("/api/v1/account/tokens").RequireAuthorization().WithTags("Account");

        tokens.MapGet("", async (HttpContext http, Store store) =>
            Results.Ok((await store.Directory.Tokens.ListAsync(http.User.ToPrincipal().UserName, http.RequestAborted)).Select(TokenDto.Of)))
            .WithName("ListTokens").WithSummary("The caller's API tokens, live or not, by id; never their secrets.")
            .Produces<IEnumerable<TokenDto>>();

        tokens.MapPost("", async (CreateTokenRequest request, HttpContext http, Store store) =>
        {
            var me = http.User.ToPrincipal();
            string id, secret;
            try
            {
                // A value out of range keeps its side of the bound, so the store refuses it with its own message (int.MinValue days
                // would overflow a TimeSpan).
                (id, secret) = await store.Directory.Tokens.CreateAsync(me.UserName, request.Label ?? "api",
                    request.ExpiresDays is { } days ? TimeSpan.FromDays(Math.Clamp(days, -1, 367)) : null, me, http.RequestAborted);
            }
            catch (ModelException e)
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: e.Message, extensions: new Dictionary<string, object?> { ["field"] = e.Field });
            }

            var created = (await store.Directory.Tokens.ListAsync(me.UserName, http.RequestAborted)).Single(t => t.Id == id);
            return Results.Created($"/api/v1/account/tokens/{id}", new { Token = secret, Details = TokenDto.Of(created) });
        }).WithName("CreateToken").WithSummary("Create an API token for the caller (default 90 days, at most 366); the secret is in this answer only.")
          .Produces(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest);

        tokens.MapDelete("/{id}", async (string id, string? user, HttpContext http, Store store) =>
        {
            var me = http.User.ToPrincipal();
            var revoked = await store.Directory.Tokens.RevokeAsync(user ?? me.UserName, id, me, http.RequestAborted);
            return revoked ? Results.NoContent() : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "no such live token");
        }).WithName("RevokeToken").WithSummary("Revoke one of the caller's tokens, or with ?user= (administrators) another user's; effective at once.")
          .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
    }

    internal sealed record CreateTokenRequest(string? Label, int? ExpiresDays);

    internal sealed record TokenDto(string Id, string Label, DateTimeOffset Created, DateTimeOffset Expires, DateTimeOffset? Revoked)
    {
        public static TokenDto Of(ApiToken t) => new(t.Id, t.Label, t.Created, t.Expires, t.Revoked);
    }
}
