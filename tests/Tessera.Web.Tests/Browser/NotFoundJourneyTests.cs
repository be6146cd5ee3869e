using Microsoft.Playwright;

namespace Tessera.Web.Tests.Browser;

/// <summary>A user who follows a wrong link sees the app's not-found page in its layout (status 404), not raw JSON; the
/// same inside the running app, where navigation does not leave the page.</summary>
[Collection(BrowserSerial.Name)]
public sealed class NotFoundJourneyTests(DemoServer server)
{
    [Theory]
    [MemberData(nameof(BrowserSession.Browsers), MemberType = typeof(BrowserSession))]
    public async Task WrongLink_ShowsTheNotFoundPageInTheLayout(string browser)
    {
        Assert.Equal("chromium", browser);
        await using var session = await server.NewSessionAsync();
        var page = session.Page;

        var response = await page.GotoAsync(session.BaseUrl + "/no-such-page");

        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.Locator("[data-testid=error-page] h1")).ToHaveTextAsync("Page not found");
        Assert.Contains("Page not found", await page.TitleAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator(".mud-appbar").CountAsync());
        Assert.DoesNotContain("\"status\"", await page.ContentAsync(), StringComparison.Ordinal);
        await session.ScreenshotAsync("not-found");

        // Signed in, the same page under the app's bar with the user's links, and its link leads back to the start page.
        await session.SignInAsync("it.analyst");
        await page.GotoAsync(session.BaseUrl + "/cases/nothing/here");
        await Assertions.Expect(page.Locator("[data-testid=error-page] h1")).ToHaveTextAsync("Page not found");
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the start page" }).ClickAsync();
        await page.WaitForSelectorAsync("[data-testid=signed-in-as]");
        Assert.Equal(session.BaseUrl + "/", page.Url);
    }
}
