using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Tessera.Web.Tests.Hosting;

public sealed class HostTests
{
    [Fact]
    public async Task Health_Anonymous_AnswersOk()
    {
        await using var host = await TestHost.StartAsync();

        var response = await host.Anonymous().GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ok", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_Document_DescribesTheEntityEndpoints()
    {
        await using var host = await TestHost.StartAsync();

        using var doc = JsonDocument.Parse(await host.Anonymous().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        var paths = doc.RootElement.GetProperty("paths");

        Assert.True(paths.TryGetProperty("/api/v1/entities/{id}", out _));
        Assert.True(paths.TryGetProperty("/api/v1/entities/search", out _));
        Assert.Equal("Tessera API", doc.RootElement.GetProperty("info").GetProperty("title").GetString());
    }

    [Fact]
    public async Task Api_WithoutSignIn_Answers401()
    {
        await using var host = await TestHost.StartAsync();

        var response = await host.Anonymous().GetAsync(new Uri("/api/v1/entities/IT:it-p-001", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Api_WithUnknownToken_Answers401()
    {
        await using var host = await TestHost.StartAsync();
        var client = host.Anonymous();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "tsr_forged");

        var response = await client.GetAsync(new Uri("/api/v1/entities/IT:it-p-001", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task SignIn_WithDemoPassword_SetsCookieThatOpensTheApi()
    {
        await using var host = await TestHost.StartAsync();
        var client = host.Anonymous();

        var signIn = await client.PostAsJsonAsync("/api/v1/auth/signin", new { userName = "it.analyst", password = "tessera-demo-2026" });
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("tessera=", StringComparison.Ordinal)).Split(';')[0];
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/entities/IT:it-p-001");
        request.Headers.Add("Cookie", cookie);
        var entity = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, entity.StatusCode);
    }

    [Fact]
    public async Task SignIn_WrongPassword_Answers401AndIsAudited()
    {
        await using var host = await TestHost.StartAsync();

        var response = await host.Anonymous().PostAsJsonAsync("/api/v1/auth/signin", new { userName = "it.analyst", password = "wrong-password-123" });
        var last = await LastAuditAsync(host);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(("user.signin", "failed"), (last.Action, last.Outcome));
    }

    [Fact]
    public async Task Endpoints_EveryOne_DeclaresItsAuthorization()
    {
        await using var host = await TestHost.StartAsync();
        string[] open = ["/health", "/health/live", "/health/ready", "/openapi/{documentName}.json", "/account/signin", "/api/v1/auth/signin", "/signin",
            "/error/{Status:int}", "/not-found"];

        var endpoints = host.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => !IsStaticFile(e.RoutePattern.RawText!))
            .ToList();

        Assert.NotEmpty(endpoints);
        foreach (var e in endpoints)
        {
            var authorized = e.Metadata.GetMetadata<IAuthorizeData>() is not null;
            var anonymous = e.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var route = e.RoutePattern.RawText!;
            Assert.True(authorized || anonymous || open.Contains(route),
                $"endpoint {route} declares no authorization");
            if (anonymous)
            {
                Assert.Contains(route, open);
            }
        }
    }

    // Files of the UI (scripts, styles) and the framework's own plumbing (/_blazor, /_framework) are public by nature;
    // everything else must say who may call it.
    private static bool IsStaticFile(string route) =>
        route.StartsWith("/_", StringComparison.Ordinal) || route.StartsWith('_') || (route.Contains('.', StringComparison.Ordinal) && !route.Contains('{', StringComparison.Ordinal));

    private static async Task<Core.Audit.AuditEntry> LastAuditAsync(TestHost host)
    {
        var count = await host.Store.Audit.CountAsync();
        await foreach (var e in host.Store.Audit.ReadAsync(count))
        {
            return e;
        }

        throw new InvalidOperationException("empty audit log");
    }
}
