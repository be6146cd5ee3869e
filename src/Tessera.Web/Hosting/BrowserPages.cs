using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Tessera.Web.Hosting;

/// <summary>Error answers for people: a browser asking for a page (Accept text/html, outside the API) gets the app's
/// not-found or error page (<c>Components/Pages/ErrorPage.razor</c>) with the same status; API clients keep problem details.</summary>
internal static class BrowserPages
{
    /// <summary>The page that renders a status code for the browser; <c>{0}</c> is the status.</summary>
    public const string ErrorPath = "/error/{0}";

    private static readonly string[] MachinePaths = ["/api", "/openapi", "/health", "/_blazor", "/_framework", "/_content", "/account"];

    /// <summary>True when the request is a browser's for a page, not a machine's for data.</summary>
    public static bool Wants(HttpContext http)
    {
        var path = http.Request.Path;
        if (MachinePaths.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        return http.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Status code pages and the exception fallback: the error page for browsers, problem details for the rest.</summary>
    public static void Use(WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // Reached only when ErrorHandler leaves the answer to the page (a browser's request that failed).
            ExceptionHandlingPath = string.Format(System.Globalization.CultureInfo.InvariantCulture, ErrorPath, StatusCodes.Status500InternalServerError),
            CreateScopeForErrors = true,
        });
        app.UseWhen(Wants, branch => branch.UseStatusCodePagesWithReExecute(ErrorPath, createScopeForStatusCodePages: true));
        app.UseWhen(http => !Wants(http), branch => branch.UseStatusCodePages(context =>
            ErrorHandler.WriteAsync(context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>(), context.HttpContext,
                new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = context.HttpContext.Response.StatusCode })));
        // Routing after the error pages, so that a re-executed request finds the error page's endpoint.
        app.UseRouting();
    }
}
