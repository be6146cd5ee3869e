using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Tessera.Storage;
using Tessera.Web.Entities;
using Tessera.Web.Auth;
using Tessera.Web.Components;

namespace Tessera.Web.Hosting;

/// <summary>The ASP.NET Core host: the REST API under <c>/api/v1</c>, its OpenAPI document, and the analyst UI.</summary>
public static class TesseraWebHost
{
    /// <summary>A builder with every service registered; tests may swap the server before <see cref="Build"/>.</summary>
    public static WebApplicationBuilder CreateBuilder(WebOptions options, Store store)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseStaticWebAssets();
        builder.WebHost.UseUrls(options.Urls);
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<TokenSessions>();
        SharedKeyRing.AddTo(builder.Services, store);
        options.Limits.AddTo(builder.Services);
        Observability.AddTo(builder);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ErrorHandler>();
        HealthEndpoints.AddTo(builder.Services);
        RequestLimits.Apply(builder);
        builder.Services.AddOpenApi("v1", o =>
        {
            o.AddDocumentTransformer((doc, _, _) =>
            {
                doc.Info.Title = "Tessera API";
                doc.Info.Description = "Share, cross-check and analyse data on migrant smuggling networks. Every endpoint goes through the access policy.";
                return Task.CompletedTask;
            });
            OpenApiConventions.Apply(o);
        });
        builder.Services.AddAuthentication(AuthSchemes.Smart)
            .AddPolicyScheme(AuthSchemes.Smart, "cookie or token", o => o.ForwardDefaultSelector = AuthSchemes.Select)
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, o =>
            {
                o.LoginPath = "/signin";
                o.Cookie.Name = "tessera";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                // The cookie names a server-side session; its expiry and revocation live in the database.
                o.SessionStore = new SessionTickets(store);
                o.SlidingExpiration = false;
                o.ExpireTimeSpan = Storage.Directory.Sessions.IdleLifetime;
                o.Events.OnRedirectToLogin = AuthSchemes.ApiAnswers401;
                o.Events.OnRedirectToAccessDenied = AuthSchemes.ApiAnswers403;
            })
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(AuthSchemes.Token, null);
        builder.Services.AddAuthorization();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddLocalization();
        builder.Services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, SessionRevalidation>();
        return builder;
    }

    /// <summary>Builds the application with its middleware and endpoints.</summary>
    public static WebApplication Build(WebApplicationBuilder builder)
    {
        var app = builder.Build();
        WebMeter.Observe(app.Services);
        Observability.UseRequestLog(app);
        BrowserPages.Use(app);
        SecurityHeaders.Use(app);
        // Numbers and dates in the user's culture (from the browser's Accept-Language) among the European ones; British English
        // otherwise, also for a browser asking for US English (partners read 07/12/2026 as the 7th of December).
        string[] cultures = ["en-GB", "fr-FR", "de-DE", "it-IT", "es-ES", "el-GR", "nl-NL", "pl-PL", "ar"];
        app.UseRequestLocalization(o => o.SetDefaultCulture("en-GB").AddSupportedCultures(cultures).AddSupportedUICultures(cultures));
        app.UseAuthentication();
        Auth.StatedPurpose.Use(app);
        RateLimits.Use(app);
        app.UseAuthorization();
        app.UseAntiforgery();
        // The UI's files come from the host's static-assets manifest; a host without one (an API-only test host) serves the API alone.
        if (File.Exists(Path.Combine(AppContext.BaseDirectory, app.Environment.ApplicationName + ".staticwebassets.endpoints.json")))
        {
            app.MapStaticAssets();
        }

        app.MapOpenApi("/openapi/{documentName}.json");
        HealthEndpoints.Map(app);
        AccountEndpoints.Map(app);
        TokenEndpoints.Map(app);
        EntityEndpoints.Map(app);
        Ingest.ImportEndpoints.Map(app);
        CrossCheck.CrossCheckEndpoints.Map(app);
        CrossCheck.FollowUpEndpoints.Map(app);
        Graph.GraphEndpoints.Map(app);
        Audit.AuditEndpoints.Map(app);
        Admin.AdminEndpoints.Map(app);
        Picture.PictureEndpoints.Map(app);
        Cases.CaseEndpoints.Map(app);
        Retention.RetentionEndpoints.Map(app);
        Reports.ReportEndpoints.Map(app);
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
