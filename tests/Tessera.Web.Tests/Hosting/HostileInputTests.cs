using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Tessera.Web.Tests.Hosting;

/// <summary>Every POST and PUT endpoint of the host, found from its routes (so a new endpoint is covered the day it is
/// mapped), against a table of hostile bodies: none may answer 500, and every refusal is RFC 9457 problem details.</summary>
public sealed class HostileInputTests
{
    /// <summary>Bodies that are not what any endpoint expects: empty, the wrong JSON kind, cut short, every field null,
    /// every field of the wrong type or out of range, unknown enum values, hostile strings.</summary>
    public static TheoryData<string, string> Bodies => new()
    {
        { "empty", "" },
        { "null", "null" },
        { "array", "[]" },
        { "string", "\"x\"" },
        { "empty object", "{}" },
        { "cut short", "{\"query\": " },
        { "every field null", """{"query":null,"limit":null,"offset":null,"status":null,"assignee":null,"reason":null,"entity":null,"other":null,"hit":null,"purpose":null,"urgent":null,"release":null,"level":null,"name":null,"birthDate":null,"nationality":null,"list":null,"type":null,"value":null,"region":null,"text":null,"label":null,"expiresDays":null,"userName":null,"password":null}""" },
        { "wrong types", """{"query":[1],"limit":"ten","offset":{},"status":7,"assignee":[],"reason":{},"entity":1,"other":true,"hit":"first","purpose":[],"urgent":"yes","release":3,"level":[],"name":{},"birthDate":5,"nationality":[],"list":1,"type":2,"value":[],"region":{},"text":9,"label":[],"expiresDays":"soon","userName":1,"password":false}""" },
        { "out of range", """{"query":"a","limit":-1,"offset":-5,"hit":-1,"expiresDays":-2147483648,"urgent":false,"purpose":"p","reason":"r","text":"t","name":"n","type":"phone","value":"1"}""" },
        { "overflow", """{"query":"a","limit":1e400,"offset":99999999999999999999,"hit":1e30,"expiresDays":2147483648}""" },
        { "unknown values", """{"status":"bogus","release":"maybe","level":"extreme","type":"nonsense","value":"x","name":"Ali","list":"no-such-list","assignee":"nobody.at.all","reason":"r","purpose":"p","hit":1,"entity":"XX:none","other":"YY:none","region":"ZZ","label":"t","expiresDays":1,"userName":"nobody","password":"x","text":"t","query":"a"}""" },
        { "hostile strings", """{"status":"in-review\u0000","release":"all'; drop table x;--","level":"high\u202e","type":"phone","value":"\ud800","name":"\u0000\u0000","reason":"\uffff","purpose":"../../etc/passwd","entity":"IT:it-p-001","other":"IT:it-p-001","text":"<script>alert(1)</script>","query":"%00","userName":"\u0000","password":"\u0000"}""" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task EveryPostEndpoint_HostileJsonBody_AnswersProblemDetailsNeverServerError(string label, string body)
    {
        await using var host = await TestHost.StartAsync();
        var client = await host.AsAsync("it.supervisor");
        var failures = new List<string>();

        foreach (var (method, path) in WriteEndpoints(host))
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative))
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
            var response = await client.SendAsync(request);
            if (await ProblemOf(response) is { } failure)
            {
                failures.Add($"{method} {path} ({label}): {failure}");
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Theory]
    [InlineData("text/plain", "hello")]
    [InlineData("application/x-www-form-urlencoded", "a=1&b=%00")]
    [InlineData("multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nabc\r\n")]
    [InlineData("application/json; charset=utf-7", "{}")]
    public async Task EveryPostEndpoint_WrongContentType_AnswersProblemDetailsNeverServerError(string contentType, string body)
    {
        await using var host = await TestHost.StartAsync();
        var client = await host.AsAsync("it.supervisor");
        var failures = new List<string>();

        foreach (var (method, path) in WriteEndpoints(host))
        {
            using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative)) { Content = content };
            var response = await client.SendAsync(request);
            if (await ProblemOf(response) is { } failure)
            {
                failures.Add($"{method} {path} ({contentType}): {failure}");
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task WriteEndpoints_AreFoundFromTheRoutes()
    {
        await using var host = await TestHost.StartAsync();

        var paths = WriteEndpoints(host).Select(e => e.Path).ToList();

        Assert.Contains("/api/v1/imports/preview", paths);
        Assert.Contains("/api/v1/auth/signin", paths);
        Assert.Contains("/account/signin", paths);
        Assert.True(paths.Count >= 20, string.Join(", ", paths));
    }

    /// <summary>Every POST and PUT route of the API and the account forms, with its parameters filled: an id of a record that exists where the
    /// demo has one (so the body reaches the store), and a very large number for numeric ids.</summary>
    internal static IEnumerable<(string Method, string Path)> WriteEndpoints(TestHost host)
    {
        var routes = host.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        foreach (var route in routes)
        {
            var methods = route.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [];
            var template = "/" + route.RoutePattern.RawText!.TrimStart('/');
            if (template.StartsWith("/_", StringComparison.Ordinal) || route.Metadata.GetMetadata<Microsoft.AspNetCore.Components.Endpoints.ComponentTypeMetadata>() is not null)
            {
                // Blazor's own endpoints and the pages: a browser posts to them only with the form and token the page rendered.
                continue;
            }

            foreach (var method in methods.Where(m => m is "POST" or "PUT"))
            {
                foreach (var path in Fill(template))
                {
                    yield return (method, path);
                }
            }
        }
    }

    private static IEnumerable<string> Fill(string template)
    {
        if (!template.Contains('{', StringComparison.Ordinal))
        {
            yield return template;
            yield break;
        }

        var numeric = System.Text.RegularExpressions.Regex.Replace(template, @"\{[^}]*:long\}", "1");
        var text = System.Text.RegularExpressions.Regex.Replace(numeric, @"\{[^}:]*\}", template.Contains("section", StringComparison.Ordinal) ? "LY-GR-SEA" : "OP-BALKAN");
        yield return text;
        if (template.Contains(":long}", StringComparison.Ordinal))
        {
            yield return System.Text.RegularExpressions.Regex.Replace(template, @"\{[^}]*:long\}", long.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Replace("{id}", "x", StringComparison.Ordinal);
        }
    }

    /// <summary>What is wrong with an answer to hostile input: a 5xx, or a refusal that is not problem details; null when fine.</summary>
    internal static async Task<string?> ProblemOf(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        if (status >= 500)
        {
            return $"{status}: {body[..Math.Min(body.Length, 300)]}";
        }

        if (status < 400 || response.StatusCode is HttpStatusCode.Unauthorized || status == StatusCodes.Status429TooManyRequests)
        {
            return null;
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"{status} as {response.Content.Headers.ContentType?.MediaType ?? "no content type"}: {body[..Math.Min(body.Length, 200)]}";
        }

        using var problem = JsonDocument.Parse(body);
        return problem.RootElement.TryGetProperty("title", out var title) && !string.IsNullOrWhiteSpace(title.GetString()) ? null : $"{status} without a title";
    }
}
