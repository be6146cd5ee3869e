using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tessera.Web.Tests.Picture;

/// <summary>Border sections through the API: levels, proposals, history, the right to set a level, maps and the OpenAPI document.</summary>
public sealed class PictureSectionEndpointTests
{
    [Fact]
    public async Task Sections_Demo_LevelsMeasuresAndProposalWithIndicators()
    {
        await using var host = await TestHost.StartAsync();
        var client = await host.AsAsync("it.analyst");

        using var doc = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/picture/sections", UriKind.Relative)));
        var sea = doc.RootElement.EnumerateArray().Single(s => s.GetProperty("code").GetString() == "IT-SEA");
        var proposal = sea.GetProperty("proposal");

        Assert.Equal("high", sea.GetProperty("level").GetString());
        Assert.Equal(3, sea.GetProperty("measures").GetArrayLength());
        Assert.Contains(proposal.GetProperty("level").GetString(), new[] { "low", "medium", "high" });
        Assert.NotEmpty(proposal.GetProperty("reasons").EnumerateArray());
        Assert.True(proposal.GetProperty("indicators").GetProperty("detections").GetInt64() > 0);
        Assert.True(proposal.GetProperty("indicators").GetProperty("incidents").GetInt32() > 0);
    }

    [Fact]
    public async Task SetLevel_WithoutTheRight_Answers403AndIsAudited()
    {
        await using var host = await TestHost.StartAsync();
        var client = await host.AsAsync("it.analyst");

        var response = await client.PutAsJsonAsync("/api/v1/picture/sections/HR-BA/level", new { level = "high", reason = "more crossings near Bihać" });
        var last = await LastAuditAsync(host);
        using var sections = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/picture/sections", UriKind.Relative)));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(("it.analyst", "picture.section.level", "picture_section:HR-BA", "deny"), (last.Actor, last.Action, last.Target, last.Outcome));
        Assert.Equal("medium", sections.RootElement.EnumerateArray().Single(s => s.GetProperty("code").GetString() == "HR-BA").GetProperty("level").GetString());
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("POST")]
    public async Task SetLevel_WithTheRightAndAReason_ChangesTheLevelAndTheHistory(string method)
    {
        await using var host = await TestHost.StartAsync();
        var client = await host.AsAsync("border.analyst");
        using var request = new HttpRequestMessage(new HttpMethod(method), "/api/v1/picture/sections/HR-BA/level")
        {
            Content = JsonContent.Create(new { level = "high", reason = "three high-impact incidents near Bihać in a month" }),
        };

        var response = await client.SendAsync(request);
        using var change = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        using var history = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/picture/sections/HR-BA/history", UriKind.Relative)));
        var latest = history.RootElement.EnumerateArray().Last();
        var last = await LastAuditAsync(host);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("high", "medium"), (change.RootElement.GetProperty("level").GetString(), change.RootElement.GetProperty("previous").GetString()));
        Assert.Equal("border.analyst", latest.GetProperty("setBy").GetString());
        Assert.Equal("high", latest.GetProperty("level").GetString());
        Assert.Equal("three high-impact incidents near Bihać in a month", latest.GetProperty("reason").GetString());
        Assert.True(latest.GetProperty("time").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));
        Assert.Equal(("border.analyst", "picture.section.level", "ok"), (last.Actor, last.Action, last.Outcome));
    }

    [Theory]
    [InlineData(null, "reason")]
    [InlineData("   ", "reason")]
    public async Task SetLevel_WithoutAReason_Answers400NamingTheField(string? reason, string field)
    {
        await using var host = await TestHost.StartAsync();
        var client = await host.AsAsync("border.analyst");
        var before = await host.Store.Picture.LevelHistoryAsync("HR-BA");

        var response = await client.PutAsJsonAsync("/api/v1/picture/sections/HR-BA/level", new { level = "high", reason });
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, problem.RootElement.GetProperty("field").GetString());
        Assert.Equal(before.Count, (await host.Store.Picture.LevelHistoryAsync("HR-BA")).Count);
    }

    [Fact]
    public async Task SetLevel_UnknownLevel_Answers400NamingTheLevel()
    {
        await using var host = await TestHost.StartAsync();
        var client = await host.AsAsync("border.analyst");

        var response = await client.PutAsJsonAsync("/api/v1/picture/sections/HR-BA/level", new { level = "severe", reason = "a reason" });
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("level", problem.RootElement.GetProperty("field").GetString());
    }

    [Fact]
    public async Task SetLevel_UnknownSection_Answers404()
    {
        await using var host = await TestHost.StartAsync();
        var client = await host.AsAsync("border.analyst");

        var set = await client.PutAsJsonAsync("/api/v1/picture/sections/XX-YY/level", new { level = "high", reason = "a reason" });
        var history = await client.GetAsync(new Uri("/api/v1/picture/sections/XX-YY/history", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, set.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, history.StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/picture/routes.geojson?from=2023-01&to=2023-08", "LineString")]
    [InlineData("/api/v1/picture/sections.geojson", "Point")]
    public async Task GeoJson_Demo_IsAFeatureCollectionOfOneGeometry(string path, string geometry)
    {
        await using var host = await TestHost.StartAsync();
        var client = await host.AsAsync("policy.officer");

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var features = doc.RootElement.GetProperty("features").EnumerateArray().ToList();

        Assert.Equal("application/geo+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("FeatureCollection", doc.RootElement.GetProperty("type").GetString());
        Assert.NotEmpty(features);
        Assert.All(features, f => Assert.Equal(geometry, f.GetProperty("geometry").GetProperty("type").GetString()));
    }

    [Fact]
    public async Task RoutesGeoJson_Period_CarriesTheRouteTotals()
    {
        await using var host = await TestHost.StartAsync();
        var client = await host.AsAsync("hub.analyst");

        using var doc = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/picture/routes.geojson?from=2023-01&to=2023-08", UriKind.Relative)));
        var central = doc.RootElement.GetProperty("features").EnumerateArray()
            .Single(f => f.GetProperty("properties").GetProperty("route").GetString()!.StartsWith("Central Mediterranean", StringComparison.Ordinal));

        Assert.Equal(114_872, central.GetProperty("properties").GetProperty("detections").GetInt64());
    }

    [Fact]
    public async Task OpenApi_Document_DescribesThePictureEndpoints()
    {
        await using var host = await TestHost.StartAsync();

        using var doc = JsonDocument.Parse(await host.Anonymous().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        var paths = doc.RootElement.GetProperty("paths");

        foreach (var path in new[] { "summary", "series", "alerts", "sections", "sections/{id}/history", "sections/{id}/level", "prices",
                     "routes.geojson", "sections.geojson", "chart.svg" })
        {
            Assert.True(paths.TryGetProperty("/api/v1/picture/" + path, out _), path);
        }

        var level = paths.GetProperty("/api/v1/picture/sections/{id}/level");
        Assert.True(level.TryGetProperty("put", out _));
        Assert.True(level.TryGetProperty("post", out _));
    }

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
