using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace Tessera.Web.Tests.Auth;

/// <summary>Issue #12 "tokens never expire and cannot be revoked": expiry, listing and revocation through the API.</summary>
public sealed class TokenEndpointTests
{
    private static readonly Uri Entity = new("/api/v1/entities/IT:it-p-001", UriKind.Relative);
    private static readonly Uri Tokens = new("/api/v1/account/tokens", UriKind.Relative);

    [Fact]
    public async Task Token_PastItsExpiry_Answers401()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        await using var host = await TestHost.StartAsync(time: clock);
        var client = await host.AsAsync("it.analyst");
        var before = await client.GetAsync(Entity);

        clock.Advance(TimeSpan.FromDays(90));
        var after = await client.GetAsync(Entity);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task Token_RevokedByItsUserRightAfterUse_Answers401OnTheNextRequest()
    {
        await using var host = await TestHost.StartAsync();
        var client = await host.AsAsync("it.analyst");
        var id = (await ListAsync(client)).Single().GetProperty("id").GetString()!;
        var before = await client.GetAsync(Entity);

        var revoke = await client.DeleteAsync(new Uri($"/api/v1/account/tokens/{id}", UriKind.Relative));
        var after = await client.GetAsync(Entity);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task CreateToken_WithExpiry_OpensTheApiAndIsListedWithoutItsSecret()
    {
        await using var host = await TestHost.StartAsync();
        var client = await host.AsAsync("it.analyst");

        var created = await client.PostAsJsonAsync(Tokens, new { label = "nightly export", expiresDays = 7 });
        using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var secret = body.RootElement.GetProperty("token").GetString()!;
        var fresh = host.Anonymous();
        fresh.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        var listed = await client.GetStringAsync(Tokens);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync(Entity)).StatusCode);
        Assert.Contains("nightly export", listed, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, listed, StringComparison.Ordinal);
        var details = body.RootElement.GetProperty("details");
        Assert.Equal(TimeSpan.FromDays(7), details.GetProperty("expires").GetDateTimeOffset() - details.GetProperty("created").GetDateTimeOffset());
    }

    [Fact]
    public async Task CreateToken_TooLong_Answers400NamingTheField()
    {
        await using var host = await TestHost.StartAsync();
        var client = await host.AsAsync("it.analyst");

        var created = await client.PostAsJsonAsync(Tokens, new { label = "forever", expiresDays = 5000 });

        Assert.Equal(HttpStatusCode.BadRequest, created.StatusCode);
        Assert.Contains("expiresDays", await created.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokeToken_OfAnotherUser_AnalystGets404AndAdministratorRevokesIt()
    {
        await using var host = await TestHost.StartAsync();
        var victim = await host.AsAsync("gr.analyst");
        var id = (await ListAsync(victim)).Single().GetProperty("id").GetString()!;
        var analyst = await host.AsAsync("it.analyst");
        var admin = await host.AsAsync("admin");
        var path = new Uri($"/api/v1/account/tokens/{id}?user=gr.analyst", UriKind.Relative);

        var byAnalyst = await analyst.DeleteAsync(path);
        var stillOpen = await victim.GetAsync(new Uri("/api/v1/account/tokens", UriKind.Relative));
        var byAdmin = await admin.DeleteAsync(path);
        var closed = await victim.GetAsync(new Uri("/api/v1/account/tokens", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, byAnalyst.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillOpen.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, byAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, closed.StatusCode);
    }

    private static async Task<List<JsonElement>> ListAsync(HttpClient client)
    {
        using var doc = JsonDocument.Parse(await client.GetStringAsync(Tokens));
        return doc.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }
}
