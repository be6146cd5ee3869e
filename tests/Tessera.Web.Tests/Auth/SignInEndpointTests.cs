using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tessera.Core.Access;

namespace Tessera.Web.Tests.Auth;

/// <summary>Issue #12 "no brute-force protection" and "bad input gets a bare 500" on sign-in.</summary>
public sealed class SignInEndpointTests
{
    [Theory]
    [InlineData("{\"userName\": null, \"password\": \"tessera-demo-2026\"}", "userName")]
    [InlineData("{\"password\": \"tessera-demo-2026\"}", "userName")]
    [InlineData("{\"userName\": \"it.analyst\"}", "password")]
    [InlineData("{\"userName\": \"it.analyst\", \"password\": \"\"}", "password")]
    public async Task SignIn_MissingField_Answers400NamingIt(string body, string field)
    {
        await using var host = await TestHost.StartAsync();

        var response = await host.Anonymous().PostAsync(new Uri("/api/v1/auth/signin", UriKind.Relative),
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task SignIn_SixthAttemptAfterFiveWrongPasswords_IsRefusedEvenWithTheRightOne()
    {
        await using var host = await TestHost.StartAsync();
        var client = host.Anonymous();
        var wrong = new List<(HttpStatusCode, string)>();
        for (var i = 0; i < SignInRule.FreeFailures; i++)
        {
            wrong.Add(await AttemptAsync(client, "it.analyst", "wrong-password-" + i));
        }

        var locked = await AttemptAsync(client, "it.analyst", Cookies.DemoPassword);

        Assert.All(wrong, w => Assert.Equal(HttpStatusCode.Unauthorized, w.Item1));
        Assert.Equal(wrong[0], locked);
        Assert.Contains("user.lockout", await AuditActionsAsync(host));
    }

    [Fact]
    public async Task SignIn_UnknownDisabledAndWrong_AreAnsweredAlike()
    {
        await using var host = await TestHost.StartAsync();
        var client = host.Anonymous();
        await host.Store.Directory.DisableUserAsync("gr.analyst", Principal.System);

        var wrong = await AttemptAsync(client, "it.analyst", "wrong-password-1");
        var unknown = await AttemptAsync(client, "no.such.user", Cookies.DemoPassword);
        var disabled = await AttemptAsync(client, "gr.analyst", Cookies.DemoPassword);

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.Status);
        Assert.Equal(wrong, unknown);
        Assert.Equal(wrong, disabled);
    }

    [Fact]
    public async Task SignIn_ManyAttemptsFromOneAddress_AreThrottledWith429()
    {
        await using var host = await TestHost.StartAsync(limits: new Web.Hosting.RateLimits(SignInsPerMinutePerAddress: 3));
        var client = host.Anonymous();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await AttemptAsync(client, "user" + i, "wrong-password")).Status);
        }

        var last = await client.PostAsJsonAsync("/api/v1/auth/signin", new { userName = "it.analyst", password = Cookies.DemoPassword });

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        Assert.NotNull(last.Headers.RetryAfter);
    }

    // The status and the body, with the per-request trace id left out: nothing else may differ.
    private static async Task<(HttpStatusCode Status, string Body)> AttemptAsync(HttpClient client, string user, string password)
    {
        var response = await client.PostAsJsonAsync("/api/v1/auth/signin", new { userName = user, password });
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var fields = body.RootElement.EnumerateObject().Where(p => p.Name != "traceId").Select(p => p.Name + "=" + p.Value.GetRawText());
        return (response.StatusCode, string.Join(";", fields));
    }

    private static async Task<List<string>> AuditActionsAsync(TestHost host)
    {
        var actions = new List<string>();
        await foreach (var e in host.Store.Audit.ReadAsync())
        {
            actions.Add(e.Action);
        }

        return actions;
    }
}
