using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Tessera.Web.Tests.Browser;

/// <summary>The everyday screens: each role's menu and landing page, European dates, search that keeps its query in the
/// address and finds a phone in any form, and the dashboard on the latest complete months with prices and daily arrivals.</summary>
[Collection(BrowserSerial.Name)]
public sealed partial class ScreensJourneyTests(DemoServer server)
{
    [Theory]
    [InlineData("it.analyst", "/", "nav-hits")]
    [InlineData("policy.officer", "/reports", "nav-reports")]
    [InlineData("auditor", "/audit", "nav-audit")]
    public async Task SignIn_EachRole_LandsOnItsPageAndSeesOnlyItsMenu(string user, string landing, string ownItem)
    {
        if (BrowserSession.Browsers.Count == 0)
        {
            return;
        }

        await using var session = await server.NewSessionAsync();
        await session.SignInAsync(user);
        await session.Page.WaitForURLAsync(session.BaseUrl + landing);
        await session.Page.WaitForSelectorAsync($"[data-testid={ownItem}]");
        await session.ScreenshotAsync("screens-landing-" + user.Replace('.', '-'));

        var menu = await MenuAsync(session.Page);
        if (user == "it.analyst")
        {
            Assert.All(CaseWork, item => Assert.Contains(item, menu));
            Assert.DoesNotContain("nav-audit", menu);
            Assert.DoesNotContain("nav-admin", menu);
        }
        else
        {
            Assert.All(CaseWork, item => Assert.DoesNotContain(item, menu));
            Assert.DoesNotContain("nav-import", menu);
            Assert.DoesNotContain("nav-admin", menu);
        }
    }

    [Theory]
    [MemberData(nameof(BrowserSession.Browsers), MemberType = typeof(BrowserSession))]
    public async Task SignIn_Administrator_LandsOnAdministrationWithNoCaseWorkInTheMenu(string browser)
    {
        Assert.Equal("chromium", browser);
        await using var session = await server.NewSessionAsync();
        var page = session.Page;

        // The administration pages are their own area: the landing is checked by address alone.
        await page.GotoAsync(session.BaseUrl + "/signin");
        await page.FillAsync("#userName", "admin");
        await page.FillAsync("#password", "tessera-demo-2026");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(session.BaseUrl + "/admin");
        await page.GotoAsync(session.BaseUrl + "/dashboard");
        await page.WaitForSelectorAsync("[data-testid=nav-admin]");

        var menu = await MenuAsync(page);
        Assert.Contains("nav-dashboard", menu);
        Assert.All(CaseWork, item => Assert.DoesNotContain(item, menu));
        Assert.DoesNotContain("nav-audit", menu);
    }

    private static readonly string[] CaseWork = ["nav-home", "nav-search", "nav-hits", "nav-requests", "nav-cases", "nav-network"];

    private static Task<string[]> MenuAsync(IPage page) =>
        page.Locator("[data-testid=main-menu] [data-testid^=nav-]").EvaluateAllAsync<string[]>("es => es.map(e => e.getAttribute('data-testid'))");

    [Theory]
    [MemberData(nameof(BrowserSession.Browsers), MemberType = typeof(BrowserSession))]
    public async Task Cases_PolicyOfficer_IsToldWhereItsWorkIsNotThatItsOrganisationIsInNoCase(string browser)
    {
        Assert.Equal("chromium", browser);
        await using var session = await server.NewSessionAsync();
        await session.SignInAsync("policy.officer");
        await session.Page.GotoAsync(session.BaseUrl + "/cases");
        var text = await (await session.Page.WaitForSelectorAsync("[data-testid=no-cases]"))!.InnerTextAsync();

        Assert.DoesNotContain("not a member", text, StringComparison.Ordinal);
        Assert.Contains("Barometer+ reports", text, StringComparison.Ordinal);
        Assert.Equal("/reports", await session.Page.GetAttributeAsync("[data-testid=landing-link]", "href"));
    }

    [Theory]
    [InlineData("en-GB")]
    [InlineData("en-US")]
    public async Task Hits_BrowserInEnglish_ShowsDatesDayFirst(string locale)
    {
        if (BrowserSession.Browsers.Count == 0)
        {
            return;
        }

        await using var session = await server.NewSessionAsync(locale);
        await session.SignInAsync("it.analyst");
        await session.Page.GotoAsync(session.BaseUrl + "/hits?review=true");
        await session.Page.WaitForSelectorAsync("[data-testid=hit-row]");
        var latest = await session.Page.Locator("[data-testid=hit-row] td:nth-child(8)").AllInnerTextsAsync();

        Assert.NotEmpty(latest);
        // The demo's hits are created now (December): a month-first date would put 12 before the day.
        Assert.All(latest, t => Assert.Matches(DayFirst(), t.Trim()));
        var today = DateTime.UtcNow;
        Assert.Contains(latest, t => t.StartsWith(today.ToString("dd'/'MM'/'yyyy", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(BrowserSession.Browsers), MemberType = typeof(BrowserSession))]
    public async Task Search_QueryInTheAddress_BackAndReloadShowTheSameResultsThatTellNamesakesApart(string browser)
    {
        Assert.Equal("chromium", browser);
        await using var session = await server.NewSessionAsync();
        var page = session.Page;
        await session.SignInAsync("it.analyst");

        await page.FillAsync("[data-testid=search-box] input, input[data-testid=search-box]", "Mohammed Ali Hassan");
        await page.ClickAsync("[data-testid=search-button]");
        await page.WaitForURLAsync(new Regex("/search\\?q=Mohammed"));
        await page.WaitForSelectorAsync("[data-testid=result]");
        await session.ScreenshotAsync("screens-search");
        var first = await page.Locator("[data-testid=result]").AllInnerTextsAsync();
        var searchUrl = page.Url;

        // Namesakes differ by what the row shows: birth date, nationality, provider, why it matched.
        var named = first.Where(r => r.Contains("Mohammed Ali Hassan", StringComparison.Ordinal)).ToList();
        Assert.True(named.Count >= 2, "the demo holds several records named Mohammed Ali Hassan");
        Assert.Equal(named.Count, named.Distinct(StringComparer.Ordinal).Count());
        Assert.All(named, r => Assert.Contains("contains", r, StringComparison.Ordinal));

        await page.Locator("[data-testid=result] a[href^='/entities/']").First.ClickAsync();
        await page.WaitForSelectorAsync("[data-testid=entity-caption]");
        await page.GoBackAsync();
        await page.WaitForURLAsync(searchUrl);
        await page.WaitForSelectorAsync("[data-testid=result]");
        Assert.Equal(first, await page.Locator("[data-testid=result]").AllInnerTextsAsync());

        await page.ReloadAsync();
        await page.WaitForSelectorAsync("[data-testid=result]");
        Assert.Equal(first, await page.Locator("[data-testid=result]").AllInnerTextsAsync());
        Assert.Equal("Mohammed Ali Hassan", await page.InputValueAsync("[data-testid=search-box] input, input[data-testid=search-box]"));
    }

    [Theory]
    [MemberData(nameof(BrowserSession.Browsers), MemberType = typeof(BrowserSession))]
    public async Task Search_PhoneInZeroZeroForm_FindsWhatThePlusFormFinds(string browser)
    {
        Assert.Equal("chromium", browser);
        await using var session = await server.NewSessionAsync();
        var page = session.Page;
        await session.SignInAsync("it.analyst");

        async Task<IReadOnlyList<string>> IdsAsync(string query)
        {
            await page.GotoAsync(session.BaseUrl + "/search?q=" + Uri.EscapeDataString(query));
            await page.WaitForSelectorAsync("[data-testid=result-count]");
            return (await page.Locator("[data-testid=result] a[href^='/entities/']").EvaluateAllAsync<string[]>("es => es.map(e => e.getAttribute('href'))"))
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        }

        var plus = await IdsAsync("+218 91 234 5678");
        var zeroZero = await IdsAsync("00218912345678");
        await session.ScreenshotAsync("screens-search-phone");

        Assert.NotEmpty(plus);
        Assert.Equal(plus, zeroZero);
        Assert.Contains("same number", await page.InnerTextAsync("[data-testid=results]"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BrowserSession.Browsers), MemberType = typeof(BrowserSession))]
    public async Task Search_CallRecord_NamesItsCallerAndReceiverNotTheirIds(string browser)
    {
        Assert.Equal("chromium", browser);
        await using var session = await server.NewSessionAsync();
        var page = session.Page;
        await session.SignInAsync("it.analyst");

        await page.GotoAsync(session.BaseUrl + "/search?q=" + Uri.EscapeDataString("+218 91 234 5678") + "&schema=Call");
        await page.WaitForSelectorAsync("[data-testid=result-linked] [data-testid=linked]");
        var linked = await page.Locator("[data-testid=result-linked]").AllInnerTextsAsync();

        Assert.Contains(linked, l => l.Contains("caller", StringComparison.Ordinal) || l.Contains("receiver", StringComparison.Ordinal));
        Assert.DoesNotContain(linked, l => Regex.IsMatch(l, "(caller|receiver): IT:"));
    }

    [Theory]
    [MemberData(nameof(BrowserSession.Browsers), MemberType = typeof(BrowserSession))]
    public async Task Dashboard_OpensOnTheLatestCompleteMonthsWithPricesAndDailyArrivalsDrawn(string browser)
    {
        Assert.Equal("chromium", browser);
        await using var session = await server.NewSessionAsync();
        var page = session.Page;
        await session.SignInAsync("policy.officer");
        await page.WaitForURLAsync(session.BaseUrl + "/reports");
        await page.ClickAsync("[data-testid=nav-dashboard]");
        await page.WaitForURLAsync(session.BaseUrl + "/dashboard");
        await page.WaitForSelectorAsync("[data-testid=chart] svg");
        await page.WaitForSelectorAsync("[data-testid=price-chart] svg text");
        await page.WaitForSelectorAsync("[data-testid=arrivals-chart] svg text");
        await session.ScreenshotAsync("screens-dashboard");

        // The FRAN data of 3 June 2025 is complete up to April 2025: twelve months up to it, not a fixed 2023 range.
        Assert.Equal("2024-05", await page.InputValueAsync("[data-testid=from] input, input[data-testid=from]"));
        Assert.Equal("2025-04", await page.InputValueAsync("[data-testid=to] input, input[data-testid=to]"));
        Assert.Contains("Apr 2025", await page.InnerTextAsync("[data-testid=latest-complete]"), StringComparison.Ordinal);
        Assert.DoesNotContain("−", await page.InnerTextAsync("[data-testid=total]"), StringComparison.Ordinal);

        // Both new charts are drawn, with their figures beside them.
        Assert.Contains("Median advertised price", string.Join(" ", await page.Locator("[data-testid=price-chart] svg text").AllTextContentsAsync()), StringComparison.Ordinal);
        Assert.True(await page.Locator("[data-testid=prices] tbody tr").CountAsync() >= 2);
        Assert.Contains("Daily sea arrivals", string.Join(" ", await page.Locator("[data-testid=arrivals-chart] svg text").AllTextContentsAsync()), StringComparison.Ordinal);
        Assert.Equal(6, await page.Locator("[data-testid=arrivals] tbody tr").CountAsync());

        // A period running into an incomplete month marks it and leaves it undrawn.
        await page.GotoAsync(session.BaseUrl + "/dashboard?from=2025-01&to=2025-06");
        await page.WaitForSelectorAsync("[data-testid=incomplete]");
        // The chart draws after the page: wait until its description speaks of the period asked for.
        await page.WaitForFunctionAsync("() => (document.querySelector('[data-testid=chart]')?.getAttribute('aria-label') ?? '').includes('Jun 2025')");
        var description = await page.GetAttributeAsync("[data-testid=chart]", "aria-label") ?? "";
        Assert.Contains("Jun 2025 incomplete", description, StringComparison.Ordinal);
        Assert.DoesNotContain("Jun 2025 0", description, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^(0[1-9]|[12][0-9]|3[01])/(0[1-9]|1[0-2])/20[0-9]{2} [0-2][0-9]:[0-5][0-9] UTC$")]
    private static partial Regex DayFirst();
}
