using System.Globalization;
using Microsoft.Playwright;

namespace Tessera.Web.Tests.Browser.Accessibility;

/// <summary>Reflow at 320 CSS px (WCAG 2.1 SC 1.4.10) and a 1280 px window zoomed to 200 % (640 CSS px, SC 1.4.4): the
/// page never scrolls sideways (data tables and charts may, inside their own focusable region) and every menu entry stays
/// on screen.</summary>
[Collection(BrowserSerial.Name)]
public sealed class ReflowTests(DemoServer server)
{
    public static TheoryData<string, int> Cases
    {
        get
        {
            var data = new TheoryData<string, int>();
            if (BrowserSession.Browsers.Count == 0)
            {
                return data;
            }

            foreach (var name in Pages)
            {
                data.Add(name, 320);
            }

            data.Add("dashboard, charts drawn", 640);
            data.Add("network, chart drawn", 640);
            data.Add("audit trail", 640);
            return data;
        }
    }

    // One page per kind of layout: a form, lists and tables, the link chart, the dashboard with its charts and map, administration.
    private static readonly string[] Pages =
    [
        "sign-in", "home", "search results", "hits", "hit page", "case workspace", "import, first step", "network, chart drawn",
        "network, table view", "dashboard, charts drawn", "sections, one chosen", "audit trail", "administration, users",
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Page_NarrowWindow_DoesNotScrollSidewaysAndKeepsTheMenuOnScreen(string name, int width)
    {
        var entry = AccessiblePages.Named(name);
        await using var session = await server.NewSessionAsync();
        await session.Page.SetViewportSizeAsync(width, 720);
        await AccessibilityTests.OpenAsync(session, entry);
        await session.ScreenshotAsync($"a11y-reflow-{width.ToString(CultureInfo.InvariantCulture)}-{name.Replace(", ", "-").Replace(' ', '-')}");

        // Regions that scroll on their own (tables, charts) are allowed; the document itself is not.
        var overflow = await session.Page.EvaluateAsync<string[]>("""
            () => {
                const width = document.documentElement.clientWidth;
                if (document.documentElement.scrollWidth <= width + 1) return [];
                return [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > width + 1 && !e.closest('.mud-table-container, .table-scroll, .echart, .tessera-map, .linkchart-canvas, .visually-hidden, .skip-link'))
                    .slice(0, 8).map(e => e.tagName.toLowerCase() + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : '') + ' right=' + Math.round(e.getBoundingClientRect().right));
            }
            """);
        var scrollWidth = await session.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width + 1, $"{name} at {width} px scrolls sideways to {scrollWidth} px: " + string.Join("; ", overflow));

        var menu = session.Page.Locator("[data-testid=main-menu] a");
        foreach (var link in await menu.AllAsync())
        {
            var box = await link.BoundingBoxAsync();
            Assert.True(box is not null && box.X >= 0 && box.X + box.Width <= width + 1, $"menu entry {await link.InnerTextAsync()} is off screen at {width} px");
        }

        if (entry.User is not null)
        {
            Assert.True(await menu.CountAsync() > 0, "the menu is there");
        }
    }
}
