using System.Globalization;
using Microsoft.Playwright;

namespace Tessera.Web.Tests.Browser;

/// <summary>An analyst opens the link chart of a case, reads the leads, expands a node, traces a path and exports the network.</summary>
[Collection(BrowserSerial.Name)]
public sealed class LinkChartJourneyTests(DemoServer server)
{
    [Theory]
    [MemberData(nameof(BrowserSession.Browsers), MemberType = typeof(BrowserSession))]
    public async Task LinkChart_ZuwaraCase_DrawsExpandsTracesAPathAndExportsGraphMl(string browser)
    {
        Assert.Equal("chromium", browser);
        await using var session = await server.NewSessionAsync();
        var page = session.Page;
        await session.SignInAsync("it.analyst");

        await page.ClickAsync("text=Network");
        await page.SelectOptionAsync("[data-testid=case-picker]", "OP-ZUWARA");
        var drawn = await DrawnAsync(page);
        await session.ScreenshotAsync("linkchart-01-case");

        Assert.True(drawn > 5, $"{drawn} nodes drawn");
        Assert.Equal(drawn, await CountAsync(page, "node-count"));
        Assert.Contains("Al-Zuwari", await page.InnerTextAsync("[data-testid=ranked]"), StringComparison.Ordinal);
        Assert.DoesNotContain("Zuwari", await page.TitleAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("Zuwari", page.Url, StringComparison.Ordinal);

        // The organiser: its role scores and the reasons behind them in the side panel.
        await page.Locator("[data-testid=ranked-node]", new() { HasText = "Abdelrahman Al-Zuwari" }).First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=node-caption]")).ToHaveTextAsync("Abdelrahman Al-Zuwari");
        Assert.NotEmpty(await page.InnerTextAsync("[data-testid=node-why]"));
        Assert.True(double.Parse(await page.InnerTextAsync("[data-testid=score-organiser]"), CultureInfo.InvariantCulture) > 0);
        await session.ScreenshotAsync("linkchart-02-organiser");

        // Focus on the organiser, then expand its strongest neighbour: the chart grows again.
        var before = await CountAsync(page, "node-count");
        await page.ClickAsync("[data-testid=focus]");
        await page.WaitForFunctionAsync("n => Number(document.querySelector('[data-testid=node-count]').textContent) < n", before);
        var focused = await DrawnAsync(page);
        var neighbour = page.Locator("[data-testid=ranked-node]:not(.selected)").First;
        await neighbour.ClickAsync();
        await page.ClickAsync("[data-testid=expand]");
        await page.WaitForFunctionAsync("n => Number(document.querySelector('[data-testid=node-count]').textContent) > n", focused);
        var expanded = await DrawnAsync(page);
        await session.ScreenshotAsync("linkchart-03-expanded");

        Assert.True(focused < before, $"focus kept {focused} of {before}");
        Assert.True(expanded > focused, $"expanding drew {expanded} nodes after {focused}");

        // A path from the organiser to the broker Ibrahim Touré, listed and highlighted.
        await page.ClickAsync("[data-testid=reset]");
        await DrawnAsync(page);
        await page.Locator("[data-testid=ranked-node]", new() { HasText = "Abdelrahman Al-Zuwari" }).First.ClickAsync();
        await page.ClickAsync("[data-testid=path-from-here]");
        await page.Locator("[data-testid=ranked-node]", new() { HasText = "Ibrahim Touré" }).First.ClickAsync();
        await page.ClickAsync("[data-testid=path-to-here]");
        await page.ClickAsync("[data-testid=find-path]");
        var steps = page.Locator("[data-testid=path-step]");
        await Assertions.Expect(steps.First).ToBeVisibleAsync();
        var path = await steps.AllInnerTextsAsync();
        await session.ScreenshotAsync("linkchart-04-path");

        Assert.True(path.Count >= 3, string.Join(" → ", path));
        Assert.Equal("Abdelrahman Al-Zuwari", path[0]);
        Assert.Equal("Ibrahim Touré", path[^1]);
        Assert.Equal(path.Count.ToString(CultureInfo.InvariantCulture), await page.GetAttributeAsync("[data-testid=chart-canvas]", "data-path-nodes"));

        // The drawn network as GraphML, with captions.
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=export-graphml]"));
        var file = Path.Combine(Path.GetTempPath(), "tessera-linkchart-" + Guid.NewGuid().ToString("N") + ".graphml");
        await download.SaveAsAsync(file);
        var graphMl = await File.ReadAllTextAsync(file);
        File.Delete(file);

        Assert.Equal("network.graphml", download.SuggestedFilename);
        Assert.Contains("<graphml", graphMl, StringComparison.Ordinal);
        Assert.Contains("Abdelrahman Al-Zuwari", graphMl, StringComparison.Ordinal);
        Assert.Equal(drawn, System.Text.RegularExpressions.Regex.Count(graphMl, "<node "));

        // The picture as PNG.
        var png = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=export-png]"));
        var pngFile = Path.Combine(Path.GetTempPath(), "tessera-linkchart-" + Guid.NewGuid().ToString("N") + ".png");
        await png.SaveAsAsync(pngFile);
        var bytes = await File.ReadAllBytesAsync(pngFile);
        File.Delete(pngFile);

        Assert.Equal("network.png", png.SuggestedFilename);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
        Assert.True(bytes.Length > 10_000, $"{bytes.Length} bytes");
    }

    [Theory]
    [MemberData(nameof(BrowserSession.Browsers), MemberType = typeof(BrowserSession))]
    public async Task LinkChart_KeyboardAndFilters_ClearSelectionZoomAndHideTies(string browser)
    {
        Assert.Equal("chromium", browser);
        await using var session = await server.NewSessionAsync();
        var page = session.Page;
        await session.SignInAsync("it.analyst");
        await page.GotoAsync(session.BaseUrl + "/network?case=OP-ZUWARA");
        await DrawnAsync(page);
        var edges = int.Parse((await page.GetAttributeAsync("[data-testid=chart-canvas]", "data-rendered-edges"))!, CultureInfo.InvariantCulture);

        await page.Locator("[data-testid=kind][data-kind='called (Call)']").UncheckAsync();
        await page.WaitForFunctionAsync("n => Number(document.querySelector('[data-testid=chart-canvas]').dataset.renderedEdges) < n", edges);
        await page.Locator("[data-testid=kind][data-kind='called (Call)']").CheckAsync();
        await page.FillAsync("[data-testid=date-from]", "2026-06-10");
        await page.WaitForFunctionAsync("n => Number(document.querySelector('[data-testid=chart-canvas]').dataset.renderedEdges) < n", edges);
        // The date is typed a character at a time, so the chart redraws more than once: the status line must come to name
        // the ties drawn once the last redraw is done (read both in one frame, not one after the other).
        await page.WaitForFunctionAsync(
            "() => { const n = document.querySelector('[data-testid=chart-canvas]').dataset.renderedEdges; " +
            "const s = document.querySelector('[data-testid=edges-shown]'); return !!s && s.textContent.includes(n + ' shown'); }");
        await session.ScreenshotAsync("linkchart-05-filtered");

        await page.Locator("[data-testid=ranked-node]").First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=node-caption]")).ToBeVisibleAsync();
        await page.FocusAsync("[data-testid=chart-canvas]");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.Locator("[data-testid=no-selection]")).ToBeVisibleAsync();
        var zoom = await page.EvaluateAsync<double>("() => Number(document.querySelector('[data-testid=chart-canvas]').dataset.zoom ?? 0)");
        await page.Keyboard.PressAsync("+");
        await page.WaitForFunctionAsync("z => Number(document.querySelector('[data-testid=chart-canvas]').dataset.zoom) > z", zoom);

        // Every control is reached with Tab, from the case picker on.
        await page.FocusAsync("[data-testid=case-picker]");
        var reached = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 60; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached.Add(await page.EvaluateAsync<string>("() => document.activeElement?.dataset?.testid ?? ''"));
        }

        Assert.Superset(new HashSet<string> { "zoom-in", "zoom-out", "fit", "reset", "colour-by", "export-png", "export-graphml", "kind", "date-from", "date-to", "ranked-node", "chart-canvas" }, reached);
    }

    [Theory]
    [MemberData(nameof(BrowserSession.Browsers), MemberType = typeof(BrowserSession))]
    public async Task LinkChart_OtherOrganisation_SeesNoNodeOfTheCase(string browser)
    {
        Assert.Equal("chromium", browser);
        await using var session = await server.NewSessionAsync();
        var page = session.Page;
        await session.SignInAsync("de.analyst");

        await page.GotoAsync(session.BaseUrl + "/network");
        var cases = await page.Locator("[data-testid=case-picker] option").AllInnerTextsAsync();
        await page.GotoAsync(session.BaseUrl + "/network?case=OP-ZUWARA");
        await Assertions.Expect(page.Locator("[data-testid=chart-message]")).ToContainTextAsync("Nothing to draw");
        await session.ScreenshotAsync("linkchart-06-other-organisation");
        var restricted = await page.ContentAsync();
        var restrictedCount = await CountAsync(page, "node-count");
        await page.SelectOptionAsync("[data-testid=case-picker]", "*");
        await page.WaitForFunctionAsync("() => Number(document.querySelector('[data-testid=node-count]')?.textContent) > 0");
        var all = await DrawnAsync(page);
        await session.ScreenshotAsync("linkchart-07-other-organisation-all");
        var everything = await page.ContentAsync();

        Assert.DoesNotContain(cases, c => c.Contains("OP-ZUWARA", StringComparison.Ordinal));
        Assert.Equal(0, restrictedCount);
        Assert.DoesNotContain("Zuwari", restricted, StringComparison.Ordinal);
        Assert.True(all > 0);
        Assert.DoesNotContain("Zuwari", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("Mohammed Ali Hassan", everything, StringComparison.Ordinal);
    }

    // Waits for the layout and returns how many nodes cytoscape drew.
    private static async Task<int> DrawnAsync(IPage page)
    {
        await page.WaitForSelectorAsync("[data-testid=chart-canvas][data-layout=done]");
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=chart-canvas]').dataset.renderedNodes === document.querySelector('[data-testid=node-count]').textContent.trim()");
        return int.Parse((await page.GetAttributeAsync("[data-testid=chart-canvas]", "data-rendered-nodes"))!, CultureInfo.InvariantCulture);
    }

    private static async Task<int> CountAsync(IPage page, string testId) =>
        int.Parse((await page.InnerTextAsync($"[data-testid={testId}]")).Trim(), CultureInfo.InvariantCulture);
}
