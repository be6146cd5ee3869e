using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Tessera.Core.Access;
using Tessera.Core.Model;
using Tessera.Storage;
using Tessera.Storage.Directory;
using Tessera.Web.Auth;

namespace Tessera.Web.Admin;

/// <summary>Platform administration under <c>/api/v1/admin</c>: organisations and the hub, accounts (roles, disabling,
/// passwords, lockout), anyone's API tokens, cases and their members. Administrators only: the directory asks the policy,
/// audits every refusal and read, and each change is audited by the store in the transaction that makes it.</summary>
/// <remarks>Bad input answers 400 problem details naming the field; anyone but an administrator gets 403 whatever they send.</remarks>
internal static class AdminEndpoints
{
    public static void Map(WebApplication app)
    {
        var admin = app.MapGroup("/api/v1/admin").RequireAuthorization().WithTags("Administration").DisableAntiforgery()
            .AddEndpointFilter(async (context, next) =>
            {
                var http = context.HttpContext;
                var route = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? http.Request.Path.Value ?? "";
                var read = HttpMethods.IsGet(http.Request.Method);
                return await http.RequestServices.GetRequiredService<Store>().Directory
                    .MayAdministerAsync(Me(http), http.Request.Method + " " + route, read, http.RequestAborted)
                    ? await next(context)
                    : Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "only administrators administer the platform");
            });

        MapOrganisations(admin);
        MapUsers(admin);
        MapTokens(admin);
        MapCases(admin);
    }

    private static void MapOrganisations(RouteGroupBuilder admin)
    {
        admin.MapGet("/organisations", async (Store store, CancellationToken ct) =>
            Results.Ok((await store.Directory.OrganisationsAsync(ct)).Select(o => OrganisationDto.Of(o, store.Settings.Hub))))
            .WithName("AdminOrganisations").WithSummary("Every organisation with its kind and country, and which runs the hub.")
            .Produces<IEnumerable<OrganisationDto>>();

        admin.MapPost("/organisations", async (OrganisationRequest request, HttpContext http, Store store) =>
        {
            var org = new Organisation(request.Code ?? "", request.Name ?? "", request.Country ?? "", request.Kind ?? "member-state");
            await store.Directory.AddOrganisationAsync(org, Me(http), http.RequestAborted);
            var added = (await store.Directory.OrganisationAsync(org.Code, http.RequestAborted))!;
            return Results.Created($"/api/v1/admin/organisations/{Uri.EscapeDataString(org.Code)}", OrganisationDto.Of(added, store.Settings.Hub));
        }).WithName("AddOrganisation").WithSummary("Add an organisation: code, name, country (ISO, EU for an agency) and kind.")
          .Produces<OrganisationDto>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest);

        admin.MapPut("/hub", async (HubRequest request, HttpContext http, Store store) =>
        {
            await store.Settings.SetHubAsync(DirectoryNames.OrganisationCode(request.Organisation, "organisation"), Me(http), http.RequestAborted);
            return Results.NoContent();
        }).WithName("SetHub").WithSummary("Declare the organisation that runs the hub: only its hub analysts get hub rights.")
          .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static void MapUsers(RouteGroupBuilder admin)
    {
        admin.MapGet("/users", async (Store store, CancellationToken ct) =>
        {
            var now = store.Time.GetUtcNow();
            return Results.Ok((await store.Directory.AccountsAsync(ct)).Select(a => AccountDto.Of(a, now)));
        }).WithName("AdminUsers").WithSummary("Every account: organisation, roles, state, last sign-in and lockout.")
          .Produces<IEnumerable<AccountDto>>();

        admin.MapPost("/users", async (UserRequest request, HttpContext http, Store store) =>
        {
            var password = request.Password is { Length: > 0 } given ? given : PasswordHash.NewSecret(12);
            var user = new User(request.Name ?? "", request.DisplayName is { Length: > 0 } d ? d : request.Name ?? "", request.Organisation ?? "",
                Roles(request.Roles), false);
            await store.Directory.AddUserAsync(user, password, Me(http), http.RequestAborted);
            return Results.Created($"/api/v1/admin/users/{Uri.EscapeDataString(user.Name)}",
                new { user.Name, Password = request.Password is { Length: > 0 } ? null : password });
        }).WithName("AddUser").WithSummary("Add a local account; a password left out is generated and returned in this answer only.")
          .Produces(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest);

        admin.MapPut("/users/{name}/roles", async (string name, RolesRequest request, HttpContext http, Store store) =>
        {
            await store.Directory.SetRolesAsync(name, Roles(request.Roles), Me(http), http.RequestAborted);
            return Results.NoContent();
        }).WithName("SetRoles").WithSummary("Replace a user's roles; effective on the user's next request.")
          .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);

        admin.MapPost("/users/{name}/disable", async (string name, HttpContext http, Store store) =>
        {
            await store.Directory.DisableUserAsync(name, Me(http), http.RequestAborted);
            return Results.NoContent();
        }).WithName("DisableUser").WithSummary("Disable an account; its sessions and tokens end at once.")
          .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status400BadRequest);

        admin.MapPost("/users/{name}/enable", async (string name, HttpContext http, Store store) =>
        {
            await store.Directory.EnableUserAsync(name, Me(http), http.RequestAborted);
            return Results.NoContent();
        }).WithName("EnableUser").WithSummary("Enable a disabled account; its old sessions and tokens stay revoked.")
          .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status400BadRequest);

        admin.MapPost("/users/{name}/password", async (string name, PasswordRequest? request, HttpContext http, Store store) =>
        {
            var password = request?.Password is { Length: > 0 } given ? given : PasswordHash.NewSecret(12);
            await store.Directory.SetPasswordAsync(name, password, Me(http), http.RequestAborted);
            return Results.Ok(new { Name = name, Password = request?.Password is { Length: > 0 } ? null : password });
        }).WithName("ResetPassword").WithSummary("Set a new password (generated and returned once when left out); ends the lockout, the sessions and the tokens.")
          .Produces(StatusCodes.Status200OK).ProducesProblem(StatusCodes.Status400BadRequest);

        admin.MapPost("/users/{name}/unlock", async (string name, HttpContext http, Store store) =>
        {
            await store.Directory.UnlockAsync(name, Me(http), http.RequestAborted);
            return Results.NoContent();
        }).WithName("UnlockUser").WithSummary("End a sign-in lockout and forget the failed attempts.")
          .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static void MapTokens(RouteGroupBuilder admin)
    {
        admin.MapGet("/users/{name}/tokens", async (string name, Store store, CancellationToken ct) =>
            await store.Directory.UserAsync(name, ct) is null
                ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "no such user")
                : Results.Ok((await store.Directory.Tokens.ListAsync(name, ct)).Select(TokenEndpoints.TokenDto.Of)))
            .WithName("AdminUserTokens").WithSummary("A user's API tokens, live or not, by id; never their secrets.")
            .Produces<IEnumerable<TokenEndpoints.TokenDto>>().ProducesProblem(StatusCodes.Status404NotFound);

        admin.MapPost("/users/{name}/tokens", async (string name, TokenEndpoints.CreateTokenRequest request, HttpContext http, Store store) =>
        {
            var (id, secret) = await store.Directory.Tokens.CreateAsync(name, request.Label ?? "api",
                request.ExpiresDays is { } days ? TimeSpan.FromDays(days) : null, Me(http), http.RequestAborted);
            var created = (await store.Directory.Tokens.ListAsync(name, http.RequestAborted)).Single(t => t.Id == id);
            return Results.Created($"/api/v1/admin/users/{Uri.EscapeDataString(name)}/tokens/{id}", new { Token = secret, Details = TokenEndpoints.TokenDto.Of(created) });
        }).WithName("AdminCreateToken").WithSummary("Create an API token for a user; the secret is in this answer only.")
          .Produces(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest);

        admin.MapDelete("/users/{name}/tokens/{id}", async (string name, string id, HttpContext http, Store store) =>
            await store.Directory.Tokens.RevokeAsync(name, id, Me(http), http.RequestAborted)
                ? Results.NoContent()
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "no such live token"))
            .WithName("AdminRevokeToken").WithSummary("Revoke a user's API token; effective at once.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static void MapCases(RouteGroupBuilder admin)
    {
        admin.MapGet("/cases", async (Store store, CancellationToken ct) =>
            Results.Ok((await store.Directory.CasesAsync(ct)).Select(Cases.CaseDto.From)))
            .WithName("AdminCases").WithSummary("Every case with its owner and member organisations (no case data).")
            .Produces<IEnumerable<Cases.CaseDto>>();

        admin.MapPost("/cases", async (CaseRequest request, HttpContext http, Store store) =>
        {
            var owner = DirectoryNames.OrganisationCode(request.Owner, "owner");
            await store.Directory.AddCaseAsync(request.Id ?? "", request.Title ?? "", owner, request.Members ?? [], Me(http), http.RequestAborted);
            var added = (await store.Directory.CasesAsync(http.RequestAborted)).Single(c => c.Id == request.Id);
            return Results.Created($"/api/v1/admin/cases/{Uri.EscapeDataString(added.Id)}", Cases.CaseDto.From(added));
        }).WithName("AddCase").WithSummary("Open a case owned by an organisation and shared with member organisations.")
          .Produces<Cases.CaseDto>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest);

        admin.MapPost("/cases/{id}/members", async (string id, MemberRequest request, HttpContext http, Store store) =>
        {
            await store.Directory.AddCaseMemberAsync(id, DirectoryNames.OrganisationCode(request.Organisation, "organisation"), Me(http), http.RequestAborted);
            return Results.NoContent();
        }).WithName("AddCaseMember").WithSummary("Add a member organisation to a case.")
          .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);

        admin.MapDelete("/cases/{id}/members/{organisation}", async (string id, string organisation, HttpContext http, Store store) =>
        {
            await store.Directory.RemoveCaseMemberAsync(id, organisation, Me(http), http.RequestAborted);
            return Results.NoContent();
        }).WithName("RemoveCaseMember").WithSummary("Remove a member organisation from a case (not its owner).")
          .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static Principal Me(HttpContext http) => http.User.ToPrincipal();

    private static IReadOnlySet<Role> Roles(IReadOnlyList<string>? roles) => DirectoryStore.ParseRoles(string.Join(',', roles ?? []));

    internal sealed record OrganisationRequest(string? Code, string? Name, string? Country, string? Kind);

    internal sealed record HubRequest(string? Organisation);

    internal sealed record UserRequest(string? Name, string? DisplayName, string? Organisation, IReadOnlyList<string>? Roles, string? Password);

    internal sealed record RolesRequest(IReadOnlyList<string>? Roles);

    internal sealed record PasswordRequest(string? Password);

    internal sealed record CaseRequest(string? Id, string? Title, string? Owner, IReadOnlyList<string>? Members);

    internal sealed record MemberRequest(string? Organisation);

    internal sealed record OrganisationDto(string Code, string Name, string Country, string Kind, bool Hub)
    {
        public static OrganisationDto Of(Organisation o, string? hub) => new(o.Code, o.Name, o.Country, o.Kind, o.Code == hub);
    }

    internal sealed record AccountDto(string Name, string DisplayName, string Organisation, IReadOnlyList<string> Roles, bool Disabled,
        DateTimeOffset? LastSignIn, long FailedSignIns, bool Locked, DateTimeOffset? LockedUntil)
    {
        public static AccountDto Of(Account a, DateTimeOffset now) => new(a.User.Name, a.User.DisplayName, a.User.Organisation,
            a.User.Roles.Order().Select(DirectoryNames.RoleName).ToList(), a.User.Disabled, a.LastSignIn, a.Failures, a.IsLockedAt(now), a.LockedUntil);
    }
}
