using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;

namespace Tessera.Web.Tests.Hosting;

/// <summary>One exception handler answers every refusal as RFC 9457 problem details with the trace id; a browser asking
/// for a page gets the app's not-found or error page instead.</summary>
public sealed class ErrorAnswerTests
{
    [Fact]
    public async Task Answers_EachStatus_AreProblemDetailsWithTraceId()
    {
        await using var host = await TestHost.StartAsync();
        var italy = await host.AsAsync("it.supervisor");

        // 400: a field of the wrong type is named.
        var wrongType = await italy.PostAsync(new Uri("/api/v1/requests", UriKind.Relative), Json("""{"hit":"first","purpose":"p"}"""));
        Assert.Equal("hit", (await ProblemAsync(wrongType, 400)).GetProperty("field").GetString());
        // 403: the policy refuses (only the owner answers a request).
        await ProblemAsync(await italy.PostAsync(new Uri("/api/v1/requests/1/approve", UriKind.Relative), Json("""{"reason":"r"}""")), 403);
        // 404: an unknown API address, and an unknown record.
        await ProblemAsync(await italy.GetAsync(new Uri("/api/v1/no-such-thing", UriKind.Relative)), 404);
        await ProblemAsync(await italy.PostAsync(new Uri("/api/v1/hits/999999/status", UriKind.Relative), Json("""{"status":"closed"}""")), 404);
        // 415: a charset the server does not read is named.
        using var utf7 = new StringContent("{}", Encoding.UTF8, "application/json");
        utf7.Headers.ContentType!.CharSet = "utf-7";
        Assert.Contains("utf-7", (await ProblemAsync(await italy.PostAsync(new Uri("/api/v1/entities/search", UriKind.Relative), utf7), 415)).GetProperty("title").GetString(),
            StringComparison.Ordinal);
        // 409: a step on a hit that is closed.
        var group = await FirstHitGroupAsync(italy);
        Assert.Equal(HttpStatusCode.NoContent, (await italy.PostAsync(new Uri($"/api/v1/hits/{group}/status", UriKind.Relative), Json("""{"status":"closed"}"""))).StatusCode);
        await ProblemAsync(await italy.PostAsync(new Uri($"/api/v1/hits/{group}/confirm", UriKind.Relative), Json("""{"reason":"same passport"}""")), 409);
    }

    [Fact]
    public async Task IdentifierCheck_WithoutType_Answers400NamingIt()
    {
        await using var host = await TestHost.StartAsync();
        var client = await host.AsAsync("gr.analyst");

        var response = await client.PostAsJsonAsync("/api/v1/checks/identifier", new { value = "+390612345678" });

        Assert.Equal("type", (await ProblemAsync(response, 400)).GetProperty("field").GetString());
    }

    [Fact]
    public async Task SignInForm_WithoutPassword_ReturnsToTheFormNotAnError()
    {
        await using var host = await TestHost.StartAsync();
        var client = host.Anonymous();
        var page = await client.GetAsync(new Uri("/signin", UriKind.Relative));
        var form = await page.Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(token);
        // The in-memory client keeps no cookies: send back the antiforgery cookie the form came with.
        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri("/account/signin", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["userName"] = "it.analyst", ["__RequestVerificationToken"] = token }),
        };
        post.Headers.Add("Cookie", string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));

        var response = await client.SendAsync(post);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/signin?failed=1", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/entities/IT%3Ait-p-001/nothing/below")]
    public async Task Browser_UnknownPage_GetsTheNotFoundPageInTheLayout(string path)
    {
        await using var host = await TestHost.StartAsync();
        var client = host.Anonymous();
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Page not found", page, StringComparison.Ordinal);
        // The app's layout: its skip link and its bar.
        Assert.Contains("skip-link", page, StringComparison.Ordinal);
        Assert.Contains("mud-appbar", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Browser_UnknownApiAddress_StillGetsProblemDetails()
    {
        await using var host = await TestHost.StartAsync();
        var client = await host.AsAsync("it.analyst");
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");

        await ProblemAsync(await client.GetAsync(new Uri("/api/v1/no-such-thing", UriKind.Relative)), 404);
    }

    [Fact]
    public async Task Browser_ServerError_GetsTheErrorPageWithTraceId()
    {
        await using var host = await TestHost.StartAsync(map: app => app.MapGet("/boom", string () => throw new InvalidOperationException("a fault of the node")));
        var browser = host.Anonymous();
        browser.DefaultRequestHeaders.Accept.ParseAdd("text/html");

        var page = await browser.GetAsync(new Uri("/boom", UriKind.Relative));
        var api = await host.Anonymous().GetAsync(new Uri("/boom", UriKind.Relative));

        Assert.Equal(HttpStatusCode.InternalServerError, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Something went wrong", html, StringComparison.Ordinal);
        Assert.DoesNotContain("a fault of the node", html, StringComparison.Ordinal);
        var problem = await ProblemAsync(api, 500);
        Assert.DoesNotContain("fault", problem.GetRawText(), StringComparison.Ordinal);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<long> FirstHitGroupAsync(HttpClient client)
    {
        using var doc = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/hits/groups", UriKind.Relative)));
        var groups = doc.RootElement.GetProperty("groups");
        Assert.True(groups.GetArrayLength() > 0, doc.RootElement.GetRawText());
        return groups[0].GetProperty("id").GetInt64();
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, int status)
    {
        var problem = await BadInputTests.ProblemAsync(response, status);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()));
        return problem;
    }
}
