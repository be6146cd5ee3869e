using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.TestHost;

namespace Tessera.Web.Tests.Hosting;

/// <summary>Issue #12 "Hardening": nosniff, no referrer, no framing, no caching of API answers, HSTS and Secure over TLS.</summary>
public sealed class SecurityHeaderTests
{
    [Theory]
    [InlineData("/health")]
    [InlineData("/api/v1/entities/IT:it-p-001")]
    [InlineData("/openapi/v1.json")]
    public async Task Answer_Any_CarriesNosniffNoReferrerAndNoFraming(string path)
    {
        await using var host = await TestHost.StartAsync();
        var client = await host.AsAsync("it.analyst");

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/entities/IT:it-p-001", HttpStatusCode.OK)]
    [InlineData("/api/v1/entities/no-such-entity", HttpStatusCode.NotFound)]
    public async Task ApiAnswer_Json_IsNotStored(string path, HttpStatusCode status)
    {
        await using var host = await TestHost.StartAsync();
        var client = await host.AsAsync("it.analyst");

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(status, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task Answer_OverPlainHttp_HasNoHsts()
    {
        await using var host = await TestHost.StartAsync();

        var response = await host.Anonymous().GetAsync(new Uri("/health", UriKind.Relative));

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task SignIn_OverHttps_SetsHstsAndASecureCookie()
    {
        await using var host = await TestHost.StartAsync();
        var client = host.App.GetTestClient();
        client.BaseAddress = new Uri("https://tessera.example.eu/");

        var response = await client.PostAsJsonAsync("/api/v1/auth/signin", new { userName = "it.analyst", password = "tessera-demo-2026" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("max-age=31536000", response.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("tessera=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SignIn_OverPlainHttp_CookieIsNotMarkedSecure()
    {
        await using var host = await TestHost.StartAsync();

        var response = await host.Anonymous().PostAsJsonAsync("/api/v1/auth/signin", new { userName = "it.analyst", password = "tessera-demo-2026" });

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("tessera=", StringComparison.Ordinal));
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }
}
