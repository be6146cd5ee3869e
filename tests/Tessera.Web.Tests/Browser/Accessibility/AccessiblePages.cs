using Microsoft.Playwright;

namespace Tessera.Web.Tests.Browser.Accessibility;

/// <summary>One page in one state that the accessibility checks visit: who signs in (null: nobody), the address, the element that
/// says the page is ready (tables filled, charts drawn), and what to do on it to reach the state (open a dialog, a view).</summary>
public sealed record AccessiblePage(string Name, string? User, string Path, string Ready, Func<IPage, Task>? Then = null)
{
    public override string ToString() => Name;
}

/// <summary>Every page of the web UI, for each role that sees a different one, in the states the browser tests reach.
/// A new page adds one line here; <see cref="AccessibilityTests"/> runs axe on each.</summary>
public static class AccessiblePages
{
    public static IReadOnlyList<AccessiblePage> All { get; } =
    [
        new("sign-in", null, "/signin", "#userName"),
        new("not-found, signed out", null, "/no-such-page", "[data-testid=error-page] h1"),
        new("home", "it.analyst", "/", "[data-testid=home]"),
        new("search results", "it.analyst", "/search?q=Mohammed%20Ali%20Hassan", "[data-testid=result]"),
        new("search, phone", "it.analyst", "/search?q=%2B218%2091%20234%205678", "[data-testid=result-count]"),
        new("hits", "it.analyst", "/hits?review=true", "[data-testid=hit-row]"),
        new("hits, filtered", "gr.analyst", "/hits?partner=DE", "[data-testid=hit-row]"),
        new("hit page", "it.analyst", "/hits?review=true", "[data-testid=hit-row]", page => OpenFirstHitAsync(page)),
        new("hit page, confirm dialog open", "it.analyst", "/hits?review=true", "[data-testid=hit-row]", async page =>
        {
            await OpenFirstHitAsync(page);
            await page.ClickAsync("[data-testid=confirm-match]");
            await page.WaitForSelectorAsync(".mud-dialog [data-testid=dialog-submit]");
        }),
        new("requests", "it.analyst", "/requests", "[data-testid=incoming], [data-testid=no-incoming]"),
        new("cases", "it.analyst", "/cases", "[data-testid=cases]"),
        new("case workspace", "it.analyst", "/cases/OP-ZUWARA", "[data-testid=case-contributions]", page =>
            page.WaitForSelectorAsync("[data-testid=case-link-chart] [data-testid=chart-canvas][data-layout=done]")),
        new("case, not a member", "de.analyst", "/cases/OP-ZUWARA", "[data-testid=not-found]"),
        new("entity", "it.analyst", "/entities/IT:it-p-002", "[data-testid=entity-values]"),
        new("import, first step", "mt.analyst", "/import", "[data-testid=step-file]"),
        new("network, no case chosen", "it.analyst", "/network", "[data-testid=choose-case]"),
        new("network, chart drawn", "it.analyst", "/network?case=OP-ZUWARA", "[data-testid=chart-canvas][data-layout=done]", async page =>
        {
            await page.Locator("[data-testid=ranked-node]").First.ClickAsync();
            await page.WaitForSelectorAsync("[data-testid=node-caption]");
        }),
        new("network, table view", "it.analyst", "/network?case=OP-ZUWARA", "[data-testid=chart-canvas][data-layout=done]", async page =>
        {
            await page.ClickAsync("[data-testid=table-view]");
            await page.WaitForSelectorAsync("[data-testid=node-table] tbody tr");
        }),
        new("dashboard, charts drawn", "policy.officer", "/dashboard", "[data-testid=arrivals-chart] svg text", page =>
            page.WaitForSelectorAsync("[data-testid=map] path.section")),
        new("dashboard, charts as tables", "policy.officer", "/dashboard", "[data-testid=arrivals-chart] svg text", async page =>
        {
            foreach (var figures in await page.Locator("details.chart-figures > summary").AllAsync())
            {
                await figures.ClickAsync();
            }
        }),
        new("dashboard, level editor open", "border.analyst", "/dashboard", "[data-testid=change-MT-SEA]", async page =>
        {
            await page.ClickAsync("[data-testid=change-MT-SEA]");
            await page.WaitForSelectorAsync("[data-testid=level-save]");
        }),
        new("sections, one chosen", "border.analyst", "/sections?code=GR-SEA", "[data-testid=section-name]", page =>
            page.WaitForSelectorAsync("[data-testid=map] path.section.focused")),
        new("reports, charts drawn", "policy.officer", "/reports?from=2025-01&to=2026-12", "[data-testid=indicator-chart] svg"),
        new("Barometer+ report, HTML", "policy.officer", "/reports?from=2025-01&to=2026-12", "[data-testid=download-html]", OpenHtmlReportAsync),
        new("audit trail", "auditor", "/audit", "[data-testid=entries]"),
        new("audit, chain verified", "auditor", "/audit", "[data-testid=entries]", async page =>
        {
            await page.ClickAsync("[data-testid=verify]");
            await page.WaitForSelectorAsync("[data-testid=verification]");
        }),
        new("administration, organisations", "admin", "/admin", "[data-testid=organisations]"),
        new("administration, users", "admin", "/admin/users", "[data-testid=users]"),
        new("administration, one user", "admin", "/admin/users/it.analyst", "[data-testid=user-caption]"),
        new("administration, cases", "admin", "/admin/cases", "[data-testid=admin-cases]"),
        new("not-found, signed in", "it.analyst", "/cases/nothing/here", "[data-testid=error-page] h1"),
    ];

    /// <summary>The names of <see cref="All"/>, as test cases.</summary>
    public static TheoryData<string> Names
    {
        get
        {
            var data = new TheoryData<string>();
            if (BrowserSession.Browsers.Count > 0)
            {
                foreach (var page in All)
                {
                    data.Add(page.Name);
                }
            }

            return data;
        }
    }

    public static AccessiblePage Named(string name) => All.Single(p => p.Name == name);

    /// <summary>Fetches the HTML report behind the page's download link with the page's session and opens the file as a
    /// reader would after downloading it.</summary>
    private static async Task OpenHtmlReportAsync(IPage page)
    {
        var href = await page.GetAttributeAsync("[data-testid=download-html]", "href");
        var response = await page.APIRequest.GetAsync(new Uri(new Uri(page.Url), href).AbsoluteUri);
        Assert.Equal(200, response.Status);
        var file = Path.Combine(Path.GetTempPath(), "tessera-browser-tests", Guid.NewGuid().ToString("N") + ".html");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllBytesAsync(file, await response.BodyAsync());
        await page.GotoAsync(new Uri(file).AbsoluteUri);
        await page.WaitForSelectorAsync("#methodology");
    }

    private static async Task OpenFirstHitAsync(IPage page)
    {
        await page.Locator("[data-testid=hit-row] [data-testid=hit-kind]").First.ClickAsync();
        await page.WaitForSelectorAsync("[data-testid=hit-actions]");
    }
}
