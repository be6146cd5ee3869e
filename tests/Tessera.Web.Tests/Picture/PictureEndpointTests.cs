using System.Net;
using System.Text.Json;

namespace Tessera.Web.Tests.Picture;

/// <summary>The picture's statistics through the API: Frontex's own figures, the access policy, and small-count suppression.</summary>
public sealed class PictureEndpointTests
{
    [Fact]
    public async Task Summary_JanToAug2023_ReproducesFrontexFigures()
    {
        await using var host = await TestHost.StartAsync();
        var client = await host.AsAsync("hub.analyst");

        using var doc = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/picture/summary?from=2023-01&to=2023-08", UriKind.Relative)));
        var root = doc.RootElement;
        var central = root.GetProperty("routes").EnumerateArray()
            .Single(r => r.GetProperty("route").GetString()!.StartsWith("Central Mediterranean", StringComparison.Ordinal));

        // Frontex press release of 2023-09-14: 230 912 detections in Jan–Aug 2023, +20 %; Central Mediterranean 114 872, +96 %, half the total.
        Assert.Equal(230_912, root.GetProperty("total").GetInt64());
        Assert.Equal(0.203, Math.Round(root.GetProperty("change").GetDouble(), 3));
        Assert.Equal(114_872, central.GetProperty("total").GetInt64());
        Assert.Equal(0.968, Math.Round(central.GetProperty("change").GetDouble(), 3));
        Assert.Equal(0.497, Math.Round(central.GetProperty("share").GetDouble(), 3));
        Assert.Equal(8, root.GetProperty("months").GetArrayLength());
        Assert.NotEmpty(root.GetProperty("topNationalities").EnumerateArray());
        Assert.StartsWith("Source: Frontex", root.GetProperty("credit").GetString(), StringComparison.Ordinal);
        Assert.False(root.GetProperty("suppressed").GetBoolean());
    }

    [Theory]
    [InlineData("/api/v1/picture/summary?from=2023-01&to=2023-08")]
    [InlineData("/api/v1/picture/series?from=2023-01&to=2023-08")]
    [InlineData("/api/v1/picture/alerts")]
    [InlineData("/api/v1/picture/sections")]
    [InlineData("/api/v1/picture/sections/IT-SEA/history")]
    [InlineData("/api/v1/picture/prices")]
    [InlineData("/api/v1/picture/routes.geojson")]
    [InlineData("/api/v1/picture/sections.geojson")]
    [InlineData("/api/v1/picture/chart.svg?from=2023-01&to=2023-08")]
    public async Task Get_Anonymous_Answers401(string path)
    {
        await using var host = await TestHost.StartAsync();

        var response = await host.Anonymous().GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/picture/summary?to=2023-08", "from")]
    [InlineData("/api/v1/picture/summary?from=2023-13&to=2023-08", "from")]
    [InlineData("/api/v1/picture/summary?from=2023-01&to=August", "to")]
    [InlineData("/api/v1/picture/series?from=2023-08&to=2023-01", "to")]
    [InlineData("/api/v1/picture/series?from=2023-01&to=2023-08&by=country", "by")]
    [InlineData("/api/v1/picture/chart.svg?from=2023-01", "to")]
    [InlineData("/api/v1/picture/alerts?from=2010-01&to=2023-08", "from")]
    [InlineData("/api/v1/picture/alerts?from=2015-01&method=zscore", "method")]
    public async Task Get_BadInput_Answers400NamingTheField(string path, string field)
    {
        await using var host = await TestHost.StartAsync();
        var client = await host.AsAsync("hub.analyst");

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, problem.RootElement.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Series_ByRoute_LinesAddUpToTheSummary()
    {
        await using var host = await TestHost.StartAsync();
        var client = await host.AsAsync("it.analyst");

        using var series = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/picture/series?from=2023-01&to=2023-08", UriKind.Relative)));
        using var summary = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/picture/summary?from=2023-01&to=2023-08", UriKind.Relative)));
        var lines = series.RootElement.GetProperty("series").EnumerateArray().ToList();
        var months = summary.RootElement.GetProperty("months").EnumerateArray().ToList();

        Assert.Equal(8, series.RootElement.GetProperty("months").GetArrayLength());
        Assert.All(lines, l => Assert.Equal(8, l.GetProperty("counts").GetArrayLength()));
        for (var i = 0; i < months.Count; i++)
        {
            Assert.Equal(months[i].GetProperty("count").GetInt64(), lines.Sum(l => l.GetProperty("counts")[i].GetInt64()));
        }
    }

    [Fact]
    public async Task Series_ByNationality_TopLinesAndTheRestAsOther()
    {
        await using var host = await TestHost.StartAsync();
        var client = await host.AsAsync("hub.analyst");

        using var doc = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/picture/series?from=2023-01&to=2023-08&route=Central%20Mediterranean&by=nationality&top=5", UriKind.Relative)));
        var keys = doc.RootElement.GetProperty("series").EnumerateArray().Select(l => l.GetProperty("key").GetString()).ToList();
        var total = doc.RootElement.GetProperty("series").EnumerateArray().Sum(l => l.GetProperty("total").GetInt64());

        Assert.Equal(6, keys.Count);
        Assert.Equal("Other", keys[^1]);
        Assert.Equal(114_872, total);
    }

    [Fact]
    public async Task PolicyOfficer_SmallCounts_AreHidden()
    {
        await using var host = await TestHost.StartAsync();
        var analyst = await host.AsAsync("hub.analyst");
        var officer = await host.AsAsync("policy.officer");
        const string path = "/api/v1/picture/series?from=2023-01&to=2023-03&by=nationality&top=50";

        using var full = JsonDocument.Parse(await analyst.GetStringAsync(new Uri(path, UriKind.Relative)));
        using var hidden = JsonDocument.Parse(await officer.GetStringAsync(new Uri(path, UriKind.Relative)));
        var small = SmallCells(full.RootElement).ToList();

        Assert.NotEmpty(small);
        Assert.False(full.RootElement.GetProperty("suppressed").GetBoolean());
        Assert.True(hidden.RootElement.GetProperty("suppressed").GetBoolean());
        Assert.Empty(SmallCells(hidden.RootElement));
        foreach (var (line, cell, _) in small)
        {
            Assert.Equal(JsonValueKind.Null, hidden.RootElement.GetProperty("series")[line].GetProperty("counts")[cell].ValueKind);
        }

        // The summary hides the same cell: a nationality's month with fewer than five detections.
        var (l, m, _) = small[0];
        var nationality = Uri.EscapeDataString(full.RootElement.GetProperty("series")[l].GetProperty("key").GetString()!);
        var month = full.RootElement.GetProperty("months")[m].GetString();
        var summaryPath = $"/api/v1/picture/summary?from={month}&to={month}&nationality={nationality}";
        using var summaryFull = JsonDocument.Parse(await analyst.GetStringAsync(new Uri(summaryPath, UriKind.Relative)));
        using var summaryHidden = JsonDocument.Parse(await officer.GetStringAsync(new Uri(summaryPath, UriKind.Relative)));
        Assert.InRange(summaryFull.RootElement.GetProperty("months")[0].GetProperty("count").GetInt64(), 1, 4);
        Assert.Equal(JsonValueKind.Null, summaryHidden.RootElement.GetProperty("months")[0].GetProperty("count").ValueKind);
        Assert.True(summaryHidden.RootElement.GetProperty("suppressed").GetBoolean());
    }

    [Fact]
    public async Task Alerts_Period_OneScanPerMonth()
    {
        await using var host = await TestHost.StartAsync();
        var client = await host.AsAsync("hub.analyst");

        using var doc = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/picture/alerts?from=2015-01&to=2015-12", UriKind.Relative)));
        var alerts = doc.RootElement.GetProperty("alerts").EnumerateArray().ToList();

        // 2015 is the Eastern Mediterranean and Western Balkan surge: the early warning must fire during it.
        Assert.NotEmpty(alerts);
        Assert.All(alerts, a => Assert.InRange(a.GetProperty("month").GetString()!, "2015-01", "2015-12"));
        Assert.All(alerts, a => Assert.True(a.GetProperty("score").GetDouble() > 0));
    }

    [Fact]
    public async Task Alerts_OneRouteAndNationality_SayWhyWithTheExpectedInterval()
    {
        await using var host = await TestHost.StartAsync();
        var client = await host.AsAsync("hub.analyst");

        using var doc = JsonDocument.Parse(await client.GetStringAsync(new Uri(
            "/api/v1/picture/alerts?from=2015-01&to=2015-12&route=Western%20Balkan%20Route&nationality=Syria", UriKind.Relative)));
        var alerts = doc.RootElement.GetProperty("alerts").EnumerateArray().ToList();

        Assert.NotEmpty(alerts);
        Assert.All(alerts, a => Assert.Equal(("Western Balkan Route", "Syria"), (a.GetProperty("route").GetString(), a.GetProperty("nationality").GetString())));
        var first = alerts[0];
        Assert.Equal("farrington", first.GetProperty("method").GetString());
        Assert.True(first.GetProperty("observed").GetInt64() > first.GetProperty("upper").GetDouble());
        Assert.Contains("expected", first.GetProperty("explanation").GetString(), StringComparison.Ordinal);
        Assert.NotEmpty(first.GetProperty("drivers").EnumerateArray());
    }

    [Fact]
    public async Task Alerts_SeasonalNaiveMethod_FlagsAtLeastTheSurgesTheRobustRuleFlags()
    {
        await using var host = await TestHost.StartAsync();
        var client = await host.AsAsync("hub.analyst");

        async Task<HashSet<string>> RoutesAsync(string method)
        {
            using var doc = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/picture/alerts?from=2015-01&to=2015-12&top=0&method=" + method, UriKind.Relative)));
            return doc.RootElement.GetProperty("alerts").EnumerateArray().Select(a => a.GetProperty("route").GetString()!).ToHashSet();
        }

        var robust = await RoutesAsync("robust");
        var naive = await RoutesAsync("seasonal-naive");

        // The naive rule is the more sensitive one (docs/early-warning.md): every route the robust rule flags in 2015, it flags too.
        Assert.NotEmpty(robust);
        Assert.Superset(robust, naive);
    }

    [Fact]
    public async Task Prices_Route_MonthlyIndexWithinThePeriod()
    {
        await using var host = await TestHost.StartAsync();
        var client = await host.AsAsync("hub.analyst");

        using var all = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/picture/prices?route=Central%20Mediterranean", UriKind.Relative)));
        var points = all.RootElement.EnumerateArray().ToList();
        var first = points.Min(p => p.GetProperty("month").GetString())!;
        using var one = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/v1/picture/prices?route=Central%20Mediterranean&from={first}&to={first}", UriKind.Relative)));

        Assert.NotEmpty(points);
        Assert.All(points, p => Assert.StartsWith("Central Mediterranean", p.GetProperty("route").GetString(), StringComparison.Ordinal));
        Assert.All(one.RootElement.EnumerateArray(), p => Assert.Equal(first, p.GetProperty("month").GetString()));
        Assert.InRange(one.RootElement.GetArrayLength(), 1, points.Count - 1);
    }

    [Fact]
    public async Task Chart_Period_IsSvg()
    {
        await using var host = await TestHost.StartAsync();
        var client = await host.AsAsync("policy.officer");

        var response = await client.GetAsync(new Uri("/api/v1/picture/chart.svg?from=2023-01&to=2023-08&route=Central%20Mediterranean", UriKind.Relative));
        var svg = System.Xml.Linq.XDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("svg", svg.Root!.Name.LocalName);
        Assert.Equal(8, svg.Descendants().Count(e => e.Name.LocalName == "rect" && e.Elements().Any(t => t.Name.LocalName == "title")));
    }

    private static IEnumerable<(int Line, int Month, long Count)> SmallCells(JsonElement series)
    {
        var lines = series.GetProperty("series");
        for (var l = 0; l < lines.GetArrayLength(); l++)
        {
            var counts = lines[l].GetProperty("counts");
            for (var m = 0; m < counts.GetArrayLength(); m++)
            {
                if (counts[m].ValueKind == JsonValueKind.Number && counts[m].GetInt64() is > 0 and < 5)
                {
                    yield return (l, m, counts[m].GetInt64());
                }
            }
        }
    }
}
