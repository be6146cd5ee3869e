using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Tessera.Web.Tests.Browser;

/// <summary>The Reports area: the policy officer lands on the Barometer+, reads the indicators with their trend, the
/// comparison per organisation and the action tracker, chooses a period and downloads the report; an analyst is refused.</summary>
[Collection(BrowserSerial.Name)]
public sealed class ReportsJourneyTests(DemoServer server)
{
    private const string Link = "https://home-affairs.ec.europa.eu/policies/schengen-borders-and-visa/schengen-area_en";

    [Theory]
    [MemberData(nameof(BrowserSession.Browsers), MemberType = typeof(BrowserSession))]
    public async Task PolicyOfficer_LandsOnReports_ChoosesAPeriodAndOpensEveryDownload(string browser)
    {
        Assert.Equal("chromium", browser);
        await using var session = await server.NewSessionAsync();
        var page = session.Page;
        await session.SignInAsync("policy.officer");
        await page.WaitForURLAsync(session.BaseUrl + "/reports");
        await page.WaitForSelectorAsync("[data-testid=indicators] tbody tr");
        Assert.Equal("Schengen Barometer+", (await page.InnerTextAsync("[data-testid=reports-heading]")).Trim());
        Assert.Contains("nav-reports", await MenuAsync(page));

        // The officer's organisation records its progress on the closing action; the tracker shows it with its evidence.
        var set = await page.APIRequest.PutAsync(session.BaseUrl + "/api/v1/actions/EU-HUB/C.1", new()
        {
            DataObject = new { status = "under-way", evidence = new[] { Link }, note = "first Barometer+ computed from Tessera" },
        });
        Assert.True(set.Ok, set.StatusText + " " + await set.TextAsync());

        // A period chosen in the form is the page's address, and every figure and download follows it.
        await page.FillAsync("#report-from", "2025-01");
        await page.FillAsync("#report-to", "2026-12");
        await page.ClickAsync("[data-testid=report-period] button[type=submit]");
        await page.WaitForURLAsync(new Regex(@"/reports\?from=2025-01&to=2026-12$"));
        await page.WaitForSelectorAsync("[data-testid=indicator-chart] svg");
        await session.ScreenshotAsync("reports-01-barometer");

        var period = await page.InnerTextAsync("main");
        Assert.Contains("Period 2025-01 to 2026-12, compared with 2023-01 to 2024-12", period, StringComparison.Ordinal);

        // The indicators, each with a trend: an arrow and a percentage, or "–" where there is nothing to compare.
        var indicators = await page.Locator("[data-testid=indicators] tbody tr td:first-child").AllInnerTextsAsync();
        Assert.Contains("Contributions shared", indicators);
        Assert.Contains("Detections of irregular crossings", indicators);
        var trends = await page.Locator("[data-testid=indicators] [data-testid=trend]").AllInnerTextsAsync();
        Assert.Equal(indicators.Count, trends.Count);
        Assert.All(trends, t => Assert.Matches(@"^(▲ \+[0-9.]+ %|▼ -[0-9.]+ %|= 0 %|–)$", t.Trim()));
        Assert.Contains(trends, t => t.Trim() != "–");

        // One column per organisation; a count under the threshold reads "suppressed", never a number from 1 to 4.
        var columns = await page.Locator("[data-testid=comparison] thead th").AllInnerTextsAsync();
        Assert.Equal("Indicator", columns[0].Trim());
        Assert.Contains("IT", columns.Select(c => c.Trim()));
        Assert.Contains("GR", columns.Select(c => c.Trim()));
        var counts = await page.Locator("[data-testid=comparison] tbody tr").EvaluateAllAsync<string[]>(
            "rs => rs.filter(r => r.cells[0].textContent.trim() === 'Contributions shared').flatMap(r => [...r.cells].slice(1).map(c => c.textContent.trim()))");
        Assert.Equal(columns.Count - 1, counts.Length);
        Assert.All(counts, c => Assert.Matches("^(0|[5-9]|[1-9][0-9]+|suppressed)$", c));

        // The action tracker: the status just set, with its evidence.
        var tracked = await page.InnerTextAsync("[data-testid=actions] tbody");
        Assert.Contains("C.1", tracked, StringComparison.Ordinal);
        Assert.Contains("EU-HUB", tracked, StringComparison.Ordinal);
        Assert.Contains("under-way", tracked, StringComparison.Ordinal);
        Assert.Contains(Link, tracked, StringComparison.Ordinal);

        // Every chart on the page has the table of its numbers beside it, the same lines in the same order.
        foreach (var figure in await page.Locator("figure.indicator-figure").AllAsync())
        {
            var bars = await figure.Locator("svg > text").AllTextContentsAsync();
            var rows = await figure.Locator("tbody tr td:first-child").AllInnerTextsAsync();
            Assert.NotEmpty(rows);
            Assert.All(rows, r => Assert.Contains(r.Trim(), bars));
        }

        await OpensTheHtmlReportAsync(session);
        await AnswersAsync(session, "pdf", "application/pdf", "%PDF-");
        await AnswersAsync(session, "csv", "text/csv", "key,");
    }

    [Theory]
    [MemberData(nameof(BrowserSession.Browsers), MemberType = typeof(BrowserSession))]
    public async Task Analyst_HasNoReportsEntry_AndIsRefusedAtReports(string browser)
    {
        Assert.Equal("chromium", browser);
        await using var session = await server.NewSessionAsync();
        await session.SignInAsync("it.analyst");
        await session.Page.WaitForSelectorAsync("[data-testid=nav-hits]");

        Assert.DoesNotContain("nav-reports", await MenuAsync(session.Page));
        await session.Page.GotoAsync(session.BaseUrl + "/reports");
        Assert.Contains("Reports are for policy officers", await session.Page.InnerTextAsync("[data-testid=reports-refused]"), StringComparison.Ordinal);
        Assert.Equal(0, await session.Page.Locator("[data-testid=indicators], [data-testid=download-html]").CountAsync());

        // The download behind the page refuses the analyst too.
        var report = await session.Page.APIRequest.GetAsync(session.BaseUrl + "/api/v1/reports/barometer?from=2025-01&to=2026-12&format=html");
        Assert.Equal(403, report.Status);
    }

    /// <summary>Downloads the HTML report from its link and opens the file in the browser: its chapters, a chart and its table.</summary>
    private static async Task OpensTheHtmlReportAsync(BrowserSession session)
    {
        var download = await session.Page.RunAndWaitForDownloadAsync(() => session.Page.ClickAsync("[data-testid=download-html]"));
        Assert.Equal("barometer-2025-01-2026-12.html", download.SuggestedFilename);
        var file = Path.Combine(Path.GetTempPath(), "tessera-browser-tests", Guid.NewGuid().ToString("N") + ".html");
        await download.SaveAsAsync(file);

        var report = await session.Page.Context.NewPageAsync();
        await report.GotoAsync(new Uri(file).AbsoluteUri);
        Assert.Equal("Schengen Barometer+", await report.InnerTextAsync("h1"));
        var chapters = await report.Locator("h2").AllInnerTextsAsync();
        Assert.Equal("Chapter I — Information sharing, the joint picture and systematic checks", chapters[0]);
        Assert.Equal("Appendix — Methodology", chapters[^1]);
        Assert.Contains("Period: 2025-01 to 2026-12", await report.InnerTextAsync("main > p"), StringComparison.Ordinal);

        // A chart drawn (not an empty box) with the table of its numbers beside it in the same figure.
        var figure = report.Locator("figure:has(svg rect[fill='#2b6cb0'])").First;
        var box = await figure.Locator("svg").BoundingBoxAsync();
        Assert.True(box is { Width: > 100, Height: > 50 }, "the chart is drawn");
        Assert.NotEmpty(await figure.Locator("table caption").AllInnerTextsAsync());
        Assert.True(await figure.Locator("table tbody tr").CountAsync() > 0);
        var title = await figure.Locator("svg > title").TextContentAsync();
        Assert.StartsWith(title!, await figure.Locator("table caption").InnerTextAsync(), StringComparison.Ordinal);
        await report.ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.ScreenshotFolder, "reports-02-html.png") });
        await report.CloseAsync();
    }

    /// <summary>The download link of <paramref name="format"/> answers with that kind of file for the period chosen.</summary>
    private static async Task AnswersAsync(BrowserSession session, string format, string contentType, string start)
    {
        var href = await session.Page.GetAttributeAsync($"[data-testid=download-{format}]", "href");
        Assert.Equal($"/api/v1/reports/barometer?from=2025-01&to=2026-12&format={format}", href);
        var response = await session.Page.APIRequest.GetAsync(session.BaseUrl + href);

        Assert.Equal(200, response.Status);
        Assert.StartsWith(contentType, response.Headers["content-type"], StringComparison.Ordinal);
        var body = await response.BodyAsync();
        Assert.StartsWith(start, System.Text.Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 64)).TrimStart('\uFEFF'), StringComparison.Ordinal);
    }

    private static Task<string[]> MenuAsync(IPage page) =>
        page.Locator("[data-testid=main-menu] [data-testid^=nav-]").EvaluateAllAsync<string[]>("es => es.map(e => e.getAttribute('data-testid'))");
}
