using Microsoft.Playwright;

namespace Tessera.Web.Tests.Browser;

/// <summary>The joint situational picture: the dashboard's charts and map, and the border sections with their history.</summary>
[Collection(BrowserSerial.Name)]
public sealed class PictureJourneyTests(DemoServer server)
{
    private const string TimeSeries = "[data-testid=chart]";

    [Theory]
    [MemberData(nameof(BrowserSession.Browsers), MemberType = typeof(BrowserSession))]
    public async Task Dashboard_JanuaryToAugust2023_ShowsTheCentralMediterraneanSurgeOnTheChart(string browser)
    {
        Assert.Equal("chromium", browser);
        await using var session = await server.NewSessionAsync();

        await session.SignInAsync("border.analyst");
        await session.Page.GotoAsync(session.BaseUrl + "/dashboard?from=2023-01&to=2023-08");
        await session.Page.WaitForSelectorAsync(TimeSeries + " svg text:has-text('Central Mediterranean')");
        await session.Page.WaitForSelectorAsync("[data-testid=route-change-chart] svg text:has-text('114,872')");
        await session.Page.WaitForSelectorAsync("[data-testid=map] path.section");
        await session.ScreenshotAsync("picture-01-dashboard");

        // The figures as text (the accessible alternative) …
        var total = await session.Page.InnerTextAsync("[data-testid=total]");
        Assert.Contains("230,912", total, StringComparison.Ordinal);
        Assert.Contains("+20.3%", total, StringComparison.Ordinal);
        var routes = await session.Page.InnerTextAsync("[data-testid=routes]");
        Assert.Contains("114,872", routes, StringComparison.Ordinal);
        Assert.Contains("+96.8%", routes, StringComparison.Ordinal);

        // … and on the ECharts SVG: one chart, the route in its legend, the period's figures in its subtitle and its aria description.
        Assert.Equal(1, await session.Page.Locator(TimeSeries + " svg").CountAsync());
        var chartText = await SvgTextAsync(session.Page, TimeSeries);
        Assert.Contains("Central Mediterranean", chartText, StringComparison.Ordinal);
        Assert.Contains("230,912 detections, +20.3%", chartText, StringComparison.Ordinal);
        var description = await session.Page.GetAttributeAsync(TimeSeries, "aria-label") ?? "";
        Assert.Contains("Central Mediterranean", description, StringComparison.Ordinal);
        Assert.Contains("230,912", description, StringComparison.Ordinal);
        Assert.Contains("114,872 · +96.8%", await SvgTextAsync(session.Page, "[data-testid=route-change-chart]"), StringComparison.Ordinal);
        Assert.Contains("Syria", await SvgTextAsync(session.Page, "[data-testid=nationality-chart]"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BrowserSession.Browsers), MemberType = typeof(BrowserSession))]
    public async Task Dashboard_RouteFilter_ChartsOnlyThatRoute(string browser)
    {
        Assert.Equal("chromium", browser);
        await using var session = await server.NewSessionAsync();
        var page = session.Page;

        await session.SignInAsync("border.analyst");
        await page.GotoAsync(session.BaseUrl + "/dashboard?from=2023-01&to=2023-08");
        await page.WaitForSelectorAsync(TimeSeries + " svg text:has-text('Western Balkan')");
        await page.ClickAsync(".route-filter");
        await page.ClickAsync(".mud-popover-open .mud-list-item:has-text('Central Mediterranean Route')");
        await page.WaitForSelectorAsync("[data-testid=total]:has-text('114,872')");
        await page.WaitForFunctionAsync("() => !document.querySelector('[data-testid=chart] svg').textContent.includes('Western Balkan')");

        Assert.Contains("+96.8%", await page.InnerTextAsync("[data-testid=total]"), StringComparison.Ordinal);
        var chartText = await SvgTextAsync(page, TimeSeries);
        Assert.Contains("Central Mediterranean", chartText, StringComparison.Ordinal);
        Assert.Contains("114,872 detections, +96.8%", chartText, StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("[data-testid=routes] tbody tr").CountAsync());

        // One route: the early warning's expected band is drawn behind it, in the legend and in the chart's description.
        Assert.Contains("Expected (farrington interval)", chartText, StringComparison.Ordinal);
        Assert.Contains("Expected (farrington interval):", await page.GetAttributeAsync(TimeSeries, "aria-label") ?? "", StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BrowserSession.Browsers), MemberType = typeof(BrowserSession))]
    public async Task Dashboard_Map_DrawsCountriesAndSectionsColouredByLevel(string browser)
    {
        Assert.Equal("chromium", browser);
        await using var session = await server.NewSessionAsync();

        await session.SignInAsync("border.analyst");
        await session.Page.GotoAsync(session.BaseUrl + "/dashboard");
        await session.Page.WaitForSelectorAsync("[data-testid=map] path.section");

        Assert.True(await session.Page.Locator("[data-testid=map] path.land").CountAsync() > 100);
        Assert.True(await session.Page.Locator("[data-testid=map] path.route").CountAsync() >= 4);
        var sections = await session.Page.Locator("[data-testid=map] path.section").CountAsync();
        var byLevel = 0;
        foreach (var level in new[] { "low", "medium", "high", "critical" })
        {
            byLevel += await session.Page.Locator($"[data-testid=map] path.section.level-{level}").CountAsync();
            Assert.Equal(1, await session.Page.Locator($"[data-testid=map-legend] [data-level={level}]").CountAsync());
        }

        Assert.Equal(sections, byLevel);
        Assert.Equal(await session.Page.Locator("[data-testid=sections] tbody tr").CountAsync(), sections);
        Assert.Equal(1, await session.Page.Locator("[data-testid=map] path.section[data-section=MT-SEA]").CountAsync());
        // The map's chunk (Leaflet and the atlas) was fetched for this page, on first use.
        var resources = await session.Page.EvaluateAsync<string[]>("() => performance.getEntriesByType('resource').map(e => e.name)");
        Assert.Contains(resources, r => r.Contains("/dist/chunks/map-", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(BrowserSession.Browsers), MemberType = typeof(BrowserSession))]
    public async Task Dashboard_BorderAnalyst_ChangesASectionLevelWithAReason(string browser)
    {
        Assert.Equal("chromium", browser);
        await using var session = await server.NewSessionAsync();

        await session.SignInAsync("border.analyst");
        await session.Page.ClickAsync("text=Situational picture");
        await session.Page.ClickAsync("[data-testid=change-MT-SEA]");
        Assert.True(await session.Page.IsDisabledAsync("[data-testid=level-save]"));
        await session.Page.FillAsync("[data-testid=level-reason] input, input[data-testid=level-reason]", "departures from western Libya doubled in a month");
        await session.Page.ClickAsync("[data-testid=level-save]");
        await session.Page.WaitForSelectorAsync("text=departures from western Libya doubled in a month");
        await session.ScreenshotAsync("08-section-level");

        Assert.Contains("departures from western Libya doubled in a month", await session.Page.InnerTextAsync("[data-testid=sections]"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BrowserSession.Browsers), MemberType = typeof(BrowserSession))]
    public async Task Dashboard_Analyst_MayNotChangeLevels(string browser)
    {
        Assert.Equal("chromium", browser);
        await using var session = await server.NewSessionAsync();

        await session.SignInAsync("it.analyst");
        await session.Page.ClickAsync("text=Situational picture");
        await session.Page.WaitForSelectorAsync("[data-testid=sections]");

        Assert.Equal(0, await session.Page.Locator("[data-testid=change-MT-SEA]").CountAsync());
    }

    [Theory]
    [MemberData(nameof(BrowserSession.Browsers), MemberType = typeof(BrowserSession))]
    public async Task Dashboard_LatestHits_ShowTheOrganisationsHitsAsTheInboxDoes(string browser)
    {
        Assert.Equal("chromium", browser);
        await using var session = await server.NewSessionAsync();

        await session.SignInAsync("gr.analyst");
        await session.Page.GotoAsync(session.BaseUrl + "/dashboard");
        await session.Page.WaitForSelectorAsync("[data-testid=latest-hits]");
        var rows = await session.Page.Locator("[data-testid=latest-hits] tbody tr").CountAsync();
        var ownRecords = await session.Page.Locator("[data-testid=latest-hits] tbody tr td:nth-child(4) a[href^='/entities/']")
            .EvaluateAllAsync<string[]>("es => es.map(e => e.getAttribute('href'))");
        // The inbox groups hits and hides the review band unless asked: with it, every record of the latest hits has its row.
        await session.Page.GotoAsync(session.BaseUrl + "/hits?review=true");
        await session.Page.WaitForSelectorAsync("[data-testid=hits]");
        var inbox = await session.Page.Locator("[data-testid=hits] [data-testid=hit-mine]").EvaluateAllAsync<string[]>("es => es.map(e => e.getAttribute('href'))");

        Assert.InRange(rows, 1, 5);
        Assert.Equal(rows, ownRecords.Length);
        Assert.All(ownRecords, r => Assert.Contains(r, inbox));
    }

    [Theory]
    [MemberData(nameof(BrowserSession.Browsers), MemberType = typeof(BrowserSession))]
    public async Task Sections_LevelChange_ShowsInTheHistoryWithItsReasonAndOnTheMap(string browser)
    {
        Assert.Equal("chromium", browser);
        await using var session = await server.NewSessionAsync();
        var page = session.Page;
        var reason = "sea arrivals rose sharply, check " + Guid.NewGuid().ToString("N")[..8];

        await session.SignInAsync("border.analyst");
        await page.ClickAsync("text=Border sections");
        await page.ClickAsync("[data-testid=select-GR-SEA]");
        await page.WaitForSelectorAsync("[data-testid=section-name]:has-text('Greece')");
        await page.WaitForSelectorAsync("[data-testid=map] path.section.focused[data-section=GR-SEA]");
        var level = (await page.InnerTextAsync("[data-testid=current-level]")).Trim() == "critical" ? "high" : "critical";

        await page.ClickAsync("[data-testid=change-GR-SEA]");
        await page.ClickAsync("[data-section=GR-SEA] .mud-select");
        await page.ClickAsync($".mud-popover-open .mud-list-item:has-text('{level}')");
        await page.FillAsync("[data-testid=level-reason] input, input[data-testid=level-reason]", reason);
        await page.ClickAsync("[data-testid=level-save]");
        await page.WaitForSelectorAsync($"[data-testid=history] td:has-text('{reason}')");
        await page.WaitForSelectorAsync($"[data-testid=map] path.section.level-{level}.focused[data-section=GR-SEA]");
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await session.ScreenshotAsync("picture-02-sections");

        var history = await page.InnerTextAsync("[data-testid=history]");
        Assert.Contains(reason, history, StringComparison.Ordinal);
        Assert.Contains("→ " + level, history, StringComparison.Ordinal);
        Assert.Contains("border.analyst", history, StringComparison.Ordinal);
        Assert.Equal(level, (await page.InnerTextAsync("[data-testid=current-level]")).Trim());
        Assert.Equal(level, (await page.InnerTextAsync("[data-testid=level-GR-SEA]")).Trim());
    }

    [Theory]
    [MemberData(nameof(BrowserSession.Browsers), MemberType = typeof(BrowserSession))]
    public async Task Sections_Analyst_SeesHistoryButNoEditControl(string browser)
    {
        Assert.Equal("chromium", browser);
        await using var session = await server.NewSessionAsync();

        await session.SignInAsync("it.analyst");
        await session.Page.GotoAsync(session.BaseUrl + "/sections?code=IT-SEA");
        await session.Page.WaitForSelectorAsync("[data-testid=section-name]");

        Assert.Equal(0, await session.Page.Locator("[data-testid=sections] button:has-text('Change')").CountAsync());
        Assert.True(await session.Page.Locator("[data-testid=sections] tbody tr").CountAsync() > 10);
    }

    private static async Task<string> SvgTextAsync(IPage page, string container) =>
        string.Join("\n", await page.Locator(container + " svg text").AllTextContentsAsync());
}
