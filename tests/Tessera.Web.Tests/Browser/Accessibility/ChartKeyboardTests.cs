using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Tessera.Web.Tests.Browser.Accessibility;

/// <summary>The link chart and the map without a mouse and without sight: a keyboard mode that moves between nodes and
/// ties (sections on the map) and says where it is, and a table view with the same nodes and ties.</summary>
[Collection(BrowserSerial.Name)]
public sealed partial class ChartKeyboardTests(DemoServer server)
{
    [Theory]
    [MemberData(nameof(BrowserSession.Browsers), MemberType = typeof(BrowserSession))]
    public async Task LinkChart_ArrowKeysAndEnter_MoveBetweenNodesAlongTiesAndAnnounceThem(string browser)
    {
        Assert.Equal("chromium", browser);
        await using var session = await server.NewSessionAsync();
        var page = session.Page;
        await session.SignInAsync("it.analyst");
        await page.GotoAsync(session.BaseUrl + "/network?case=OP-ZUWARA");
        await page.WaitForSelectorAsync("[data-testid=chart-canvas][data-layout=done]");
        var nodes = int.Parse(await page.InnerTextAsync("[data-testid=node-count]"), CultureInfo.InvariantCulture);

        await page.FocusAsync("[data-testid=chart-canvas]");
        await page.Keyboard.PressAsync("ArrowRight");
        var first = await AnnouncedAsync(page, "Node 1 of " + nodes.ToString(CultureInfo.InvariantCulture) + ".");
        var firstCaption = (await page.InnerTextAsync("[data-testid=node-caption]")).Trim();
        Assert.StartsWith(firstCaption + ",", first, StringComparison.Ordinal);
        // The strongest lead comes first, as in the list of leads.
        Assert.Equal(firstCaption, (await page.Locator("[data-testid=ranked-node] bdi").First.InnerTextAsync()).Trim());

        await page.Keyboard.PressAsync("ArrowRight");
        await AnnouncedAsync(page, "Node 2 of ");
        Assert.NotEqual(firstCaption, (await page.InnerTextAsync("[data-testid=node-caption]")).Trim());
        await page.Keyboard.PressAsync("ArrowLeft");
        await AnnouncedAsync(page, "Node 1 of ");

        // Down walks the ties of the node; Enter follows the tie to the node at its other end.
        await page.Keyboard.PressAsync("ArrowDown");
        var tie = await AnnouncedAsync(page, "Enter goes to ");
        Assert.StartsWith("Tie 1 of ", tie, StringComparison.Ordinal);
        Assert.Contains("of " + firstCaption + ":", tie, StringComparison.Ordinal);
        var other = EnterGoesTo().Match(tie).Groups[1].Value;
        await page.Keyboard.PressAsync("Enter");
        await AnnouncedAsync(page, other + ",");
        await Assertions.Expect(page.Locator("[data-testid=node-caption]")).ToHaveTextAsync(other);

        // The keys stay on the chart: the page did not scroll, and focus did not move.
        Assert.Equal("chart-canvas", await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('data-testid')"));
        await session.ScreenshotAsync("a11y-linkchart-keyboard");
    }

    [Theory]
    [MemberData(nameof(BrowserSession.Browsers), MemberType = typeof(BrowserSession))]
    public async Task LinkChart_TableView_ListsEveryNodeWithItsMeasuresAndEveryShownTie(string browser)
    {
        Assert.Equal("chromium", browser);
        await using var session = await server.NewSessionAsync();
        var page = session.Page;
        await session.SignInAsync("it.analyst");
        await page.GotoAsync(session.BaseUrl + "/network?case=OP-ZUWARA");
        await page.WaitForSelectorAsync("[data-testid=chart-canvas][data-layout=done]");

        await page.ClickAsync("[data-testid=table-view]");
        await page.WaitForSelectorAsync("[data-testid=node-table] tbody tr");
        Assert.Equal("true", await page.GetAttributeAsync("[data-testid=table-view]", "aria-pressed"));
        var nodes = await page.InnerTextAsync("[data-testid=node-count]");
        var ties = await page.InnerTextAsync("[data-testid=edge-count]");
        Assert.Equal(nodes, (await page.Locator("[data-testid=node-table] tbody tr").CountAsync()).ToString(CultureInfo.InvariantCulture));
        Assert.Equal(ties, (await page.Locator("[data-testid=table-tie]").CountAsync()).ToString(CultureInfo.InvariantCulture));

        // The organiser's row carries its role and the measures the side panel shows; its name selects it.
        var row = page.Locator("[data-testid=node-table] tbody tr", new() { HasText = "Abdelrahman Al-Zuwari" }).First;
        await row.Locator("[data-testid=table-node]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=node-caption]")).ToHaveTextAsync("Abdelrahman Al-Zuwari");
        Assert.Equal((await page.InnerTextAsync("[data-testid=score-organiser]")).Trim(), (await row.Locator("[data-testid=table-organiser]").InnerTextAsync()).Trim());
        Assert.True(double.Parse(await row.Locator("[data-testid=table-organiser]").InnerTextAsync(), CultureInfo.InvariantCulture) > 0);
        var measures = await page.InnerTextAsync("[data-testid=node-measures]");
        Assert.Contains("degree " + (await row.Locator("[data-testid=table-degree]").InnerTextAsync()).Trim() + " ", measures, StringComparison.Ordinal);

        // Every tie has a kind and a date (or says it has none); a filter takes its ties out of the table too.
        Assert.All(await page.Locator("[data-testid=table-tie] td:nth-child(4)").AllInnerTextsAsync(),
            d => Assert.Matches(@"^(\d{4}-\d{2}-\d{2}|no date)$", d.Trim()));
        var kind = page.Locator("[data-testid=kind]").First;
        var kindName = await kind.GetAttributeAsync("data-kind");
        var ofKind = await page.Locator("[data-testid=table-tie]").Filter(new() { HasText = kindName! }).CountAsync();
        await kind.UncheckAsync();
        await page.WaitForFunctionAsync("n => document.querySelectorAll('[data-testid=table-tie]').length === n", int.Parse(ties, CultureInfo.InvariantCulture) - ofKind);
        Assert.True(ofKind > 0);
        await session.ScreenshotAsync("a11y-linkchart-tables");
    }

    [Theory]
    [MemberData(nameof(BrowserSession.Browsers), MemberType = typeof(BrowserSession))]
    public async Task Map_SectionsAreNamedButtonsReachedByTabWalkedByArrowsAndOpenedByEnter(string browser)
    {
        Assert.Equal("chromium", browser);
        await using var session = await server.NewSessionAsync();
        var page = session.Page;
        await session.SignInAsync("policy.officer");
        await page.GotoAsync(session.BaseUrl + "/sections");
        await page.WaitForSelectorAsync("[data-testid=map] path.section");
        var sections = page.Locator("[data-testid=map] path.section");
        var count = await sections.CountAsync();

        // Every section: a button whose name says its level in words; one of them in the tab order.
        Assert.All(await sections.EvaluateAllAsync<string[]>("ps => ps.map(p => p.getAttribute('role') + '|' + p.getAttribute('aria-label'))"),
            s => Assert.Matches(@"^button\|.+impact level: (low|medium|high|critical)", s));
        Assert.Equal(1, await page.Locator("[data-testid=map] path.section[tabindex='0']").CountAsync());

        // The table beside the map is its equivalent: the same sections, each with its level in words.
        var onMap = await sections.EvaluateAllAsync<string[]>("ps => ps.map(p => p.getAttribute('data-section')).sort()");
        var inTable = await page.Locator("[data-testid=sections] tr[data-section]").EvaluateAllAsync<string[]>("rs => rs.map(r => r.getAttribute('data-section')).sort()");
        Assert.Equal(onMap, inTable);
        foreach (var code in onMap)
        {
            var level = await page.GetAttributeAsync($"[data-testid=map] path.section[data-section='{code}']", "class");
            Assert.Contains("level-" + (await page.InnerTextAsync($"[data-testid='level-{code}']")).Trim(), level, StringComparison.Ordinal);
        }

        // Tab from the page's heading reaches a section (the one in the tab order); the arrows walk the others and the live
        // region names each.
        await page.FocusAsync("h1");
        var first = "";
        var path = new List<string>();
        for (var i = 0; i < 30 && string.IsNullOrEmpty(first); i++)
        {
            await page.Keyboard.PressAsync("Tab");
            first = await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('data-section') ?? ''");
            path.Add(await page.EvaluateAsync<string>("() => document.activeElement.tagName + '.' + (document.activeElement.getAttribute('class') ?? '')"));
        }

        Assert.False(string.IsNullOrEmpty(first), "Tab passed " + string.Join(" → ", path));
        await page.Keyboard.PressAsync("ArrowRight");
        var second = await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('data-section')");
        Assert.NotEqual(first, second);
        await Assertions.Expect(page.Locator("[data-testid=map-live]")).ToContainTextAsync($"(section 2 of {count.ToString(CultureInfo.InvariantCulture)})");
        Assert.Equal(1, await page.Locator("[data-testid=map] path.section[tabindex='0']").CountAsync());

        // Enter opens the section: its page, its name, the map focused on it.
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("/sections\\?code=" + Regex.Escape(second)));
        await page.WaitForSelectorAsync($"[data-testid=map] path.section.focused[data-section={second}]");
        Assert.False(string.IsNullOrWhiteSpace(await page.InnerTextAsync("[data-testid=section-name]")));
        await session.ScreenshotAsync("a11y-map-keyboard");
    }

    private static async Task<string> AnnouncedAsync(IPage page, string part)
    {
        var live = page.Locator("[data-testid=chart-announce]");
        await Assertions.Expect(live).ToContainTextAsync(part);
        return (await live.InnerTextAsync()).Trim();
    }

    [GeneratedRegex(@"Enter goes to (.+)\.$")]
    private static partial Regex EnterGoesTo();
}
